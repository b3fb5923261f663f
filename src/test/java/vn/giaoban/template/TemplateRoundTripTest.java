package vn.giaoban.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.io.output.NullOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.ValueType;
import vn.giaoban.catalog.CatalogFiles;
import vn.giaoban.submission.Finding;
import vn.giaoban.submission.IngestResult;
import vn.giaoban.submission.ReceivedFile;
import vn.giaoban.submission.Severity;
import vn.giaoban.submission.SubmissionStatus;
import vn.giaoban.submission.internal.SubmissionReader;
import vn.giaoban.submission.internal.TemplateMetadata;
import vn.giaoban.text.Messages;

/** Every template of a period, filled in as a person would and read back by the real reader: every value, exactly. */
class TemplateRoundTripTest {

    private static final Catalog CATALOG = CatalogFiles.load("classpath:catalog/van-lang/");
    private static final YearMonth OCTOBER = YearMonth.of(2022, 10);

    private final SubmissionReader reader = new SubmissionReader(CATALOG, Charset.forName("windows-1258"));
    private final TemplateFiller filler = new TemplateFiller(CATALOG);

    @TempDir
    Path work;

    @Test
    void everyTemplateOfAPeriodFilledInIsAcceptedWithEveryValue() throws IOException {
        PrintStream quiet = new PrintStream(NullOutputStream.INSTANCE, true, StandardCharsets.UTF_8);
        List<Path> files = new TemplateCommand(CATALOG, work, quiet, Messages.defaults()).run(new TemplateCommand.Request(OCTOBER, null, null, null));

        // 16 communes and a town × BM03-DT and the BM03-DS list, Trùng Khánh (the commune assessed for NTM) × BM05,
        // and one form for each of CCTKV3, PTCKH, TTH, CAH
        assertThat(files).hasSize(39);
        List<String> checked = new ArrayList<>();
        long id = 1;
        for (Path file : files) {
            String unitCode = file.getParent().getFileName().toString();
            Unit unit = CATALOG.unit(unitCode, OCTOBER).orElseThrow();
            String formCode = file.getFileName().toString().substring(0, file.getFileName().toString().indexOf('_'));
            assertThat(file).hasFileName(formCode + "_" + unitCode + "_2022-10.xlsx");
            assertThat(file.getParent()).isEqualTo(work.resolve("templates/2022-10/" + unitCode));
            assertThat(TemplateMetadata.read(file)).contains(
                    new TemplateMetadata(formCode, unitCode, OCTOBER, TemplateWriter.TEMPLATE_VERSION));

            if (CATALOG.listForm(formCode).isPresent()) {
                fillList(file);
                IngestResult list = reader.read(new ReceivedFile(id++, unitCode, file, unitCode + "/" + file.getFileName()));
                assertThat(list.status()).as(file.toString()).isEqualTo(SubmissionStatus.ACCEPTED);
                assertThat(list.values()).extracting(v -> v.indicatorCode() + "/" + v.measure() + "=" + v.number())
                        .containsExactlyInAnyOrder("DT_TIEP_NHAN/CUMULATIVE=3", "DT_TIEP_NHAN/MONTH=1",
                                "DT_DA_GIAI_QUYET/CUMULATIVE=2", "DT_DA_GIAI_QUYET/MONTH=1");
                assertThat(list.findings()).extracting(Finding::code).containsExactly("LIST_COUNTED");
                checked.add(formCode + "/" + unitCode);
                continue;
            }
            TemplateFiller.Filled filled = filler.fill(file, unit, OCTOBER);
            IngestResult result = reader.read(new ReceivedFile(id++, unitCode, file, unitCode + "/" + file.getFileName()));

            assertThat(result.rejection()).as(file.toString()).isNull();
            assertThat(result.status()).as(file.toString()).isEqualTo(SubmissionStatus.ACCEPTED);
            assertThat(result.formCode()).isEqualTo(formCode);
            assertThat(result.period()).isEqualTo(OCTOBER);
            assertThat(result.unitKey()).isEqualTo(unit.key());
            assertThat(result.asOf()).isEqualTo(filled.asOf()).isEqualTo(OCTOBER.atDay(23));
            assertThat(result.values()).as(file.toString()).containsExactlyInAnyOrderElementsOf(filled.expected());
            Form form = CATALOG.form(formCode).orElseThrow();
            long texts = form.indicatorCodes().stream().filter(c -> CATALOG.indicator(c).valueType() == ValueType.TEXT).count();
            // one value per indicator and value column, but free text once per row
            assertThat(result.values()).hasSize((int) ((form.indicatorCodes().size() - texts)
                    * TemplateWriter.valueColumns(form, OCTOBER).size() + texts));
            assertThat(result.findings()).as(file.toString()).extracting(Finding::severity).doesNotContain(Severity.ERROR);
            assertThat(result.findings()).as(file.toString()).isEmpty();
            checked.add(formCode + "/" + unitCode);
        }
        assertThat(checked).contains("BM01-NS/CCTKV3", "BM02-DTC/PTCKH", "BM03-DT/06172", "BM03-DT/06124", "BM03-DT/TTH",
                "BM04-ANTT/CAH", "BM05-NTM/06127", "BM03-DS/06172").doesNotHaveDuplicates();
    }

