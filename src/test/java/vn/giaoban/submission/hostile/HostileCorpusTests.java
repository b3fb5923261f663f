package vn.giaoban.submission.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import vn.giaoban.submission.hostile.HostileCorpus.Case;

/**
 * Issue 3's first "done when": the whole corpus of broken, hostile and odd files in one inbox,
 * one real nightly job over it in its own JVM under {@code -Xmx256m} and a time limit. The job
 * completes, rejects exactly the files it should with the reason expected, and stores exactly
 * the values it should.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCorpusTests {

    /** The whole night, corpus included, takes some 15 seconds on the 2-core machines here. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(120);
    private static final String HEAP = "-Xmx256m";

    private Path work;

    private final HostileCorpus corpus = HostileCorpus.build();
    private final Map<String, Submission> submissions = new TreeMap<>();
    private final Map<String, Map<String, BigDecimal>> stored = new HashMap<>();

    private record Submission(String status, String rejection) {
    }

    @BeforeAll
    void runTheNightOnTheCorpus(@TempDir Path work) throws Exception {
        this.work = work;
        // given every file of the corpus in one inbox
        corpus.write(work.resolve("inbox"));
        // when the nightly job runs on it in a JVM of its own, with a small heap
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        Path gcLog = work.resolve("gc.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-Xlog:gc:file=" + gcLog, "-cp", System.getProperty("java.class.path"), "vn.giaoban.system.CommandLine", "nightly",
                "--period=2022-10", "--night=2022-10-27", "--giaoban.work-dir=" + work,
                "--giaoban.inbox.stable-after=0s");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        AtomicLong peakRssKb = new AtomicLong();
        Thread watcher = new Thread(() -> watchRss(process, peakRssKb), "rss-watcher");
        watcher.setDaemon(true);
        watcher.start();
        boolean finished = process.waitFor(TIME_LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("the night did not finish within %s; log:%n%s", TIME_LIMIT, tail(err));
        }
        watcher.join(1_000);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.printf("hostile corpus: %d files, night finished in %,d ms, peak RSS %,d MB, largest heap"
                + " before a collection %,d MB (%s)%n", corpus.cases().size(), millis, peakRssKb.get() / 1024,
                largestHeapMb(gcLog), HEAP);
        // then it completed
        assertThat(process.exitValue()).as("exit status; log:%n%s", tail(err)).isZero();
        readDatabase();
    }

    @Test
    void receivesEveryFileOfTheCorpusOnce() {
        assertThat(submissions.keySet()).containsExactlyInAnyOrderElementsOf(
                corpus.cases().stream().map(c -> c.folder() + "/" + c.name()).toList());
    }

    @Test
    void rejectsExactlyTheFilesItShouldWithTheirReason() {
        List<String> wrong = new ArrayList<>();
        for (Case c : corpus.cases()) {
            Submission s = submissions.get(c.folder() + "/" + c.name());
            if (s == null) {
                continue; // reported by receivesEveryFileOfTheCorpusOnce
            }
            if (c.accepted() && !"ACCEPTED".equals(s.status())) {
                wrong.add(c + ", but " + s.status() + ": " + s.rejection());
            } else if (!c.accepted() && !("REJECTED".equals(s.status()) && s.rejection() != null
                    && s.rejection().contains(c.phrase()))) {
                wrong.add(c + ", but " + s.status() + ": " + s.rejection());
            }
        }
        assertThat(wrong).as("files whose outcome is not the expected one").isEmpty();
    }

    @Test
    void storesExactlyTheValuesItShould() {
        Map<String, Map<String, BigDecimal>> expected = new TreeMap<>();
        for (Case c : corpus.cases()) {
            Map<String, BigDecimal> values = new TreeMap<>();
            if (c.accepted()) {
                c.values().forEach((key, value) -> values.put(key, new BigDecimal(value)));
            }
            expected.put(c.folder() + "/" + c.name(), values);
        }
        Map<String, Map<String, BigDecimal>> actual = new TreeMap<>();
        for (String file : submissions.keySet()) {
            actual.put(file, new TreeMap<>(stored.getOrDefault(file, Map.of())));
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void leavesNothingOfARejectedFileInTheConsolidatedData() throws Exception {
        try (Connection db = database(); Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery("""
                        SELECT COUNT(*) FROM data_value v JOIN submission s ON s.id = v.submission_id
                        WHERE s.status <> 'ACCEPTED'""")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    private void readDatabase() throws Exception {
        try (Connection db = database(); Statement sql = db.createStatement()) {
            try (ResultSet rs = sql.executeQuery("SELECT folder, relative_path, status, rejection FROM submission")) {
                while (rs.next()) {
                    submissions.put(key(rs.getString("folder"), rs.getString("relative_path")),
                            new Submission(rs.getString("status"), rs.getString("rejection")));
                }
            }
            try (ResultSet rs = sql.executeQuery("""
                    SELECT s.folder, s.relative_path, v.indicator_code, v.measure, v.num_value, v.text_value
                    FROM staged_value v JOIN submission s ON s.id = v.submission_id""")) {
                while (rs.next()) {
                    BigDecimal number = rs.getBigDecimal("num_value");
                    String value = number != null ? number.toPlainString() : rs.getString("text_value");
                    stored.computeIfAbsent(key(rs.getString("folder"), rs.getString("relative_path")),
                                    k -> new TreeMap<>())
                            .put(rs.getString("indicator_code") + "/" + rs.getString("measure"),
                                    new BigDecimal(value).stripTrailingZeros().setScale(0));
                }
            }
        }
    }

    private static String key(String folder, String relativePath) {
        String normalized = relativePath.replace('\\', '/');
        return folder + "/" + normalized.substring(normalized.lastIndexOf('/') + 1);
    }

    private Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:hsqldb:file:" + work.resolve("db/giaoban") + ";readonly=true",
                "SA", "");
    }

    /** The peak resident memory of the night's JVM, as Linux counts it; 0 where there is no /proc. */
    private static void watchRss(Process process, AtomicLong peakKb) {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        while (process.isAlive()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peakKb.set(Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
                Thread.sleep(100);
            } catch (Exception e) {
                return;
            }
        }
    }

    /** From the unified GC log's "Pause Young (...) 120M->30M(256M)" lines: the largest left side. */
    private static long largestHeapMb(Path gcLog) {
        java.util.regex.Pattern heap = java.util.regex.Pattern.compile("(\\d+)M->\\d+M\\(\\d+M\\)");
        try {
            long largest = 0;
            for (String line : Files.readAllLines(gcLog)) {
                java.util.regex.Matcher m = heap.matcher(line);
                if (m.find()) {
                    largest = Math.max(largest, Long.parseLong(m.group(1)));
                }
            }
            return largest;
        } catch (Exception e) {
            return -1;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (Exception e) {
            return "(no log: " + e + ")";
        }
    }
}
