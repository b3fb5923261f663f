package vn.giaoban.system.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.giaoban.system.GiaobanProcess;
import vn.giaoban.system.GiaobanRun;

/**
 * The database connections break in the middle of a night ({@code pg_terminate_backend} on the job's
 * sessions; the shared server stays up): the command ends with exit status 1 and says which step failed
 * and to run the same command again; that command then completes the night, and after both October
 * nights the database and the filed files are exactly those of an uninterrupted run.
 */
class PostgresConnectionBreakIntegrationTests {

    private static final YearMonth OCTOBER_2021 = YearMonth.of(2021, 10);
    private static final YearMonth OCTOBER_2022 = YearMonth.of(2022, 10);
    private static final Duration A_NIGHT = Duration.ofMinutes(3);

    @TempDir
    Path temp;

    /** ingest: after the third file read (one file per transaction); feedback: as its first chunk starts. */
    @ParameterizedTest(name = "connections broken at {0}")
    @ValueSource(strings = {"ingest", "feedback"})
    void theRestartCompletesWithTheResultOfAnUninterruptedRun(String step) throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create("break_" + step)) {
            Outcome uninterrupted = Outcome.uninterrupted(OCTOBER_2021, OCTOBER_2022);
            Path work = temp.resolve(step);
            GiaobanRun.withSamples(work).close(); // only the inbox: the nights run in their own JVMs
            List<String> october2021 = Outcome.nightly(work, OCTOBER_2021, database.settings());

            GiaobanProcess broken = GiaobanProcess.start(october2021);
            try {
                assertThat(broken.awaitLog(marker(step), A_NIGHT)).as("the marker of step %s in %s", step, broken)
                        .isTrue();
                assertThat(database.terminateConnections()).as("sessions terminated").isPositive();
                assertThat(broken.waitFor(A_NIGHT)).as("%s", broken).isEqualTo(1);
            } finally {
                broken.destroy();
            }
            assertThat(broken.out()).contains("Tổng hợp kỳ 2021-10 bị lỗi ở bước " + step)
                    .contains("Chạy lại đúng lệnh này để tiếp tục từ chỗ dừng.");

            GiaobanProcess restart = GiaobanProcess.start(october2021);
            assertThat(restart.waitFor(A_NIGHT)).as("%s", restart).isZero();
            assertThat(restart.out()).contains("briefing: ");
            GiaobanProcess nextNight = GiaobanProcess.start(Outcome.nightly(work, OCTOBER_2022, database.settings()));
            assertThat(nextNight.waitFor(A_NIGHT)).as("%s", nextNight).isZero();

            try (GiaobanRun run = GiaobanRun.empty(work)) {
                database.settings().forEach(run::setting);
                // the broken execution is recorded as failed (not left started or unknown), its restart completed
                assertThat(run.jdbc().sql("""
                        SELECT e.status FROM batch_job_execution e JOIN batch_job_execution_params p
                          ON p.job_execution_id = e.job_execution_id AND p.parameter_name = 'period'
                        WHERE p.parameter_value = '2021-10' ORDER BY e.job_execution_id""").query(String.class).list())
                        .containsExactly("FAILED", "COMPLETED");
            }
            Outcome restarted = Outcome.of(work, database.settings());
            assertThat(restarted.checksum()).isEqualTo(uninterrupted.checksum());
            assertThat(restarted.filed()).isEqualTo(uninterrupted.filed());
        }
    }

    private static Predicate<String> marker(String step) {
        if (step.equals("ingest")) {
            AtomicInteger read = new AtomicInteger();
            return line -> line.endsWith(": reading") && read.incrementAndGet() == 3;
        }
        return line -> line.endsWith("Step " + step + " started");
    }
}
