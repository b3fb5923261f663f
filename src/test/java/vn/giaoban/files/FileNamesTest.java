package vn.giaoban.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void aNameThatFitsIsKeptWhole() {
        assertThat(FileNames.fit("BM03-DT_T10-2022.csv", ".phan-hoi.txt")).isEqualTo("BM03-DT_T10-2022.csv.phan-hoi.txt");
    }

    @Test
    void aNameTooLongIsCutAtACharacterAndKeepsItsSuffixWithinTheBytes() {
        // Vietnamese letters take two or three bytes each: 120 of them are well over 255 bytes
        String stem = "Báo cáo tổng hợp số liệu giải quyết đơn thư ".repeat(6);

        String fitted = FileNames.fit(stem, ".phan-hoi.txt");

        assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(fitted).startsWith("Báo cáo tổng hợp").endsWith(".phan-hoi.txt").contains("…");
        assertThat(fitted.codePoints().noneMatch(c -> c == 0xFFFD)).isTrue();
    }

    @Test
    void twoLongNamesThatBeginAlikeStayApart() {
        String common = "L".repeat(300);

        assertThat(FileNames.fit(common + "1", ".txt")).isNotEqualTo(FileNames.fit(common + "2", ".txt"));
    }
}