    /** Three petitions typed into a list template, as a commune's clerk would, by the headings it shows. */
    private static void fillList(Path file) throws IOException {
        try (var workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            var sheet = workbook.getSheetAt(0);
            var header = sheet.getRow(9);
            Map<String, Integer> columns = new HashMap<>();
            header.forEach(cell -> columns.put(cell.getStringCellValue(), cell.getColumnIndex()));
            Object[][] rows = {
                    { LocalDate.of(2022, 3, 5), "Đã giải quyết", LocalDate.of(2022, 3, 20) },
                    { LocalDate.of(2022, 9, 10), "Đang giải quyết", null },
                    { LocalDate.of(2022, 10, 3), "Đã giải quyết", LocalDate.of(2022, 10, 12) } };
            for (int i = 0; i < rows.length; i++) {
                var row = sheet.getRow(10 + i);
                row.getCell(columns.get("Ngày tiếp nhận")).setCellValue((LocalDate) rows[i][0]);
                row.getCell(columns.get("Họ tên người gửi")).setCellValue("Người gửi " + (i + 1));
                row.getCell(columns.get("Tình trạng")).setCellValue((String) rows[i][1]);
                if (rows[i][2] != null) {
                    row.getCell(columns.get("Ngày giải quyết")).setCellValue((LocalDate) rows[i][2]);
                }
            }
            try (var out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    @Test
    void theTitleBlockCarriesTheIdentityInVisibleCells() throws IOException {
        Form form = CATALOG.form("BM03-DT").orElseThrow();
        Unit unit = CATALOG.unit("06172", OCTOBER).orElseThrow();
        Path file = new TemplateWriter(CATALOG).write(form, unit, OCTOBER, work);

        assertThat(file).hasFileName("BM03-DT_06172_2022-10.xlsx");
        try (XSSFWorkbook workbook = open(file)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("BM03-DT");
            assertThat(texts(sheet.getRow(0))).containsExactly("UBND XÃ TÂN MỸ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertThat(texts(sheet.getRow(1))).containsExactly("Độc lập - Tự do - Hạnh phúc");
            assertThat(texts(sheet.getRow(3))).containsExactly("BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ");
            assertThat(texts(sheet.getRow(4))).containsExactly("Biểu mẫu: BM03-DT");
            assertThat(texts(sheet.getRow(5))).containsExactly("Đơn vị báo cáo: Xã Tân Mỹ (mã 06172)");
            assertThat(texts(sheet.getRow(6))).containsExactly("Kỳ báo cáo: tháng 10 năm 2022");
            assertThat(texts(sheet.getRow(7))).containsExactly("Số liệu đến ngày:", "(ngày/tháng/năm, ví dụ 24/10/2022)");
            assertThat(texts(sheet.getRow(9))).containsExactly("STT", "Mã số", "Chỉ tiêu", "Đơn vị tính",
                    "Thực hiện tháng 10", "Lũy kế từ đầu năm", "Ghi chú");
            assertThat(texts(sheet.getRow(10))).containsExactly("DT_TIEP_NHAN", "Số đơn thư tiếp nhận", "đơn");
            assertThat(sheet.getRow(10).getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(texts(sheet.getRow(11))).containsExactly("DT_DA_GIAI_QUYET", "Số đơn thư đã giải quyết", "đơn");

            // locked: the title block, the headings, the codes and names; unlocked: values, notes, the as-of date
            assertThat(sheet.getProtect()).isTrue();
            assertThat(sheet.getCTWorksheet().getSheetProtection().isSetPassword()).isFalse();
            for (int column = 0; column <= 3; column++) {
                assertThat(sheet.getRow(10).getCell(column).getCellStyle().getLocked()).isTrue();
                assertThat(sheet.getRow(9).getCell(column).getCellStyle().getLocked()).isTrue();
            }
            for (int column = 4; column <= 6; column++) {
                assertThat(sheet.getRow(10).getCell(column).getCellStyle().getLocked()).isFalse();
                assertThat(sheet.getRow(11).getCell(column).getCellStyle().getLocked()).isFalse();
            }
            assertThat(sheet.getRow(7).getCell(3).getCellStyle().getLocked()).isFalse();
            assertThat(sheet.getRow(7).getCell(3).getCellStyle().getDataFormatString()).isEqualTo("@");
            assertThat(sheet.getRow(3).getCell(0).getCellStyle().getLocked()).isTrue();

            List<? extends DataValidation> validations = sheet.getDataValidations();
            assertThat(validations).hasSize(2).allSatisfy(validation -> {
                assertThat(validation.getValidationConstraint().getValidationType())
                        .as("counts take whole numbers").isEqualTo(DataValidationConstraint.ValidationType.INTEGER);
                assertThat(validation.getValidationConstraint().getOperator())
                        .isEqualTo(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL);
                assertThat(validation.getValidationConstraint().getFormula1()).isEqualTo("0");
                assertThat(validation.getShowErrorBox()).isTrue();
                assertThat(validation.getRegions().getCellRangeAddresses()).singleElement()
                        .satisfies(range -> assertThat(range.formatAsString()).isIn("E11:F11", "E12:F12"));
            });

            XSSFCell name = sheet.getRow(10).getCell(2);
            assertThat(workbook.getFontAt(name.getCellStyle().getFontIndex()).getFontName()).isEqualTo("Times New Roman");
            assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getColumnWidth(2)).isGreaterThan(sheet.getColumnWidth(1)).isGreaterThan(sheet.getColumnWidth(0));

            assertThat(workbook.getProperties().getCustomProperties().getProperty("giaoban.form").getLpwstr())
                    .isEqualTo("BM03-DT");
        }
    }

    @Test
    void aCriteriaTemplateOffersDatAndChuaDat() throws IOException {
        Form form = CATALOG.form("BM05-NTM").orElseThrow();
        Unit unit = CATALOG.unit("06127", OCTOBER).orElseThrow();
        Path file = new TemplateWriter(CATALOG).write(form, unit, OCTOBER, work);

        try (XSSFWorkbook workbook = open(file)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(texts(sheet.getRow(0))).containsExactly("UBND XÃ TRÙNG KHÁNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertThat(texts(sheet.getRow(3))).containsExactly("BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ XÃ NÔNG THÔN MỚI");
            assertThat(texts(sheet.getRow(9))).containsExactly("STT", "Mã số", "Tiêu chí", "Đơn vị tính", "Kết quả đánh giá",
                    "Ghi chú");
            assertThat(sheet.getDataValidations()).hasSize(19).allSatisfy(validation -> {
                assertThat(validation.getValidationConstraint().getValidationType())
                        .isEqualTo(DataValidationConstraint.ValidationType.LIST);
                assertThat(validation.getValidationConstraint().getExplicitListValues()).containsExactly("Đạt", "Chưa đạt");
            });
            assertThat(sheet.getCTWorksheet().getDataValidations().getDataValidationArray(0).getShowDropDown())
                    .as("showDropDown=1 would hide the arrow").isFalse();
            assertThat(sheet.getPrintSetup().getLandscape()).isFalse();
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
        }
    }

    @Test
    void aDepartmentIsNamedByItselfAndItsValuesAreAboutTheDistrict() throws IOException {
        Form form = CATALOG.form("BM01-NS").orElseThrow();
        Unit unit = CATALOG.unit("CCTKV3", OCTOBER).orElseThrow();
        Path file = new TemplateWriter(CATALOG).write(form, unit, OCTOBER, work.resolve("CCTKV3"));
        try (XSSFWorkbook workbook = open(file)) {
            assertThat(texts(workbook.getSheetAt(0).getRow(0))).first().isEqualTo("CHI CỤC THUẾ KHU VỰC III");
        }
        TemplateFiller.Filled filled = filler.fill(file, unit, OCTOBER);
        IngestResult result = reader.read(new ReceivedFile(1, "CCTKV3", file, "CCTKV3/" + file.getFileName()));
        assertThat(result.status()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(result.values()).containsExactlyInAnyOrderElementsOf(filled.expected());
        // figures are about the district; free text is the department's own words
        assertThat(result.values()).filteredOn(value -> value.number() != null)
                .allSatisfy(value -> assertThat(value.unitKey()).isEqualTo("182@-"))
                .extracting(v -> v.number().toPlainString()).allMatch(n -> n.endsWith(".75") || n.matches("\\d+"));
        assertThat(result.values()).filteredOn(value -> value.number() == null).isNotEmpty()
                .allSatisfy(value -> assertThat(value.unitKey()).isEqualTo("CCTKV3@-"));
    }

    @Test
    void anEmptyTemplateIsReadAsNoValuesNotAsBadOnes() throws IOException {
        Form form = CATALOG.form("BM03-DT").orElseThrow();
        Unit unit = CATALOG.unit("06172", OCTOBER).orElseThrow();
        Path file = new TemplateWriter(CATALOG).write(form, unit, OCTOBER, work);

        IngestResult result = reader.read(new ReceivedFile(1, "06172", file, "06172/" + file.getFileName()));

        assertThat(result.status()).isEqualTo(SubmissionStatus.REJECTED);
        assertThat(result.formCode()).isEqualTo("BM03-DT");
        assertThat(result.findings()).extracting(Finding::severity).doesNotContain(Severity.ERROR);
    }

    @Test
    void aTemplateForAUnitThatDoesNotSubmitTheFormIsRefused() {
        TemplateWriter writer = new TemplateWriter(CATALOG);
        Form form = CATALOG.form("BM01-NS").orElseThrow();
        Unit unit = CATALOG.unit("06172", OCTOBER).orElseThrow();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> writer.write(form, unit, OCTOBER, work));
        Unit old = CATALOG.unit("06178", OCTOBER).orElseThrow();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> writer.write(CATALOG.form("BM03-DT").orElseThrow(), old, YearMonth.of(2025, 8), work));
    }

    @Test
    void indicatorRowsCarryCodeNameAndUnitOfMeasure() throws IOException {
        Form form = CATALOG.form("BM04-ANTT").orElseThrow();
        Unit unit = CATALOG.unit("CAH", OCTOBER).orElseThrow();
        Path file = new TemplateWriter(CATALOG).write(form, unit, OCTOBER, work);
        try (XSSFWorkbook workbook = open(file)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            Row header = TemplateFiller.headerRow(sheet);
            for (int i = 0; i < form.indicatorCodes().size(); i++) {
                Indicator indicator = CATALOG.indicator(form.indicatorCodes().get(i));
                Row row = sheet.getRow(header.getRowNum() + 1 + i);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(indicator.code());
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(indicator.name());
                assertThat(row.getCell(3).getStringCellValue()).isEqualTo(indicator.unitOfMeasure());
                assertThat(indicator.valueType()).isNotEqualTo(ValueType.STATUS);
            }
            assertThat(Optional.ofNullable(sheet.getRow(header.getRowNum() + 1 + form.indicatorCodes().size())))
                    .as("nothing but the table between the header and the instructions")
                    .map(r -> r.getCell(1)).map(Cell::getCellType).isEmpty();
        }
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    /** The non-blank texts of a row, in column order. */
    static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) {
            if (cell.getCellType() == CellType.STRING && !cell.getStringCellValue().isBlank()) {
                texts.add(cell.getStringCellValue());
            }
        }
        return texts;
    }
}
