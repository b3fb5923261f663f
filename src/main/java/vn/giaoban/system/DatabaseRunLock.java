package vn.giaoban.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One night at a time per database: two managers on two machines given the same cron entry share one
 * PostgreSQL, and the working folder's {@link RunLock} (a lock on one host's file) cannot see each other.
 * The night holds a PostgreSQL session-level advisory lock on a connection of its own for as long as it
 * runs; the server releases it when that connection ends, so a manager killed mid-night (power loss,
 * {@code kill -9}) leaves no stale lock, just as the file lock. An advisory lock is the database's own,
 * so two deployments on two databases of one server do not exclude each other.
 *
 * <p>The embedded HSQLDB is one process's file, which the working folder's lock already guards: there is
 * nothing more to hold. Workers ({@code giaoban worker}) never take it: they run the manager's partitions.
 */
final class DatabaseRunLock implements AutoCloseable {

    /** The advisory lock's key: "giaoban" in ASCII, so that it reads as ours in {@code pg_locks}. */
    static final long KEY = 0x67_69_61_6f_62_61_6eL;

    private static final Logger log = LoggerFactory.getLogger(DatabaseRunLock.class);

    private final Connection connection;

    private DatabaseRunLock(Connection connection) {
        this.connection = connection;
    }

    /**
     * Takes the lock when the database is PostgreSQL; nothing to take (an empty lock) on any other.
     *
     * @return empty when another process holds it: its night is running
     */
    static Optional<DatabaseRunLock> acquire(DataSource dataSource) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return Optional.of(new DatabaseRunLock(close(connection)));
            }
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                statement.setLong(1, KEY);
                try (ResultSet result = statement.executeQuery()) {
                    if (result.next() && result.getBoolean(1)) {
                        log.info("Holding the database's run lock (advisory lock {})", KEY);
                        return Optional.of(new DatabaseRunLock(connection));
                    }
                }
            }
            log.warn("Another giaoban process holds the database's run lock (advisory lock {})", KEY);
            close(connection);
            return Optional.empty();
        } catch (SQLException e) {
            close(connection);
            throw new IllegalStateException("Cannot take the database's run lock", e);
        }
    }

    /** Releases the lock by ending its session (what a dead process does too); nothing for an empty lock. */
    @Override
    public void close() {
        if (connection != null) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                statement.setLong(1, KEY);
                statement.execute();
            } catch (SQLException e) {
                log.warn("Could not release the database's run lock; it goes with its connection", e);
            }
            close(connection);
        }
    }

    private static Connection close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing the run lock's connection", e);
            }
        }
        return null;
    }
}
