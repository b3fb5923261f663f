package vn.giaoban.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The readers section of the benchmark harness (scripts/benchmark, BENCHMARKS.md): generates the
 * million-row BM03-DS list as .xlsx and CSV ({@link LargeListGenerator}), times every reader on it
 * with JMH ({@link ReaderJmh}), measures each one's memory once in a JVM of its own (peak RSS from
 * /proc/self/status, heap from the collector's own figures), and writes a Markdown table with each
 * figure's ratio against the alternatives and issue 7's goals.
 *
 * <p>Usage: {@code ReaderBenchmark --size smoke|full --work <dir> --out <file.md> --classpath <cp>};
 * a JVM of its own measures one reader with {@code --measure <READER> --file <path>}.
 */
public final class ReaderBenchmark {

    private static final String RESULT = "RESULT";
    /**
     * Rows in the list, first, then the lengths at which the heap left live is measured, shortest
     * first (the last is the list itself), to show whether memory grows with the rows. From 250,000
     * rows on, the shared strings are past 16 MB and memory-mapped in every measured length: the
     * ratio compares like with like.
     */
    private static final Map<String, int[]> SIZES = Map.of("full", new int[] {1_000_000, 250_000, 500_000, 1_000_000},
            "smoke", new int[] {2_000, 500, 1_000, 2_000});

    /** giaoban's readers whose heap must stay flat in the number of rows under -Xmx512m. */
    static final List<Readers> FLAT = List.of(Readers.XLSX_GIAOBAN_OFF_HEAP, Readers.XLSX_GIAOBAN_LIST,
            Readers.CSV_GIAOBAN, Readers.CSV_GIAOBAN_LIST);

    private ReaderBenchmark() {
    }

    /** One reader's memory, measured in a JVM of its own. */
    record Memory(String maxHeap, double seconds, long count, long peakRssKb, long peakHeap, long liveHeap,
            double cpuSeconds, String failure) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        if (options.containsKey("measure")) {
            measure(Readers.valueOf(options.get("measure")), Path.of(options.get("file")),
                    Boolean.parseBoolean(options.getOrDefault("live", "false")));
            return;
        }
        String size = options.getOrDefault("size", "smoke");
        boolean full = size.equals("full");
        int[] rows = SIZES.get(size);
        if (rows == null) {
            throw new IllegalArgumentException("--size smoke|full");
        }
        Path work = Path.of(options.getOrDefault("work", "target/benchmarks/readers"));
        Path out = Path.of(options.getOrDefault("out", work.resolve("readers.md").toString()));
        String classpath = options.getOrDefault("classpath", System.getProperty("java.class.path"));

        Path inbox = work.resolve("inbox-" + rows[0]);
        LargeListGenerator.Expected expected = generate(inbox, rows[0]);
        int[] lengths = java.util.Arrays.copyOfRange(rows, 1, rows.length);
        for (int length : lengths) {
            generate(work.resolve("inbox-" + length), length);
        }
        Path xlsx = LargeListGenerator.inboxFile(inbox, "xlsx");
        Path csv = LargeListGenerator.inboxFile(inbox, "csv");

        List<Readers> timed = java.util.Arrays.stream(Readers.values())
                .filter(r -> r != Readers.XLSX_POI_USERMODEL).toList();
        Map<Readers, double[]> times = jmh(timed, xlsx, csv, full);

