package vn.giaoban.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.giaoban.briefing.BriefingRenderer.BriefingRenderingException;

/** Writes the sample annex as XLSX and reads it back with POI. */
class AnnexWorkbookTest {

    private static final AnnexWorkbook workbook = new AnnexWorkbook();

    @TempDir
    static Path shared;

    private static Path xlsx;

    @BeforeAll
    static void renderTheAnnex() throws IOException {
        long started = System.nanoTime();
        xlsx = workbook.renderXlsx(AnnexSamples.briefing(true), shared.resolve("out/2022-10/phu-luc-2022-10.xlsx"));
        System.out.printf("xlsx annex render: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        DocxRendererTest.copyOut(xlsx);
    }

    @Test
    void writesOneSheetPerTableThenOnePerChartWithValidNames() throws IOException {
        try (XSSFWorkbook book = open(xlsx)) {
            assertThat(book.getNumberOfSheets()).isEqualTo(4);
            List<String> names = Stream.iterate(0, i -> i < book.getNumberOfSheets(), i -> i + 1).map(book::getSheetName)
                    .toList();
            assertThat(names).allSatisfy(name -> assertThat(name).hasSizeBetween(1, 31).doesNotContainPattern("[\\[\\]:*?/\\\\]"))
                    .doesNotHaveDuplicates();
            // short names, the full title in row 1: never a title cut at 31 characters mid-word
            assertThat(names).containsExactly("Bảng 1", "Bảng 2", "Biểu đồ 1", "Biểu đồ 2");

            XSSFSheet targets = book.getSheetAt(0);
            assertThat(text(targets, "A1")).isEqualTo(AnnexSamples.annex().tables().get(0).title());
            assertThat(targets.getMergedRegions()).anySatisfy(region -> assertThat(region.formatAsString()).isEqualTo("A1:G1"));
            Row header = targets.getRow(1);
            assertThat(Stream.iterate(0, i -> i < 7, i -> i + 1).map(i -> header.getCell(i).getStringCellValue()).toList())
                    .containsExactlyElementsOf(AnnexSamples.annex().tables().get(0).columns());
            XSSFCell first = targets.getRow(1).getCell(0);
            assertThat(book.getFontAt(first.getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(first.getCellStyle().getBorderBottom()).isEqualTo(BorderStyle.THIN);
            assertThat(targets.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:G5");
            assertThat(targets.getPaneInformation().isFreezePane()).isTrue();
            assertThat(targets.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(targets.getColumnWidth(0)).isGreaterThan(targets.getColumnWidth(1));
        }
    }

    @Test
    void writesFiguresAsNumbersAndWhatIsNotANumberAsText() throws IOException {
        try (XSSFWorkbook book = open(xlsx)) {
            XSSFSheet targets = book.getSheetAt(0);
            XSSFCell revenue = cell(targets, "C3");
            assertThat(revenue.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(revenue.getNumericCellValue()).isEqualTo(94533.0);
            assertThat(revenue.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            XSSFCell attainment = cell(targets, "E3");
            assertThat(attainment.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(attainment.getNumericCellValue()).isCloseTo(1.1671, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(attainment.getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(cell(targets, "F4").getNumericCellValue()).isEqualTo(100962.0);
            assertThat(cell(targets, "C5").getCellType()).isEqualTo(CellType.STRING);
            assertThat(text(targets, "C5")).isEqualTo("14/19");
            assertThat(text(targets, "E5")).isEqualTo("—");
            assertThat(text(targets, "B3")).isEqualTo("triệu đồng");
            assertThat(text(targets, "A7")).startsWith("Nguồn: Chi cục Thuế");

            XSSFSheet petitions = book.getSheetAt(1);
            // one format down the column ("89,5%", "92%", "90,77%"): the most decimals any of its figures shows
            assertThat(cell(petitions, "E3").getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(cell(petitions, "E3").getNumericCellValue()).isCloseTo(0.895, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(cell(petitions, "E4").getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(text(petitions, "B4")).as("a code keeps its leading zero").isEqualTo("06172");
            assertThat(cell(petitions, "C7").getNumericCellValue()).isEqualTo(243.0);
        }
    }

    @Test
    void neverWritesDataAsAFormula() throws IOException {
        try (XSSFWorkbook book = open(xlsx)) {
            XSSFSheet petitions = book.getSheetAt(1);
            for (String ref : List.of("F4", "F5", "F6")) {
                XSSFCell cell = cell(petitions, ref);
                assertThat(cell.getCellType()).as(ref).isEqualTo(CellType.STRING);
                assertThat(cell.getCellStyle().getQuotePrefixed()).as(ref).isTrue();
            }
            assertThat(text(petitions, "F4")).isEqualTo("=SUM(A1)");
            assertThat(text(petitions, "F5")).isEqualTo("+ 2 đơn chuyển kỳ sau");
            assertThat(text(petitions, "F6")).isEqualTo("-");
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as("%s!%s", sheet.getSheetName(), cell.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
        }
    }

    @Test
    void usesTimesNewRomanInEveryStyle() throws IOException {
        try (XSSFWorkbook book = open(xlsx)) {
            for (int i = 0; i < book.getNumCellStyles(); i++) {
                assertThat(book.getFontAt(book.getCellStyleAt(i).getFontIndex()).getFontName()).isEqualTo("Times New Roman");
            }
        }
    }

    @Test
    void writesTheFiguresOfEachChart() throws IOException {
        try (XSSFWorkbook book = open(xlsx)) {
            XSSFSheet bars = book.getSheetAt(2);
            assertThat(text(bars, "A1")).startsWith("Biểu đồ 1.");
            assertThat(List.of(text(bars, "A2"), text(bars, "B2"), text(bars, "C2"), text(bars, "D2")))
                    .containsExactly("Nội dung", "Thực hiện", "Tỉnh giao", "Huyện giao");
            assertThat(text(bars, "A3")).isEqualTo("Thu NSNN");
            assertThat(cell(bars, "B3").getNumericCellValue()).isEqualTo(94533.0);
            XSSFSheet trend = book.getSheetAt(3);
            assertThat(trend.getLastRowNum()).isGreaterThanOrEqualTo(13);
            assertThat(text(trend, "A3")).isEqualTo("11/2021");
            assertThat(text(trend, "A14")).isEqualTo("10/2022");
            assertThat(cell(trend, "C14").getNumericCellValue()).isEqualTo(21.0);
        }
    }

    @Test
    void makesSheetNamesExcelAccepts() {
        Set<String> taken = new HashSet<>();
        assertThat(AnnexWorkbook.uniqueName("Thu/chi [NSNN]: 10/2022 * ?", "x", taken)).isEqualTo("Thu chi NSNN 10 2022");
        assertThat(AnnexWorkbook.uniqueName("'Bảng'", "x", taken)).isEqualTo("Bảng");
        String longName = "Bảng 1. Thu ngân sách và giải ngân vốn đầu tư công";
        String once = AnnexWorkbook.uniqueName(longName, "x", taken);
        String twice = AnnexWorkbook.uniqueName(longName, "x", taken);
        assertThat(once).hasSize(31);
        assertThat(twice).hasSizeLessThanOrEqualTo(31).endsWith(" (2)");
        assertThat(AnnexWorkbook.uniqueName("THU CHI NSNN 10 2022", "x", taken)).isEqualTo("THU CHI NSNN 10 2022 (2)");
        assertThat(AnnexWorkbook.uniqueName("  ", "Bảng 3", taken)).isEqualTo("Bảng 3");
    }

    @Test
    void explainsAnEmptyAnnexInsteadOfWritingNothing(@TempDir Path folder) throws IOException {
        Briefing empty = new Briefing(YearMonth.of(2022, 2), AnnexSamples.briefing(false).letterhead(), "THÔNG BÁO", "",
                List.of(), false, Briefing.Annex.EMPTY);
        Path target = workbook.renderXlsx(empty, folder.resolve("empty.xlsx"));
        try (XSSFWorkbook book = open(target)) {
            assertThat(book.getNumberOfSheets()).isEqualTo(1);
            assertThat(text(book.getSheetAt(0), "A1")).isEqualTo("PHỤ LỤC - tháng 02/2022");
            assertThat(text(book.getSheetAt(0), "A2")).contains("không có bảng số liệu");
        }
    }

    @Test
    void replacesTheTargetAtomicallyAndFailsClearly(@TempDir Path folder) throws IOException {
        Path target = folder.resolve("annex.xlsx");
        Files.writeString(target, "old");
        workbook.renderXlsx(AnnexSamples.briefing(false), target);
        assertThat(Files.readAllBytes(target)).startsWith("PK".getBytes());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(target);
        }
        DocxRendererTest.assertPermissionsOfANewFile(target);
        Path taken = folder.resolve("taken");
        Files.createDirectories(taken.resolve("not-empty"));
        assertThatThrownBy(() -> workbook.renderXlsx(AnnexSamples.briefing(false), taken))
                .isInstanceOf(BriefingRenderingException.class)
                .hasMessageContaining("Could not write the briefing annex workbook")
                .hasCauseInstanceOf(IOException.class);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactlyInAnyOrder(target, taken);
        }
    }

    @Test
    void aSecondReaderLibreOfficeFindsNumbersAndDatesTypedAndSheetsNamedShort() throws Exception {
        // given the annex of a table of dates, figures and percentages, exported sheet by sheet by LibreOffice
        // Calc as CSV with every text cell quoted: what is unquoted is a number or a date to Calc
        Briefing.Table reports = new Briefing.Table("Biểu 4. Tình hình nộp báo cáo tháng 10/2022 của các đơn vị trong huyện",
                List.of("Đơn vị", "Hạn nộp", "Ngày nộp", "Số giá trị", "Tỷ lệ"), List.of(false, false, false, true, true),
                List.of(List.of("Xã Tân Mỹ", "24/10/2022", "23/10/2022", "1.250", "16%"),
                        List.of("Xã Hồng Thái", "24/10/2022", "—", "3", "20,86%")), null);
        Briefing sample = AnnexSamples.notice(true, new Briefing.Annex("PHỤ LỤC", List.of(reports), List.of()));
        Path folder = Files.createDirectories(shared.resolve("lo-csv"));
        Path annex = workbook.renderXlsx(sample, folder.resolve("phu-luc.xlsx"));
        Path soffice = LibreOffice.soffice();
        Process process = new ProcessBuilder(soffice.toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + Files.createDirectories(folder.resolve("profile")).toUri(),
                "--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1,,1033,true,true,true,false,false,-1",
                "--outdir", folder.toString(), annex.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("lo.log").toFile()).start();
        assertThat(process.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        // then the sheet is "Biểu 4" (its full title in row 1), dates and figures are typed, one format a column
        Path csv = folder.resolve("phu-luc-Biểu 4.csv");
        assertThat(csv).as(Files.readString(folder.resolve("lo.log"))).exists();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("\"Biểu 4. Tình hình nộp báo cáo tháng 10/2022 của các đơn vị trong huyện\"");
        assertThat(lines.get(2)).isEqualTo("\"Xã Tân Mỹ\";24/10/2022;23/10/2022;1,250;16.00%");
        assertThat(lines.get(3)).isEqualTo("\"Xã Hồng Thái\";24/10/2022;\"—\";3;20.86%");
        try (XSSFWorkbook book = open(annex)) {
            assertThat(book.getSheetName(0)).isEqualTo("Biểu 4");
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(cell(sheet, "B3").getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(cell(sheet, "B3").getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.of(2022, 10, 24));
            assertThat(cell(sheet, "E3").getCellStyle().getDataFormatString())
                    .isEqualTo(cell(sheet, "E4").getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getRepeatingRows()).isNotNull();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(annex.toFile())) {
            String styles = new String(zip.getInputStream(zip.getEntry("xl/styles.xml")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(styles).as("a default cell style").contains("<cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/>");
        }
    }

    // ---------------------------------------------------------------------------------------------------

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static XSSFCell cell(XSSFSheet sheet, String reference) {
        CellReference ref = new CellReference(reference);
        Row row = sheet.getRow(ref.getRow());
        assertThat(row).as("row of %s", reference).isNotNull();
        XSSFCell cell = (XSSFCell) row.getCell(ref.getCol());
        assertThat(cell).as(reference).isNotNull();
        return cell;
    }

    private static String text(XSSFSheet sheet, String reference) {
        XSSFCell cell = cell(sheet, reference);
        assertThat(cell.getCellType()).as("%s is text", reference).isEqualTo(CellType.STRING);
        return cell.getStringCellValue();
    }
}
