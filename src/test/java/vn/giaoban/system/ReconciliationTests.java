package vn.giaoban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;

/**
 * Issue 5's acceptance: the October 2022 sample reconciles (the communes' petition lists add up to
 * their own aggregates, 168 of 186 in all), and a commune whose list lost a row is told so in its
 * feedback and named in the briefing's I.2.
 */
class ReconciliationTests {

    private static final YearMonth OCTOBER_2022 = YearMonth.of(2022, 10);
    /** Trùng Khánh sends its list as CSV: the row is removed as a person would, in a text editor. */
    private static final String LIST = "06127/BM03-DS_Danh sach don thu_T10_2022.csv";

    @TempDir
    Path work;

    @Test
    void theCommunesListsAddUpToTheirAggregatesAndNoRuleOverThemFails() {
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work)) {
            giaoban.octoberNights();

            assertThat(sumOfForm(giaoban, "BM03-DS", "DT_TIEP_NHAN")).isEqualByComparingTo("186");
            assertThat(sumOfForm(giaoban, "BM03-DS", "DT_DA_GIAI_QUYET")).isEqualByComparingTo("168");
            assertThat(sumOfForm(giaoban, "BM03-DT", "DT_TIEP_NHAN")).isEqualByComparingTo("186");
            assertThat(sumOfForm(giaoban, "BM03-DT", "DT_DA_GIAI_QUYET")).isEqualByComparingTo("168");
            List<String> reconciled = giaoban.jdbc().sql("""
                    SELECT outcome FROM rule_result WHERE period = '2022-10' AND rule_code LIKE 'DT_%DANH_SACH'""")
                    .query(String.class).list();
            assertThat(reconciled).hasSize(3 * 17).containsOnly("PASSED");
        }
    }

    /** Every record of a list is kept as read, behind its counts: the office can look up the petitions themselves. */
    @Test
    void everyCountedRecordOfAListIsStoredAsRead() {
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work)) {
            giaoban.octoberNights();

            long listId = giaoban.jdbc().sql("SELECT id FROM submission WHERE relative_path = ? AND status = 'ACCEPTED'")
                    .param(LIST).query(Long.class).single();
            List<String> fields = giaoban.jdbc().sql("""
                    SELECT fields FROM list_record WHERE submission_id = ? ORDER BY sheet_row""")
                    .param(listId).query(String.class).list();
            assertThat(fields).hasSize(18);
            assertThat(fields.get(0)).isEqualTo("{\"NGAY_NHAN\":\"2022-01-05\",\"NGUOI_GUI\":\"Triệu Thị Lệ\","
                    + "\"DIA_CHI\":\"thôn Bản Thẩm, xã Trùng Khánh\",\"NOI_DUNG\":\"Khiếu nại về bồi thường giải phóng"
                    + " mặt bằng\",\"TINH_TRANG\":\"Đã giải quyết\",\"NGAY_GIAI_QUYET\":\"2022-01-17\"}");
            assertThat(giaoban.jdbc().sql("SELECT MIN(sheet_row) FROM list_record WHERE submission_id = ?")
                    .param(listId).query(Integer.class).single()).isEqualTo(8);
            // every list of the month, each with as many records as it said it counted
            List<Long> mismatched = giaoban.jdbc().sql("""
                    SELECT s.id FROM submission s
                    WHERE s.form_code = 'BM03-DS' AND s.status = 'ACCEPTED'
                      AND NOT EXISTS (SELECT 1 FROM finding f WHERE f.submission_id = s.id AND f.code = 'LIST_COUNTED'
                                      AND f.message LIKE 'Danh sách có ' || (SELECT COUNT(*) FROM list_record r
                                                                          WHERE r.submission_id = s.id) || ' dòng%')""")
                    .query(Long.class).list();
            assertThat(mismatched).isEmpty();
        }
    }

    /** The district sends nothing itself: a discrepancy in its figures is told to the department whose report gives them. */
    @Test
    void aDistrictsDiscrepancyIsToldToTheDepartmentWhoseReportGivesTheFigure() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work)) {
            giaoban.octoberNights();

            assertThat(Files.readString(work.resolve("outbox/CAH/BM04-ANTT_2022-10.xlsx.phan-hoi.txt"),
                    StandardCharsets.UTF_8)).contains("Cần kiểm tra: Số vụ phạm pháp hình sự (29 vụ) tăng so với cùng kỳ"
                            + " năm trước (25 vụ).");
            assertThat(Files.readString(work.resolve("outbox/CCTKV3/BM01-NS_T10-2022.xlsx.phan-hoi.txt"),
                    StandardCharsets.UTF_8)).doesNotContain("phạm pháp");
        }
    }

    @Test
    void aCommuneWhoseListLostARowIsToldInItsFeedbackAndNamedInTheBriefing() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work)) {
            Path list = work.resolve("inbox").resolve(LIST);
            List<String> lines = new ArrayList<>(Files.readAllLines(list, StandardCharsets.UTF_8));
            String removed = lines.stream().filter(line -> line.startsWith("3,")).findFirst().orElseThrow();
            lines.remove(removed);
            Files.write(list, lines, StandardCharsets.UTF_8);

            JobExecution night = giaoban.octoberNights();

            String feedback = Files.readString(work.resolve("outbox").resolve(LIST + ".phan-hoi.txt"),
                    StandardCharsets.UTF_8);
            assertThat(feedback).contains("Cần kiểm tra: Số đơn thư tiếp nhận lũy kế theo danh sách (17 đơn) khác số"
                    + " trong báo cáo tổng hợp (18 đơn)");
            String aggregateFeedback = Files.readString(work.resolve("outbox/06127/Bao cao don thu thang 10-2022.xlsx"
                    + ".phan-hoi.txt"), StandardCharsets.UTF_8);
            assertThat(aggregateFeedback).contains("khác số trong báo cáo tổng hợp (18 đơn)");
            assertThat(Files.readString(work.resolve("outbox/06139/BM03-DS_Danh sach don thu_T10_2022.xlsx.phan-hoi.txt"),
                    StandardCharsets.UTF_8)).doesNotContain("khác số");
            String briefing = BriefingPdf.read(giaoban.briefing(night)).text();
            // the row removed was a resolved petition: both counts differ, in the commune's one sentence
            assertThat(briefing).contains("Số liệu chưa khớp, đề nghị đơn vị rà soát, báo cáo lại: xã Trùng Khánh:"
                    + " số đơn thư đã giải quyết lũy kế theo danh sách (15 đơn) khác số trong báo cáo tổng hợp (16 đơn);"
                    + " số đơn thư tiếp nhận lũy kế theo danh sách (17 đơn) khác số trong báo cáo tổng hợp (18 đơn).");
            // the unit's own total stands in the figures: still 168/186
            assertThat(briefing).contains("168/186");
        }
    }

    private static BigDecimal sumOfForm(GiaobanRun giaoban, String form, String indicator) {
        return giaoban.jdbc().sql("""
                SELECT SUM(s.num_value) FROM current_submission c JOIN staged_value s ON s.submission_id = c.submission_id
                JOIN unit u ON u.unit_key = c.unit_key
                WHERE c.period = ? AND c.form_code = ? AND s.indicator_code = ? AND s.measure = 'CUMULATIVE'
                  AND u.kind IN ('COMMUNE', 'TOWN')""")
                .params(OCTOBER_2022.toString(), form, indicator).query(BigDecimal.class).single();
    }
}
