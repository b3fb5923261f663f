package vn.giaoban.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.CatalogFiles;
import vn.giaoban.submission.internal.TemplateMetadata;
import vn.giaoban.text.Messages;

class TemplateCommandTest {

    private static final Catalog CATALOG = CatalogFiles.load("classpath:catalog/van-lang/");
    private static final YearMonth OCTOBER = YearMonth.of(2022, 10);

    @TempDir
    Path work;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    private TemplateCommand command() {
        return new TemplateCommand(CATALOG, work, out, Messages.defaults());
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void oneFormOfOneUnitGoesToTheUnitsFolderOfThePeriod() throws IOException {
        List<Path> files = command().run(new TemplateCommand.Request(OCTOBER, "BM03-DT", "06172", null));

        Path expected = work.resolve("templates/2022-10/06172/BM03-DT_06172_2022-10.xlsx");
        assertThat(files).containsExactly(expected);
        assertThat(expected).isRegularFile();
        assertThat(printed()).isEqualTo("biểu mẫu: " + expected.toAbsolutePath() + System.lineSeparator()
                + "Đã tạo 1 biểu mẫu kỳ 10/2022 cho 1 đơn vị." + System.lineSeparator());
        try (var listing = Files.list(expected.getParent())) {
            assertThat(listing).as("no partial file left behind").containsExactly(expected);
        }
    }

    @Test
    void aUnitAloneGetsEveryFormItSubmitsAndAFormAloneEveryUnitThatSubmitsIt() {
        assertThat(command().plan(new TemplateCommand.Request(OCTOBER, null, "06172", null)))
                .extracting(p -> p.form().code()).containsExactly("BM03-DT", "BM03-DS");
        assertThat(command().plan(new TemplateCommand.Request(OCTOBER, null, "06127", null)))
                .extracting(p -> p.form().code()).containsExactly("BM03-DT", "BM05-NTM", "BM03-DS");
        assertThat(command().plan(new TemplateCommand.Request(OCTOBER, null, "TTH", null)))
                .extracting(p -> p.form().code()).containsExactly("BM03-DT");
        assertThat(command().plan(new TemplateCommand.Request(OCTOBER, "BM05-NTM", null, null)))
                .extracting(p -> p.unit().code()).containsExactly("06127");
        assertThat(command().plan(new TemplateCommand.Request(OCTOBER, "BM03-DT", null, null)))
                .extracting(p -> p.unit().code()).hasSize(18).contains("06124", "TTH").doesNotContain("182", "CCTKV3");
        assertThat(command().plan(new TemplateCommand.Request(OCTOBER, null, null, null))).hasSize(39);
    }

    @Test
    void theWholePeriodIntoOneFolder() throws IOException {
        Path folder = work.resolve("gui-cac-xa");
        List<Path> files = command().run(new TemplateCommand.Request(OCTOBER, null, null, folder));

        assertThat(files).hasSize(39).allSatisfy(file -> assertThat(file.getParent()).isEqualTo(folder));
        assertThat(printed()).endsWith("Đã tạo 39 biểu mẫu kỳ 10/2022 cho 21 đơn vị." + System.lineSeparator());
    }

    /** Codes are reused after the 2025 reform: 06172 is then Xã Hoàng Văn Thụ, and the district's departments are gone. */
    @Test
    void aPeriodAfterTheReformWritesTheUnitsOfThatPeriod() throws IOException {
        YearMonth august2025 = YearMonth.of(2025, 8);
        List<Path> files = command().run(new TemplateCommand.Request(august2025, null, null, null));

        assertThat(files).hasSize(10).extracting(f -> f.getFileName().toString())
                .contains("BM03-DT_06172_2025-08.xlsx", "BM03-DT_06124_2025-08.xlsx", "BM03-DS_06172_2025-08.xlsx").noneMatch(n -> n.contains("TTH"))
                .noneMatch(n -> n.contains("BM05-NTM"));
        Path hoangVanThu = work.resolve("templates/2025-08/06172/BM03-DT_06172_2025-08.xlsx");
        try (InputStream in = Files.newInputStream(hoangVanThu); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("UBND XÃ HOÀNG VĂN THỤ");
            assertThat(workbook.getSheetAt(0).getRow(5).getCell(0).getStringCellValue())
                    .isEqualTo("Đơn vị báo cáo: Xã Hoàng Văn Thụ (mã 06172)");
        }
        assertThat(TemplateMetadata.read(hoangVanThu)).map(TemplateMetadata::period).contains(august2025);
    }

    @Test
    void requestsThatCannotBeMetAreToldInVietnamese() {
        assertThatThrownBy(() -> command().plan(new TemplateCommand.Request(OCTOBER, "BM09", "06172", null)))
                .isInstanceOf(TemplateCommand.InvalidRequest.class)
                .hasMessage("Không có biểu BM09 trong danh mục (các biểu: BM01-NS, BM02-DTC, BM03-DT, BM04-ANTT, BM05-NTM, BM03-DS).");
        assertThatThrownBy(() -> command().plan(new TemplateCommand.Request(OCTOBER, null, "99999", null)))
                .isInstanceOf(TemplateCommand.InvalidRequest.class)
                .hasMessage("Không có đơn vị mã 99999 trong danh mục.");
        assertThatThrownBy(() -> command().plan(new TemplateCommand.Request(OCTOBER, "BM01-NS", "06172", null)))
                .isInstanceOf(TemplateCommand.InvalidRequest.class)
                .hasMessage("Xã Tân Mỹ không thuộc đơn vị gửi biểu BM01-NS (Báo cáo thu ngân sách nhà nước trên địa bàn);"
                        + " đơn vị này gửi: BM03-DT, BM03-DS.");
        assertThatThrownBy(() -> command().plan(new TemplateCommand.Request(YearMonth.of(2025, 8), null, "06178", null)))
                .isInstanceOf(TemplateCommand.InvalidRequest.class)
                .hasMessage("Mã đơn vị 06178 không có hiệu lực trong kỳ 08/2025.");
        assertThatThrownBy(() -> command().plan(new TemplateCommand.Request(OCTOBER, null, "VPHU", null)))
                .isInstanceOf(TemplateCommand.InvalidRequest.class)
                .hasMessage("Văn phòng HĐND và UBND huyện không gửi biểu nào theo danh mục.");
        assertThatThrownBy(() -> command().plan(new TemplateCommand.Request(YearMonth.of(2025, 8), "BM01-NS", null, null)))
                .isInstanceOf(TemplateCommand.InvalidRequest.class)
                .hasMessage("Không có đơn vị nào gửi biểu BM01-NS trong kỳ 08/2025.");
        assertThatThrownBy(() -> new TemplateCommand.Request(null, "BM03-DT", "06172", null))
                .isInstanceOf(TemplateCommand.InvalidRequest.class)
                .hasMessage("Thiếu kỳ báo cáo: --period yyyy-MM (ví dụ --period 2022-10).");
        assertThat(printed()).isEmpty();
    }

    @Test
    void blankOptionsMeanAll() {
        TemplateCommand.Request request = new TemplateCommand.Request(OCTOBER, " ", "", null);
        assertThat(request.formCode()).isNull();
        assertThat(request.unitCode()).isNull();
    }

    /** From the settings alone, without the database: it can run while a nightly run holds it. */
    @Test
    void fromSettingsReadsTheWorkDirAndTheCatalogWithoutStartingTheApplication() throws IOException {
        TemplateCommand command = TemplateCommand.fromSettings(List.of("--giaoban.work-dir=" + work,
                "--spring.main.log-startup-info=false"), out);

        List<Path> files = command.run(new TemplateCommand.Request(OCTOBER, "BM04-ANTT", "CAH", null));

        assertThat(files).containsExactly(work.resolve("templates/2022-10/CAH/BM04-ANTT_CAH_2022-10.xlsx"));
        assertThat(work.resolve("db")).doesNotExist();
    }
}
