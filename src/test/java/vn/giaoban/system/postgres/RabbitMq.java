package vn.giaoban.system.postgres;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.Assumptions;

/** The machine's RabbitMQ (127.0.0.1:5672, guest/guest), which the remote integration tests need. */
final class RabbitMq {

    private RabbitMq() {
    }

    /** Skips the calling test, saying which and why, when RabbitMQ does not answer. */
    static void assumeAnswers(String skipped) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5672), 2_000);
        } catch (IOException e) {
            Assumptions.abort("RabbitMQ does not answer on 127.0.0.1:5672 (" + e.getMessage() + "): " + skipped
                    + " skipped. Start it (.ci/run does) to run it.");
        }
    }
}
