package vn.giaoban.system.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.giaoban.system.GiaobanProcess;
import vn.giaoban.system.GiaobanRun;

/**
 * Issue 14's remote variant, against the machine's RabbitMQ (127.0.0.1:5672) and PostgreSQL: the Lạng Sơn sample
 * night with a manager and two workers, the briefing step's partitions (sets of offices) sent over the same queue as
 * the ingest's and written by the workers into the shared reports folder; every office's notice says, to the
 * letter, what the same night run in one process on the embedded database writes.
 */
class RemoteBriefingIntegrationTests {

    private static final Path SAMPLES = Path.of("input-samples/lang-son");
    private static final YearMonth OCTOBER_2025 = YearMonth.of(2025, 10);
    private static final Duration NIGHT = Duration.ofMinutes(4);

    @TempDir
    Path root;

    private PostgresDatabase database;
    private Path work;
    private String queue;
    private final List<GiaobanProcess> workers = new ArrayList<>();

    @BeforeEach
    void brokerDatabaseAndInbox() {
        RabbitMq.assumeAnswers("the remote briefing test is");
        database = PostgresDatabase.create("remote_briefing");
        work = root.resolve("manager");
        GiaobanRun.withSamples(work, SAMPLES).close(); // the samples copied into the shared inbox
        queue = "giaoban.it." + Integer.toHexString(ThreadLocalRandom.current().nextInt());
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(GiaobanProcess::destroy);
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theWorkersWriteEveryOfficesNoticeAsOneProcessDoes() throws Exception {
        GiaobanProcess first = worker("w1");
        GiaobanProcess second = worker("w2");
        List<String> settings = new ArrayList<>(database.settings());
        settings.addAll(List.of("--spring.profiles.active=lang-son", "--giaoban.remote.enabled=true",
                "--giaoban.remote.queue=" + queue, "--giaoban.remote.poll-interval=200ms",
                "--giaoban.ingest.partitions=2", "--giaoban.briefing.partitions=3"));

        GiaobanProcess manager = GiaobanProcess.start(Outcome.nightly(work, OCTOBER_2025, settings));

        assertThat(manager.waitFor(NIGHT)).as("%s", manager).isZero();
        assertThat(manager.log()).anyMatch(line -> line.contains("Sent 3 briefing partitions"));
        assertThat(Stream.concat(first.log().stream(), second.log().stream()))
                .filteredOn(line -> line.contains("Reading partition briefingPartition:")).hasSize(3);
        assertThat(manager.out()).contains("briefing: " + work.resolve("reports/2025-10/20/briefing-2025-10.pdf"));

        Path local = root.resolve("local");
        try (GiaobanRun oneProcess = GiaobanRun.withSamples(local, SAMPLES).setting("--spring.profiles.active=lang-son")) {
            oneProcess.night(OCTOBER_2025, Outcome.night(OCTOBER_2025));
        }
        List<Path> offices = folders(local.resolve("reports/2025-10"));
        assertThat(offices).hasSize(6);
        assertThat(folders(work.resolve("reports/2025-10"))).isEqualTo(offices);
        for (Path office : offices) {
            String pdf = "briefing-2025-10.pdf";
            assertThat(text(work.resolve("reports/2025-10").resolve(office).resolve(pdf))).as("%s", office)
                    .isEqualTo(text(local.resolve("reports/2025-10").resolve(office).resolve(pdf)));
        }
    }

    private GiaobanProcess worker(String name) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("worker", "--giaoban.work-dir=" + root.resolve(name),
                "--spring.profiles.active=lang-son", "--giaoban.inbox.dir=" + work.resolve("inbox"),
                "--giaoban.briefing.output-dir=" + work.resolve("reports"), "--giaoban.remote.queue=" + queue));
        args.addAll(database.settings());
        GiaobanProcess worker = GiaobanProcess.start(args);
        workers.add(worker);
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!worker.out().contains("đang chờ phần việc") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(worker.out()).as("%s", worker).contains("đang chờ phần việc");
        return worker;
    }

    /** The offices' folders of a period, by name. */
    private static List<Path> folders(Path period) throws IOException {
        try (Stream<Path> folders = Files.list(period)) {
            return folders.filter(Files::isDirectory).map(Path::getFileName).sorted().toList();
        }
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
