package vn.giaoban.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.giaoban.catalog.Measure;
import vn.giaoban.submission.DryCheck;
import vn.giaoban.submission.Finding;
import vn.giaoban.submission.InboxDrop;
import vn.giaoban.submission.Severity;
import vn.giaoban.submission.SubmissionStatus;

/**
 * A unit's upload and its dry check: the check reads a file as the night will and stores nothing; an
 * uploaded file is then the night's like any file copied into the inbox; {@code giaoban validate} prints
 * the same check.
 */
class UploadCheckTests {

    private static final YearMonth OCTOBER_2022 = YearMonth.of(2022, 10);
    private static final LocalDate NIGHT = LocalDate.of(2022, 10, 27);
    private static final Path BAC_HUNG = Path.of("input-samples/van-lang/06139/BM03-DT_Bac Hung_T10_2022.csv");

    /** Tân Mỹ's petitions, with a decimal where a count belongs (C6). */
    private static final String TAN_MY = """
            UBND XÃ TÂN MỸ;;;
            BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ;;;
            Tháng 10 năm 2022;;;
            STT;Chỉ tiêu;Tháng 10;Lũy kế từ đầu năm
            1;Số đơn thư tiếp nhận;1;8
            2;Số đơn thư đã giải quyết;1,5;7
            """;

    @TempDir
    Path work;

