package vn.giaoban.submission.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Measure;
import vn.giaoban.catalog.CatalogFiles;
import vn.giaoban.submission.Finding;
import vn.giaoban.submission.IngestResult;
import vn.giaoban.submission.ReceivedFile;
import vn.giaoban.submission.StagedValue;
import vn.giaoban.submission.SubmissionStatus;

/**
 * A list form (BM03-DS: one row per petition) read as offices write it, and turned into the
 * indicators the catalog's aggregations define: counted by the rows their filters keep.
 */
class ListFormReaderTest {

    private static final Catalog CATALOG = CatalogFiles.load("classpath:catalog/van-lang/");
    private final SubmissionReader reader = new SubmissionReader(CATALOG, Charset.forName("windows-1258"));

    @TempDir
    Path inbox;

    @Test
    void anExcelListWithRealDatesColumnsInItsOwnOrderATotalLineAndASignatureIsCounted() throws IOException {
        Path file = inbox.resolve("06172/Danh sach don thu T10-2022.xlsx");
        Files.createDirectories(file.getParent());
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            Sheet sheet = workbook.createSheet("DS");
            row(sheet, date, 0, "UBND XÃ TÂN MỸ");
            row(sheet, date, 2, "SỔ THEO DÕI ĐƠN THƯ");
            row(sheet, date, 3, "Tháng 10 năm 2022");
            row(sheet, date, 5, "TT", "Người đứng đơn", "Tình trạng giải quyết", "Ngày nhận đơn", "Ngày có kết quả");
            row(sheet, date, 6, 1, "Hoàng Văn A", "Đã giải quyết", LocalDate.of(2022, 3, 2), LocalDate.of(2022, 3, 20));
            row(sheet, date, 7, 2, "Lương Thị B", "đã gq", LocalDate.of(2022, 9, 28), LocalDate.of(2022, 10, 3));
            row(sheet, date, 8, 3, "Nông Văn C", "Đang giải quyết", LocalDate.of(2022, 10, 5));
            row(sheet, date, 9, 4, "Vy Thị D", "Đang giải quyết", LocalDate.of(2021, 12, 20)); // last year's
            row(sheet, date, 10, null, "Tổng cộng: 4 đơn");
            row(sheet, date, 12, null, null, "CHỦ TỊCH");
            workbook.write(out);
        }

        IngestResult result = reader.read(received(file, "06172"));

        assertThat(result.status()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(result.formCode()).isEqualTo("BM03-DS");
        assertThat(result.values()).extracting(StagedValue::indicatorCode, StagedValue::measure, StagedValue::number)
                .containsExactlyInAnyOrder(
                        tuple("DT_TIEP_NHAN", Measure.CUMULATIVE, new BigDecimal("3")),
                        tuple("DT_TIEP_NHAN", Measure.MONTH, new BigDecimal("1")),
                        tuple("DT_DA_GIAI_QUYET", Measure.CUMULATIVE, new BigDecimal("2")),
                        tuple("DT_DA_GIAI_QUYET", Measure.MONTH, new BigDecimal("1")));
        assertThat(result.values()).allSatisfy(value -> assertThat(value.cell()).isEqualTo("A7:A10"));
        assertThat(result.findings()).extracting(Finding::code).containsExactly("LIST_COUNTED");
        assertThat(result.findings().get(0).message()).startsWith("Danh sách có 4 dòng được tính");
    }

    @Test
    void aCsvListWithTypedDatesTellsEachRowItCouldNotCountByItsCell() throws IOException {
        Path file = inbox.resolve("06139/BM03-DS_T10_2022.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\r\n",
                "UBND XÃ BẮC HÙNG",
                "DANH SÁCH ĐƠN THƯ TIẾP NHẬN - THÁNG 10 NĂM 2022",
                "STT;Ngày tiếp nhận;Họ tên người gửi;Nội dung;Tình trạng;Ngày giải quyết",
                "1;05/01/2022;Hoàng Văn A;Tranh chấp đất đai;Đã giải quyết;20/01/2022",
                "2;32/13/2022;Lương Thị B;Đề nghị hỗ trợ;Đã giải quyết;01/02/2022",
                "3;7/10/2022;Nông Văn C;Phản ánh môi trường;;",
                "4;2022-10-09;Vy Thị D;Khiếu nại;Đang giải quyết;"), StandardCharsets.UTF_8);

        IngestResult result = reader.read(received(file, "06139"));

