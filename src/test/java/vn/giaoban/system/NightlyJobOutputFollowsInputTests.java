package vn.giaoban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** The briefing follows the data: change a submission, a target or last year's file, and it says so. */
class NightlyJobOutputFollowsInputTests {

    private static final YearMonth OCTOBER_2022 = YearMonth.of(2022, 10);

    /** Tân Tác's corrected petitions report: one more received and resolved than its 8/8. */
    private static final String TAN_TAC_CORRECTED = """
            UBND XÃ TÂN TÁC
            BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ (bổ sung)
            Tháng 10 năm 2022
            STT;Chỉ tiêu;Tháng 10;Lũy kế từ đầu năm
            1;Số đơn thư tiếp nhận;2;9
            2;Số đơn thư đã giải quyết;2;9
            """;

    @TempDir
    Path work;

    @Test
    void onePetitionMoreInOneCommuneChangesTheTotals() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work)) {
            write(giaoban.inbox().resolve("06142/BM03-DT_T10-2022_bo-sung.csv"), TAN_TAC_CORRECTED, Instant.now());

            BriefingPdf pdf = BriefingPdf.read(giaoban.briefing(giaoban.octoberNights()));

            assertThat(pdf.text()).contains("tổng 244 đơn, đã giải quyết 220/244 đơn, đạt 90,2%")
                    .contains("cấp huyện giải quyết 51/57, cấp xã 169/187 đơn");
        }
    }

    @Test
    void aNewVersionSupersedesTheOldOneAndTheHistoryIsKept() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work)) {
            giaoban.octoberNights();
            write(giaoban.inbox().resolve("06142/BM03-DT_T10-2022_bo-sung.csv"), TAN_TAC_CORRECTED, Instant.now());

            BriefingPdf pdf = BriefingPdf.read(giaoban.briefing(giaoban.night(OCTOBER_2022, LocalDate.of(2022, 10, 28))));

            assertThat(pdf.text()).contains("220/244");
            assertThat(versions(giaoban, "06142@-")).containsExactly(
                    new Version(1, "ACCEPTED", "8"), new Version(2, "ACCEPTED", "9"));
            assertThat(currentReceived(giaoban, "06142@-")).isEqualTo("9");
        }
    }

    @Test
    void versionsAThenBThenAAgainEndWithAAndEveryVersionIsArchivedSideBySide() throws IOException {
        String name = "Báo cáo giải quyết đơn thư tháng 10 năm 2022.xlsx";
        byte[] a = Files.readAllBytes(GiaobanRun.SAMPLES.resolve("06142").resolve(name));
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work)) {
            giaoban.octoberNights();

            write(giaoban.inbox().resolve("06142/BM03-DT_T10-2022_bo-sung.csv"), TAN_TAC_CORRECTED, Instant.now());
            giaoban.night(OCTOBER_2022, LocalDate.of(2022, 10, 28));
            assertThat(currentReceived(giaoban, "06142@-")).isEqualTo("9");

            Files.write(giaoban.inbox().resolve("06142").resolve(name), a);
            BriefingPdf pdf = BriefingPdf.read(giaoban.briefing(giaoban.night(OCTOBER_2022, LocalDate.of(2022, 10, 29))));

            assertThat(currentReceived(giaoban, "06142@-")).isEqualTo("8");
            assertThat(versions(giaoban, "06142@-")).extracting(Version::number).containsExactly(1, 2, 3);
            assertThat(pdf.text()).contains("219/243");
            assertThat(giaoban.work().resolve("archive/2022-10/06142")).isDirectoryContaining(p -> p.endsWith(name))
                    .isDirectoryContaining(p -> p.endsWith("Báo cáo giải quyết đơn thư tháng 10 năm 2022 (2).xlsx"))
                    .isDirectoryContaining(p -> p.endsWith("BM03-DT_T10-2022_bo-sung.csv"));
        }
    }

    @Test
    void aProvincialRevenueTargetOf80000Gives118Point17Percent() throws IOException {
        Path catalog = work.resolve("catalog");
        PathUtils.copyDirectory(Path.of("src/main/resources/catalog/van-lang"), catalog);
        Path targets = catalog.resolve("targets.csv");
        Files.writeString(targets, Files.readString(targets).replace("NSNN_DT_TINH,NSNN_THU,TINH_GIAO,2022,182,81000",
                "NSNN_DT_TINH,NSNN_THU,TINH_GIAO,2022,182,80000"));
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work.resolve("run"))
                .setting("--giaoban.catalog.location=file:" + catalog.toAbsolutePath() + "/")) {

            BriefingPdf pdf = BriefingPdf.read(giaoban.briefing(giaoban.octoberNights()));

            assertThat(pdf.text()).contains("94.533 triệu đồng, đạt 118,17% dự toán tỉnh giao, đạt 101,21% dự toán huyện giao");
        }
    }

    @Test
    void withoutLastYearsCrimeReportTheComparisonSaysThereIsNoData() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work)) {
            try (var files = Files.list(giaoban.inbox().resolve("CAH"))) {
                for (Path file : files.filter(f -> f.getFileName().toString().contains("2021")).toList()) {
                    Files.delete(file);
                }
            }

            BriefingPdf pdf = BriefingPdf.read(giaoban.briefing(giaoban.octoberNights()));

            assertThat(pdf.text()).contains("PPHS xảy ra 29 vụ (chưa có số liệu cùng kỳ năm 2021 để so sánh)")
                    .contains("TNGT xảy ra 04 vụ, làm chết 04 người, làm bị thương 02 người (chưa có số liệu cùng kỳ năm 2021")
                    .doesNotContain("tăng 29 vụ").doesNotContain("tăng 04 vụ");
        }
    }

    @Test
    void aSecondNightWithNothingNewRunsAgainAndChangesNothing() {
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work)) {
            JobExecution first = giaoban.octoberNights();
            String before = giaoban.businessChecksum();

            JobExecution second = giaoban.night(OCTOBER_2022, LocalDate.of(2022, 10, 28));

            assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(second.getJobInstance().getInstanceId()).isNotEqualTo(first.getJobInstance().getInstanceId());
            StepExecution scan = step(second, "scan");
            assertThat(scan.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(scan.getExecutionContext().getInt("received")).isZero();
            assertThat(scan.getExecutionContext().getInt("duplicates")).isZero();
            assertThat(step(second, "ingest").getReadCount()).isZero();
            assertThat(giaoban.businessChecksum()).isEqualTo(before);
        }
    }

    private record Version(int number, String status, String received) {
    }

    private static List<Version> versions(GiaobanRun giaoban, String unit) {
        return giaoban.jdbc().sql("""
                SELECT s.version, s.status, v.num_value FROM submission s
                JOIN staged_value v ON v.submission_id = s.id
                WHERE s.unit_key = ? AND s.period = '2022-10' AND s.form_code = 'BM03-DT' AND v.indicator_code = 'DT_TIEP_NHAN'
                  AND v.measure = 'CUMULATIVE'
                ORDER BY s.version
                """).param(unit).query((rs, n) -> new Version(rs.getInt(1), rs.getString(2),
                rs.getBigDecimal(3).stripTrailingZeros().toPlainString())).list();
    }

    private static String currentReceived(GiaobanRun giaoban, String unit) {
        return giaoban.jdbc().sql("""
                SELECT num_value FROM data_value
                WHERE unit_key = ? AND period = '2022-10' AND indicator_code = 'DT_TIEP_NHAN' AND measure = 'CUMULATIVE'
                """).param(unit).query(java.math.BigDecimal.class).single().stripTrailingZeros().toPlainString();
    }

    private static StepExecution step(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst().orElseThrow();
    }

    private static void write(Path file, String text, Instant modified) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }
}
