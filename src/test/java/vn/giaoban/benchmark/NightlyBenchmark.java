package vn.giaoban.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nightly job at scale, each night in a JVM of its own as cron starts it ({@code -Xmx512m}, the real
 * command line, the embedded database): a province's month and the nation's, each step's time as the job
 * logs it, the JVM's peak resident memory ({@code VmHWM}); the province month at 1×, 4× and 16×
 * (time should grow with the files, memory stay flat); the briefing step; and the ingest step with
 * local partitioning against without. Inputs come from {@link MonthGenerator}, made again before
 * each night since a night files its inbox away.
 *
 * <p>{@code NightlyBenchmark --size smoke|full --work <folder> --out <table.md> --classpath <cp>
 * [--jfr <folder>]}: with {@code --jfr}, every night also writes a flight recording there.
 */
public final class NightlyBenchmark {

    private static final List<String> STEPS = List.of("catalog", "scan", "ingest", "consolidate", "feedback",
            "briefing", "delivery", "housekeeping");
    private static final Pattern STEP = Pattern.compile("Step (\\w+) (\\w+): read \\d+, written \\d+, in (\\d+) ms");
    private static final Pattern BRIEFING = Pattern.compile("briefing-ms first=(\\d+) precompiled=(\\d+)");
    private static final Pattern SUMMARY = Pattern.compile("nhận (\\d+) tệp \\((\\d+) tiếp nhận, (\\d+) không tiếp nhận.*lấy (\\d+) giá trị");

    private final Path work;
    private final String classpath;
    private final Path jfr;

    private NightlyBenchmark(Path work, String classpath, Path jfr) {
        this.work = work;
        this.classpath = classpath;
        this.jfr = jfr;
    }

    /** What one night measured. */
    record Night(String label, MonthGenerator.Month month, double generateSeconds, double seconds, long peakRssMb,
            long heapAfterGcMb, Map<String, Long> stepMillis, int received, int accepted, int refused, long values,
            long[] briefing) {

        long step(String name) {
            return stepMillis.getOrDefault(name, 0L);
        }
    }

