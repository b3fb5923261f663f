package vn.giaoban.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.hsqldb.Database;
import org.hsqldb.server.Server;
import org.hsqldb.server.ServerConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database opened to the other processes of its working folder while the web console runs:
 * an HSQLDB server on the loopback address over the very database the console's process holds, so that a
 * night started by cron writes where the console reads, and the console never stops it. Not for other
 * machines: it listens on 127.0.0.1 only (a deployment spread over machines uses PostgreSQL).
 */
final class EmbeddedDatabaseServer implements AutoCloseable {

    static final String FILE_URL = "jdbc:hsqldb:file:";
    static final String ALIAS = "giaoban";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseServer.class);

    private final Server server;

    private EmbeddedDatabaseServer(Server server) {
        this.server = server;
    }

    /** Whether the data source is the embedded file database (rather than PostgreSQL or a server). */
    static boolean embedded(String url) {
        return url != null && url.startsWith(FILE_URL);
    }

    /** The URL another process reaches the database by while the console serves it on {@code port}. */
    static String clientUrl(int port) {
        return "jdbc:hsqldb:hsql://127.0.0.1:" + port + "/" + ALIAS;
    }

    /**
     * Serves the database of {@code url} (the process's own {@code jdbc:hsqldb:file:...}, with its
     * properties, so that the server and the process share one open database).
     *
     * @param port 0 for any free port
     */
    static EmbeddedDatabaseServer start(String url, int port) {
        Server server = new Server();
        server.setLogWriter(null);
        server.setErrWriter(null);
        server.setSilent(true);
        server.setNoSystemExit(true);
        server.setRestartOnShutdown(false);
        server.setAddress("127.0.0.1");
        server.setPort(port == 0 ? freePort() : port);
        server.setDatabaseName(0, ALIAS);
        server.setDatabasePath(0, url.substring("jdbc:hsqldb:".length()));
        server.start();
        if (server.getState() != ServerConstants.SERVER_STATE_ONLINE) {
            Throwable cause = server.getServerError();
            server.stop();
            throw new IllegalStateException("The embedded database's server did not start on port " + server.getPort(), cause);
        }
        log.info("Serving the embedded database to this folder's other commands on 127.0.0.1:{}", server.getPort());
        return new EmbeddedDatabaseServer(server);
    }

    int port() {
        return server.getPort();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded database's server", e);
        }
    }

    /** Stops listening; the database stays open for the console's own connections until they close. */
    @Override
    public void close() {
        server.shutdownWithCatalogs(Database.CLOSEMODE_NORMAL);
    }
}
