package vn.giaoban.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.ServerSetup;

/** What the delivery tests share: a loopback SMTP port, the mail settings, briefing files on disk. */
final class DeliveryTestSupport {

    static final String FROM = "giaoban@vanlang.test";
    static final String USER = "giaoban";
    static final String PASSWORD = "mat-khau";

    private DeliveryTestSupport() {
    }

    /** A port on 127.0.0.1 that nothing listens on (until a test starts GreenMail there). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServerSetup smtp(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(5000);
        return setup;
    }

    /** The sender's account on the test server: the delivery authenticates as a deployment would. */
    static GreenMailConfiguration account() {
        return GreenMailConfiguration.aConfig().withUser(FROM, USER, PASSWORD);
    }

    /** The whole application on its own in-memory database, e-mailing through 127.0.0.1:port. */
    static void settings(DynamicPropertyRegistry registry, String database, int port) {
        registry.add("spring.datasource.url", () -> "jdbc:hsqldb:mem:" + database + ";hsqldb.tx=mvcc");
        registry.add("giaoban.work-dir", () -> temporaryFolder(database).toString());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
        registry.add("spring.mail.username", () -> USER);
        registry.add("spring.mail.password", () -> PASSWORD);
        registry.add("spring.mail.properties.mail.smtp.auth", () -> "true");
        registry.add("giaoban.delivery.from", () -> FROM);
    }

    static Path temporaryFolder(String name) {
        try {
            return Files.createTempDirectory("giaoban-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A briefing as the briefing step leaves it: reports/<yyyy-MM>/<office>/briefing-<yyyy-MM>.pdf (and .docx). */
    record Briefing(Path pdf, Path docx, byte[] pdfBytes, byte[] docxBytes) {

        static Briefing write(Path reports, YearMonth period) {
            try {
                Path folder = Files.createDirectories(reports.resolve(period.toString()).resolve("182"));
                byte[] pdfBytes = ("%PDF-1.7\n% Thông báo kết luận giao ban tháng " + period + "\n%%EOF\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                // any bytes do: what matters is that they arrive unchanged (binary, base64-encoded)
                byte[] docxBytes = new byte[4096];
                for (int i = 0; i < docxBytes.length; i++) {
                    docxBytes[i] = (byte) (i * 31 + 7);
                }
                docxBytes[0] = 'P';
                docxBytes[1] = 'K';
                Path pdf = Files.write(folder.resolve("briefing-" + period + ".pdf"), pdfBytes);
                Path docx = Files.write(folder.resolve("briefing-" + period + ".docx"), docxBytes);
                return new Briefing(pdf, docx, pdfBytes, docxBytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The delivery rows of a period, newest last. */
    static java.util.List<Map<String, Object>> deliveries(JdbcClient jdbc, YearMonth period) {
        return jdbc.sql("SELECT * FROM delivery WHERE period = ? ORDER BY id").param(period.toString()).query().listOfRows();
    }
}
