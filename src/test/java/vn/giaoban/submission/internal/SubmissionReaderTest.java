package vn.giaoban.submission.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Measure;
import vn.giaoban.catalog.CatalogFiles;
import vn.giaoban.submission.Finding;
import vn.giaoban.submission.IngestResult;
import vn.giaoban.submission.ReceivedFile;
import vn.giaoban.submission.Severity;
import vn.giaoban.submission.StagedValue;
import vn.giaoban.submission.SubmissionStatus;

/** Reading real files written here, laid out as offices lay them out. */
class SubmissionReaderTest {

    private static final Catalog CATALOG = CatalogFiles.load("classpath:catalog/van-lang/");
    private final SubmissionReader reader = new SubmissionReader(CATALOG, Charset.forName("windows-1258"));

    @TempDir
    Path inbox;

    @Test
    void findsAHeaderBelowTitleRowsAndMergedCellsAndTellsMonthFromCumulative() throws IOException {
        Path file = xlsx("PTCKH", "Giai ngan.xlsx", sheet -> {
            row(sheet, 0, "UBND HUYỆN VĂN LÃNG", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            row(sheet, 1, "PHÒNG TÀI CHÍNH - KẾ HOẠCH");
            row(sheet, 3, "BÁO CÁO TÌNH HÌNH GIẢI NGÂN VỐN ĐẦU TƯ CÔNG");
            sheet.addMergedRegion(new CellRangeAddress(3, 3, 0, 6));
            row(sheet, 4, "Tháng 10 năm 2022");
            row(sheet, 6, "STT", "Nội dung", "Kế hoạch vốn", null, "Giải ngân", null, "Ghi chú");
            sheet.addMergedRegion(new CellRangeAddress(6, 6, 2, 3));
            sheet.addMergedRegion(new CellRangeAddress(6, 6, 4, 5));
            row(sheet, 7, null, null, "Tỉnh giao", "Huyện giao", "Tháng 10", "Lũy kế từ đầu năm");
            row(sheet, 8, "1", "Giải ngân vốn đầu tư công", 93630, 100960, 9870, "71.592");
        });

        IngestResult result = reader.read(received(file, "PTCKH"));

        assertThat(result.status()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(result.formCode()).isEqualTo("BM02-DTC");
        assertThat(result.period()).hasToString("2022-10");
        assertThat(result.unitKey()).isEqualTo("PTCKH@-");
        assertThat(result.values()).extracting(StagedValue::unitKey, StagedValue::measure, StagedValue::number,
                StagedValue::cell).containsExactlyInAnyOrder(
                        tuple("182@-", Measure.PLAN_YEAR, new java.math.BigDecimal("93630"), "C9"),
                        tuple("182@-", Measure.MONTH, new java.math.BigDecimal("9870"), "E9"),
                        tuple("182@-", Measure.CUMULATIVE, new java.math.BigDecimal("71592"), "F9"));
    }

    @Test
    void aBadCellIsAFindingAndTheOtherValuesCount() throws IOException {
        Path file = xlsx("06172", "BM03-DT_T10-2022.xlsx", sheet -> {
            row(sheet, 0, "UBND XÃ TÂN MỸ");
            row(sheet, 1, "BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ - THÁNG 10/2022");
            row(sheet, 3, "Chỉ tiêu", "Tháng 10", "Lũy kế");
            row(sheet, 4, "Số đơn thư tiếp nhận", 2, "tám");
            row(sheet, 5, "Số đơn thư đã giải quyết", -1, 7);
        });

        IngestResult result = reader.read(received(file, "06172"));

        assertThat(result.status()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(result.values()).extracting(StagedValue::indicatorCode, StagedValue::measure)
                .containsExactlyInAnyOrder(tuple("DT_TIEP_NHAN", Measure.MONTH), tuple("DT_DA_GIAI_QUYET", Measure.CUMULATIVE));
        assertThat(result.findings()).filteredOn(f -> f.severity() == Severity.ERROR)
                .extracting(Finding::code, Finding::sheet, Finding::cell, Finding::found)
                .containsExactlyInAnyOrder(tuple("NOT_A_NUMBER", "Biểu01", "C5", "tám"), tuple("NEGATIVE", "Biểu01", "B6", "-1.0"));
    }

    @Test
    void aCsvWithAndWithoutBomReadsTheSameAndItsNfdTextIsComposed() throws IOException {
        String nfd = Normalizer.normalize("""
                UBND XÃ HOÀNG VĂN THỤ
                BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ
                Kỳ báo cáo: tháng 10 năm 2022
                STT;Chỉ tiêu;Lũy kế từ đầu năm;Ghi chú
                1;Số đơn thư tiếp nhận;7;Đã chuyển Thanh tra huyện 01 đơn
                2;Số đơn thư đã giải quyết;7;
                """, Normalizer.Form.NFD);
        Path plain = inbox.resolve("06178/a.csv");
        Files.createDirectories(plain.getParent());
        Files.writeString(plain, nfd, StandardCharsets.UTF_8);
        Path bom = inbox.resolve("06178/b.csv");
        Files.writeString(bom, "\uFEFF" + nfd, StandardCharsets.UTF_8);

        IngestResult withoutBom = reader.read(new ReceivedFile(1, "06178", plain, "06178/a.csv"));
        IngestResult withBom = reader.read(new ReceivedFile(2, "06178", bom, "06178/b.csv"));

        assertThat(withoutBom.status()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(withoutBom.values()).extracting(StagedValue::indicatorCode, StagedValue::number)
                .containsExactlyInAnyOrder(tuple("DT_TIEP_NHAN", new java.math.BigDecimal("7")),
                        tuple("DT_DA_GIAI_QUYET", new java.math.BigDecimal("7")));
        assertThat(withBom.values()).extracting(StagedValue::indicatorCode, StagedValue::number, StagedValue::cell)
                .isEqualTo(withoutBom.values().stream().map(v -> tuple(v.indicatorCode(), v.number(), v.cell())).toList());
        assertThat(withoutBom.values()).allMatch(v -> v.sheet().equals("a"));
    }

    @Test
    void aFileWhoseTitleNamesAnotherCommuneIsRejectedWhole() throws IOException {
        Path file = xlsx("06172", "don thu.xlsx", sheet -> {
            row(sheet, 0, "UBND XÃ HOÀNG VIỆT");
            row(sheet, 1, "BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ THÁNG 10/2022");
            row(sheet, 3, "Chỉ tiêu", "Lũy kế");
            row(sheet, 4, "Số đơn thư tiếp nhận", 2);
        });

        IngestResult result = reader.read(received(file, "06172"));

        assertThat(result.status()).isEqualTo(SubmissionStatus.REJECTED);
        assertThat(result.rejection()).contains("Xã Tân Mỹ").contains("Xã Hoàng Việt");
        assertThat(result.values()).isEmpty();
    }

    @Test
    void aPeriodInTheNameContradictingTheTitleIsRejectedWithBoth() throws IOException {
        Path file = xlsx("06172", "BM03-DT_T09-2022.xlsx", sheet -> {
            row(sheet, 0, "BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ");
            row(sheet, 1, "Tháng 10 năm 2022");
            row(sheet, 3, "Chỉ tiêu", "Lũy kế");
            row(sheet, 4, "Số đơn thư tiếp nhận", 2);
        });

        IngestResult result = reader.read(received(file, "06172"));

        assertThat(result.status()).isEqualTo(SubmissionStatus.REJECTED);
        assertThat(result.rejection()).contains("09/2022").contains("10/2022");
    }

    @Test
    void aFormTheUnitDoesNotSubmitIsRejected() throws IOException {
        Path file = xlsx("06172", "thu ngan sach.xlsx", sheet -> {
            row(sheet, 0, "BÁO CÁO THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN THÁNG 10/2022");
            row(sheet, 2, "Chỉ tiêu", "Lũy kế");
            row(sheet, 3, "Tổng thu NSNN", 2);
        });

        IngestResult result = reader.read(received(file, "06172"));

        assertThat(result.status()).isEqualTo(SubmissionStatus.REJECTED);
        assertThat(result.rejection()).contains("BM01-NS");
    }

    @Test
    void aFileThatIsNotASpreadsheetIsRejectedWhole() throws IOException {
        Path file = inbox.resolve("06172/bao cao.xlsx");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] { 'P', 'K', 3, 4, 0, 0, 1, 2, 3 });

        IngestResult result = reader.read(received(file, "06172"));

        assertThat(result.status()).isEqualTo(SubmissionStatus.REJECTED);
        assertThat(result.rejection()).startsWith("Tệp không đọc được");
    }

    @Test
    void aFolderThatIsNoUnitIsRejected() throws IOException {
        Path file = xlsx("99999", "x.xlsx", sheet -> row(sheet, 0, "x"));

        assertThat(reader.read(received(file, "99999")).rejection()).contains("99999");
    }

    private interface SheetWriter {
        void write(Sheet sheet);
    }

    @Test
    void aBrokenFileWhoseNameGivesItsFormAndPeriodIsRefusedAsThatReport() throws IOException {
        // a BM03-DT cut off in the copy: not a zip any more
        Path file = inbox.resolve("06172").resolve("BM03-DT_T10-2022.xlsx");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0 });

        IngestResult result = reader.read(received(file, "06172"));

        assertThat(result.status()).isEqualTo(SubmissionStatus.REJECTED);
        assertThat(result.unitKey()).isEqualTo("06172@-");
        assertThat(result.formCode()).as("counted against its own form, not every form the unit owes").isEqualTo("BM03-DT");
        assertThat(result.period()).hasToString("2022-10");
    }

