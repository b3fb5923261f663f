package vn.giaoban.system.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.giaoban.benchmark.LargeListGenerator;
import vn.giaoban.system.GiaobanProcess;
import vn.giaoban.system.GiaobanRun;

/**
 * Issue 8's acceptance, against the machine's RabbitMQ (127.0.0.1:5672) and PostgreSQL: a manager
 * and two worker processes on loopback, the ingest step's partitions sent over a queue of the test's
 * own, end with exactly the database (and the filed files) of one process on the embedded database; a
 * worker killed in the middle of its partition leaves that partition failed, the same command then
 * restarts only it, and the end is the same; a worker with another catalog refuses the work, saying why.
 */
class RemotePartitioningIntegrationTests {

    private static final YearMonth OCTOBER_2021 = YearMonth.of(2021, 10);
    private static final YearMonth OCTOBER_2022 = YearMonth.of(2022, 10);
    private static final Duration NIGHT = Duration.ofMinutes(3);

    @TempDir
    Path root;

    private PostgresDatabase database;
    private Path work;
    private String queue;
    private final List<GiaobanProcess> workers = new ArrayList<>();

    @BeforeEach
    void brokerDatabaseAndInbox() {
        RabbitMq.assumeAnswers("the remote partitioning tests are");
        database = PostgresDatabase.create("remote");
        work = root.resolve("manager");
        GiaobanRun.withSamples(work).close(); // the samples copied into the shared inbox
        queue = "giaoban.it." + Integer.toHexString(ThreadLocalRandom.current().nextInt());
    }

    @AfterEach
    void stopWorkers() throws IOException {
        workers.forEach(GiaobanProcess::destroy);
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aManagerAndTwoWorkersEndWithTheDatabaseOfOneProcess() throws Exception {
        GiaobanProcess first = worker("w1", List.of());
        GiaobanProcess second = worker("w2", List.of());

        for (YearMonth period : List.of(OCTOBER_2021, OCTOBER_2022)) {
            GiaobanProcess manager = manager(period);
            assertThat(manager.waitFor(NIGHT)).as("%s", manager).isZero();
        }

        assertThat(first.log()).as("the first worker read partitions").anyMatch(line -> line.contains("Reading partition"));
        assertThat(second.log()).as("the second worker read partitions").anyMatch(line -> line.contains("Reading partition"));
        assertSameAsOneProcess();
    }

    @Test
    void aWorkerKilledInItsPartitionLeavesItFailedAndTheRestartedNightEndsTheSame() throws Exception {
        GiaobanProcess doomed = worker("w1", List.of());
        GiaobanProcess survivor = worker("w2", List.of());
        GiaobanProcess manager = manager(OCTOBER_2021);

        // a first chunk of its partition stored (ten files a transaction), the next one being read
        assertThat(doomed.awaitLog(line -> line.endsWith(": reading") && readings(doomed) >= 12, NIGHT))
                .as("%s", doomed).isTrue();
        doomed.destroy();

        assertThat(manager.waitFor(NIGHT)).as("%s", manager).isEqualTo(1);
        assertThat(manager.out()).contains("bị lỗi ở bước ingest")
                .contains("đã được một máy xử lý khác bắt đầu rồi dừng giữa chừng");

        GiaobanProcess restarted = manager(OCTOBER_2021);
        assertThat(restarted.waitFor(NIGHT)).as("%s", restarted).isZero();
        assertThat(restarted.log()).as("only the failed partition is sent again")
                .anyMatch(line -> line.contains("Sent 1 ingest partitions"));
        GiaobanProcess october2022 = manager(OCTOBER_2022);
        assertThat(october2022.waitFor(NIGHT)).as("%s", october2022).isZero();
        assertThat(survivor.log()).anyMatch(line -> line.contains("Reading partition"));
        assertSameAsOneProcess();
    }

    /**
     * No other worker to hand the partition to: the manager gives it up when its worker has been silent too long,
     * and those still queued when no worker has listened for as long.
     */
    @Test
    void theOnlyWorkerDyingIsNoticedByItsSilenceAndANewWorkerFinishesTheRestartedNight() throws Exception {
        GiaobanProcess doomed = worker("w1", List.of());
        GiaobanProcess manager = manager(OCTOBER_2021, "--giaoban.remote.worker-silence=3s");
        assertThat(doomed.awaitLog(line -> line.endsWith(": reading") && readings(doomed) >= 12, NIGHT))
                .as("%s", doomed).isTrue();
        doomed.destroy();

        assertThat(manager.waitFor(NIGHT)).as("%s", manager).isEqualTo(1);
        assertThat(manager.out()).contains("không ghi nhận tiến độ trong 3 giây")
                .contains("không được máy xử lý nào nhận: không máy nào chờ việc trên hàng đợi");

        worker("w2", List.of());
        for (YearMonth period : List.of(OCTOBER_2021, OCTOBER_2022)) {
            GiaobanProcess night = manager(period);
            assertThat(night.waitFor(NIGHT)).as("%s", night).isZero();
        }
        assertSameAsOneProcess();
    }

    /** systemctl stop: the worker finishes the partition in hand (here a list of 300,000 rows) before it exits. */
    @Test
    void aWorkerStoppedWithSigtermFinishesItsPartitionFirst() throws Exception {
        Path list = LargeListGenerator.inboxFile(work.resolve("inbox"), "csv");
        try (var old = Files.list(list.getParent())) {
            for (Path file : old.filter(f -> f.getFileName().toString().startsWith("BM03-DS")).toList()) {
                Files.delete(file);
            }
        }
        LargeListGenerator.writeCsv(list, 300_000, LargeListGenerator.DEFAULT_SEED);
        String limits = "--giaoban.inbox.limits.max-file-size=1GB";
        GiaobanProcess stopped = worker("w1", List.of(limits));
        GiaobanProcess manager = manager(OCTOBER_2022, limits, "--giaoban.ingest.partitions=1");
        assertThat(stopped.awaitLog(line -> line.endsWith(list.getFileName() + ": reading"), NIGHT)).as("%s", stopped)
                .isTrue();

        stopped.terminate();
        // the night's briefing partitions go to the workers too: another one takes them
        worker("w2", List.of(limits));

        assertThat(manager.waitFor(NIGHT)).as("%s", manager).isZero();
        stopped.waitFor(Duration.ofMinutes(1)); // its log stops with the logging system, before its last lines
        try (Connection connection = database.readOnlyConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet partitions = statement.executeQuery(
                    "SELECT status FROM batch_step_execution WHERE step_name LIKE 'ingestPartition:%'")) {
                assertThat(partitions.next()).isTrue();
                assertThat(partitions.getString(1)).isEqualTo("COMPLETED");
                assertThat(partitions.next()).as("one partition").isFalse();
            }
            try (ResultSet records = statement.executeQuery("SELECT COUNT(*) FROM list_record r"
                    + " JOIN submission s ON s.id = r.submission_id WHERE s.folder = '06124'")) {
                records.next();
                assertThat(records.getInt(1)).as("every record of the list read when the worker was stopped")
                        .isEqualTo(300_000);
            }
        }
    }

