package vn.giaoban.system.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.giaoban.system.GiaobanProcess;
import vn.giaoban.system.GiaobanRun;

/**
 * Two managers on two machines (two working folders, so two file locks that cannot see each other) given the
 * same cron entry against one shared PostgreSQL: one night runs, the other exits at once with status 3 and says
 * why, changing nothing. The lock is the database's, so it goes with the session that held it.
 */
class TwoManagersIntegrationTests {

    private static final YearMonth OCTOBER_2022 = YearMonth.of(2022, 10);
    private static final Duration A_NIGHT = Duration.ofMinutes(3);
    private static final String REFUSED = "Đang có một lần chạy giaoban khác trên cùng cơ sở dữ liệu";

    @TempDir
    Path first;

    @TempDir
    Path second;

    private PostgresDatabase database;

    @BeforeEach
    void createTheDatabase() {
        database = PostgresDatabase.create("two_managers");
    }

    @AfterEach
    void dropTheDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aNightWhoseDatabaseAnotherSessionHoldsIsRefusedAndRunsOnceItIsFree() throws Exception {
        // given another manager's session holding the database's run lock
        GiaobanRun.withSamples(first).close();
        List<String> command = Outcome.nightly(first, OCTOBER_2022, database.settings());
        try (Connection other = DriverManager.getConnection(database.url(), PostgresDatabase.USER,
                PostgresDatabase.PASSWORD)) {
            assertThat(advisoryLock(other, "pg_try_advisory_lock")).isTrue();

            // when a manager starts the night
            GiaobanProcess refused = GiaobanProcess.start(command);
            int status = refused.waitFor(A_NIGHT);

            // then it stops at once, says so, and runs no step
            assertThat(status).as("%s", refused).isEqualTo(3);
            assertThat(refused.out()).contains(REFUSED);
            assertThat(refused.log()).noneMatch(line -> line.contains("Step catalog started"));
        }

        // and once the other session has ended (a dead process's lock goes with it), the same command runs the night
        GiaobanProcess ran = GiaobanProcess.start(command);
        assertThat(ran.waitFor(A_NIGHT)).as("%s", ran).isZero();
        assertThat(ran.out()).contains("Kỳ 2022-10, đêm 2022-10-24: nhận " + GiaobanRun.sampleFiles() + " tệp");
    }

    @Test
    void exactlyOneOfTwoManagersOnOneDatabaseRunsTheNight() throws Exception {
        // given two working folders, each with the samples in its inbox, and one database
        GiaobanRun.withSamples(first).close();
        GiaobanRun.withSamples(second).close();

        // when both managers start the same night at once
        GiaobanProcess one = GiaobanProcess.start(Outcome.nightly(first, OCTOBER_2022, database.settings()));
        GiaobanProcess other = GiaobanProcess.start(Outcome.nightly(second, OCTOBER_2022, database.settings()));
        int oneStatus;
        int otherStatus;
        try {
            oneStatus = one.waitFor(A_NIGHT);
            otherStatus = other.waitFor(A_NIGHT);
        } finally {
            one.destroy();
            other.destroy();
        }

        // then one ran it and the other was refused, having run no step
        assertThat(List.of(oneStatus, otherStatus)).as("exit statuses of\n%s\n\n%s", one, other)
                .containsExactlyInAnyOrder(0, 3);
        GiaobanProcess ran = oneStatus == 0 ? one : other;
        GiaobanProcess refused = oneStatus == 0 ? other : one;
        assertThat(ran.out()).contains("Kỳ 2022-10, đêm 2022-10-24: nhận " + GiaobanRun.sampleFiles() + " tệp");
        assertThat(refused.out()).contains(REFUSED);
        assertThat(refused.log()).noneMatch(line -> line.contains("Step catalog started"));
        try (Connection connection = database.readOnlyConnection();
                PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM batch_job_execution");
                ResultSet result = count.executeQuery()) {
            result.next();
            assertThat(result.getInt(1)).as("nights run").isEqualTo(1);
        }
    }

    private static boolean advisoryLock(Connection connection, String function) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, 0x67_69_61_6f_62_61_6eL);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
