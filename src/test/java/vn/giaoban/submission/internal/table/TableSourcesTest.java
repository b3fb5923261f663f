package vn.giaoban.submission.internal.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableSourcesTest {

    @TempDir
    Path dir;

    @Test
    void refusesAnEmptyFile() throws Exception {
        // given
        Path file = Files.createFile(dir.resolve("bao-cao.xlsx"));
        // when / then
        assertThatThrownBy(() -> TableSources.open(file, StandardCharsets.UTF_8))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("Tệp không đọc được: tệp rỗng.");
    }

    @Test
    void refusesAMissingFile() {
        assertThatThrownBy(() -> TableSources.open(dir.resolve("khong-co.xlsx"), StandardCharsets.UTF_8))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("Tệp không đọc được: không tìm thấy tệp.");
    }

    @Test
    void readsAShortTextFileAsCsv() throws Exception {
        // given a file shorter than any signature
        Path file = Files.write(dir.resolve("a.xls"), new byte[] {'P', 'K'});
        // when / then
        assertThat(XlsxTableSourceTest.readAll(file)).singleElement()
                .satisfies(row -> assertThat(row.cells().get(0).text()).isEqualTo("PK"));
    }

    @ParameterizedTest
    @CsvSource({"0,A", "1,B", "25,Z", "26,AA", "27,AB", "51,AZ", "52,BA", "701,ZZ", "702,AAA", "16383,XFD"})
    void namesColumnsAsExcelDoes(int column, String name) {
        assertThat(TableSources.columnName(column)).isEqualTo(name);
        assertThat(XlsxSheetRows.column(name + "12")).isEqualTo(column);
        assertThat(XlsxSheetRows.column("$" + name + "$3")).isEqualTo(column);
    }

    @Test
    void countsOnlySpacesAsBlank() {
        assertThat(TableSources.isBlank(" \u00A0\u202F\t")).isTrue();
        assertThat(TableSources.isBlank(null)).isTrue();
        assertThat(TableSources.isBlank(" x ")).isFalse();
    }
}
