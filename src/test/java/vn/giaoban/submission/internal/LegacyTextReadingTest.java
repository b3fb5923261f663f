package vn.giaoban.submission.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.CatalogFiles;
import vn.giaoban.catalog.Measure;
import vn.giaoban.submission.Finding;
import vn.giaoban.submission.IngestResult;
import vn.giaoban.submission.ReceivedFile;
import vn.giaoban.submission.Severity;
import vn.giaoban.submission.StagedValue;
import vn.giaoban.submission.SubmissionStatus;
import vn.giaoban.submission.internal.table.OdsFiles;
import vn.giaoban.text.LegacyLetters;

/**
 * Reports typed with the old Vietnamese fonts (.VnTime's TCVN3, VNI-Times), their text made with the
 * test's own letter table: identified, their headings and indicators matched, the unit told once.
 */
class LegacyTextReadingTest {

    private static final Catalog CATALOG = CatalogFiles.load("classpath:catalog/van-lang/");
    private static final Charset WINDOWS_1258 = Charset.forName("windows-1258");
    private static final String[][] REPORT = {
            {"UBND xã Trùng Khánh"},
            {"Báo cáo công tác tiếp nhận, giải quyết đơn thư - tháng 10/2022"},
            {},
            {"Chỉ tiêu", "Tháng 10", "Lũy kế"},
            {"Số đơn thư tiếp nhận", "2", "8"},
            {"Số đơn thư đã giải quyết", "1", "7"}};

    private final SubmissionReader reader = new SubmissionReader(CATALOG, WINDOWS_1258);

    @TempDir
    Path inbox;

