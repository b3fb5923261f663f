package vn.giaoban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.giaoban.web.ConsoleClient;
import vn.giaoban.web.ConsoleDeployment;

/**
 * The web console and the nights on one working folder and its embedded database: {@code giaoban serve} runs in a
 * process of its own, as systemd runs it, and a night started as cron starts it (this test's JVM) reaches the
 * database through the console's server instead of being refused by the database file's lock. While the night
 * replaces a unit's figures with a new version's, the unit's page is read again and again: every answer shows
 * either all the old figures or all the new ones, never half; once the night is over it shows the new ones. When
 * the console stops, the next night opens the database file itself again.
 */
class ConsoleBesideNightTests {

    private static final Path SAMPLE = Path.of("input-samples/van-lang/06124/BM03-DT_T10-2022.xlsx");
    private static final Pattern FIGURE = Pattern.compile(
            "<td class=\"num\">([^<]*)</td>\\s*<td class=\"num\">[^<]*</td>\\s*<td class=\"num\">[^<]*</td>\\s*"
                    + "<td class=\"muted\">[^<]*!BM03-DT!(E8|E9)</td>");

    @TempDir
    Path work;

    @Test
    void aNightRunsWhileTheConsoleServesAndItsPagesStayWhole() throws Exception {
        GiaobanRun.withSamples(work).close();
        List<String> settings = List.of("--giaoban.work-dir=" + work, "--giaoban.inbox.stable-after=0s",
                "--spring.profiles.active=van-lang");
        assertThat(night("2022-10-24", settings)).isEqualTo(ExitCode.COMPLETED);
        ConsoleDeployment.writeUsers(work);

        int port = freePort();
        List<String> serve = new ArrayList<>(List.of("serve", "--giaoban.web.port=" + port));
        serve.addAll(settings);
        GiaobanProcess console = GiaobanProcess.start(serve);
        try {
            assertThat(console.awaitLog(line -> line.contains("Serving the embedded database"), Duration.ofMinutes(3)))
                    .as("%s", console).isTrue();
            ConsoleClient browser = new ConsoleClient(port);
            browser.signIn(ConsoleDeployment.UNIT, ConsoleDeployment.PASSWORD);
            assertThat(figures(browser.get("/ky/2022-10/don-vi/06124").body())).isEqualTo(List.of("4", "3"));

            // a new version of the report: 5 petitions received (E8) and 2 settled (E9) instead of 4 and 3
            try (InputStream in = Files.newInputStream(SAMPLE); Workbook book = WorkbookFactory.create(in)) {
                Sheet sheet = book.getSheet("BM03-DT");
                sheet.getRow(7).getCell(4).setCellValue(5);
                sheet.getRow(8).getCell(4).setCellValue(2);
                try (OutputStream out = Files.newOutputStream(work.resolve("inbox/06124/BM03-DT_T10-2022 ban sua.xlsx"))) {
                    book.write(out);
                }
            }
            AtomicBoolean nightOver = new AtomicBoolean();
            List<List<String>> seen = new CopyOnWriteArrayList<>();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                while (!nightOver.get()) {
                    try {
                        seen.add(figures(browser.get("/ky/2022-10/don-vi/06124").body()));
                        browser.get("/");
                    } catch (Throwable e) {
                        failures.add(e);
                        return;
                    }
                }
            });
            reader.start();
            ExitCode second = night("2022-10-25", settings);
            nightOver.set(true);
            reader.join(60_000);

            assertThat(second).as("the night beside the console").isEqualTo(ExitCode.COMPLETED);
            assertThat(failures).isEmpty();
            assertThat(seen).isNotEmpty().allSatisfy(figures -> assertThat(figures).isIn(List.of("4", "3"), List.of("5", "2")));
            String after = browser.get("/ky/2022-10/don-vi/06124").body();
            assertThat(figures(after)).isEqualTo(List.of("5", "2"));
            assertThat(after).contains("BM03-DT_T10-2022 ban sua.xlsx", "lần 2");
        } finally {
            console.terminate();
            // stopped by SIGTERM, as systemd stops it: the JVM's status for that signal (128 + 15)
            assertThat(console.waitFor(Duration.ofMinutes(1))).as("%s", console).isEqualTo(143);
        }
        // the console gone, a night opens the database file itself
        assertThat(night("2022-10-26", settings)).isEqualTo(ExitCode.COMPLETED);
    }

    /** The figures of E8 and E9 on a unit's page, in the page's order (E9 "settled" sorts before E8 "received"). */
    private static List<String> figures(String page) {
        List<String> found = new ArrayList<>(List.of("", ""));
        Matcher figure = FIGURE.matcher(page);
        while (figure.find()) {
            found.set(figure.group(2).equals("E8") ? 0 : 1, figure.group(1));
        }
        return found;
    }

    private static ExitCode night(String night, List<String> settings) {
        List<String> args = new ArrayList<>(List.of("nightly", "--period=2022-10", "--night=" + night));
        args.addAll(settings);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExitCode code = new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8)).run(args.toArray(String[]::new));
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isNotNull();
        return code;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