    public static void main(String[] args) throws Exception {
        MonthGenerator.quietPoi();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String size = options.getOrDefault("--size", "smoke");
        Path work = Path.of(options.getOrDefault("--work", "target/benchmarks/nightly")).toAbsolutePath();
        Path out = Path.of(options.getOrDefault("--out", "target/benchmarks/nightly.md"));
        String classpath = options.getOrDefault("--classpath", System.getProperty("java.class.path"));
        Path jfr = options.containsKey("--jfr") ? Path.of(options.get("--jfr")).toAbsolutePath() : null;
        String table = new NightlyBenchmark(work, classpath, jfr).run(size.equals("full"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
        System.out.println(table);
    }

    private String run(boolean full) throws Exception {
        List<Night> months = new ArrayList<>();
        List<Night> scaling = new ArrayList<>();
        // without and with partitions in turn, twice, the best of each: the load of other work changes by the minute
        List<Night> single = new ArrayList<>();
        List<Night> partitioned = new ArrayList<>();
        if (full) {
            Night province = night("tỉnh 1×", MonthGenerator.Spec.province(1), null, true);
            scaling.add(province);
            single.add(night("tỉnh 4×, không chia", MonthGenerator.Spec.province(4), 1));
            Night four = night("tỉnh 4×", MonthGenerator.Spec.province(4), null);
            scaling.add(four);
            partitioned.add(four);
            scaling.add(night("tỉnh 16×", MonthGenerator.Spec.province(16), null));
            Night national = night("toàn quốc", MonthGenerator.Spec.national(), null, true);
            months.add(province);
            months.add(national);
            single.add(night("tỉnh 4×, không chia", MonthGenerator.Spec.province(4), 1));
            partitioned.add(night("tỉnh 4×", MonthGenerator.Spec.province(4), null));
        } else {
            MonthGenerator.Spec smoke = MonthGenerator.Spec.smoke();
            Night one = night("thử 1×", smoke, null, true);
            scaling.add(one);
            single.add(night("thử 2×, không chia", times(smoke, 2), 1));
            Night two = night("thử 2×", times(smoke, 2), null);
            scaling.add(two);
            partitioned.add(two);
            scaling.add(night("thử 4×", times(smoke, 4), null));
            months.add(one);
        }
        return table(months, scaling, single, partitioned, full);
    }

    private static MonthGenerator.Spec times(MonthGenerator.Spec spec, int factor) {
        return new MonthGenerator.Spec(spec.provinces() * factor, spec.communes() * factor,
                spec.departmentsPerProvince(), spec.listRows(), spec.period(), spec.seed());
    }

    /** Generates the month into a fresh working folder and runs its night; {@code partitions} null: the default. */
    private Night night(String label, MonthGenerator.Spec spec, Integer partitions) throws Exception {
        return night(label, spec, partitions, false);
    }

    private Night night(String label, MonthGenerator.Spec spec, Integer partitions, boolean timeBriefing)
            throws Exception {
        Path dir = work.resolve(label.replaceAll("[^A-Za-z0-9]+", "-") + "-" + spec.communes());
        MonthGenerator.delete(dir);
        long started = System.nanoTime();
        MonthGenerator.Month month = MonthGenerator.generate(spec, dir.resolve("catalog"), dir.resolve("inbox"));
        double generated = (System.nanoTime() - started) / 1e9;
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
        if (jfr != null) {
            Files.createDirectories(jfr);
            jvm.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr.resolve(dir.getFileName() + ".jfr"));
        }
        List<String> settings = new ArrayList<>(List.of("--giaoban.work-dir=" + dir,
                "--giaoban.catalog.location=file:" + month.catalog() + "/",
                "--giaoban.inbox.stable-after=0s"));
        if (partitions != null) {
            settings.add("--giaoban.ingest.partitions=" + partitions);
        }
        List<String> args = new ArrayList<>(List.of("nightly", "--period", spec.period().toString(), "--night",
                spec.night().toString()));
        args.addAll(settings);
        System.err.printf("%s: %d tệp (tạo trong %.1f s), chạy đêm...%n", label, month.files(), generated);
        ChildJvm.Run run = ChildJvm.run(classpath, dir, "night", jvm, "vn.giaoban.system.CommandLine", args)
                .requireSuccess(label + ": the night");
        String log = String.join("\n", run.output());
        Map<String, Long> steps = new LinkedHashMap<>();
        Matcher m = STEP.matcher(log);
        while (m.find()) {
            steps.merge(m.group(1), Long.parseLong(m.group(3)), Long::sum);
        }
        Matcher s = SUMMARY.matcher(log);
        if (!s.find()) {
            throw new IllegalStateException(label + ": no summary in the log\n" + log.substring(Math.max(0, log.length() - 4000)));
        }
        long[] briefing = timeBriefing ? briefing(dir, spec, settings) : null;
        Night night = new Night(label, month, generated, run.seconds(), run.peakRssMb(),
                ChildJvm.heapAfterCollections(dir.resolve("night.gc.log")), steps, Integer.parseInt(s.group(1)),
                Integer.parseInt(s.group(2)), Integer.parseInt(s.group(3)), Long.parseLong(s.group(4)), briefing);
        System.err.printf("%s: %.1f s, %d MB%n", label, run.seconds(), run.peakRssMb());
        MonthGenerator.delete(dir.resolve("inbox"));
        return night;
    }

    /** The briefing written again from the night's database: compiling its designs, then with them compiled. */
    private long[] briefing(Path dir, MonthGenerator.Spec spec, List<String> settings) {
        List<String> args = new ArrayList<>(List.of(spec.period().toString(), spec.night().toString()));
        args.addAll(settings);
        args.addAll(List.of("--logging.level.root=WARN", "--logging.level.vn.giaoban=WARN"));
        ChildJvm.Run run = ChildJvm.run(classpath, dir, "briefing", List.of("-Xmx512m"), BriefingTiming.class.getName(),
                args).requireSuccess("the briefing timing");
        Matcher m = BRIEFING.matcher(String.join("\n", run.output()));
        if (!m.find()) {
            throw new IllegalStateException("no briefing timing in " + dir.resolve("briefing.log"));
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }

    private static Night fastestIngest(List<Night> nights) {
        return nights.stream().min(java.util.Comparator.comparingLong(n -> n.step("ingest"))).orElseThrow();
    }

    private static String table(List<Night> months, List<Night> scaling, List<Night> singles, List<Night> partitions,
            boolean full) {
        Night single = fastestIngest(singles);
        Night partitioned = fastestIngest(partitions);
        StringBuilder md = new StringBuilder();
        md.append("## Nightly job").append(full ? "" : " (smoke: tiny sizes, figures mean nothing)").append("\n\n");
        md.append("Each night in its own JVM (`-Xmx512m`, embedded HSQLDB, the real `nightly` command), inputs from "
                + "`MonthGenerator` (seed 7). Times in seconds; steps as the job logs them; peak RSS is the JVM's "
                + "VmHWM. Other work may share the CPU: compare figures of the same run only.\n\n");
        md.append("| month | files (accepted/refused) | values | list rows | total | ");
        md.append(String.join(" | ", STEPS)).append(" | peak RSS MB | goal |\n");
        md.append("|---|---|---|---|---|").append("---|".repeat(STEPS.size())).append("---|---|\n");
        for (Night n : months) {
            String goal = n.label().equals("toàn quốc") ? (n.seconds() < 300 ? "< 300 s: met" : String.format(
                    Locale.ROOT, "< 300 s: missed by %.0f s", n.seconds() - 300)) : "";
            md.append(String.format(Locale.ROOT, "| %s | %d (%d/%d) | %d | %d | %.1f | ", n.label(), n.received(),
                    n.accepted(), n.refused(), n.values(), n.month().listRows(), n.seconds()));
            for (String step : STEPS) {
                md.append(String.format(Locale.ROOT, "%.1f | ", n.step(step) / 1000.0));
            }
            md.append(n.peakRssMb()).append(" | ").append(goal).append(" |\n");
        }
        md.append("\n### Scaling of the province month\n\n");
        md.append("| scale | files | total s | ms per file | per file vs 1× | ingest s | consolidate s | peak RSS MB | RSS vs 1×"
                + " | heap after GC MB | vs 1× |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        Night base = scaling.get(0);
        double basePerFile = base.seconds() * 1000 / base.received();
        for (Night n : scaling) {
            double perFile = n.seconds() * 1000 / n.received();
            md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.2f | %.1f | %.1f | %d | %.2f | %d | %.2f |\n",
                    n.label(), n.received(), n.seconds(), perFile, perFile / basePerFile, n.step("ingest") / 1000.0,
                    n.step("consolidate") / 1000.0, n.peakRssMb(), (double) n.peakRssMb() / base.peakRssMb(),
                    n.heapAfterGcMb(), (double) n.heapAfterGcMb() / Math.max(1, base.heapAfterGcMb())));
        }
        md.append("\nLinear growth means a flat time per file. Memory: peak RSS includes the heap the collector grows"
                + " into its 512 MB limit; \"heap after GC\" is the most the night still held after any collection"
                + " (its GC log): flat memory means that ratio near 1.\n");
        md.append("\n### Briefing\n\n");
        md.append("| month | briefing step s (in the night) | written again: compiling the designs s | with the designs "
                + "precompiled s | precompiled vs step |\n|---|---|---|---|---|\n");
        for (Night n : months) {
            long[] b = n.briefing() == null ? new long[] {0, 0} : n.briefing();
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.2f |%n", n.label(),
                    n.step("briefing") / 1000.0, b[0] / 1000.0, b[1] / 1000.0,
                    b[1] / Math.max(1.0, n.step("briefing"))));
        }
        md.append("\nThe step compiles the notice's and annex's designs (JasperReports) in every night's JVM; "
                + "\"precompiled\" is the same briefing written again from the database in one JVM, its designs "
                + "already compiled (best of three).\n");
        md.append("\n### Ingest with local partitioning\n\n");
        md.append("| month | partitions | ingest s | files/s | speed-up |\n|---|---|---|---|---|\n");
        double one = single.step("ingest") / 1000.0;
        double many = partitioned.step("ingest") / 1000.0;
        md.append(String.format(Locale.ROOT, "| %s (best of %d) | 1 | %.1f | %.0f | 1.00 |\n", single.label(),
                singles.size(), one, single.received() / Math.max(one, 0.001)));
        md.append(String.format(Locale.ROOT, "| %s (best of %d) | default (%d, one per core) | %.1f | %.0f | %.2f |\n",
                partitioned.label(), partitions.size(), Runtime.getRuntime().availableProcessors(), many,
                partitioned.received() / Math.max(many, 0.001), one / Math.max(many, 0.001)));
        md.append(String.format(Locale.ROOT, "%nGeneration of the inputs (not part of the nights): %s.%n",
                String.join(", ", months.stream().map(n -> String.format(Locale.ROOT, "%s %.1f s", n.label(),
                        n.generateSeconds())).toList())));
        return md.toString();
    }
}
