package vn.giaoban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import vn.giaoban.text.VietnameseNumbers;

/**
 * The acceptance test of the nightly job: the committed sample submissions in, the October 2022
 * briefing out, every figure of the seed in its format, each traced back to the cell it came from.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NightlyJobEndToEndTests {

    @TempDir
    static Path work;

    private GiaobanRun giaoban;
    private JobExecution october2021;
    private JobExecution october2022;
    private BriefingPdf pdf;

    @BeforeAll
    void runBothOctobers() {
        giaoban = GiaobanRun.withSamples(work);
        october2021 = giaoban.night(YearMonth.of(2021, 10), LocalDate.of(2021, 10, 24));
        october2022 = giaoban.night(YearMonth.of(2022, 10), LocalDate.of(2022, 10, 24));
        pdf = BriefingPdf.read(giaoban.briefing(october2022));
    }

    @AfterAll
    void close() {
        giaoban.close();
    }

    @Test
    void theBriefingHasEverySeedFigureInTheSeedsFormat() {
        assertThat(october2022.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(pdf.text())
                .contains("Tổng thu NSNN trên địa bàn đến ngày 23/10/2022 được 94.533 triệu đồng, đạt 116,71% dự toán"
                        + " tỉnh giao, đạt 101,21% dự toán huyện giao")
                .contains("71.592 triệu đồng, đạt 76,46% kế hoạch vốn tỉnh giao, đạt 70,91% kế hoạch vốn huyện giao")
                .contains("tổng 243 đơn, đã giải quyết 219/243 đơn, đạt 90,1% (trong đó cấp huyện giải quyết 51/57,"
                        + " cấp xã 168/186 đơn)")
                .contains("xã Trùng Khánh: đến thời điểm hiện tại, có 14/19 tiêu chí đã đạt gồm:"
                        + " 1-2-3-4-7-9-10-11-12-13-14-15-16-18. Có 5/19 tiêu chí chưa đạt (5-6-8-17-19)")
                .contains("PPHS xảy ra 29 vụ, tăng 4 vụ và tăng 16% so với cùng kỳ năm 2021")
                .contains("TNGT xảy ra 04 vụ, làm chết 04 người")
                .contains("tăng 03 vụ và")
                .contains("tăng 300% so với cùng kỳ năm 2021");
        String results = pdf.text().substring(pdf.text().indexOf("1. Một số kết quả"), pdf.text().indexOf("2. Khó khăn"));
        String difficulties = pdf.text().substring(pdf.text().indexOf("2. Khó khăn"), pdf.text().indexOf("II. NHIỆM VỤ"));
        assertThat(results).contains("Tổ chức Hội nghị đối thoại, làm việc với cộng đồng doanh nghiệp, hợp tác xã, hộ kinh"
                + " doanh trên địa bàn huyện Văn Lãng năm 2022 và kỷ niệm ngày Doanh nhân Việt Nam 13/10, với trên 300"
                + " đại biểu tham gia.")
                .contains("với 150 đại biểu tham gia.");
        assertThat(difficulties).contains("Việc triển khai nguồn vốn các Chương trình MTQG còn lúng túng, khó khăn");
        // crime and accidents went up: a difficulty (I.2), not a result
        assertThat(pdf.text().indexOf("Khó khăn, tồn tại, hạn chế")).isLessThan(pdf.text().indexOf("PPHS xảy ra"));
    }

    @Test
    void everyFontIsEmbeddedAndTimesNewRomanMetric() {
        assertThat(pdf.fonts()).isNotEmpty().allMatch(name -> name.contains("LiberationSerif"));
        assertThat(pdf.notEmbedded()).isEmpty();
    }

    @Test
    void eachFigureIsTracedToTheCellItCameFrom() {
        assertTraced("182@-", "NSNN_THU", "CUMULATIVE", "94533");
        assertTraced("182@-", "DTC_GIAI_NGAN", "CUMULATIVE", "71592");
        assertTraced("182@-", "DT_TIEP_NHAN", "CUMULATIVE", "57");
        assertTraced("182@-", "DT_DA_GIAI_QUYET", "CUMULATIVE", "51");
        assertTraced("182@-", "PPHS", "CUMULATIVE", "29");
        assertTraced("182@-", "TNGT_SO_VU", "CUMULATIVE", "4");
        assertTraced("182@-", "TNGT_CHET", "CUMULATIVE", "4");
        assertTraced("06127@-", "NTM_TC_05", "POINT", "chưa đạt");
        assertTraced("06127@-", "NTM_TC_18", "POINT", "đạt");
        assertThat(traced("182@-", "PPHS", "CUMULATIVE", "2021-10").value()).isEqualTo("25");
        assertThat(traced("182@-", "TNGT_SO_VU", "CUMULATIVE", "2021-10").value()).isEqualTo("1");
    }

    @Test
    void everySampleFileWasReadAndAccepted() {
        assertThat(giaoban.jdbc().sql("SELECT DISTINCT status FROM submission").query(String.class).list())
                .containsExactly("ACCEPTED");
        assertThat(giaoban.jdbc().sql("SELECT COUNT(*) FROM submission").query(Integer.class).single())
                .isEqualTo(GiaobanRun.sampleFiles());
    }

    @Test
    void lastYearsBriefingHasLastYearsFigures() {
        assertThat(BriefingPdf.read(giaoban.briefing(october2021)).text())
                .contains("đến ngày 22/10/2021 được 78.215 triệu đồng, đạt 104,29% dự toán tỉnh giao, đạt 95,38%")
                .contains("tổng 219 đơn, đã giải quyết 195/219 đơn, đạt 89,0%")
                .contains("PPHS xảy ra 25 vụ (chưa có số liệu cùng kỳ năm 2020 để so sánh)");
        assertThat(total("DT_TIEP_NHAN", "2021-10")).isEqualTo("219");
        assertThat(total("DT_DA_GIAI_QUYET", "2021-10")).isEqualTo("195");
        assertThat(total("NSNN_THU", "2021-10")).isEqualTo("78215");
    }

    private String total(String indicator, String period) {
        return giaoban.jdbc().sql("""
                SELECT total_value FROM rollup_value
                WHERE unit_key = '182@-' AND indicator_code = ? AND period = ? AND measure = 'CUMULATIVE'
                """).params(indicator, period).query(BigDecimal.class).single().stripTrailingZeros().toPlainString();
    }

    @Test
    void theCommunesOwnReportsSumToTheCommuneLevel() {
        List<Provenance> received = giaoban.jdbc().sql("""
                SELECT v.unit_key, s.filed_path, v.sheet, v.cell, v.num_value
                FROM data_value v JOIN submission s ON s.id = v.submission_id JOIN unit u ON u.unit_key = v.unit_key
                WHERE v.indicator_code = 'DT_TIEP_NHAN' AND v.period = '2022-10' AND v.measure = 'CUMULATIVE'
                  AND u.kind IN ('COMMUNE', 'TOWN')
                """).query((rs, n) -> new Provenance(rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getBigDecimal(5).stripTrailingZeros().toPlainString())).list();
        assertThat(received).hasSize(17);
        BigDecimal sum = BigDecimal.ZERO;
        for (Provenance cell : received) {
            assertThat(number(SourceCell.text(giaoban.work().resolve(cell.path()), cell.sheet(), cell.cell())))
                    .isEqualByComparingTo(cell.value());
            sum = sum.add(new BigDecimal(cell.value()));
        }
        assertThat(sum).isEqualByComparingTo("186");
    }

    private record Provenance(String path, String sheet, String cell, String value) {
    }

    private void assertTraced(String unit, String indicator, String measure, String expected) {
        Provenance provenance = traced(unit, indicator, measure, "2022-10");
        String inFile = SourceCell.text(giaoban.work().resolve(provenance.path()), provenance.sheet(), provenance.cell());
        if (expected.matches("\\d+")) {
            assertThat(provenance.value()).isEqualTo(expected);
            assertThat(number(inFile)).as("%s!%s of %s", provenance.sheet(), provenance.cell(), provenance.path())
                    .isEqualByComparingTo(expected);
        } else {
            assertThat(inFile.strip().toLowerCase()).isEqualTo(expected);
        }
    }

    private Provenance traced(String unit, String indicator, String measure, String period) {
        return giaoban.jdbc().sql("""
                SELECT s.filed_path, v.sheet, v.cell, COALESCE(CAST(v.num_value AS VARCHAR(40)), v.text_value)
                FROM data_value v JOIN submission s ON s.id = v.submission_id
                WHERE v.unit_key = ? AND v.indicator_code = ? AND v.measure = ? AND v.period = ?
                """).params(unit, indicator, measure, period)
                .query((rs, n) -> new Provenance(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4).matches("[0-9.]+") ? new BigDecimal(rs.getString(4)).stripTrailingZeros()
                                .toPlainString() : rs.getString(4)))
                .single();
    }

    private static BigDecimal number(String text) {
        return VietnameseNumbers.parse(text).value();
    }
}
