package vn.giaoban.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.NoSuchMessageException;

class MessagesTest {

    @Test
    void theShippedSentenceWithItsArgumentsWrittenIn() {
        assertThat(Messages.defaults().get("cli.invalid-period", "2022-13"))
                .isEqualTo("Kỳ báo cáo không hợp lệ: 2022-13 (cần dạng yyyy-MM, ví dụ 2022-10).");
    }

    @Test
    void anOfficeRewordsOneSentenceAndKeepsTheOthers(@TempDir Path folder) throws IOException {
        // given a messages folder with one key reworded, an apostrophe and a diacritic in it
        Files.writeString(folder.resolve("cli.properties"),
                "cli.invalid-period=Kỳ '{0}' sai: viết năm-tháng, ví dụ 2022-10.\n", StandardCharsets.UTF_8);

        // when the sentences are read with the office's folder
        Messages messages = Messages.withOverrides(folder);

        // then the reworded one is the office's, quotes and all, and every other key is the shipped one
        assertThat(messages.get("cli.invalid-period", "2022-13")).isEqualTo("Kỳ '2022-13' sai: viết năm-tháng, ví dụ 2022-10.");
        assertThat(messages.get("cli.missing-command")).isEqualTo("Thiếu lệnh.");
    }

    @Test
    void aFolderThatDoesNotExistIsTheShippedWording(@TempDir Path folder) {
        assertThat(Messages.withOverrides(folder.resolve("none"))).isSameAs(Messages.defaults());
    }

    @Test
    void anUnknownKeyIsAProgrammingError() {
        assertThatThrownBy(() -> Messages.defaults().get("cli.no-such-key")).isInstanceOf(NoSuchMessageException.class);
    }
}