    @Test
    void aGoodSampleIsCheckedWithItsValuesAndCellsAndNothingIsStoredOrMoved() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work)) {
            // given the sample inbox after a night, so that the tables hold rows, and three files it has not seen
            List<String> unseen = List.of("06139/BM03-DT_Bac Hung_T10_2022.csv", "PTCKH/BM02-DTC_T10-2022.xlsx",
                    "06172/BM03-DS_Danh sach don thu_T10_2022.xlsx");
            for (String file : unseen) {
                Files.createDirectories(work.resolve("held").resolve(file).getParent());
                Files.move(giaoban.inbox().resolve(file), work.resolve("held").resolve(file));
            }
            giaoban.night(YearMonth.of(2021, 10), LocalDate.of(2021, 10, 24));
            for (String file : unseen) {
                Files.move(work.resolve("held").resolve(file), giaoban.inbox().resolve(file));
            }
            assertThat(rows(giaoban).get("staged_value")).isPositive();
            Map<String, Long> rowsBefore = rows(giaoban);
            Map<String, String> filesBefore = files(work, "inbox", "archive", "rejected", "outbox");
            DryCheck checks = giaoban.context().getBean(DryCheck.class);

            // when the unit's figures, a workbook and a list of the same period are checked where they lie
            DryCheck.Result csv = checks.check(giaoban.inbox().resolve("06139/BM03-DT_Bac Hung_T10_2022.csv"), "06139");
            DryCheck.Result xlsx = checks.check(giaoban.inbox().resolve("PTCKH/BM02-DTC_T10-2022.xlsx"), "PTCKH");
            DryCheck.Result list = checks.check(
                    giaoban.inbox().resolve("06172/BM03-DS_Danh sach don thu_T10_2022.xlsx"), "06172");

            // then each is told as the night would take it, each value with its cell
            assertThat(csv.status()).isEqualTo(SubmissionStatus.ACCEPTED);
            assertThat(csv.identity()).extracting(DryCheck.Identity::unitName, DryCheck.Identity::formCode,
                    DryCheck.Identity::formTitle, DryCheck.Identity::period, DryCheck.Identity::asOf,
                    DryCheck.Identity::version).containsExactly("Xã Bắc Hùng", "BM03-DT",
                            "Báo cáo công tác tiếp nhận, giải quyết đơn thư", OCTOBER_2022, null, 1);
            assertThat(csv.identity().unitKey()).startsWith("06139");
            assertThat(csv.values()).extracting(DryCheck.Value::indicatorCode, DryCheck.Value::measure,
                    DryCheck.Value::value, DryCheck.Value::cell).containsExactly(
                            tuple("DT_TIEP_NHAN", Measure.MONTH, "1", "E8"),
                            tuple("DT_TIEP_NHAN", Measure.CUMULATIVE, "10", "F8"),
                            tuple("DT_DA_GIAI_QUYET", Measure.MONTH, "0", "E9"),
                            tuple("DT_DA_GIAI_QUYET", Measure.CUMULATIVE, "9", "F9"));
            assertThat(csv.values().get(1).indicatorName()).isEqualTo("Số đơn thư tiếp nhận");
            assertThat(csv.values().get(1).measureName()).isEqualTo("lũy kế");
            assertThat(csv.feedback()).contains("KẾT QUẢ: ĐÃ TIẾP NHẬN\r\n", "Số đơn thư tiếp nhận, lũy kế: 10 (ô ");
            assertThat(xlsx.status()).isEqualTo(SubmissionStatus.ACCEPTED);
            assertThat(xlsx.identity().formCode()).isEqualTo("BM02-DTC");
            // the night took the unit's 2021 report: this one would be its first of October 2022
            assertThat(xlsx.identity().version()).isEqualTo(1);
            assertThat(xlsx.values()).isNotEmpty().allSatisfy(value -> {
                assertThat(value.sheet()).isNotBlank();
                assertThat(value.cell()).matches("[A-Z]+[0-9]+");
            });
            assertThat(list.status()).isEqualTo(SubmissionStatus.ACCEPTED);
            assertThat(list.identity().formCode()).isEqualTo("BM03-DS");
            assertThat(list.findings()).extracting(Finding::code).contains("LIST_COUNTED");
            // and nothing was stored, moved or written: no submission, value, finding or list record
            assertThat(rows(giaoban)).isEqualTo(rowsBefore);
            assertThat(files(work, "inbox", "archive", "rejected", "outbox")).isEqualTo(filesBefore);
        }
    }

    @Test
    void aFileWithAnErrorNamesTheCellAndTheNightSaysTheSame() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            Path file = write(giaoban.inbox().resolve("06172/BM03-DT_T10-2022.csv"), TAN_MY);
            DryCheck checks = giaoban.context().getBean(DryCheck.class);

            DryCheck.Result check = checks.check(file, "06172");

            assertThat(check.status()).isEqualTo(SubmissionStatus.ACCEPTED);
            assertThat(check.hasErrors()).isTrue();
            assertThat(check.findings()).extracting(Finding::severity, Finding::sheet, Finding::cell, Finding::found)
                    .contains(tuple(Severity.ERROR, "BM03-DT_T10-2022", "C6", "1,5"));
            assertThat(check.feedback()).contains("1. Lỗi (giá trị không được lấy), ô 'BM03-DT_T10-2022'!C6, giá trị \"1,5\": "
                    + "Chỉ tiêu \"Số đơn thư đã giải quyết\" là số đếm (đơn), không có phần thập phân.");

            // when the night reads the same file
            giaoban.night(OCTOBER_2022, NIGHT);

            // then it took the same values and told the same findings, word for word, as the check
            assertThat(giaoban.jdbc().sql("""
                    SELECT v.indicator_code, v.measure, v.sheet, v.cell FROM staged_value v
                    ORDER BY v.cell""").query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getString(4))).list())
                    .containsExactlyInAnyOrderElementsOf(check.values().stream()
                            .map(v -> List.of(v.indicatorCode(), v.measure().name(), v.sheet(), v.cell())).toList());
            assertThat(giaoban.jdbc().sql("SELECT severity, code, sheet, cell, found, message FROM finding ORDER BY id")
                    .query((rs, n) -> new Finding(Severity.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6))).list())
                    .isEqualTo(check.findings());
            assertThat(withoutWhenAndWhere(Files.readString(work.resolve("outbox/06172/BM03-DT_T10-2022.csv.phan-hoi.txt"))))
                    .isEqualTo(withoutWhenAndWhere(check.feedback()));
        }
    }

    @Test
    void aFigureTenTimesLastYearsIsToldWithItsCellAndTheNextVersionIsCounted() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            // given Tân Mỹ's October 2021 report, consolidated by its night
            write(giaoban.inbox().resolve("06172/BM03-DT_T10-2021.csv"), TAN_MY.replace("năm 2022", "năm 2021")
                    .replace("1,5", "1"));
            giaoban.night(YearMonth.of(2021, 10), LocalDate.of(2021, 10, 27));
            // and its October 2022 report with a digit too many in the year's petitions
            Path file = write(giaoban.inbox().resolve("06172/BM03-DT_T10-2022.csv"), TAN_MY.replace(";1;8", ";1;800")
                    .replace("1,5", "1"));
            DryCheck checks = giaoban.context().getBean(DryCheck.class);

            DryCheck.Result check = checks.check(file, "06172");

            // then the check warns of the figure at its cell, as the night's feedback does
            assertThat(check.findings()).filteredOn(f -> f.code().equals("IMPLAUSIBLE_JUMP"))
                    .extracting(Finding::severity, Finding::cell).containsExactly(tuple(Severity.WARNING, "D5"));
            String jump = check.feedback().lines().filter(line -> line.contains("'BM03-DT_T10-2022'!D5")).findFirst()
                    .orElseThrow();
            giaoban.night(OCTOBER_2022, NIGHT);
            assertThat(Files.readString(work.resolve("outbox/06172/BM03-DT_T10-2022.csv.phan-hoi.txt")).lines())
                    .contains(jump);
            // and a corrected file checked after that night would be the unit's second version
            Path corrected = write(work.resolve("BM03-DT_T10-2022.csv"), TAN_MY.replace("1,5", "1"));
            assertThat(checks.check(corrected, "06172").identity().version()).isEqualTo(2);
        }
    }

    @Test
    void aFileThatWouldBeRefusedSaysWhyAsTheFeedbackWould() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            // Hoàng Việt's report in Tân Mỹ's folder: a contradiction, refused whole
            Path file = write(work.resolve("elsewhere/BM03-DT_T10-2022.csv"), """
                    UBND XÃ HOÀNG VIỆT
                    BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ
                    Tháng 10 năm 2022
                    STT;Chỉ tiêu;Lũy kế từ đầu năm
                    1;Số đơn thư tiếp nhận;13
                    """);

            DryCheck.Result check = giaoban.context().getBean(DryCheck.class).check(file, "06172");

            assertThat(check.status()).isEqualTo(SubmissionStatus.REJECTED);
            assertThat(check.rejection()).contains("Hoàng Việt");
            assertThat(check.values()).isEmpty();
            assertThat(check.feedback()).contains("KẾT QUẢ: KHÔNG TIẾP NHẬN CẢ TỆP", "Lý do: " + check.rejection());
        }
    }

    @Test
    void aWorkbookWrittenWithAnErrorNamesItsSheetAndCell() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            Path file = work.resolve("BM03-DT_T10-2022.xlsx");
            try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
                Sheet sheet = workbook.createSheet("Đơn thư T10");
                sheet.createRow(0).createCell(0).setCellValue("UBND XÃ TÂN MỸ");
                sheet.createRow(1).createCell(0).setCellValue("BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ");
                sheet.createRow(2).createCell(0).setCellValue("Tháng 10 năm 2022");
                Row header = sheet.createRow(4);
                header.createCell(0).setCellValue("STT");
                header.createCell(1).setCellValue("Chỉ tiêu");
                header.createCell(2).setCellValue("Lũy kế từ đầu năm");
                Row received = sheet.createRow(5);
                received.createCell(0).setCellValue(1);
                received.createCell(1).setCellValue("Số đơn thư tiếp nhận");
                received.createCell(2).setCellValue(12);
                Row resolved = sheet.createRow(6);
                resolved.createCell(0).setCellValue(2);
                resolved.createCell(1).setCellValue("Số đơn thư đã giải quyết");
                resolved.createCell(2).setCellValue("mười");
                workbook.write(out);
            }

            DryCheck.Result check = giaoban.context().getBean(DryCheck.class).check(file, "06172");

            assertThat(check.values()).extracting(DryCheck.Value::indicatorCode, DryCheck.Value::value,
                    DryCheck.Value::sheet, DryCheck.Value::cell)
                    .containsExactly(tuple("DT_TIEP_NHAN", "12", "Đơn thư T10", "C6"));
            assertThat(check.findings()).filteredOn(f -> f.severity() == Severity.ERROR)
                    .extracting(Finding::sheet, Finding::cell, Finding::found)
                    .containsExactly(tuple("Đơn thư T10", "C7", "mười"));
            assertThat(check.feedback()).contains("ô 'Đơn thư T10'!C7, giá trị \"mười\"");
        }
    }

    @Test
    void anUploadedSampleIsTheNightsExactlyAsACopiedOne() throws IOException {
        Path copiedWork = work.resolve("copied");
        Path uploadedWork = work.resolve("uploaded");
        String name = BAC_HUNG.getFileName().toString();
        try (GiaobanRun copied = GiaobanRun.empty(copiedWork); GiaobanRun uploaded = GiaobanRun.empty(uploadedWork)) {
            // given the same sample copied into one inbox, uploaded into the other
            Files.createDirectories(copied.inbox().resolve("06139"));
            Files.copy(BAC_HUNG, copied.inbox().resolve("06139").resolve(name));
            InboxDrop.Outcome outcome;
            try (InputStream content = Files.newInputStream(BAC_HUNG)) {
                outcome = uploaded.context().getBean(InboxDrop.class).drop("06139", name, content, 20L * 1024 * 1024);
            }
            assertThat(outcome).isInstanceOf(InboxDrop.Stored.class);
            InboxDrop.Stored stored = (InboxDrop.Stored) outcome;
            assertThat(stored.path()).isEqualTo(uploaded.inbox().resolve("06139").resolve(name));
            // the dry check the page shows at once is the feedback the night gives
            DryCheck.Result check = uploaded.context().getBean(DryCheck.class).check(stored.path(), "06139");
            // the scan takes a file an hour old as a copied one
            for (GiaobanRun run : List.of(copied, uploaded)) {
                Files.setLastModifiedTime(run.inbox().resolve("06139").resolve(name),
                        FileTime.from(Instant.now().minusSeconds(3600)));
            }

            // when each has its night
            copied.night(OCTOBER_2022, NIGHT);
            uploaded.night(OCTOBER_2022, NIGHT);

            // then both were received, read, filed and answered alike
            String submission = """
                    SELECT folder, relative_path, original_name, content_hash, size_bytes, status, unit_key, form_code,
                           period, version, values_taken, rejection, filed_path, feedback_path FROM submission""";
            List<String> fromCopy = copied.jdbc().sql(submission).query((rs, n) -> row(rs)).list();
            assertThat(fromCopy).hasSize(1).first().asString().contains("ACCEPTED", stored.sha256());
            assertThat(uploaded.jdbc().sql(submission).query((rs, n) -> row(rs)).list()).isEqualTo(fromCopy);
            assertThat(uploaded.businessRows()).isEqualTo(copied.businessRows());
            String feedback = "outbox/06139/" + name + ".phan-hoi.txt";
            assertThat(withoutTime(Files.readString(uploadedWork.resolve(feedback))))
                    .isEqualTo(withoutTime(Files.readString(copiedWork.resolve(feedback))));
            assertThat(Files.exists(uploadedWork.resolve("archive/2022-10/06139").resolve(name))).isTrue();
            assertThat(withoutWhenAndWhere(Files.readString(uploadedWork.resolve(feedback))))
                    .isEqualTo(withoutWhenAndWhere(check.feedback()));
        }
    }

    @Test
    void validatePrintsTheCheckAndExitsByWhatTheNightWouldDo() throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        CommandLine commandLine = new CommandLine(new PrintStream(output, true, StandardCharsets.UTF_8));
        Path tanMy = write(work.resolve("files/BM03-DT_T10-2022.csv"), TAN_MY);
        String workDir = "--giaoban.work-dir=" + work.resolve("giaoban");

        ExitCode good = commandLine.run("validate", BAC_HUNG.toString(), "--unit", "06139", workDir);
        String goodOutput = output.toString(StandardCharsets.UTF_8);
        output.reset();
        ExitCode withError = commandLine.run("validate", tanMy.toString(), "--unit", "06172", workDir);
        String errorOutput = output.toString(StandardCharsets.UTF_8);
        output.reset();
        ExitCode refused = commandLine.run("validate", tanMy.toString(), "--unit", "06139", workDir);
        String refusedOutput = output.toString(StandardCharsets.UTF_8);
        output.reset();
        ExitCode unknownUnit = commandLine.run("validate", tanMy.toString(), "--unit", "99999", workDir);
        String unknownOutput = output.toString(StandardCharsets.UTF_8);
        output.reset();
        ExitCode noFile = commandLine.run("validate", work.resolve("none.xlsx").toString(), "--unit", "06139", workDir);

        assertThat(good).isEqualTo(ExitCode.COMPLETED);
        assertThat(goodOutput).isEqualToNormalizingNewlines("""
                KIỂM TRA THỬ TỆP: BM03-DT_Bac Hung_T10_2022.csv
                Đơn vị gửi: Xã Bắc Hùng (mã 06139)
                Biểu mẫu: BM03-DT - Báo cáo công tác tiếp nhận, giải quyết đơn thư
                Kỳ báo cáo: tháng 10/2022
                Sẽ là lần gửi thứ 1 của đơn vị cho biểu và kỳ này (nếu không gửi thêm tệp nào khác trước đêm tổng hợp).
                KẾT QUẢ: SẼ ĐƯỢC TIẾP NHẬN, lấy 4 giá trị.
                Giá trị đọc được (4):
                  - DT_TIEP_NHAN Số đơn thư tiếp nhận, trong tháng: 1 (ô 'BM03-DT_Bac Hung_T10_2022'!E8)
                  - DT_TIEP_NHAN Số đơn thư tiếp nhận, lũy kế: 10 (ô 'BM03-DT_Bac Hung_T10_2022'!F8)
                  - DT_DA_GIAI_QUYET Số đơn thư đã giải quyết, trong tháng: 0 (ô 'BM03-DT_Bac Hung_T10_2022'!E9)
                  - DT_DA_GIAI_QUYET Số đơn thư đã giải quyết, lũy kế: 9 (ô 'BM03-DT_Bac Hung_T10_2022'!F9)
                Kiểm tra thử: không lưu gì vào cơ sở dữ liệu, không chuyển tệp; tệp chỉ được tổng hợp khi nằm trong thư mục nhận của đơn vị vào đêm tổng hợp.
                """);
        assertThat(withError).isEqualTo(ExitCode.NOT_ACCEPTED);
        assertThat(errorOutput).isEqualToNormalizingNewlines("""
                KIỂM TRA THỬ TỆP: BM03-DT_T10-2022.csv
                Đơn vị gửi: Xã Tân Mỹ (mã 06172)
                Biểu mẫu: BM03-DT - Báo cáo công tác tiếp nhận, giải quyết đơn thư
                Kỳ báo cáo: tháng 10/2022
                Sẽ là lần gửi thứ 1 của đơn vị cho biểu và kỳ này (nếu không gửi thêm tệp nào khác trước đêm tổng hợp).
                KẾT QUẢ: SẼ ĐƯỢC TIẾP NHẬN, lấy 3 giá trị; có ô lỗi không được lấy (xem dưới đây), đề nghị sửa trước đêm tổng hợp.
                Giá trị đọc được (3):
                  - DT_TIEP_NHAN Số đơn thư tiếp nhận, trong tháng: 1 (ô 'BM03-DT_T10-2022'!C5)
                  - DT_TIEP_NHAN Số đơn thư tiếp nhận, lũy kế: 8 (ô 'BM03-DT_T10-2022'!D5)
                  - DT_DA_GIAI_QUYET Số đơn thư đã giải quyết, lũy kế: 7 (ô 'BM03-DT_T10-2022'!D6)
                Các điểm cần xem lại (1):
                  1. Lỗi (giá trị không được lấy), ô 'BM03-DT_T10-2022'!C6, giá trị "1,5": Chỉ tiêu "Số đơn thư đã giải quyết" là số đếm (đơn), không có phần thập phân. Đề nghị kiểm tra lại.
                Kiểm tra thử: không lưu gì vào cơ sở dữ liệu, không chuyển tệp; tệp chỉ được tổng hợp khi nằm trong thư mục nhận của đơn vị vào đêm tổng hợp.
                """);
        assertThat(refused).isEqualTo(ExitCode.NOT_ACCEPTED);
        assertThat(refusedOutput).contains("KẾT QUẢ: SẼ KHÔNG ĐƯỢC TIẾP NHẬN. Lý do: ").doesNotContain("Giá trị đọc được");
        assertThat(unknownUnit).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(unknownOutput).contains("Không có đơn vị mã 99999 trong danh mục.");
        assertThat(noFile).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        // nothing was received or stored by any of them
        try (GiaobanRun giaoban = GiaobanRun.empty(work.resolve("giaoban"))) {
            assertThat(rows(giaoban)).containsOnly(Map.entry("submission", 0L), Map.entry("staged_value", 0L),
                    Map.entry("finding", 0L), Map.entry("list_record", 0L));
        }
    }

    private static Map<String, Long> rows(GiaobanRun giaoban) {
        Map<String, Long> rows = new TreeMap<>();
        for (String table : List.of("submission", "staged_value", "finding", "list_record")) {
            rows.put(table, giaoban.jdbc().sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        return rows;
    }

    /** Every file under the folders, with its size and modification time. */
    private static Map<String, String> files(Path work, String... folders) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String folder : folders) {
            Path root = work.resolve(folder);
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.toList()) {
                    files.put(work.relativize(path).toString(),
                            Files.isDirectory(path) ? "/" : Files.size(path) + " " + Files.getLastModifiedTime(path));
                }
            }
        }
        return files;
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
        return file;
    }

    private static String row(java.sql.ResultSet rs) throws java.sql.SQLException {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.append(rs.getString(i)).append(" | ");
        }
        return row.toString();
    }

    /** The feedback without its time of receipt, which two runs do not share. */
    private static String withoutTime(String feedback) {
        return feedback.replaceFirst("Nhận lúc: [^\r\n]*", "Nhận lúc: <giờ nhận>");
    }

    /**
     * The feedback without what only the night knows: when it received the file, the day counted as sent
     * (from the file's modification time), where the original was filed.
     */
    private static String withoutWhenAndWhere(String feedback) {
        return feedback.replace("\uFEFF", "").replaceAll("(?m)^(Nhận lúc|Ngày gửi được tính|Tệp gốc được lưu tại)[^\r\n]*\r?\n", "")
                .replaceAll("(\r\n)+$", "\r\n");
    }
}