        Map<Readers, Memory> memory = new EnumMap<>(Readers.class);
        for (Readers reader : Readers.values()) {
            Path file = reader.format.equals("xlsx") ? xlsx : csv;
            String heap = reader == Readers.XLSX_POI_USERMODEL && full ? "-Xmx12g"
                    : reader == Readers.XLSX_GIAOBAN ? "-Xmx2g" : "-Xmx512m";
            memory.put(reader, child(classpath, heap, reader, file, false));
        }
        // what stays live (after a full collection every quarter second) at each length, shortest first
        Map<Readers, long[]> live = new EnumMap<>(Readers.class);
        for (Readers reader : FLAT) {
            long[] heap = new long[lengths.length];
            for (int i = 0; i < lengths.length; i++) {
                Path inboxOfLength = work.resolve("inbox-" + lengths[i]);
                heap[i] = child(classpath, "-Xmx512m", reader, LargeListGenerator.inboxFile(inboxOfLength, reader.format),
                        true).liveHeap();
            }
            live.put(reader, heap);
        }
        String table = new ReaderReport(size, rows[0], lengths, expected, xlsx, csv, times, memory, live).markdown();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table, StandardCharsets.UTF_8);
        System.out.println(table);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    /** The list and its CSV, written again only when the seed or the size changed (a marker says which). */
    private static LargeListGenerator.Expected generate(Path inbox, int rows) throws IOException {
        Path marker = inbox.resolve("generated.txt");
        String expectedMarker = rows + " rows, seed " + LargeListGenerator.DEFAULT_SEED + ", generator "
                + LargeListGenerator.class.getName();
        LargeListGenerator.Expected expected;
        long start = System.nanoTime();
        if (Files.exists(marker) && Files.readString(marker).startsWith(expectedMarker)
                && Files.exists(LargeListGenerator.inboxFile(inbox, "xlsx"))
                && Files.exists(LargeListGenerator.inboxFile(inbox, "csv"))) {
            String[] counts = Files.readString(marker).substring(expectedMarker.length()).trim().split(" ");
            expected = new LargeListGenerator.Expected(Integer.parseInt(counts[0]), Integer.parseInt(counts[1]),
                    Integer.parseInt(counts[2]), Integer.parseInt(counts[3]), Integer.parseInt(counts[4]));
        } else {
            expected = LargeListGenerator.writeXlsx(LargeListGenerator.inboxFile(inbox, "xlsx"), rows,
                    LargeListGenerator.DEFAULT_SEED);
            LargeListGenerator.writeCsv(LargeListGenerator.inboxFile(inbox, "csv"), rows, LargeListGenerator.DEFAULT_SEED);
            Files.writeString(marker, expectedMarker + " " + expected.rows() + " " + expected.receivedThisYear() + " "
                    + expected.receivedThisMonth() + " " + expected.resolvedThisYear() + " "
                    + expected.resolvedThisMonth());
            System.err.printf("generated %,d rows (.xlsx and CSV) in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
        }
        return expected;
    }

    /** Seconds per read of each reader: mean, fastest and slowest of JMH's measured single-shot iterations. */
    private static Map<Readers, double[]> jmh(List<Readers> readers, Path xlsx, Path csv, boolean full)
            throws Exception {
        OptionsBuilder builder = new OptionsBuilder();
        builder.include(ReaderJmh.class.getName() + ".read")
                .param("reader", readers.stream().map(Enum::name).toArray(String[]::new))
                .param("xlsx", xlsx.toAbsolutePath().toString())
                .param("csv", csv.toAbsolutePath().toString())
                .forks(1)
                .jvm(Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .jvmArgs("-Xmx2g")
                .warmupIterations(full ? 1 : 0)
                .measurementIterations(full ? 2 : 1)
                .verbosity(VerboseMode.SILENT)
                .timeout(TimeValue.minutes(5));
        Options options = builder.build();
        Collection<RunResult> results = new Runner(options).run();
        Map<Readers, double[]> times = new EnumMap<>(Readers.class);
        for (RunResult result : results) {
            Readers reader = Readers.valueOf(result.getParams().getParam("reader"));
            var statistics = result.getPrimaryResult().getStatistics();
            times.put(reader, new double[] {statistics.getMean() / 1000, statistics.getMin() / 1000,
                    statistics.getMax() / 1000});
        }
        return times;
    }

    /** Runs one reader once in a JVM of its own; a reader that fails is noted, not fatal to the section. */
    private static Memory child(String classpath, String maxHeap, Readers reader, Path file, boolean live)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                maxHeap, "-cp", classpath, ReaderBenchmark.class.getName(), "--measure", reader.name(),
                "--file", file.toAbsolutePath().toString(), "--live", Boolean.toString(live)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        for (String line : output.split("\n")) {
            if (line.startsWith(RESULT + " ")) {
                String[] f = line.split(" ");
                return new Memory(maxHeap, Double.parseDouble(f[2]), Long.parseLong(f[1]), Long.parseLong(f[3]),
                        Long.parseLong(f[4]), Long.parseLong(f[5]), Double.parseDouble(f[6]), null);
            }
        }
        String reason = output.contains("OutOfMemoryError") ? "OutOfMemoryError at " + maxHeap
                : "exit " + exit + ": " + output.lines().filter(l -> l.contains("Exception") || l.contains("Error"))
                        .findFirst().orElse(output.length() > 200 ? output.substring(0, 200) : output);
        System.err.println(reader + " failed in its own JVM: " + reason);
        return new Memory(maxHeap, Double.NaN, 0, 0, 0, 0, Double.NaN, reason);
    }

    /**
     * In the child JVM: reads the file once and prints the count, the seconds, the peak RSS (VmHWM,
     * kB), the largest heap in use (before a collection, or sampled) and the largest heap still live
     * after a collection, in bytes.
     */
    private static void measure(Readers reader, Path file, boolean collect) throws Exception {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        AtomicLong peak = new AtomicLong();
        AtomicLong live = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                var collection = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                var info = collection.getGcInfo();
                peak.accumulateAndGet(sum(info.getMemoryUsageBeforeGc(), heapPools), Math::max);
                // with full collections asked for, only what they leave counts: that is what the reader holds
                if (!collect || "System.gc()".equals(collection.getGcCause())) {
                    live.accumulateAndGet(sum(info.getMemoryUsageAfterGc(), heapPools), Math::max);
                }
            }, null, null);
        }
        Thread sampler = new Thread(() -> {
            long next = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                if (collect && System.nanoTime() >= next) {
                    // a full collection leaves only what the reader holds: the figure that must not grow with the rows
                    System.gc();
                    next = System.nanoTime() + 250_000_000L;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long count = reader.read(file);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
        sampler.interrupt();
        peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        System.out.println(RESULT + " " + count + " " + String.format(Locale.ROOT, "%.3f", seconds) + " "
                + peakRssKb() + " " + peak.get() + " " + live.get() + " "
                + String.format(Locale.ROOT, "%.3f", cpuSeconds));
    }

    private static long sum(Map<String, MemoryUsage> usage, Set<String> pools) {
        return usage.entrySet().stream().filter(e -> pools.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed()).sum();
    }

    private static long peakRssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return 0;
    }
}
