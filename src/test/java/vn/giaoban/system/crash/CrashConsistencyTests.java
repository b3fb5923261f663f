package vn.giaoban.system.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 6, item 3: crash consistency, proven. The real nightly job runs with the README's own
 * command in JVMs of its own, on the committed samples plus one large submission; it is killed
 * with SIGKILL at points reached by watching its log (and, for the briefing, its output folder),
 * then the same command is run again until the night completes, then the next night. What the
 * deployment ends with (database, archive, rejected, outbox, inbox, briefings) must be what an
 * uninterrupted run ends with: nothing lost, nothing counted twice, no temporary file left. A second
 * mode kills at random instants, seeded, for a bounded number of rounds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashConsistencyTests {

    private static final YearMonth FIRST = YearMonth.of(2021, 10);
    private static final LocalDate FIRST_NIGHT = LocalDate.of(2021, 10, 24);
    private static final YearMonth SECOND = YearMonth.of(2022, 10);
    private static final LocalDate SECOND_NIGHT = LocalDate.of(2022, 10, 24);
    /** Every wait on a process; a process that overruns it is killed and the test fails. */
    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(120);
    private static final Path SAMPLES = Path.of("input-samples/van-lang");
    /**
     * A commune's petitions report for September 2022 with its two indicator rows and then rows
     * no form has (a detailed list pasted under the table): read in a few seconds, each junk row a
     * finding (capped), so that a kill can land in the middle of reading one file.
     */
    static final String LARGE_FILE = "06139/BM03-DT_Bac Hung_T09_2022_chi tiet.csv";
    private static final int LARGE_FILE_EXTRA_ROWS = 100_000;
    /** Every inbox file gets this modification time, so the order of receipt is the order of names in every run. */
    private static final FileTime DROPPED = FileTime.from(Instant.parse("2022-10-20T01:00:00Z"));
    private static final long SEED = Long.getLong("giaoban.crash.seed", 20_221_024L);

    private Path root;
    private Path inboxTemplate;
    private DeploymentState reference;
    /** How long the reference run took to read the large file, as its log showed it. */
    private Duration largeFileReading;
    private final List<String> report = Collections.synchronizedList(new ArrayList<>());

    /**
     * Settings of every night of the deployment in {@code work} (and of the context that reads its
     * database afterwards): here the embedded database in {@code work/db}. Originals and briefings
     * are kept for good, so that the 2021 ones are still there to compare whatever today's date: the
     * default retention removes period folders older than five years.
     */
    protected List<String> settings(Path work) {
        return List.of("--giaoban.retention.originals=P100Y", "--giaoban.retention.outputs=P100Y");
    }

    /**
     * A connection that reads the deployment's database right after a kill and changes nothing of
     * what the restart will find.
     */
    protected Connection readOnlyConnection(Path work) throws SQLException {
        return DriverManager.getConnection("jdbc:hsqldb:file:" + work.resolve("db/giaoban")
                + ";readonly=true;hsqldb.lock_file=false;shutdown=true", "SA", "");
    }

    /** Where each kill lands, what the log or the output folder shows just before it. */
    enum KillPoint {
        /** "Step scan started": the inbox is being listed, hashed and registered. */
        SCAN("scan"),
        /** Part-way through reading the large file: its "reading" line, then a third of the time it takes. */
        INGEST_LARGE_FILE("ingest"),
        /** The first "filed as": originals are being moved and answered, in a chunk not yet committed. */
        FILING("feedback"),
        /** "Step consolidate started": current versions and totals are being rewritten. */
        CONSOLIDATION("consolidate"),
        /** "Step briefing started", then the moment a temporary {@code .part} output appears: a file half-written. */
        BRIEFING("briefing");

        final String step;

        KillPoint(String step) {
            this.step = step;
        }
    }

    @BeforeAll
    void uninterruptedReference(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path root) throws Exception {
        this.root = root;
        inboxTemplate = root.resolve("inbox-template");
        prepareInbox(inboxTemplate);
        long started = System.nanoTime();
        Path work = deployment("reference");
        try (NightProcess first = night("reference-" + FIRST, work, FIRST, FIRST_NIGHT)) {
            first.awaitLine(line -> line.contains(LARGE_FILE + ": reading"), PROCESS_TIMEOUT);
            long reading = System.nanoTime();
            first.awaitLine(line -> line.contains(LARGE_FILE + ": BM03-DT"), PROCESS_TIMEOUT);
            largeFileReading = Duration.ofNanos(System.nanoTime() - reading);
            assertThat(first.awaitExit(PROCESS_TIMEOUT)).as("exit status %s", first.describe()).isZero();
        }
        try (NightProcess second = night("reference-" + SECOND, work, SECOND, SECOND_NIGHT)) {
            assertThat(second.awaitExit(PROCESS_TIMEOUT)).as("exit status %s", second.describe()).isZero();
        }
        long ran = System.nanoTime();
        reference = DeploymentState.of(work, settings(work));
        note("reference: two uninterrupted nights in %,d ms (large file read in %,d ms), state read in %,d ms;"
                + " %d submissions, %d files, business checksum %s", millis(ran - started),
                largeFileReading.toMillis(), millis(System.nanoTime() - ran), reference.submissions().size(),
                reference.files().size(), reference.businessChecksum());
        // the reference itself is whole: every file received once, filed, answered, both briefings written
        assertThat(reference.submissions()).hasSize(countFiles(inboxTemplate));
        assertThat(reference.submissions()).allMatch(row -> row.contains(" | ACCEPTED | "), "accepted");
        assertThat(reference.unfiledOrMissing()).isEmpty();
        assertThat(reference.unfinishedExecutions()).isEmpty();
        assertThat(reference.leftovers()).isEmpty();
        assertThat(reference.files().keySet()).noneMatch(name -> name.startsWith("inbox/"))
                .contains("archive/2022-09/" + LARGE_FILE,
                        "reports/" + FIRST + "/182/briefing-" + FIRST + ".docx",
                        "reports/" + FIRST + "/182/phu-luc-" + FIRST + ".xlsx",
                        "reports/" + SECOND + "/182/briefing-" + SECOND + ".docx",
                        "reports/" + SECOND + "/182/phu-luc-" + SECOND + ".xlsx");
        assertThat(reference.briefings()).containsOnlyKeys("reports/" + FIRST + "/182/briefing-" + FIRST + ".pdf",
                "reports/" + SECOND + "/182/briefing-" + SECOND + ".pdf");
        assertThat(reference.briefings().get("reports/" + SECOND + "/182/briefing-" + SECOND + ".pdf"))
                .contains("94.533 triệu đồng");
    }

    @AfterAll
    void printReport() {
        System.out.println(getClass().getSimpleName() + " (seed " + SEED + "):");
        report.forEach(line -> System.out.println("  " + line));
    }

    @ParameterizedTest(name = "killed {0}, restarted")
    @EnumSource(KillPoint.class)
    void aNightKilledAtAMarkerAndRunAgainEndsAsAnUninterruptedOne(KillPoint point) throws Exception {
        long started = System.nanoTime();
        Path work = null;
        String landed = null;
        List<String> leftByKill = List.of();
        String filedAtKill = "";
        List<String> killedLog = List.of();
        // a kill that lands after its step ended (a step of a few milliseconds on a busy machine) is tried again
        for (int attempt = 1; attempt <= 3 && !point.step.equals(landed); attempt++) {
            work = deployment("killed-" + point.name().toLowerCase() + "-" + attempt);
            try (NightProcess killed = night(point + "-killed-" + attempt, work, FIRST, FIRST_NIGHT)) {
                reach(point, killed, work);
                killed.kill();
                assertThat(killed.exitValue()).as("killed by SIGKILL").isEqualTo(137);
                landed = killed.position();
                killedLog = killed.log();
                if (point == KillPoint.INGEST_LARGE_FILE && killed.log().stream().anyMatch(
                        line -> line.contains(LARGE_FILE + ": BM03-DT") || line.contains(LARGE_FILE + ": rejected"))) {
                    landed = "ingest, after the large file"; // not in the middle of it
                }
                if (!point.step.equals(landed)) {
                    note("%s: attempt %d landed in %s, not in %s: again", point, attempt, landed, point.step);
                }
            }
            leftByKill = DeploymentState.temporaryFiles(work);
            Path killedWork = work;
            filedAtKill = DeploymentState.filedOnDiskAndInDatabase(work, () -> readOnlyConnection(killedWork));
        }
        assertThat(landed).as("where the kill landed, by the log").isEqualTo(point.step);
        long killedAt = System.nanoTime();
        Restart restart = runUntilCompleted(point + "-restart", work, FIRST, FIRST_NIGHT, true);
        long restarted = System.nanoTime();
        // it went on where the killed run stopped: no step that had completed ran again (the catalog
        // always does), no file whose reading had been stored was read again
        List<String> completedSteps = matches(killedLog, "Step (\\w+) COMPLETED");
        completedSteps.remove("catalog");
        assertThat(matches(restart.log(), "Step (\\w+) started")).as("steps run again by the restart")
                .filteredOn(completedSteps::contains).isEmpty();
        List<String> readBefore = matches(killedLog, "SubmissionIngest - (.+?): (?:BM\\S+ \\S+ \\d+ values|rejected: )");
        if (point == KillPoint.INGEST_LARGE_FILE) {
            assertThat(readBefore).as("files read before the kill").isNotEmpty();
        }
        assertThat(matches(restart.log(), "SubmissionIngest - (.+): reading$")).as("files read again by the restart")
                .filteredOn(readBefore::contains).isEmpty();
        try (NightProcess next = night(point + "-" + SECOND, work, SECOND, SECOND_NIGHT)) {
            assertThat(next.awaitExit(PROCESS_TIMEOUT)).as("exit status %s", next.describe()).isZero();
        }
        long ended = System.nanoTime();
        DeploymentState state = DeploymentState.of(work, settings(work));
        note("%s: killed in step %s after %,d ms (at the kill: %s; temporary files: %s); restart completed in %d run(s),"
                + " %,d ms, ran steps %s; night %s %,d ms; compared in %,d ms", point, landed, millis(killedAt - started),
                filedAtKill, leftByKill.isEmpty() ? "none" : leftByKill, restart.runs(), millis(restarted - killedAt),
                matches(restart.log(), "Step (\\w+) started"), SECOND,
                millis(ended - restarted), millis(System.nanoTime() - ended));
        assertSameAsReference(point.toString(), state);
    }

    /**
     * Rounds that start the night, wait a random 0.5 to 8 seconds and kill it, on the same working
     * folder; then the night is run to its end. The wait is counted alternately from the start of
     * the process (so kills also land in start-up: the lock, the database opening and its recovery,
     * the dead run's recovery) and from the job's first step.
     */
    @Test
    void nightsKilledAtRandomInstantsEndAsUninterruptedOnes() throws Exception {
        Random random = new Random(SEED);
        long started = System.nanoTime();
        Path work = deployment("killed-at-random");
        List<String> kills = new ArrayList<>();
        // six rounds: four in the long first night, two in the second
        for (var night : List.of(Map.entry(FIRST, 4), Map.entry(SECOND, 2))) {
            YearMonth period = night.getKey();
            LocalDate date = period.equals(FIRST) ? FIRST_NIGHT : SECOND_NIGHT;
            boolean completed = false;
            for (int round = 1; round <= night.getValue() && !completed; round++) {
                Duration delay = Duration.ofMillis(500 + random.nextInt(7_501));
                boolean fromJobStart = round % 2 == 0;
                try (NightProcess run = night("random-" + period + "-" + round, work, period, date)) {
                    // a night that completed before its kill (the process was ending) has no first step
                    boolean jobStarted = !fromJobStart || run.awaitLineOrEnd(
                            line -> line.contains("Step catalog started"), PROCESS_TIMEOUT).isPresent();
                    String when = delay.toMillis() + " ms after " + (fromJobStart ? "the first step" : "the start");
                    if (!jobStarted || run.endsWithin(delay)) {
                        assertThat(run.awaitExit(PROCESS_TIMEOUT)).as("exit status %s", run.describe()).isZero();
                        kills.add(period + " round " + round + (jobStarted ? " completed before " + when
                                : " found the night completed (the last kill landed as the process ended)"));
                        completed = true;
                    } else {
                        run.kill();
                        List<String> left = DeploymentState.temporaryFiles(work);
                        kills.add(period + " round " + round + " killed " + when + ", in " + run.position()
                                + (left.isEmpty() ? "" : " leaving " + left));
                    }
                }
            }
            if (!completed) {
                runUntilCompleted("random-" + period + "-final", work, period, date, false);
            }
        }
        DeploymentState state = DeploymentState.of(work, settings(work));
        note("random (seed %d), %,d ms: %s", SEED, millis(System.nanoTime() - started), String.join("; ", kills));
        assertSameAsReference("random", state);
    }

    /** Waits, in the killed night, for the moment the kill point names. */
    private void reach(KillPoint point, NightProcess night, Path work) throws InterruptedException {
        switch (point) {
            case SCAN -> night.awaitLine(line -> line.contains("Step scan started"), PROCESS_TIMEOUT);
            case INGEST_LARGE_FILE -> {
                night.awaitLine(line -> line.contains(LARGE_FILE + ": reading"), PROCESS_TIMEOUT);
                Thread.sleep(largeFileReading.dividedBy(3).toMillis());
            }
            case FILING -> night.awaitLine(line -> line.contains(" filed as "), PROCESS_TIMEOUT);
            case CONSOLIDATION -> night.awaitLine(line -> line.contains("Step consolidate started"), PROCESS_TIMEOUT);
            case BRIEFING -> {
                night.awaitLine(line -> line.contains("Step briefing started"), PROCESS_TIMEOUT);
                night.awaitFile(work.resolve("reports").resolve(FIRST.toString()).resolve("182"), name -> name.endsWith(".part"),
                        PROCESS_TIMEOUT);
            }
            default -> throw new IllegalArgumentException(point.toString());
        }
    }

    /**
     * The same command again, as the README says, until it exits 0 (three runs at most, each must
     * complete: a restart that fails is a finding). The first one recovers the dead execution when
     * {@code recovers}.
     *
     * @return how many runs it took, and the log of the first
     */
    private Restart runUntilCompleted(String label, Path work, YearMonth period, LocalDate date, boolean recovers)
            throws InterruptedException {
        List<Integer> exits = new ArrayList<>();
        String first = null;
        List<String> firstLog = List.of();
        for (int run = 1; run <= 3; run++) {
            try (NightProcess again = night(label + "-" + run, work, period, date)) {
                int exit = again.awaitExit(PROCESS_TIMEOUT);
                exits.add(exit);
                if (first == null) {
                    first = again.describe();
                    firstLog = again.log();
                    if (recovers) {
                        assertThat(again.out()).as("the restart says it recovered the dead run%s", first)
                                .contains("bị dừng đột ngột");
                    }
                }
                if (exit == 0) {
                    break;
                }
            }
        }
        assertThat(exits).as("exit statuses of the runs after the kill; the first one:%s", first).containsExactly(0);
        return new Restart(exits.size(), firstLog);
    }

    private record Restart(int runs, List<String> log) {
    }

    /** The first group of each line that matches {@code regex}, in order. */
    private static List<String> matches(List<String> lines, String regex) {
        Pattern pattern = Pattern.compile(regex);
        List<String> found = new ArrayList<>();
        for (String line : lines) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                found.add(matcher.group(1));
            }
        }
        return found;
    }

    private void assertSameAsReference(String scenario, DeploymentState state) {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(state.leftovers()).as("%s: temporary files left behind", scenario).isEmpty();
        softly.assertThat(state.unfinishedExecutions()).as("%s: executions not ended", scenario).isEmpty();
        softly.assertThat(state.unfiledOrMissing()).as("%s: filing", scenario).isEmpty();
        softly.assertThat(differences(reference.submissions(), state.submissions()))
                .as("%s: submissions (lost or doubled)", scenario).isEmpty();
        softly.assertThat(differences(entries(reference.files()), entries(state.files())))
                .as("%s: files under inbox, archive, rejected, outbox, reports", scenario).isEmpty();
        softly.assertThat(state.executions().keySet()).as("%s: nights run", scenario)
                .containsExactlyElementsOf(reference.executions().keySet());
        for (String pdf : reference.briefings().keySet()) {
            softly.assertThat(state.briefings().get(pdf)).as("%s: text of %s", scenario, pdf)
                    .isEqualTo(reference.briefings().get(pdf));
        }
        softly.assertThat(state.businessChecksum()).as("%s: business checksum", scenario)
                .isEqualTo(reference.businessChecksum());
        softly.assertAll();
    }

    /** Lines only in the reference ("lost"), only in the run ("extra"), each with how many times. */
    private static List<String> differences(List<String> expected, List<String> actual) {
        List<String> lost = new ArrayList<>(expected);
        List<String> extra = new ArrayList<>(actual);
        for (String line : actual) {
            lost.remove(line);
        }
        for (String line : expected) {
            extra.remove(line);
        }
        List<String> differences = new ArrayList<>();
        lost.forEach(line -> differences.add("lost: " + line));
        extra.forEach(line -> differences.add("extra: " + line));
        return differences;
    }

    private static List<String> entries(Map<String, String> files) {
        return files.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList();
    }

    private NightProcess night(String label, Path work, YearMonth period, LocalDate date) {
        return NightProcess.start(label, work, period, date, settings(work), root.resolve("logs"));
    }

    /** A new working folder whose inbox is a copy of the template, modification times included. */
    private Path deployment(String name) {
        Path work = root.resolve(name);
        copy(inboxTemplate, work.resolve("inbox"));
        return work;
    }

    /** The committed samples' unit folders and the large file, all dropped at the same instant. */
    private static void prepareInbox(Path inbox) throws IOException {
        try (Stream<Path> units = Files.list(SAMPLES)) {
            for (Path unit : units.filter(Files::isDirectory).sorted().toList()) {
                copy(unit, inbox.resolve(unit.getFileName().toString()));
            }
        }
        StringBuilder csv = new StringBuilder();
        for (String line : List.of(
                "\"UBND XÃ BẮC HÙNG\",,,\"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\",,,",
                "\"Số: 91/BC-UBND\",,,\"Độc lập - Tự do - Hạnh phúc\",,,",
                ",,,\"Bắc Hùng, ngày 20 tháng 9 năm 2022\",,,",
                ",,,,,,",
                "\"BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ\",,,,,,",
                "\"Tháng 9 năm 2022\",,,,,,",
                "\"STT\",\"Mã số\",\"Chỉ tiêu\",\"ĐVT\",\"Tháng 9\",\"Lũy kế từ đầu năm\",\"Ghi chú\"",
                "1,\"DT_TIEP_NHAN\",\"Số đơn thư tiếp nhận\",\"Đơn\",2,9,",
                "2,\"DT_DA_GIAI_QUYET\",\"Số đơn thư đã giải quyết\",\"đơn\",1,9,")) {
            csv.append(line).append("\r\n");
        }
        for (int i = 3; i < 3 + LARGE_FILE_EXTRA_ROWS; i++) {
            csv.append(i).append(",\"PL_").append(i).append("\",\"Khoản mục chi tiết số ").append(i)
                    .append("\",\"Đơn\",").append(i % 97).append(',').append(i % 89).append(",\r\n");
        }
        Path large = inbox.resolve(LARGE_FILE);
        Files.writeString(large, csv, StandardCharsets.UTF_8);
        assertThat(Files.size(large)).as("well under the readers' 64 MB limit").isLessThan(32L * 1024 * 1024);
        try (Stream<Path> files = Files.walk(inbox)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, DROPPED);
            }
        }
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int countFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return (int) files.filter(Files::isRegularFile).count();
        }
    }

    private void note(String format, Object... args) {
        String line = String.format(format, args);
        report.add(line);
        System.out.println("crash consistency: " + line);
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }
}