        assertThat(result.status()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(result.values()).filteredOn(v -> v.measure() == Measure.CUMULATIVE)
                .extracting(StagedValue::indicatorCode, StagedValue::number)
                .containsExactlyInAnyOrder(tuple("DT_TIEP_NHAN", new BigDecimal("2")),
                        tuple("DT_DA_GIAI_QUYET", new BigDecimal("1")));
        assertThat(result.findings()).extracting(Finding::code, Finding::cell).contains(
                tuple("LIST_NOT_A_DATE", "B5"), tuple("LIST_MISSING_CELL", "A6"));
        assertThat(result.findings()).filteredOn(f -> f.code().equals("LIST_NOT_A_DATE")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("cần một ngày").contains("không được tính"));
    }

    @Test
    void aListWhoseNameAndTitleSayTheAggregateFormIsRejectedWithTheReason() throws IOException {
        Path file = inbox.resolve("06139/BM03-DT_T10_2022.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\r\n",
                "BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ THÁNG 10 NĂM 2022",
                "STT,Ngày tiếp nhận,Họ tên người gửi,Tình trạng",
                "1,05/01/2022,Hoàng Văn A,Đã giải quyết"), StandardCharsets.UTF_8);

        IngestResult result = reader.read(received(file, "06139"));

        assertThat(result.status()).isEqualTo(SubmissionStatus.REJECTED);
        assertThat(result.rejection()).contains("danh sách của biểu BM03-DS").contains("ghi biểu BM03-DT");
    }

    @Test
    void aListWhoseColumnsAreNotFoundSaysWhichHeadingsItLookedFor() throws IOException {
        Path file = inbox.resolve("06139/BM03-DS_T10_2022.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\r\n",
                "DANH SÁCH ĐƠN THƯ TIẾP NHẬN - THÁNG 10 NĂM 2022",
                "Số thứ tự,Thời điểm,Người,Việc",
                "1,05/01/2022,Hoàng Văn A,Đã xong"), StandardCharsets.UTF_8);

        IngestResult result = reader.read(received(file, "06139"));

        assertThat(result.status()).isEqualTo(SubmissionStatus.REJECTED);
        assertThat(result.rejection()).isEqualTo("Không tìm thấy danh sách: không có dòng tiêu đề cột nào ghi"
                + " \"Ngày tiếp nhận\", \"Tình trạng\" cùng các cột khác của biểu BM03-DS. Đề nghị dùng đúng biểu mẫu"
                + " rồi gửi lại.");
    }

    @Test
    void aListWithoutItsOptionalResolutionDateColumnCountsTheRestAndOneWhoseRowsAllFailIsRefused() throws IOException {
        Path file = inbox.resolve("06139/BM03-DS_T10_2022.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\r\n",
                "DANH SÁCH ĐƠN THƯ TIẾP NHẬN - THÁNG 10 NĂM 2022",
                "STT,Ngày tiếp nhận,Nội dung,Tình trạng",
                "1,05/01/2022,Tổng số tiền bồi thường chưa trả,Đã giải quyết",
                "2,03/10/2022,Tranh chấp đất đai,Đang giải quyết"), StandardCharsets.UTF_8);

        IngestResult result = reader.read(received(file, "06139"));

        // a content that begins like a total line is still a petition; no resolution date: none counted resolved
        assertThat(result.status()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(result.values()).filteredOn(v -> v.measure() == Measure.CUMULATIVE)
                .extracting(StagedValue::indicatorCode, StagedValue::number)
                .containsExactlyInAnyOrder(tuple("DT_TIEP_NHAN", new BigDecimal("2")),
                        tuple("DT_DA_GIAI_QUYET", new BigDecimal("0")));
        assertThat(result.findings()).extracting(Finding::code).containsExactly("LIST_COUNTED");

        Files.writeString(file, String.join("\r\n",
                "DANH SÁCH ĐƠN THƯ TIẾP NHẬN - THÁNG 10 NĂM 2022",
                "STT,Ngày tiếp nhận,Nội dung,Tình trạng",
                "1,05/01/22,Tranh chấp đất đai,Đã giải quyết",
                "2,3/10/22,Tranh chấp đất đai,Đang giải quyết"), StandardCharsets.UTF_8);
        IngestResult unread = reader.read(received(file, "06139"));

        assertThat(unread.status()).isEqualTo(SubmissionStatus.REJECTED);
        assertThat(unread.rejection()).startsWith("Không dòng nào của danh sách tính được (2 dòng có ô sai");
        assertThat(unread.findings()).extracting(Finding::code).containsOnly("LIST_NOT_A_DATE");
    }

    private static void row(Sheet sheet, CellStyle date, int index, Object... cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] instanceof String text) {
                row.createCell(i).setCellValue(text);
            } else if (cells[i] instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (cells[i] instanceof LocalDate day) {
                var cell = row.createCell(i);
                cell.setCellValue(day);
                cell.setCellStyle(date);
            }
        }
    }

    private ReceivedFile received(Path file, String folder) {
        return new ReceivedFile(1, folder, file, inbox.relativize(file).toString());
    }
}
