package vn.giaoban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** The inbox as people use it, and the answer each unit finds in its outbox the next morning. */
class InboxAndFeedbackTests {

    private static final YearMonth OCTOBER_2022 = YearMonth.of(2022, 10);
    private static final Instant AN_HOUR_AGO = Instant.now().minusSeconds(3600);

    private static final String TAN_MY = """
            UBND XÃ TÂN MỸ;;;
            BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ;;;
            Tháng 10 năm 2022;;;
            STT;Chỉ tiêu;Tháng 10;Lũy kế từ đầu năm
            1;Số đơn thư tiếp nhận;1;8
            2;Số đơn thư đã giải quyết;1,5;7
            3;Số đơn thư đang giải quyết;0;1
            """;

    private static final String HOANG_VIET_IN_TAN_MY = """
            UBND XÃ HOÀNG VIỆT
            BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ
            Tháng 10 năm 2022
            STT;Chỉ tiêu;Lũy kế từ đầu năm
            1;Số đơn thư tiếp nhận;13
            """;

    @TempDir
    Path work;

    @Test
    void theFeedbackOfAnAcceptedFileNamesEachCellWordForWord() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            drop(giaoban, "06172/BM03-DT_T10-2022.csv", TAN_MY);

            giaoban.night(OCTOBER_2022, LocalDate.of(2022, 10, 27));

