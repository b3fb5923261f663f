package vn.giaoban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.io.file.PathUtils;
import org.apache.pdfbox.Loader;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;

/** What the notice says, and where it says it, for months that went well and months that did not. */
class BriefingContentTests {

    private static final double MM = 72 / 25.4;

    @TempDir
    Path work;

    @Test
    void theOctober2022NoticeHasTheMeetingTheHeaderBlocksTheTasksTheSignatureAndTheAnnex() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work)) {
            Path pdf = giaoban.briefing(giaoban.octoberNights());

            assertThat(BriefingPdf.read(pdf).text())
                    .contains("ỦY BAN NHÂN DÂN HUYỆN VĂN LÃNG")
                    .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("Độc lập - Tự do - Hạnh phúc")
                    .contains("/TB-UBND").contains("Văn Lãng, ngày 27 tháng 10 năm 2022")
                    .contains("DỰ THẢO").contains("THÔNG BÁO")
                    .contains("Kết luận của đồng chí Chủ tịch UBND huyện tại cuộc họp giao ban công tác tháng 10/2022")
                    .contains("Ngày 25/10/2022, UBND huyện tổ chức cuộc họp giao ban công tác tháng 10 năm 2022, để đánh giá"
                            + " tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh tháng 10 và"
                            + " triển khai nhiệm vụ tháng 11 năm 2022. Đồng chí Lê Tuấn Minh, Phó Bí thư Huyện ủy, Chủ tịch"
                            + " UBND huyện - chủ trì cuộc họp.")
                    .contains("đồng chí Chủ tịch UBND huyện kết luận một số nội dung chủ yếu sau:")
                    .contains("II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM THÁNG 11/2022")
                    .contains("Chủ trì, khẩn trương hoàn thiện hồ sơ 05 tiêu chí nông thôn mới chưa đạt của xã Trùng Khánh."
                            + " Thời hạn: 31/10/2022.")
                    .contains("Kết quả thực hiện nhiệm vụ tháng 10/2022 đã giao")
                    // each follow-up ends the task's sentence as a clause, never glued after its full stop
                    .contains("Chi cục Thuế KV III: Rà soát, đôn đốc thu hồi nợ đọng thuế của các doanh nghiệp trên địa bàn,"
                            + " đã hoàn thành.")
                    .contains("Trung tâm PTQĐ: Hoàn thiện hồ sơ cưỡng chế thu hồi đất đối với 01 hộ tại Dự án Hạ tầng kỹ"
                            + " thuật khu Ao cạn (Khu V), quá hạn (thời hạn 15/10/2022).")
                    .contains("các công trình giao thông nông thôn, đang thực hiện.")
                    .doesNotContainPattern("\\. - (đã hoàn thành|đang thực hiện|quá hạn|chưa có báo cáo)")
                    .contains("để các cơ quan, đơn vị biết, tổ chức thực hiện./.")
                    .contains("Nơi nhận:").contains("TL. CHỦ TỊCH").contains("PHÓ CHÁNH VĂN PHÒNG").contains("Lê Đình Phước")
                    .contains("PHỤ LỤC").contains("Biểu 4. Tình hình nộp báo cáo tháng 10/2022")
                    .contains("Giải ngân vốn đầu tư công mới đạt 76,46% kế hoạch vốn tỉnh giao, 70,91% kế hoạch vốn"
                            + " huyện giao, thấp hơn tiến độ 83,33% của 10/12 tháng.")
                    // every commune gave its month: the month's sums are complete, nothing to say
                    .doesNotContain("Số tháng 10 chỉ gồm");
        }
    }

    @Test
    void aMonthsSumThatOnlySomeCommunesGaveIsNeverShownAsIfComplete() throws IOException {
        // given two communes' petitions: one gives the month and the year to date, one only the year to date
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            String report = """
                    UBND %s;;
                    BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ - THÁNG 10/2022;;
                    STT;Chỉ tiêu;%s
                    1;Số đơn thư tiếp nhận;%s
                    2;Số đơn thư đã giải quyết;%s
                    """;
            Files.createDirectories(work.resolve("inbox/06172"));
            Files.createDirectories(work.resolve("inbox/06175"));
            Files.writeString(work.resolve("inbox/06172/BM03-DT_T10-2022.csv"),
                    report.formatted("XÃ TÂN MỸ", "Tháng 10;Lũy kế", "3;8", "2;7"));
            Files.writeString(work.resolve("inbox/06175/BM03-DT_T10-2022.csv"),
                    report.formatted("XÃ HỒNG THÁI", "Lũy kế", "5", "5"));

            Path pdf = giaoban.briefing(giaoban.night(YearMonth.of(2022, 10), java.time.LocalDate.of(2022, 10, 27)));

            // then the annex's month column says how many units its sum holds
            assertThat(BriefingPdf.read(pdf).text()).containsPattern(
                    "Số tháng 10 chỉ gồm các đơn vị đã có số liệu tháng: Số đơn thư tiếp nhận: 1/\\d+ đơn vị");
        }
    }

    @Test
    void theDocxBesideThePdfIsEditableTextInTimesNewRoman() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work)) {
            JobExecution night = giaoban.octoberNights();
            Path docx = Path.of(night.getExecutionContext().getString(NightlyJobConfiguration.BRIEFING_DOCX));

            try (XWPFDocument document = new XWPFDocument(Files.newInputStream(docx))) {
                List<String> paragraphs = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
                assertThat(paragraphs).anyMatch(p -> p.contains("Tổng thu NSNN trên địa bàn đến ngày 23/10/2022 được"
                        + " 94.533 triệu đồng, đạt 116,71% dự toán tỉnh giao, đạt 101,21% dự toán huyện giao."));
                assertThat(document.getParagraphs()).flatMap(XWPFParagraph::getRuns)
                        .allSatisfy(run -> assertThat(run.getFontFamily()).isIn(null, "Times New Roman"));
                assertThat(document.getStyles().getCtStyles().toString()).contains("w:ascii=\"Times New Roman\"");
            }
            assertThat(Path.of(night.getExecutionContext().getString(NightlyJobConfiguration.BRIEFING_ANNEX)))
                    .isNotEmptyFile();
        }
    }

    @Test
    void page1FollowsTheDecreesMarginsWithTheIssuerAndTheNationalTitleOnOneLine() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work)) {
            Path pdf = giaoban.briefing(giaoban.octoberNights());

            List<TextPosition> page1 = positions(pdf, 1);
            double left = page1.stream().mapToDouble(TextPosition::getXDirAdj).min().orElseThrow() / MM;
            double right = (595.28 - page1.stream().mapToDouble(t -> t.getXDirAdj() + t.getWidthDirAdj()).max()
                    .orElseThrow()) / MM;
            double top = page1.stream().mapToDouble(t -> t.getYDirAdj() - t.getHeightDir()).min().orElseThrow() / MM;
            assertThat(left).as("left margin, mm").isBetween(29.0, 36.0);
            assertThat(right).as("right margin, mm").isBetween(14.0, 21.0);
            assertThat(top).as("top margin, mm").isBetween(19.0, 26.0);
            TextPosition issuer = first(page1, "ỦY BAN NHÂN DÂN");
            TextPosition nation = first(page1, "CỘNG HÒA XÃ HỘI");
            assertThat((double) Math.abs(issuer.getYDirAdj() - nation.getYDirAdj())).as("same top line").isLessThan(2.0);
            assertThat(issuer.getXDirAdj()).isLessThan(nation.getXDirAdj());
            assertThat((double) nation.getXDirAdj()).as("national title in the right half").isGreaterThan(595.28 / 2 - 60);
        }
    }

    @Test
    void aMonthWhereCrimeFellRevenueLaggedAndACommuneDidNotReportSaysSo() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work)) {
            deleteFiles(giaoban.inbox().resolve("CCTKV3"), "2022");
            deleteFiles(giaoban.inbox().resolve("CAH"), "2022");
            deleteFiles(giaoban.inbox().resolve("06175"), "2022");
            drop(giaoban.inbox().resolve("CCTKV3/BM01-NS_T10-2022.csv"), """
                    CHI CỤC THUẾ KHU VỰC III
                    BÁO CÁO THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN
                    Tháng 10 năm 2022 (Số liệu đến ngày 23/10/2022)
                    Chỉ tiêu;Thực hiện tháng 10;Lũy kế từ đầu năm
                    Tổng thu NSNN trên địa bàn;5.100;60.000
                    """);
            drop(giaoban.inbox().resolve("CAH/BM04-ANTT_2022-10.csv"), """
                    CÔNG AN HUYỆN VĂN LÃNG
                    BÁO CÁO TÌNH HÌNH AN NINH TRẬT TỰ VÀ AN TOÀN GIAO THÔNG
                    THÁNG 10/2022
                    Nội dung;Tháng 10/2022;Lũy kế 10 tháng năm 2022
                    Số vụ phạm pháp hình sự;1;20
                    Số vụ tai nạn giao thông;0;1
                    Số người chết;0;0
                    Số người bị thương;0;1
                    """);

            String text = BriefingPdf.read(giaoban.briefing(giaoban.octoberNights())).text();

            String results = text.substring(text.indexOf("1. Một số kết quả"), text.indexOf("2. Khó khăn"));
            String difficulties = text.substring(text.indexOf("2. Khó khăn"), text.indexOf("II. NHIỆM VỤ"));
            assertThat(results).contains("PPHS xảy ra 20 vụ, giảm 5 vụ và giảm 20% so với cùng kỳ năm 2021")
                    .contains("TNGT xảy ra 01 vụ, làm bị thương 01 người, bằng cùng kỳ năm 2021")
                    .contains("60.000 triệu đồng, đạt 74,07% dự toán tỉnh giao, đạt 64,24% dự toán huyện giao");
            assertThat(difficulties)
                    .contains("Tổng thu NSNN trên địa bàn mới đạt 74,07% dự toán tỉnh giao, 64,24% dự toán huyện giao,"
                            + " thấp hơn tiến độ 83,33% của 10/12 tháng.")
                    .contains("2 báo cáo chưa nộp: Xã Hồng Thái (BM03-DT, BM03-DS)")
                    .doesNotContain("PPHS");
            assertThat(text).contains("Còn 1/17 xã, thị trấn chưa báo cáo số liệu đơn thư.");
        }
    }

    /**
     * Whether a figure lags the year's pace or is worse than last year is the catalog's rules' verdict,
     * not the notice's own arithmetic: a tolerance on the traffic rule, and no pace rule for public
     * investment, change what the notice calls a difficulty, and {@code check} says the same.
     */
    @Test
    void theNoticeCallsADifficultyWhatTheRulesJudgeOne() throws IOException {
        Path catalog = work.resolve("catalog");
        PathUtils.copyDirectory(Path.of("src/main/resources/catalog/van-lang"), catalog);
        Path rules = catalog.resolve("rules.csv");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(rules)) {
            if (!line.startsWith("DTC_TIEN_DO,")) {
                lines.add(line.startsWith("TNGT_CUNG_KY,") ? line.replace("notWorse('TNGT_SO_VU'),,,", "notWorse('TNGT_SO_VU'),5,,")
                        : line);
            }
        }
        Files.write(rules, lines);

        try (GiaobanRun giaoban = GiaobanRun.withSamples(work.resolve("deployment"))
                .setting("--giaoban.catalog.location=file:" + catalog + "/")) {
            String text = BriefingPdf.read(giaoban.briefing(giaoban.octoberNights())).text();

            String results = text.substring(text.indexOf("1. Một số kết quả"), text.indexOf("2. Khó khăn"));
            String difficulties = text.substring(text.indexOf("2. Khó khăn"), text.indexOf("II. NHIỆM VỤ"));
            assertThat(difficulties).contains("Phạm pháp hình sự tăng so với cùng kỳ năm 2021. Về PPHS xảy ra 29 vụ,"
                            + " tăng 4 vụ và tăng 16% so với cùng kỳ năm 2021.")
                    .doesNotContain("TNGT").doesNotContain("Giải ngân vốn đầu tư công mới đạt");
            assertThat(results).contains("Về TNGT xảy ra 04 vụ, làm chết 04 người, làm bị thương 02 người, tăng 03 vụ"
                    + " và tăng 300% so với cùng kỳ năm 2021.");
        }
    }

    @Test
    void aPeriodWithNoDataAtAllGivesAClearNotice() {
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            String text = BriefingPdf.read(giaoban.briefing(giaoban.night(YearMonth.of(2023, 3),
                    LocalDate.of(2023, 3, 25)))).text();

            assertThat(text).contains("Đến ngày 25/03/2023, chưa có đơn vị nào gửi số liệu tháng 03/2023 nên chưa tổng hợp"
                    + " được kết quả; thông báo sẽ được lập lại khi có báo cáo.")
                    .contains("39 báo cáo chưa nộp").contains("Chưa nộp")
                    .contains("39 báo cáo phải nộp: 0 đúng hạn, 0 trễ hạn, 39 chưa nộp, 0 không tiếp nhận.");
        }
    }

    @Test
    void aPastBriefingIsWrittenAgainFromTheDatabaseAlone() {
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work)) {
            giaoban.octoberNights();
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        CommandLine commandLine = new CommandLine(new PrintStream(output, true, StandardCharsets.UTF_8));

        ExitCode exit = commandLine.run("briefing", "--period", "2021-10", "--giaoban.work-dir=" + work,
                "--giaoban.inbox.dir=" + work.resolve("no-inbox"));

        assertThat(exit).isEqualTo(ExitCode.COMPLETED);
        String printed = output.toString(StandardCharsets.UTF_8);
        Path pdf = Path.of(printed.lines().filter(line -> line.startsWith("briefing: ")).findFirst().orElseThrow()
                .substring("briefing: ".length()));
        assertThat(BriefingPdf.read(pdf).text()).contains("78.215 triệu đồng, đạt 104,29% dự toán tỉnh giao");
    }

    private static List<TextPosition> positions(Path pdf, int page) throws IOException {
        List<TextPosition> positions = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> textPositions) {
                    textPositions.stream().filter(t -> !t.getUnicode().isBlank()).forEach(positions::add);
                }
            };
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.getText(document);
        }
        return positions;
    }

    /** The first glyph of the first occurrence of {@code text} on the page. */
    private static TextPosition first(List<TextPosition> positions, String text) {
        // blank glyphs were left out: look the text up without its spaces
        StringBuilder all = new StringBuilder();
        positions.forEach(p -> all.append(p.getUnicode()));
        int index = all.indexOf(text.replace(" ", ""));
        assertThat(index).as("'%s' on page 1", text).isNotNegative();
        return positions.get(index);
    }

    private static void deleteFiles(Path folder, String containing) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().contains(containing)).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void drop(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
    }
}
