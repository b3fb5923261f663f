package vn.giaoban.system.postgres;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** {@link OverlappingRunsScenario} on PostgreSQL, in a database of its own. */
class OverlappingRunsIntegrationTests extends OverlappingRunsScenario {

    private PostgresDatabase database;

    @BeforeEach
    void createTheDatabase() {
        database = PostgresDatabase.create("overlap");
    }

    @AfterEach
    void dropTheDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    List<String> database() {
        return database.settings();
    }
}
