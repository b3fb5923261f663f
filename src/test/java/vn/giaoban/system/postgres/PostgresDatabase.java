package vn.giaoban.system.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own on the shared PostgreSQL server, for one test class: created through the
 * {@code postgres} database as {@code giaoban_it_<name>_<random>}, dropped on {@link #close()}, so
 * that classes never share state. When the server does not answer, the calling test is skipped
 * (a JUnit assumption), never failed: a machine without PostgreSQL still passes {@code ./mvnw verify}.
 *
 * <p>The server is {@code jdbc:postgresql://127.0.0.1:5432/}, user {@code postgres}, no password
 * (trust), unless {@code -Dgiaoban.it.postgres.url=jdbc:postgresql://host:port/},
 * {@code .user}, {@code .password} say otherwise. The tests never stop that shared server: a broken
 * connection is made with {@code pg_terminate_backend} on this database's sessions only.
 */
public final class PostgresDatabase implements AutoCloseable {

    static final String SERVER = System.getProperty("giaoban.it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getProperty("giaoban.it.postgres.user", "postgres");
    static final String PASSWORD = System.getProperty("giaoban.it.postgres.password", "");

    private final String name;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    /** A new, empty database; skips the calling test when PostgreSQL does not answer. */
    public static PostgresDatabase create(String purpose) {
        String name = "giaoban_it_" + purpose.toLowerCase().replaceAll("[^a-z0-9]", "_") + "_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL does not answer on " + SERVER + " as " + USER + " (" + e.getMessage()
                    + "): the PostgreSQL integration tests are skipped. Start it (.ci/run does) to run them.");
        }
        return new PostgresDatabase(name);
    }

    /** A connection to the server's {@code postgres} database, for creating, dropping and breaking. */
    static Connection admin() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "60");
        return DriverManager.getConnection(SERVER + "postgres", properties);
    }

    public String name() {
        return name;
    }

    public String url() {
        return SERVER + name;
    }

    /** The command-line settings that select this database: PostgreSQL by configuration alone. */
    public List<String> settings() {
        return List.of("--spring.datasource.url=" + url(), "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD);
    }

    /** A connection to this database that cannot change it. */
    public Connection readOnlyConnection() throws SQLException {
        Connection connection = DriverManager.getConnection(url(), USER, PASSWORD);
        connection.setReadOnly(true);
        return connection;
    }

    /** Breaks every connection of this database's clients (the server stays up); how many there were. */
    int terminateConnections() {
        try (Connection admin = admin(); Statement statement = admin.createStatement();
                ResultSet terminated = statement.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE datname = '" + name + "' AND pid <> pg_backend_pid()")) {
            int count = 0;
            while (terminated.next()) {
                count += terminated.getBoolean(1) ? 1 : 0;
            }
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not terminate the sessions of " + name, e);
        }
    }

    @Override
    public void close() {
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop " + name, e);
        }
    }
}