    @Test
    void anXlsxTypedInVnTimeIsReadInUnicodeAndTheUnitToldOnce() throws Exception {
        // given the report's text cells in .VnTime, as TCVN3 bytes shown as Windows-1252
        Path file = workbook(new XSSFWorkbook(), "BM03-DT_T10-2022.xlsx", ".VnTime", LegacyLetters::tcvn3);

        IngestResult result = read(file);

        assertRead(result);
        assertThat(legacyFindings(result)).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.message()).startsWith("ô A1-A2, A4-A6, B4, C4: chữ gõ bằng bảng mã TCVN3");
        });
    }

    @Test
    void anXlsTypedInVniTimesIsReadInUnicode() throws Exception {
        Path file = workbook(new HSSFWorkbook(), "BM03-DT_T10-2022.xls", "VNI-Times", LegacyLetters::vni);

        IngestResult result = read(file);

        assertRead(result);
        assertThat(legacyFindings(result)).singleElement().extracting(Finding::message).asString()
                .contains("bảng mã VNI").contains("Unicode");
    }

    @Test
    void aCsvInTcvn3BytesIsDetectedByItsTextAndReadInUnicode() throws Exception {
        // given a CSV saved from a .VnTime workbook: TCVN3 bytes, no font to say so
        StringBuilder csv = new StringBuilder();
        for (String[] line : REPORT) {
            csv.append(String.join(";", java.util.Arrays.stream(line).map(LegacyLetters::tcvn3).toList())).append("\r\n");
        }
        Path file = inbox.resolve("06127/BM03-DT_T10-2022.csv");
        Files.createDirectories(file.getParent());
        Files.write(file, csv.toString().getBytes(Charset.forName("windows-1252")));

        IngestResult result = read(file);

        assertRead(result);
        assertThat(legacyFindings(result)).singleElement().extracting(Finding::message).asString()
                .startsWith("ô A1-A2, A4-A6, B4, C4: chữ gõ bằng bảng mã TCVN3");
    }

    @Test
    void anOdsWhoseCellStyleNamesVnTimeIsReadInUnicode() throws Exception {
        // given an .ods whose automatic cell style draws with the .VnTime font face
        String styles = "<style:style style:name=\"ce1\" style:family=\"table-cell\" style:parent-style-name=\"Default\">"
                + "<style:text-properties style:font-name=\".VnTime\"/></style:style>";
        StringBuilder rows = new StringBuilder();
        for (String[] line : REPORT) {
            rows.append("<table:table-row>");
            for (String text : line) {
                rows.append("<table:table-cell table:style-name=\"ce1\" office:value-type=\"string\"><text:p>")
                        .append(OdsFiles.escape(LegacyLetters.tcvn3(text))).append("</text:p></table:table-cell>");
            }
            rows.append(line.length == 0 ? "<table:table-cell/>" : "").append("</table:table-row>");
        }
        String content = OdsFiles.content(styles, OdsFiles.table("Biểu01", rows.toString()))
                .replace("<office:automatic-styles>", "<office:font-face-decls><style:font-face style:name=\".VnTime\""
                        + " svg:font-family=\"&apos;.VnTime&apos;\"/></office:font-face-decls><office:automatic-styles>");
        Path file = inbox.resolve("06127/BM03-DT_T10-2022.ods");
        Files.createDirectories(file.getParent());
        OdsFiles.write(file, content);

        IngestResult result = read(file);

        assertRead(result);
        assertThat(legacyFindings(result)).singleElement().extracting(Finding::message).asString()
                .startsWith("ô A1-A2, A4-A6, B4, C4: chữ gõ bằng bảng mã TCVN3");
    }

    @Test
    void aTitleTypedInVnTimeIsMatchedAfterConversion() throws Exception {
        // given Tân Mỹ's report, its title typed in .VnTime ("UBND x· T©n Mü"), dropped in Trùng Khánh's folder
        Path file = inbox.resolve("06127/BM03-DT_T10-2022.xlsx");
        Files.createDirectories(file.getParent());
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Font font = workbook.createFont();
            font.setFontName(".VnTime");
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            Sheet sheet = workbook.createSheet("Biểu01");
            String[][] report = REPORT.clone();
            report[0] = new String[] {"UBND xã Tân Mỹ"};
            for (int r = 0; r < report.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < report[r].length; c++) {
                    row.createCell(c).setCellValue(LegacyLetters.tcvn3(report[r][c]));
                    row.getCell(c).setCellStyle(style);
                }
            }
            workbook.write(out);
        }

        IngestResult result = read(file);

        // then the title read in Unicode names Tân Mỹ, not the folder's commune: refused, naming it
        assertThat(result.status()).isEqualTo(SubmissionStatus.REJECTED);
        assertThat(result.rejection()).contains("Tân Mỹ");
    }

    @Test
    void aUnicodeReportIsToldNothing() throws Exception {
        Path file = workbook(new XSSFWorkbook(), "BM03-DT_T10-2022.xlsx", "Times New Roman", text -> text);

        IngestResult result = read(file);

        assertRead(result);
        assertThat(legacyFindings(result)).isEmpty();
    }

    private static void assertRead(IngestResult result) {
        assertThat(result.status()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(result.unitKey()).startsWith("06127@");
        assertThat(result.formCode()).isEqualTo("BM03-DT");
        assertThat(result.period()).hasToString("2022-10");
        assertThat(result.values()).extracting(StagedValue::indicatorCode, StagedValue::measure, StagedValue::number)
                .contains(tuple("DT_TIEP_NHAN", Measure.MONTH, new BigDecimal("2")),
                        tuple("DT_DA_GIAI_QUYET", Measure.CUMULATIVE, new BigDecimal("7")));
    }

    private static List<Finding> legacyFindings(IngestResult result) {
        return result.findings().stream().filter(f -> "LEGACY_TEXT".equals(f.code())).toList();
    }

    private IngestResult read(Path file) {
        return reader.read(new ReceivedFile(1, "06127", file, inbox.relativize(file).toString()));
    }

    /** The report with its text cells in the given font, their text as that font's encoding shows it; figures as numbers. */
    private Path workbook(Workbook workbook, String name, String fontName,
            java.util.function.UnaryOperator<String> encode) throws Exception {
        Path file = inbox.resolve("06127").resolve(name);
        Files.createDirectories(file.getParent());
        try (workbook; OutputStream out = Files.newOutputStream(file)) {
            Font font = workbook.createFont();
            font.setFontName(fontName);
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            Sheet sheet = workbook.createSheet("Biểu01");
            for (int r = 0; r < REPORT.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < REPORT[r].length; c++) {
                    String text = REPORT[r][c];
                    if (text.matches("\\d+")) {
                        row.createCell(c).setCellValue(Double.parseDouble(text));
                    } else {
                        row.createCell(c).setCellValue(encode.apply(text));
                        row.getCell(c).setCellStyle(style);
                    }
                }
            }
            workbook.write(out);
        }
        return file;
    }
}
