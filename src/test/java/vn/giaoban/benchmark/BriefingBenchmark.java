package vn.giaoban.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Issue 14's figures: every office's briefing of a month (the province's and each commune's notice, annex,
 * DOCX and XLSX), written by the nightly job's briefing step in a JVM of its own ({@code -Xmx512m}, the real
 * {@code nightly} command, the embedded database): the province month (101 offices) and the nation's (3,355),
 * the step's time, its time per briefing and the JVM's peak resident memory; then, in another JVM on the
 * same database, the CPU time of one commune's briefing once the JVM is warm ({@link BriefingLoad}).
 *
 * <p>{@code BriefingBenchmark --size smoke|full --work <folder> --out <table.md> --classpath <cp>
 * [--national-minutes <n>] [--partitions <n>] [--jfr <folder>]}: a national briefing step still running
 * after {@code n} minutes (default 30) is stopped and its rate so far extrapolated, said so in the table.
 */
public final class BriefingBenchmark {

    private static final Pattern STEP = Pattern.compile("Step (\\w+) (\\w+): read \\d+, written \\d+, in (\\d+) ms");
    private static final Pattern ALL = Pattern.compile(
            "briefing-load all offices=(\\d+) wall-ms=(\\d+) cpu-ms=(\\d+) first-ms=(\\d+)");
    private static final Pattern WARM = Pattern.compile("briefing-load warm communes=(\\d+) rounds=(\\d+) (.*)");
    private static final Pattern PART = Pattern.compile("(\\w+)-median-ms=([\\d.]+)");

    /** The commune offices' line the generated catalog lacks: it names only {@code kind:province}. */
    static final String COMMUNE_OFFICES = "kind:commune,ỦY BAN NHÂN DÂN|{NAME},,{place},Số:       /TB-UBND,UBND xã,"
            + "Kết luận của đồng chí Chủ tịch UBND xã tại cuộc họp giao ban công tác tháng {period},"
            + "\"TT. Đảng ủy xã;|TT. HĐND xã;|CT, PCT UBND xã;|UBND tỉnh (b/c);|Lưu: VT.\","
            + "TM. ỦY BAN NHÂN DÂN|CHỦ TỊCH,,,NSNN_THU,no\n";

    private final Path work;
    private final String classpath;
    private final Path jfr;
    private final Integer partitions;
    private final Duration nationalLimit;

    private BriefingBenchmark(Path work, String classpath, Path jfr, Integer partitions, Duration nationalLimit) {
        this.work = work;
        this.classpath = classpath;
        this.jfr = jfr;
        this.partitions = partitions;
        this.nationalLimit = nationalLimit;
    }

    /** One month's briefings: the night's step, then the warm costs measured again on its database. */
    record Month(String label, int offices, int briefingsWritten, long stepMillis, boolean stopped,
            double millisPerBriefing, double cpuMillisPerBriefing, double nightSeconds, long peakRssMb, long heapAfterGcMb, Map<String, Long> steps,
            Load load) {
    }

    /** What {@link BriefingLoad} printed: every office once in a warm JVM, then a commune's parts (CPU ms, medians). */
    record Load(int offices, long wallMillis, long cpuMillis, long firstMillis, int communes, int rounds,
            Map<String, Double> medians) {
    }