            assertThat(feedback(giaoban, "06172/BM03-DT_T10-2022.csv.phan-hoi.txt")).isEqualTo("""
                    PHẢN HỒI VỀ BÁO CÁO ĐÃ GỬI
                    Đơn vị gửi: Xã Tân Mỹ (mã 06172)
                    Tệp: BM03-DT_T10-2022.csv
                    Nhận lúc: <giờ nhận>
                    Ngày gửi được tính là ngày 27/10/2022 (đêm nhận tệp): ngày sửa tệp ghi trên tệp (<ngày sửa>) là trước khi kỳ báo cáo bắt đầu hoặc sau đêm nhận tệp nên không được dùng.
                    Biểu mẫu: BM03-DT - Báo cáo công tác tiếp nhận, giải quyết đơn thư
                    Kỳ báo cáo: tháng 10/2022

                    KẾT QUẢ: ĐÃ TIẾP NHẬN
                    Đã lấy 3 giá trị vào số liệu tổng hợp.
                      - Số đơn thư tiếp nhận, trong tháng: 1 (ô 'BM03-DT_T10-2022'!C5)
                      - Số đơn thư tiếp nhận, lũy kế: 8 (ô 'BM03-DT_T10-2022'!D5)
                      - Số đơn thư đã giải quyết, lũy kế: 7 (ô 'BM03-DT_T10-2022'!D6)

                    CÁC ĐIỂM CẦN XEM LẠI (2):
                    1. Lỗi (giá trị không được lấy), ô 'BM03-DT_T10-2022'!C6, giá trị "1,5": Chỉ tiêu "Số đơn thư đã giải quyết" là số đếm (đơn), không có phần thập phân. Đề nghị kiểm tra lại.
                    2. Ghi chú, ô 'BM03-DT_T10-2022'!B7, giá trị "Số đơn thư đang giải quyết": Dòng này không thuộc chỉ tiêu của biểu BM03-DT nên không được tổng hợp.

                    Tệp gốc được lưu tại: archive/2022-10/06172/BM03-DT_T10-2022.csv
                    """);
        }
    }

    @Test
    void theFeedbackOfARejectedFileSaysWhyAndNothingIsStored() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            drop(giaoban, "06172/don thu T10-2022.csv", HOANG_VIET_IN_TAN_MY);

            giaoban.night(OCTOBER_2022, LocalDate.of(2022, 10, 27));

            assertThat(feedback(giaoban, "06172/don thu T10-2022.csv.phan-hoi.txt")).isEqualTo("""
                    PHẢN HỒI VỀ BÁO CÁO ĐÃ GỬI
                    Đơn vị gửi: Xã Tân Mỹ (mã 06172)
                    Tệp: don thu T10-2022.csv
                    Nhận lúc: <giờ nhận>
                    Ngày gửi được tính là ngày 27/10/2022 (đêm nhận tệp): ngày sửa tệp ghi trên tệp (<ngày sửa>) là trước khi kỳ báo cáo bắt đầu hoặc sau đêm nhận tệp nên không được dùng.
                    Kỳ báo cáo: tháng 10/2022

                    KẾT QUẢ: KHÔNG TIẾP NHẬN CẢ TỆP
                    Lý do: Tệp được gửi vào thư mục của Xã Tân Mỹ nhưng tiêu đề biểu ghi Xã Hoàng Việt. Mỗi đơn vị chỉ gửi báo cáo của mình vào thư mục của mình.
                    Không có số liệu nào của tệp này được tổng hợp. Đề nghị sửa rồi gửi lại tệp vào thư mục 06172.

                    Tệp gốc được lưu tại: rejected/2022-10/06172/don thu T10-2022.csv
                    """);
            assertThat(giaoban.jdbc().sql("SELECT COUNT(*) FROM data_value").query(Integer.class).single()).isZero();
            assertThat(giaoban.jdbc().sql("SELECT COUNT(*) FROM staged_value").query(Integer.class).single()).isZero();
        }
    }

    @Test
    void aFileWhoseNameClaimsAnotherPeriodThanItsTitleIsRejectedAndNothingIsStored() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            drop(giaoban, "06172/BM03-DT_T09-2022.csv", TAN_MY);

            giaoban.night(OCTOBER_2022, LocalDate.of(2022, 10, 27));

            assertThat(feedback(giaoban, "06172/BM03-DT_T09-2022.csv.phan-hoi.txt"))
                    .contains("KẾT QUẢ: KHÔNG TIẾP NHẬN CẢ TỆP")
                    .contains("Lý do: Tên tệp ghi kỳ 09/2022 nhưng tiêu đề biểu ghi kỳ 10/2022.");
            assertThat(work.resolve("rejected/khong-ro-ky/06172/BM03-DT_T09-2022.csv")).exists();
            assertThat(giaoban.jdbc().sql("SELECT COUNT(*) FROM staged_value").query(Integer.class).single()).isZero();
            assertThat(giaoban.jdbc().sql("SELECT COUNT(*) FROM data_value").query(Integer.class).single()).isZero();
        }
    }

    @Test
    void theFeedbackOfAFileSentTwiceSaysNothingChanged() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            drop(giaoban, "06172/BM03-DT_T10-2022.csv", TAN_MY);
            giaoban.night(OCTOBER_2022, LocalDate.of(2022, 10, 27));
            drop(giaoban, "06172/BM03-DT_T10-2022 - Copy.csv", TAN_MY);

            giaoban.night(OCTOBER_2022, LocalDate.of(2022, 10, 28));

            assertThat(feedback(giaoban, "06172/BM03-DT_T10-2022 - Copy.csv.phan-hoi.txt")).isEqualTo("""
                    PHẢN HỒI VỀ BÁO CÁO ĐÃ GỬI
                    Đơn vị gửi: Xã Tân Mỹ (mã 06172)
                    Tệp: BM03-DT_T10-2022 - Copy.csv
                    Nhận lúc: <giờ nhận>
                    Ngày gửi được tính là ngày 28/10/2022 (đêm nhận tệp): ngày sửa tệp ghi trên tệp (<ngày sửa>) là trước khi kỳ báo cáo bắt đầu hoặc sau đêm nhận tệp nên không được dùng.
                    Biểu mẫu: BM03-DT - Báo cáo công tác tiếp nhận, giải quyết đơn thư
                    Kỳ báo cáo: tháng 10/2022

                    KẾT QUẢ: ĐÃ NHẬN, KHÔNG CÓ GÌ THAY ĐỔI
                    Nội dung tệp giống hệt bản đang được sử dụng cho kỳ này; số liệu tổng hợp giữ nguyên.

                    Tệp gốc được lưu tại: archive/2022-10/06172/BM03-DT_T10-2022 - Copy.csv
                    """);
        }
    }

    @Test
    void whatIsNotASubmissionIsLeftWhereItIsAndTheSummarySaysWhy() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.empty(work).setting("--giaoban.inbox.stable-after=10m")) {
            drop(giaoban, "06172/~$BM03-DT_T10-2022.csv", "lock");
            drop(giaoban, "06172/.~lock.BM03#", "lock");
            drop(giaoban, "06172/bao cao.tmp", "tmp");
            drop(giaoban, "99999/BM03-DT_T10-2022.csv", TAN_MY);
            drop(giaoban, "06172/cu/BM03-DT_T10-2022.csv", TAN_MY);
            drop(giaoban, "bao cao le.csv", TAN_MY);
            Path target = drop(giaoban, "06172/elsewhere.csv", TAN_MY);
            Files.move(target, work.resolve("outside.csv"));
            Files.createSymbolicLink(giaoban.inbox().resolve("06172/link.csv"), work.resolve("outside.csv"));
            Path copying = giaoban.inbox().resolve("06172/dang-chep.csv");
            Files.writeString(copying, TAN_MY);

            JobExecution night = giaoban.night(OCTOBER_2022, LocalDate.of(2022, 10, 27));

            String leftAlone = night.getStepExecutions().stream().filter(s -> s.getStepName().equals("scan"))
                    .findFirst().orElseThrow().getExecutionContext().getString("leftAlone");
            assertThat(leftAlone.lines().toList()).containsExactlyInAnyOrder(
                    "06172/.~lock.BM03# (tệp tạm hoặc ẩn)",
                    "06172/bao cao.tmp (tệp tạm hoặc ẩn)",
                    "06172/cu (thư mục con: đề nghị đặt tệp ngay trong thư mục của đơn vị)",
                    "06172/dang-chep.csv (đang được chép vào, sẽ nhận ở lần chạy sau)",
                    "06172/link.csv (liên kết tượng trưng, bị từ chối)",
                    "06172/~$BM03-DT_T10-2022.csv (tệp khóa của Office khi đang mở tệp)",
                    "99999 (tên thư mục không phải mã của đơn vị nào trong danh mục)",
                    "bao cao le.csv (tệp phải nằm trong thư mục của đơn vị gửi)");
            assertThat(giaoban.jdbc().sql("SELECT COUNT(*) FROM submission").query(Integer.class).single()).isZero();
            assertThat(copying).exists();
            assertThat(work.resolve("outside.csv")).exists();
        }
    }

    @Test
    void aFileNamedInNfdIsReadAndFiledUnderItsComposedName() throws IOException {
        String composed = "Báo cáo đơn thư tháng 10-2022.csv";
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            drop(giaoban, "06172/" + Normalizer.normalize(composed, Normalizer.Form.NFD), TAN_MY);

            giaoban.night(OCTOBER_2022, LocalDate.of(2022, 10, 27));

            assertThat(giaoban.jdbc().sql("SELECT original_name, status FROM submission")
                    .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list())
                    .containsExactly(composed + " ACCEPTED");
            assertThat(work.resolve("archive/2022-10/06172").resolve(composed)).exists();
            assertThat(work.resolve("outbox/06172").resolve(composed + ".phan-hoi.txt")).exists();
        }
    }

    @Test
    void theFeedbackOpensInAnOldWindowsNotepad() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            drop(giaoban, "06172/BM03-DT_T10-2022.csv", TAN_MY);

            giaoban.night(OCTOBER_2022, LocalDate.of(2022, 10, 27));

            byte[] bytes = Files.readAllBytes(work.resolve("outbox/06172/BM03-DT_T10-2022.csv.phan-hoi.txt"));
            assertThat(List.of(bytes[0], bytes[1], bytes[2])).containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(text.replace("\r\n", "")).doesNotContain("\n");
        }
    }

    @Test
    void anOfficesRewordingOfAReadersSentenceIsWhatTheUnitReads() throws IOException {
        // given the office's messages folder rewording why a file without a period is refused
        Files.createDirectories(work.resolve("messages"));
        Files.writeString(work.resolve("messages/feedback.properties"),
                "feedback.identify.no-period=Tệp chưa ghi tháng báo cáo: ghi \"THÁNG 10/2022\" ở tiêu đề rồi gửi lại.\n",
                StandardCharsets.UTF_8);
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            drop(giaoban, "06172/bao cao don thu.csv", TAN_MY.replace("Tháng 10 năm 2022;;;\n", ""));

            giaoban.night(OCTOBER_2022, LocalDate.of(2022, 10, 27));

            // then the feedback gives the office's sentence, not the shipped one
            assertThat(feedback(giaoban, "06172/bao cao don thu.csv.phan-hoi.txt"))
                    .contains("Lý do: Tệp chưa ghi tháng báo cáo: ghi \"THÁNG 10/2022\" ở tiêu đề rồi gửi lại.")
                    .doesNotContain("Không xác định được kỳ báo cáo");
        }
    }

    @Test
    void aFileWithAVeryLongNameOrCellIsAnsweredAndNeverFailsTheNight() throws IOException {
        // given a valid report whose name is as long as a file name can be, a cell of 5,000 characters in another
        // unit's report, and a third unit's ordinary report
        String longName = "L".repeat(246) + ".csv";
        String longText = "Nội dung rất dài. ".repeat(300);
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            drop(giaoban, "06172/" + longName, TAN_MY);
            drop(giaoban, "CCTKV3/BM01-NS_T10-2022.csv", """
                    CHI CỤC THUẾ KHU VỰC III;;
                    BÁO CÁO THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN;;
                    Tháng 10 năm 2022 - số liệu đến ngày 23/10/2022;;
                    STT;Chỉ tiêu;Lũy kế từ đầu năm
                    1;Tổng thu NSNN trên địa bàn;94533
                    2;Kết quả nổi bật;%s
                    """.formatted(longText));
            drop(giaoban, "06127/BM03-DT_T10-2022.csv", TAN_MY.replace("UBND XÃ TÂN MỸ", "UBND XÃ TRÙNG KHÁNH"));

            JobExecution night = giaoban.night(OCTOBER_2022, LocalDate.of(2022, 10, 27));

            // then the night completes, every file is answered, and nothing is cut without a word
            assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(giaoban.jdbc().sql("SELECT COUNT(*) FROM submission WHERE status = 'ACCEPTED'")
                    .query(Integer.class).single()).isEqualTo(3);
            try (var answers = Files.list(work.resolve("outbox/06172"))) {
                assertThat(answers.toList()).singleElement().satisfies(answer -> {
                    assertThat(answer.getFileName().toString().getBytes(StandardCharsets.UTF_8).length)
                            .isLessThanOrEqualTo(255);
                    assertThat(Files.readString(answer)).contains("Tệp: " + longName).contains("ĐÃ TIẾP NHẬN");
                });
            }
            String highlight = giaoban.jdbc().sql("""
                    SELECT text_value FROM data_value WHERE indicator_code = 'NS_NOI_BAT' AND period = '2022-10'""")
                    .query(String.class).single();
            assertThat(highlight).hasSizeLessThanOrEqualTo(2000).startsWith("Nội dung rất dài.");
            assertThat(feedback(giaoban, "CCTKV3/BM01-NS_T10-2022.csv.phan-hoi.txt"))
                    .contains("ký tự").contains("2.000");
        }
    }

    @Test
    void theNightsSummaryCountsThePointsTheFeedbackFilesList() throws IOException {
        // given files whose feedback lists findings of reading, of the rules and of identification
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            drop(giaoban, "06172/BM03-DT_T10-2022.csv", TAN_MY);
            drop(giaoban, "06127/BM03-DT_T10-2022.csv", TAN_MY.replace("UBND XÃ TÂN MỸ", "UBND XÃ TRÙNG KHÁNH")
                    .replace("1;Số đơn thư tiếp nhận;1;8", "1;Số đơn thư tiếp nhận;1;6"));
            drop(giaoban, "06172/ban khac.csv", HOANG_VIET_IN_TAN_MY);

            giaoban.night(OCTOBER_2022, LocalDate.of(2022, 10, 27));

            // then the summary's count is the sum of what the feedback files list
            long listed = 0;
            try (var answers = Files.walk(work.resolve("outbox"))) {
                for (Path answer : answers.filter(Files::isRegularFile).toList()) {
                    var count = java.util.regex.Pattern.compile("CÁC ĐIỂM CẦN XEM LẠI \\((\\d+)\\)")
                            .matcher(Files.readString(answer));
                    listed += count.find() ? Long.parseLong(count.group(1)) : 0;
                }
            }
            assertThat(listed).isPositive();
            assertThat(giaoban.context().getBean(vn.giaoban.submission.SubmissionIngest.class)
                    .summary(LocalDate.of(2022, 10, 27)).findings()).isEqualTo(listed);
        }
    }

    @Test
    void aFigureThatJumpsFromTheUnitsPreviousVersionIsToldWithItsCell() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            drop(giaoban, "06172/BM03-DT lan 1.csv", TAN_MY);
            Path second = drop(giaoban, "06172/BM03-DT lan 2.csv", TAN_MY.replace("1;Số đơn thư tiếp nhận;1;8",
                    "1;Số đơn thư tiếp nhận;1;999"));
            Files.setLastModifiedTime(second, FileTime.from(AN_HOUR_AGO.plusSeconds(600)));

            giaoban.night(OCTOBER_2022, LocalDate.of(2022, 10, 27));

            // then the figure is taken, and the unit is asked to check it, with the cell
            assertThat(feedback(giaoban, "06172/BM03-DT lan 2.csv.phan-hoi.txt"))
                    .contains("Cần kiểm tra, ô 'BM03-DT lan 2'!D5: Chỉ tiêu \"Số đơn thư tiếp nhận\" (lũy kế) là 999,"
                            + " chênh lệch bất thường so với bản gửi lần 1 (8).");
            assertThat(feedback(giaoban, "06172/BM03-DT lan 1.csv.phan-hoi.txt")).doesNotContain("bất thường");
        }
    }

    @Test
    void aCsvWithoutATitleLineGivesTheCutOffItsFormsScheduleStatesSayingItWasAssumed() throws IOException {
        // given the tax office's figures as a bare CSV: no title, no "đến ngày"; its form is cut off on the 23rd
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            drop(giaoban, "CCTKV3/BM01-NS_T10-2022.csv", """
                    STT;Chỉ tiêu;Lũy kế từ đầu năm
                    1;Tổng thu NSNN trên địa bàn;94533
                    """);

            giaoban.night(OCTOBER_2022, LocalDate.of(2022, 10, 27));

            assertThat(giaoban.jdbc().sql("SELECT as_of FROM submission WHERE form_code = 'BM01-NS'")
                    .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2022, 10, 23));
            assertThat(feedback(giaoban, "CCTKV3/BM01-NS_T10-2022.csv.phan-hoi.txt"))
                    .contains("Kỳ báo cáo: tháng 10/2022, số liệu đến ngày 23/10/2022")
                    .contains("theo lịch báo cáo của biểu BM01-NS, số liệu được hiểu là đến ngày 23/10/2022");
        }
    }

    @Test
    void aFileSavedBeforeItsPeriodBeganCountsFromTheNightAndItsFeedbackSaysSo() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            // a copy tool gave it a date of last year; the other file was saved in the period, the day before
            Path copied = drop(giaoban, "06172/BM03-DT_T10-2022.csv", TAN_MY);
            Files.setLastModifiedTime(copied, FileTime.from(Instant.parse("2021-10-20T03:00:00Z")));
            Path saved = drop(giaoban, "06175/BM03-DT_T10-2022.csv", TAN_MY.replace("TÂN MỸ", "HỒNG THÁI"));
            Files.setLastModifiedTime(saved, FileTime.from(Instant.parse("2022-10-26T03:00:00Z")));

            giaoban.night(OCTOBER_2022, LocalDate.of(2022, 10, 27));

            assertThat(feedback(giaoban, "06172/BM03-DT_T10-2022.csv.phan-hoi.txt")).contains("""
                    Ngày gửi được tính là ngày 27/10/2022 (đêm nhận tệp): ngày sửa tệp ghi trên tệp (<ngày sửa>) là \
                    trước khi kỳ báo cáo bắt đầu hoặc sau đêm nhận tệp nên không được dùng.
                    """);
            assertThat(Files.readString(work.resolve("outbox/06175/BM03-DT_T10-2022.csv.phan-hoi.txt")))
                    .doesNotContain("Ngày gửi được tính");
            // status, the briefing and its annex read the same day: never a date before October 2022
            assertThat(giaoban.jdbc().sql("SELECT COUNT(*) FROM submission WHERE status = 'ACCEPTED'").query(Long.class)
                    .single()).isEqualTo(2);
        }
    }

    @Test
    void aRefusedFileOfA2022NightNamesTheUnitThatHeldTheCodeThenNotTodays() throws IOException {
        // given a broken file with no period in its name, in the folder 06172: Xã Tân Mỹ's in 2022, Xã Hoàng Văn
        // Thụ's since the July 2025 reform; the machine's clock is long past both
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            Path broken = giaoban.inbox().resolve("06172/bao cao.ods");
            Files.createDirectories(broken.getParent());
            Files.write(broken, new byte[] { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0 });
            Files.setLastModifiedTime(broken, FileTime.from(Instant.parse("2022-10-26T03:00:00Z")));

            giaoban.night(OCTOBER_2022, LocalDate.of(2022, 10, 27));

            // then its answer names the unit of the night, and the night's date
            assertThat(Files.readString(work.resolve("outbox/06172/bao cao.ods.phan-hoi.txt")))
                    .contains("Đơn vị gửi: Xã Tân Mỹ (mã 06172)").doesNotContain("Hoàng Văn Thụ")
                    .contains("KHÔNG TIẾP NHẬN").doesNotContain("2026");
        }
    }

    private static Path drop(GiaobanRun giaoban, String relative, String content) throws IOException {
        Path file = giaoban.inbox().resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(AN_HOUR_AGO));
        return file;
    }

    /** The feedback as a person reads it, the time of receipt (which the test does not fix) replaced. */
    private String feedback(GiaobanRun giaoban, String relative) throws IOException {
        String text = Files.readString(work.resolve("outbox").resolve(relative), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF").contains("\r\n");
        // a night run for a day gone by, as here, shows that night's date rather than today's
        assertThat(text).containsPattern("Nhận lúc: (\\d\\d:\\d\\d ngày|đêm tổng hợp ngày) \\d\\d/\\d\\d/\\d{4}\r\n");
        return text.substring(1).replace("\r\n", "\n")
                .replaceFirst("Nhận lúc: (\\d\\d:\\d\\d ngày|đêm tổng hợp ngày) \\d\\d/\\d\\d/\\d{4}", "Nhận lúc: <giờ nhận>")
                .replaceFirst("ngày sửa tệp ghi trên tệp \\(\\d\\d/\\d\\d/\\d{4}\\)", "ngày sửa tệp ghi trên tệp (<ngày sửa>)");
    }
}
