package vn.giaoban.system;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates the schema, and recovers the one migration a kill can leave half-done: HSQLDB commits
 * each DDL statement by itself, so a first night killed (power cut, {@code kill -9}) while its
 * fresh embedded database was being created leaves some tables made and not recorded, and every
 * later start would fail on "object name already exists". When that happens to a database that
 * has never run a night (no job execution: nothing in it but half a schema), it is emptied and
 * migrated again. A database that holds nights is never touched: its failure stands, to be dealt
 * with from a backup. PostgreSQL runs each migration in a transaction and needs none of this.
 */
final class InterruptedMigration implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(InterruptedMigration.class);

    @Override
    public void migrate(Flyway flyway) {
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            if (!emptiedHalfCreatedDatabase(flyway.getConfiguration().getDataSource())) {
                throw e;
            }
            log.warn("The embedded database had been left half-created by a run that was killed while creating it"
                    + " ({}): it held no night, so it was emptied and is created again", e.getMessage());
            flyway.migrate();
        }
    }

    /** Empties the database if it is HSQLDB and has never run a night; true if it did. */
    static boolean emptiedHalfCreatedDatabase(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            if (!metadata.getDatabaseProductName().startsWith("HSQL")) {
                return false;
            }
            try (ResultSet tables = metadata.getTables(null, "PUBLIC", "BATCH_JOB_EXECUTION", null)) {
                if (tables.next()) {
                    try (Statement statement = connection.createStatement();
                            ResultSet executions = statement.executeQuery("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")) {
                        executions.next();
                        if (executions.getLong(1) > 0) {
                            return false;
                        }
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA PUBLIC CASCADE");
            }
            return true;
        } catch (SQLException e) {
            log.warn("Could not inspect the database after a failed migration", e);
            return false;
        }
    }
}