    @Test
    void aWorkerWithAnotherCatalogRefusesTheWorkAndTheNightSaysWhy() throws Exception {
        Path catalog = root.resolve("catalog");
        PathUtils.copyDirectory(Path.of("src/main/resources/catalog/van-lang"), catalog);
        Files.writeString(catalog.resolve("tasks.csv"), Files.readString(catalog.resolve("tasks.csv")) + "\n");
        worker("stale", List.of("--giaoban.catalog.location=file:" + catalog + "/"));

        GiaobanProcess manager = manager(OCTOBER_2021);

        assertThat(manager.waitFor(NIGHT)).as("%s", manager).isEqualTo(1);
        assertThat(manager.out()).contains("Danh mục của máy xử lý").contains("khác danh mục của máy điều phối");
        try (Connection connection = database.readOnlyConnection(); Statement statement = connection.createStatement();
                ResultSet read = statement.executeQuery("SELECT COUNT(*) FROM submission WHERE status <> 'RECEIVED'")) {
            read.next();
            assertThat(read.getInt(1)).as("no file read by the refusing worker").isZero();
        }
    }

    private GiaobanProcess worker(String name, List<String> extra) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("worker", "--giaoban.work-dir=" + root.resolve(name),
                "--giaoban.inbox.dir=" + work.resolve("inbox"), "--giaoban.briefing.output-dir=" + work.resolve("reports"),
                "--giaoban.remote.queue=" + queue));
        args.addAll(database.settings());
        args.addAll(extra);
        GiaobanProcess worker = GiaobanProcess.start(args);
        workers.add(worker);
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!worker.out().contains("đang chờ phần việc") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(worker.out()).as("%s", worker).contains("đang chờ phần việc");
        return worker;
    }

    private GiaobanProcess manager(YearMonth period, String... extra) {
        List<String> settings = new ArrayList<>(database.settings());
        settings.addAll(List.of("--giaoban.remote.enabled=true", "--giaoban.remote.queue=" + queue,
                "--giaoban.remote.poll-interval=200ms"));
        settings.addAll(List.of(extra));
        if (settings.stream().noneMatch(setting -> setting.startsWith("--giaoban.ingest.partitions="))) {
            settings.add("--giaoban.ingest.partitions=3");
        }
        return GiaobanProcess.start(Outcome.nightly(work, period, settings));
    }

    private static long readings(GiaobanProcess worker) {
        return worker.log().stream().filter(line -> line.endsWith(": reading")).count();
    }

    private void assertSameAsOneProcess() {
        Outcome oneProcess = Outcome.uninterrupted(OCTOBER_2021, OCTOBER_2022);
        Outcome remote = Outcome.of(work, database.settings());
        assertThat(remote.rows()).as("rows only after the remote nights").isSubsetOf(oneProcess.rows());
        assertThat(oneProcess.rows()).as("rows only after one process's nights").isSubsetOf(remote.rows());
        assertThat(remote.checksum()).isEqualTo(oneProcess.checksum());
        assertThat(remote.filed()).isEqualTo(oneProcess.filed());
    }
}
