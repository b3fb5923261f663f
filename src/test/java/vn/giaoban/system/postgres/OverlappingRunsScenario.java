package vn.giaoban.system.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.giaoban.system.GiaobanProcess;
import vn.giaoban.system.GiaobanRun;

/**
 * Two processes start the same night on the same working folder at once (cron and a person, or a slow
 * night and the next one): exactly one runs and completes, the other exits at once with status 3 and
 * says so, changing nothing, and the result is that of a single run. The database is the subclass's.
 */
abstract class OverlappingRunsScenario {

    private static final YearMonth OCTOBER_2022 = YearMonth.of(2022, 10);
    private static final Duration A_NIGHT = Duration.ofMinutes(3);

    @TempDir
    Path work;

    /** The settings that select the database; none for the embedded HSQLDB default. */
    abstract List<String> database();

    @Test
    void exactlyOneOfTwoRunsAtOnceRunsAndTheResultIsThatOfOne() throws Exception {
        Outcome single = Outcome.uninterrupted(OCTOBER_2022);
        GiaobanRun.withSamples(work).close();
        List<String> command = Outcome.nightly(work, OCTOBER_2022, database());

        GiaobanProcess first = GiaobanProcess.start(command);
        GiaobanProcess second = GiaobanProcess.start(command);
        int firstStatus;
        int secondStatus;
        try {
            firstStatus = first.waitFor(A_NIGHT);
            secondStatus = second.waitFor(A_NIGHT);
        } finally {
            first.destroy();
            second.destroy();
        }

        assertThat(List.of(firstStatus, secondStatus)).as("exit statuses of\n%s\n\n%s", first, second)
                .containsExactlyInAnyOrder(0, 3);
        GiaobanProcess ran = firstStatus == 0 ? first : second;
        GiaobanProcess refused = firstStatus == 0 ? second : first;
        assertThat(ran.out()).contains("Kỳ 2022-10, đêm 2022-10-24: nhận " + GiaobanRun.sampleFiles() + " tệp").contains("briefing: ");
        assertThat(refused.out()).contains("Đang có một lần chạy giaoban khác trên cùng thư mục làm việc");
        assertThat(refused.log()).noneMatch(line -> line.contains("Step catalog started"));

        Outcome outcome = Outcome.of(work, database());
        assertThat(outcome.checksum()).isEqualTo(single.checksum());
        assertThat(outcome.filed()).isEqualTo(single.filed());
    }
}
