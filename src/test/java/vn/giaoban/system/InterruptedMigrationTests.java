package vn.giaoban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first night killed while its embedded database was being created (HSQLDB commits each DDL
 * statement as it goes) leaves tables made and not recorded by Flyway: the next start recreates
 * the database rather than failing for ever on "object name already exists". A database that has
 * run nights is never emptied.
 */
class InterruptedMigrationTests {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final CommandLine commandLine = new CommandLine(new PrintStream(output, true, StandardCharsets.UTF_8));

    @TempDir
    Path work;

    @Test
    void aFirstCreationKilledAfterItsTablesWereMadeButBeforeFlywayRecordedThemIsMadeAgain() throws Exception {
        try (GiaobanRun giaoban = GiaobanRun.empty(work)) {
            giaoban.jdbc(); // creates the database, as the first seconds of a first night do
        }
        forgetMigrationsAfterTheFirst();
        Files.createDirectories(work.resolve("inbox"));

        ExitCode exit = commandLine.run("nightly", "--period=2022-10", "--night=2022-10-24", "--giaoban.work-dir=" + work);

        assertThat(exit).as(output.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.COMPLETED);
    }

    @Test
    void aDatabaseThatHasRunANightIsNeverEmptied() throws Exception {
        Files.createDirectories(work.resolve("inbox"));
        assertThat(commandLine.run("nightly", "--period=2022-10", "--night=2022-10-24", "--giaoban.work-dir=" + work))
                .isEqualTo(ExitCode.COMPLETED);
        forgetMigrationsAfterTheFirst();

        ExitCode exit = commandLine.run("nightly", "--period=2022-10", "--night=2022-10-25", "--giaoban.work-dir=" + work);

        assertThat(exit).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        try (Connection db = open(); Statement sql = db.createStatement();
                var executions = sql.executeQuery("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")) {
            executions.next();
            assertThat(executions.getLong(1)).as("the night already run is still there").isEqualTo(1);
        }
    }

    /** What a kill between a migration's last statement and Flyway's record of it leaves. */
    private void forgetMigrationsAfterTheFirst() throws SQLException {
        try (Connection db = open(); Statement sql = db.createStatement()) {
            sql.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"installed_rank\" > 1");
        }
    }

    private Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:hsqldb:file:" + work.resolve("db/giaoban") + ";shutdown=true", "SA", "");
    }
}