    public static void main(String[] args) throws Exception {
        MonthGenerator.quietPoi();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        boolean full = "full".equals(options.getOrDefault("--size", "smoke"));
        // --months province,national: the months to measure (full size), both by default
        String only = options.getOrDefault("--months", "province,national,remote");
        Path work = Path.of(options.getOrDefault("--work", "target/benchmarks/briefings")).toAbsolutePath();
        Path out = Path.of(options.getOrDefault("--out", "target/benchmarks/briefings.md"));
        String classpath = options.getOrDefault("--classpath", System.getProperty("java.class.path"));
        Path jfr = options.containsKey("--jfr") ? Path.of(options.get("--jfr")).toAbsolutePath() : null;
        Integer partitions = options.containsKey("--partitions") ? Integer.valueOf(options.get("--partitions")) : null;
        Duration limit = Duration.ofMinutes(Long.parseLong(options.getOrDefault("--national-minutes", "30")));
        BriefingBenchmark benchmark = new BriefingBenchmark(work, classpath, jfr, partitions, limit);
        List<Month> months = new ArrayList<>();
        if (full) {
            if (only.contains("province")) {
                months.add(benchmark.month("tỉnh (1 tỉnh + 100 xã)", MonthGenerator.Spec.province(1), Duration.ofMinutes(30),
                    20, 3, 0));
            }
            // warm: the first 150 offices (34 provinces and communes), not all 3,355 again
            if (only.contains("national")) {
                months.add(benchmark.month("toàn quốc (34 tỉnh + 3.321 xã)", MonthGenerator.Spec.national(), limit, 20, 3,
                        150));
            }
        } else {
            months.add(benchmark.month("thử (1 tỉnh + 6 xã)", MonthGenerator.Spec.smoke(), Duration.ofMinutes(10), 2, 1,
                    0));
        }
        String table = table(months, full, partitions);
        if (full && only.contains("remote")) {
            table += benchmark.remote();
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
        System.out.println(table);
    }

    /** {@code warmOffices}: how many offices {@link BriefingLoad} writes before its rounds, 0 for all. */
    private Month month(String label, MonthGenerator.Spec spec, Duration limit, int communes, int rounds,
            int warmOffices) throws Exception {
        Path dir = work.resolve(label.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "") + "-" + spec.communes());
        MonthGenerator.delete(dir);
        MonthGenerator.Month month = MonthGenerator.generate(spec, dir.resolve("catalog"), dir.resolve("inbox"));
        Files.writeString(month.catalog().resolve("offices.csv"), COMMUNE_OFFICES,
                java.nio.file.StandardOpenOption.APPEND);
        int offices = spec.provinces() + spec.communes();
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
        if (jfr != null) {
            Files.createDirectories(jfr);
            jvm.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr.resolve(dir.getFileName() + ".jfr"));
        }
        List<String> settings = new ArrayList<>(List.of("--giaoban.work-dir=" + dir,
                "--giaoban.catalog.location=file:" + month.catalog() + "/", "--giaoban.inbox.stable-after=0s"));
        if (partitions != null) {
            settings.add("--giaoban.briefing.partitions=" + partitions);
        }
        List<String> args = new ArrayList<>(List.of("nightly", "--period", spec.period().toString(), "--night",
                spec.night().toString()));
        args.addAll(settings);
        System.err.printf("%s: %d tệp, %d văn phòng, chạy đêm...%n", label, month.files(), offices);
        Path reports = dir.resolve("reports").resolve(spec.period().toString());
        ChildJvm.Run run = ChildJvm.run(classpath, dir, "night", jvm, "vn.giaoban.system.CommandLine", args,
                limit, () -> briefingsWritten(reports));
        String log = String.join("\n", run.output());
        Map<String, Long> steps = new LinkedHashMap<>();
        Matcher m = STEP.matcher(log);
        while (m.find()) {
            steps.merge(m.group(1), Long.parseLong(m.group(3)), Long::sum);
        }
        int written = briefingsWritten(reports);
        boolean stopped = run.exitCode() != 0 && run.stoppedAfter() != null;
        long stepMillis;
        double perBriefing;
        // the JVM's CPU time per briefing, from the first briefing seen written to the last (all its threads:
        // the step's, the collector's, the JIT's), steadier than the wall clock when other work shares the cores
        List<long[]> progress = run.progress();
        double cpuPerBriefing = progress.size() < 2 ? Double.NaN
                : (double) (progress.get(progress.size() - 1)[2] - progress.get(0)[2])
                        / (progress.get(progress.size() - 1)[1] - progress.get(0)[1]);
        if (stopped) {
            // stopped in its briefing step: the rate from the first briefing seen written to the last
            if (progress.size() < 2) {
                throw new IllegalStateException(label + ": stopped after " + limit + " before two briefings were written");
            }
            long[] first = progress.get(0);
            long[] last = progress.get(progress.size() - 1);
            perBriefing = (double) (last[0] - first[0]) / (last[1] - first[1]);
            stepMillis = last[0] - first[0];
            System.err.printf("%s: dừng sau %d phút, %d bản tin đã viết%n", label, limit.toMinutes(), written);
        } else {
            run.requireSuccess(label + ": the night");
            stepMillis = steps.getOrDefault("briefing", 0L);
            perBriefing = (double) stepMillis / Math.max(1, written);
        }
        System.err.printf("%s: bước bản tin %.1f s, %d bản tin, %d MB%n", label, stepMillis / 1000.0, written,
                run.peakRssMb());
        Load load = stopped ? null : load(dir, spec, settings, communes, rounds, warmOffices);
        MonthGenerator.delete(dir.resolve("inbox"));
        return new Month(label, offices, written, stepMillis, stopped, perBriefing, cpuPerBriefing, run.seconds(),
                run.peakRssMb(),
                ChildJvm.heapAfterCollections(dir.resolve("night.gc.log")), steps, load);
    }

    private Load load(Path dir, MonthGenerator.Spec spec, List<String> settings, int communes, int rounds,
            int warmOffices) {
        List<String> args = new ArrayList<>(List.of(spec.period().toString(), spec.night().toString(),
                Integer.toString(communes), Integer.toString(rounds)));
        args.addAll(settings);
        args.addAll(List.of("--logging.level.root=WARN", "--logging.level.vn.giaoban=WARN"));
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
        if (warmOffices > 0) {
            jvm.add("-Dbriefing.load.offices=" + warmOffices);
        }
        ChildJvm.Run run = ChildJvm.run(classpath, dir, "load", jvm, BriefingLoad.class.getName(), args)
                .requireSuccess("the warm briefings");
        Matcher all = ALL.matcher(String.join("\n", run.output()));
        Matcher warm = WARM.matcher(String.join("\n", run.output()));
        if (!all.find() || !warm.find()) {
            throw new IllegalStateException("no briefing-load lines in " + dir.resolve("load.log"));
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        Matcher part = PART.matcher(warm.group(3));
        while (part.find()) {
            medians.put(part.group(1), Double.parseDouble(part.group(2)));
        }
        return new Load(Integer.parseInt(all.group(1)), Long.parseLong(all.group(2)), Long.parseLong(all.group(3)),
                Long.parseLong(all.group(4)), Integer.parseInt(warm.group(1)), Integer.parseInt(warm.group(2)), medians);
    }

    /**
     * The province month's briefing step on PostgreSQL, written by the manager's own threads (2 partitions), then by
     * 2 and 3 worker processes over RabbitMQ (6 partitions), all on this one machine: the overhead and the
     * contention of remote partitions, not the speed-up of separate machines.
     */
    private String remote() throws Exception {
        StringBuilder md = new StringBuilder("\n### The province month's briefings over RabbitMQ (PostgreSQL)\n\n");
        if (!RemoteBenchmark.answers(5672) || !RemoteBenchmark.answers(5432)) {
            return md.append("Not measured: RabbitMQ (127.0.0.1:5672) or PostgreSQL (127.0.0.1:5432) does not answer.\n")
                    .toString();
        }
        Path dir = work.resolve("remote");
        MonthGenerator.delete(dir);
        MonthGenerator.Spec spec = MonthGenerator.Spec.province(1);
        MonthGenerator.Month month = MonthGenerator.generate(spec, dir.resolve("catalog"), dir.resolve("month"));
        Files.writeString(month.catalog().resolve("offices.csv"), COMMUNE_OFFICES, java.nio.file.StandardOpenOption.APPEND);
        md.append("All processes on this one 2-core machine, with PostgreSQL and RabbitMQ; each night's briefing step"
                + " as the manager logs it (101 offices). The workers are started before the night and are warm for"
                + " the briefing only as far as the night's ingest partitions warmed them.\n\n")
                .append("| briefings written by | partitions | briefing step s | ms per briefing | vs the manager alone |\n")
                .append("|---|---:|---:|---:|---:|\n");
        double local = remoteNight(dir, spec, month, 0, 2);
        md.append(String.format(Locale.ROOT, "| the manager's threads | 2 | %.1f | %.0f | 1.00× |%n", local, local * 1000 / 101));
        for (int workers = 2; workers <= 3; workers++) {
            double seconds = remoteNight(dir, spec, month, workers, 6);
            md.append(String.format(Locale.ROOT, "| %d worker processes | 6 | %.1f | %.0f | %.2f× |%n", workers, seconds,
                    seconds * 1000 / 101, local / seconds));
        }
        return md.toString();
    }

    private static final Pattern BRIEFING_STEP = Pattern.compile("Step briefing COMPLETED: .* in (\\d+) ms");

    /** One night of the month in a new database; its briefing step's seconds. */
    private double remoteNight(Path dir, MonthGenerator.Spec spec, MonthGenerator.Month month, int workers,
            int partitions) throws Exception {
        String label = workers + "w-" + partitions + "p";
        Path deployment = dir.resolve(label);
        MonthGenerator.delete(deployment);
        RemoteBenchmark.copy(month.inbox(), deployment.resolve("inbox"));
        String queue = "giaoban.bench." + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt());
        List<String> common = List.of("--giaoban.catalog.location=file:" + month.catalog() + "/",
                "--giaoban.inbox.dir=" + deployment.resolve("inbox"), "--giaoban.remote.queue=" + queue,
                "--giaoban.briefing.output-dir=" + deployment.resolve("reports"));
        List<vn.giaoban.system.GiaobanProcess> started = new ArrayList<>();
        try (vn.giaoban.system.postgres.PostgresDatabase database = vn.giaoban.system.postgres.PostgresDatabase.create(
                "bench_briefing_" + label.replace('-', '_'))) {
            for (int i = 0; i < workers; i++) {
                List<String> args = new ArrayList<>(List.of("worker", "--giaoban.work-dir=" + deployment.resolve("w" + i)));
                args.addAll(common);
                args.addAll(database.settings());
                vn.giaoban.system.GiaobanProcess worker = vn.giaoban.system.GiaobanProcess.start(args);
                started.add(worker);
                long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                while (!worker.out().contains("đang chờ phần việc")) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the worker did not start: " + worker);
                    }
                    Thread.sleep(100);
                }
            }
            List<String> args = new ArrayList<>(List.of("nightly", "--period", spec.period().toString(), "--night",
                    spec.night().toString(), "--giaoban.work-dir=" + deployment, "--giaoban.inbox.stable-after=0s",
                    "--giaoban.briefing.partitions=" + partitions));
            args.addAll(common);
            args.addAll(database.settings());
            if (workers > 0) {
                args.addAll(List.of("--giaoban.remote.enabled=true", "--giaoban.remote.poll-interval=100ms"));
            }
            vn.giaoban.system.GiaobanProcess manager = vn.giaoban.system.GiaobanProcess.start(args);
            if (manager.waitFor(Duration.ofMinutes(20)) != 0) {
                throw new IllegalStateException(label + " failed: " + manager);
            }
            Matcher step = manager.log().stream().map(BRIEFING_STEP::matcher).filter(Matcher::find).findFirst()
                    .orElseThrow(() -> new IllegalStateException(label + ": no briefing step in " + manager));
            double seconds = Long.parseLong(step.group(1)) / 1000.0;
            System.err.printf(Locale.ROOT, "%s: bước bản tin %.1f s%n", label, seconds);
            return seconds;
        } finally {
            started.forEach(vn.giaoban.system.GiaobanProcess::destroy);
            MonthGenerator.delete(deployment);
        }
    }

    /** Offices whose PDF is in place (written last of an office's files but for the XLSX: close enough). */
    static int briefingsWritten(Path reports) {
        if (!Files.isDirectory(reports)) {
            return 0;
        }
        try (Stream<Path> offices = Files.list(reports)) {
            return (int) offices.filter(office -> {
                try (Stream<Path> files = Files.list(office)) {
                    return files.anyMatch(file -> file.getFileName().toString().endsWith(".xlsx"));
                } catch (IOException e) {
                    return false;
                }
            }).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String table(List<Month> months, boolean full, Integer partitions) {
        StringBuilder md = new StringBuilder();
        md.append("## Briefings of every office").append(full ? "" : " (smoke: tiny sizes, figures mean nothing)")
                .append("\n\n");
        md.append("The nightly job in its own JVM (`-Xmx512m`, embedded HSQLDB, the real `nightly` command) on a month "
                + "from `MonthGenerator` (seed 7), its catalog's `offices.csv` given a `kind:commune` line: the province's "
                + "notice and each commune's (PDF with annex, DOCX, XLSX). The briefing step's time as the job logs it; "
                + "peak RSS is the JVM's VmHWM over the whole night; briefing partitions: "
                + (partitions == null ? "the default" : partitions.toString()) + ".\n\n");
        md.append("| month | offices | briefings written | briefing step s | ms per briefing | JVM CPU ms per briefing "
                + "| whole night s | peak RSS MB | heap after GC MB | goal |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Month m : months) {
            String goal = "";
            double stepSeconds = m.stepMillis() / 1000.0;
            double projected = m.stopped() ? m.millisPerBriefing() * m.offices() / 1000.0 : stepSeconds;
            if (m.offices() > 1000) {
                goal = (projected <= 600 ? "≤ 600 s: met" : String.format(Locale.ROOT, "≤ 600 s: missed by %.0f s",
                        projected - 600)) + (m.stopped() ? String.format(Locale.ROOT,
                        " (stopped: %.0f s projected from the rate so far)", projected) : "");
            }
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f%s | %.0f | %.0f | %.1f | %d | %d | %s |%n", m.label(),
                    m.offices(), m.briefingsWritten(), stepSeconds, m.stopped() ? " (stopped; from the first written)" : "",
                    m.millisPerBriefing(), m.cpuMillisPerBriefing(), m.nightSeconds(), m.peakRssMb(), m.heapAfterGcMb(), goal));
        }
        md.append("\n### A commune's briefing, warm\n\n");
        md.append("In another JVM on the same database (`BriefingLoad`, one read-only transaction: what is read about the"
                + " whole period is read once, as in a partition of the step): the offices' briefings once on one thread"
                + " (all of them, or the first 150 of the nation's; the first office loads the designs and fonts, and"
                + " the period's reads), then rounds over commune offices, each part timed by the thread's CPU time"
                + " (medians). Composing reads the database; the renderers are the PDF (notice and annex,"
                + " JasperReports), the DOCX and the XLSX (POI).\n\n");
        md.append("| month | offices once: wall s (offices) | CPU s | first office ms | communes × rounds | compose ms | PDF ms "
                + "| DOCX ms | XLSX ms | CPU per commune ms | goal ≤ 150 ms |\n|---|---:|---:|---:|---|---:|---:|---:|---:|"
                + "---:|---|\n");
        for (Month m : months) {
            Load l = m.load();
            if (l == null) {
                md.append("| ").append(m.label()).append(" | not measured (the night was stopped) |||||||||\n");
                continue;
            }
            double total = l.medians().getOrDefault("total", 0.0);
            md.append(String.format(Locale.ROOT, "| %s | %.1f (%d) | %.1f | %d | %d × %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n",
                    m.label(), l.wallMillis() / 1000.0, l.offices(), l.cpuMillis() / 1000.0, l.firstMillis(), l.communes(),
                    l.rounds(), l.medians().getOrDefault("compose", 0.0), l.medians().getOrDefault("pdf", 0.0),
                    l.medians().getOrDefault("docx", 0.0), l.medians().getOrDefault("xlsx", 0.0), total,
                    !full ? "(smoke)" : total <= 150 ? "met" : "not met"));
        }
        return md.toString();
    }
}
