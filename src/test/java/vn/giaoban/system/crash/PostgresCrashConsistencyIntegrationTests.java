package vn.giaoban.system.crash;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;

import vn.giaoban.system.postgres.PostgresDatabase;

/**
 * The same kills and restarts as {@link CrashConsistencyTests}, with the job repository and the
 * consolidated database in PostgreSQL (127.0.0.1:5432, selected by configuration alone): each
 * deployment, the uninterrupted reference included, in a database of its own, dropped at the end.
 * Skipped, not failed, when PostgreSQL does not answer.
 */
class PostgresCrashConsistencyIntegrationTests extends CrashConsistencyTests {

    private final Map<Path, PostgresDatabase> databases = new ConcurrentHashMap<>();

    @Override
    protected List<String> settings(Path work) {
        List<String> settings = new ArrayList<>(super.settings(work));
        settings.addAll(database(work).settings());
        return settings;
    }

    @Override
    protected Connection readOnlyConnection(Path work) throws SQLException {
        return database(work).readOnlyConnection();
    }

    private PostgresDatabase database(Path work) {
        return databases.computeIfAbsent(work, w -> PostgresDatabase.create("crash_" + w.getFileName()));
    }

    @AfterAll
    void dropDatabases() {
        databases.values().forEach(PostgresDatabase::close);
    }
}
