package vn.giaoban.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.CatalogException;
import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.PeriodType;

/** The optional columns {@code period_type} and {@code cutoff_day} of forms.csv: defaults, parsing, mistakes. */
class FormScheduleColumnsTest {

    private final CatalogLoader loader = new CatalogLoader(new DefaultResourceLoader());

    @TempDir
    Path catalog;

    /** The shipped catalog, as a catalog written before the two columns existed: without them. */
    @BeforeEach
    void copyTheShippedCatalogWithoutTheColumns() throws IOException {
        PathUtils.copyDirectory(Path.of("src/main/resources/catalog/van-lang"), catalog);
        Path forms = catalog.resolve("forms.csv");
        List<String> lines = Files.readAllLines(forms);
        assertThat(lines.get(0)).endsWith(",period_type,cutoff_day");
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            // the shipped lines end with the two columns: ",,23" or ",,", and the header with their names
            text.append(line.isEmpty() ? line : line.substring(0, line.lastIndexOf(',', line.lastIndexOf(',') - 1)))
                    .append('\n');
        }
        Files.writeString(forms, text);
    }

    @Test
    void aCatalogWithoutTheColumnsHasMonthlyFormsWithTheDecreesCutoff() throws IOException {
        assertThat(Files.readAllLines(catalog.resolve("forms.csv")).get(0)).doesNotContain("period_type", "cutoff_day");

        Catalog loaded = load();

        assertThat(loaded.forms()).isNotEmpty().allSatisfy(form -> {
            assertThat(form.periodType()).isEqualTo(PeriodType.MONTH);
            assertThat(form.cutoffDay()).isEqualTo(14);
        });
    }

    @Test
    void theColumnsAreReadWhereGivenAndDefaultedWhereBlank() throws IOException {
        withColumns(List.of("QUARTER,20", "year,", ",10", ",", "HALF_YEAR,24"));

        Catalog loaded = load();

        assertThat(loaded.forms()).extracting(Form::code, Form::periodType, Form::cutoffDay).containsExactly(
                tuple("BM01-NS", PeriodType.QUARTER, 20),
                tuple("BM02-DTC", PeriodType.YEAR, 14),
                tuple("BM03-DT", PeriodType.MONTH, 10),
                tuple("BM04-ANTT", PeriodType.MONTH, 14),
                tuple("BM05-NTM", PeriodType.HALF_YEAR, 24),
                tuple("BM03-DS", PeriodType.MONTH, 14));
    }

    @Test
    void anUnknownPeriodTypeNamesTheFileTheLineTheFormAndTheAcceptedValues() throws IOException {
        withColumns(List.of(",", ",", "QUY,", ",", ","));

        assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
                .hasMessageContaining("tệp forms.csv, dòng 4 (BM03-DT): loại kỳ báo cáo không hợp lệ 'QUY'"
                        + " (cần MONTH, QUARTER, HALF_YEAR hoặc YEAR)");
    }

    @Test
    void aCutoffThatIsNotADayOfTheMonthIsAnError() throws IOException {
        withColumns(List.of(",32", ",", ",", ",mười", ","));

        assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
                .hasMessageContaining("tệp forms.csv, dòng 2 (BM01-NS): cột cutoff_day phải là một ngày trong tháng"
                        + " (1-31), đang là 32")
                .hasMessageContaining("tệp forms.csv, dòng 5 (BM04-ANTT): cột cutoff_day phải là một ngày trong"
                        + " tháng (1-31), đang là 'mười'");
    }

    @Test
    void aCutoffAfterTheDeadlineIsAnError() throws IOException {
        withColumns(List.of(",", ",25", ",", ",", ","));

        assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
                .hasMessageContaining("tệp forms.csv, dòng 3 (BM02-DTC): ngày chốt số liệu 25 sau hạn gửi ngày 24");
    }

    @Test
    void aDeadlineOutsideTheMonthIsAnError() throws IOException {
        Path forms = catalog.resolve("forms.csv");
        Files.writeString(forms, Files.readString(forms).replace("PTCKH,CUMULATIVE,24,", "PTCKH,CUMULATIVE,0,"));

        assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
                .hasMessageContaining("tệp forms.csv, dòng 3 (BM02-DTC): cột deadline_day phải là một ngày trong"
                        + " tháng (1-31), đang là 0");
    }

    /**
     * Appends {@code period_type,cutoff_day} to the shipped forms.csv, one value pair per form in file
     * order; the forms after those given keep the defaults.
     */
    private void withColumns(List<String> values) throws IOException {
        Path forms = catalog.resolve("forms.csv");
        List<String> lines = Files.readAllLines(forms);
        assertThat(lines).hasSizeGreaterThan(values.size());
        StringBuilder text = new StringBuilder(lines.get(0)).append(",period_type,cutoff_day\n");
        for (int i = 1; i < lines.size(); i++) {
            text.append(lines.get(i)).append(',').append(i <= values.size() ? values.get(i - 1) : ",").append('\n');
        }
        Files.writeString(forms, text);
    }

    private Catalog load() {
        return loader.load("file:" + catalog.toAbsolutePath() + "/");
    }
}