    @Test
    void aFileWhoseRowsAreTheFormsButEveryValueIsWrongIsNotCalledTheWrongForm() throws IOException {
        Path file = xlsx("06172", "BM03-DT_T10-2022.xlsx", sheet -> {
            row(sheet, 0, "UBND XÃ TÂN MỸ");
            row(sheet, 1, "BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ - THÁNG 10/2022");
            row(sheet, 3, "Chỉ tiêu", "Lũy kế");
            row(sheet, 4, "Số đơn thư tiếp nhận", "tám");
            row(sheet, 5, "Số đơn thư đã giải quyết", -1);
        });

        IngestResult result = reader.read(received(file, "06172"));

        assertThat(result.status()).isEqualTo(SubmissionStatus.REJECTED);
        assertThat(result.rejection()).startsWith("Không lấy được số liệu nào từ tệp: các dòng chỉ tiêu của biểu BM03-DT"
                + " đều không có giá trị hợp lệ").doesNotContain("không dòng nào khớp");
        assertThat(result.findings()).extracting(Finding::cell).contains("B5", "B6");
    }

    @Test
    void aFigureTheFormIsForLeftBlankIsAFindingNamingItsCell() throws IOException {
        Path file = xlsx("06172", "BM03-DT_T10-2022.xlsx", sheet -> {
            row(sheet, 0, "UBND XÃ TÂN MỸ");
            row(sheet, 1, "BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ - THÁNG 10/2022");
            row(sheet, 3, "Chỉ tiêu", "Tháng 10", "Lũy kế");
            row(sheet, 4, "Số đơn thư tiếp nhận", 2, 8);
            // the month left blank is not required (it is derived); the year to date is what the form is for
            row(sheet, 5, "Số đơn thư đã giải quyết", null, "  ");
        });

        IngestResult result = reader.read(received(file, "06172"));

        assertThat(result.status()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(result.findings()).filteredOn(f -> f.code().equals("BLANK_FIGURE")).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.cell()).isEqualTo("C6");
                    assertThat(finding.message()).contains("\"Số đơn thư đã giải quyết\"").contains("để trống");
                });
    }

    private Path xlsx(String folder, String name, SheetWriter content) throws IOException {
        Path file = inbox.resolve(folder).resolve(name);
        Files.createDirectories(file.getParent());
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            content.write(workbook.createSheet("Biểu01"));
            workbook.write(out);
        }
        return file;
    }

    private static void row(Sheet sheet, int index, Object... cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] instanceof String text) {
                row.createCell(i).setCellValue(text);
            } else if (cells[i] instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            }
        }
    }

    private ReceivedFile received(Path file, String folder) {
        return new ReceivedFile(1, folder, file, inbox.relativize(file).toString());
    }
}
