package vn.giaoban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;

/** {@code giaoban status --period}: every report expected of the period, and how it stands. */
class StatusCommandTests {

    private static final YearMonth OCTOBER_2022 = YearMonth.of(2022, 10);

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final CommandLine commandLine = new CommandLine(new PrintStream(output, true, StandardCharsets.UTF_8));

    @TempDir
    Path work;

    @Test
    void octoberOnTheSamplesListsEveryExpectedReportOnTimeFromTheDatabaseAlone() {
        long nights;
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work)) {
            giaoban.octoberNights();
            nights = jobExecutions(giaoban);
        }

        // no inbox at all: status reads the database, it does not scan
        ExitCode exit = status("2022-10", "--giaoban.inbox.dir=" + work.resolve("no-inbox"));

        assertThat(exit).isEqualTo(ExitCode.COMPLETED);
        assertThat(printed()).startsWith("TÌNH HÌNH NỘP BÁO CÁO KỲ 10/2022\n"
                + "39 báo cáo phải nộp: 39 đúng hạn, 0 trễ hạn, 0 chưa nộp, 0 không tiếp nhận.\n");
        List<String> rows = rows();
        assertThat(rows).hasSize(39).allSatisfy(row -> assertThat(row).contains("24/10/2022").endsWith("ĐÚNG HẠN"));
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("Chi cục Thuế khu vực III (CCTKV3)").contains("BM01-NS"))
                .anySatisfy(row -> assertThat(row).startsWith("Xã Trùng Khánh (06127)").contains("BM05-NTM"))
                .anySatisfy(row -> assertThat(row).startsWith("Thanh tra huyện (TTH)").contains("BM03-DT"));
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            assertThat(jobExecutions(giaoban)).as("no job was run").isEqualTo(nights);
        }
    }

    /**
     * Xã Hồng Thái's October report: removed from the inbox before the nights, it is missing; an
     * unreadable file in its place is rejected; the real file, written two days after the deadline,
     * makes it late, and the briefing says the same.
     */
    @Test
    void aCommunesReportIsMissingThenRejectedThenLateByItsAcceptedFile() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work)) {
            Path report = giaoban.inbox().resolve("06175/BM03_DT_T10_2022.xlsx");
            Path aside = work.resolve("BM03_DT_T10_2022.xlsx");
            Files.move(report, aside);
            giaoban.octoberNights();
            giaoban.close();

            assertThat(status("2022-10")).isEqualTo(ExitCode.COMPLETED);
            assertThat(printed()).contains("39 báo cáo phải nộp: 38 đúng hạn, 0 trễ hạn, 1 chưa nộp, 0 không tiếp nhận.");
            assertThat(row("Xã Hồng Thái (06175)")).contains("BM03-DT").contains("tháng 10/2022")
                    .matches(".*24/10/2022 +- +CHƯA NỘP");
            assertThat(rows()).hasSize(39);

            Path broken = giaoban.inbox().resolve("06175/bao-cao.xlsx");
            Files.write(broken, new byte[] {0x50, 0x4b, 0x03, 0x04, 0x00, 0x01, 0x02, 0x03});
            modifiedOn(broken, LocalDateTime.of(2022, 10, 23, 16, 30));
            giaoban.night(OCTOBER_2022, LocalDate.of(2022, 10, 23));
            String rejection = giaoban.jdbc().sql("SELECT rejection FROM submission WHERE status = 'REJECTED'")
                    .query(String.class).single();
            giaoban.close();

            output.reset();
            assertThat(status("2022-10")).isEqualTo(ExitCode.COMPLETED);
            assertThat(printed()).contains("39 báo cáo phải nộp: 38 đúng hạn, 0 trễ hạn, 0 chưa nộp, 1 không tiếp nhận.");
            assertThat(row("Xã Hồng Thái (06175)")).matches(".*24/10/2022 +- +KHÔNG TIẾP NHẬN: .+")
                    .contains("KHÔNG TIẾP NHẬN: " + rejection.substring(0, 30));

            Files.move(aside, report);
            modifiedOn(report, LocalDateTime.of(2022, 10, 26, 9, 15));
            JobExecution night = giaoban.night(OCTOBER_2022, LocalDate.of(2022, 10, 27));
            String briefing = BriefingPdf.read(giaoban.briefing(night)).text();
            giaoban.close();

            output.reset();
            assertThat(status("2022-10")).isEqualTo(ExitCode.COMPLETED);
            assertThat(printed()).contains("39 báo cáo phải nộp: 38 đúng hạn, 1 trễ hạn, 0 chưa nộp, 0 không tiếp nhận.");
            assertThat(row("Xã Hồng Thái (06175)")).contains("24/10/2022  26/10/2022  TRỄ HẠN 2 ngày");
            // the notice and its annex count and word it as status does
            assertThat(briefing).contains("1 báo cáo trễ hạn: Xã Hồng Thái (BM03-DT) trễ hạn 2 ngày")
                    .contains("Trễ hạn 2 ngày")
                    .contains("39 báo cáo phải nộp: 38 đúng hạn, 1 trễ hạn, 0 chưa nộp, 0 không tiếp nhận.");
        }
    }

    @Test
    void aMonthWithNothingDueSaysSoAndAMissingPeriodIsAUsageError() {
        assertThat(commandLine.run("status", "--giaoban.work-dir=" + work)).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(printed()).contains("Thiếu kỳ báo cáo: --period yyyy-MM (ví dụ --period 2022-10).");
        assertThat(printed()).contains("Cách dùng: giaoban status [-h] --period=yyyy-MM [--remind]");
    }

    private ExitCode status(String period, String... settings) {
        List<String> args = new java.util.ArrayList<>(List.of("status", "--period", period, "--giaoban.work-dir=" + work));
        args.addAll(List.of(settings));
        return commandLine.run(args.toArray(String[]::new));
    }

    /** The table's rows: every line naming a period. */
    private List<String> rows() {
        return printed().lines().filter(line -> line.contains("tháng 10/2022")).toList();
    }

    private String row(String unit) {
        return rows().stream().filter(line -> line.startsWith(unit)).findFirst().orElseThrow(
                () -> new AssertionError("no row for " + unit + " in\n" + printed()));
    }

    private static long jobExecutions(GiaobanRun giaoban) {
        return giaoban.jdbc().sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION").query(Long.class).single();
    }

    private static void modifiedOn(Path file, LocalDateTime time) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(time.atZone(ZoneId.systemDefault()).toInstant()));
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
