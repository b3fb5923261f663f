package vn.giaoban.benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opentest4j.TestAbortedException;

import vn.giaoban.system.GiaobanProcess;
import vn.giaoban.system.postgres.PostgresDatabase;

/**
 * Issue 8's figures: the ingest step of a generated province month on PostgreSQL, read by the
 * manager's own threads, then by 1, 2 and 3 worker processes over RabbitMQ; and the cost of one
 * partition (the message, the job repository's bookkeeping on both sides), from the same month
 * cut into few and into many partitions. On one 2-core machine the workers share the cores with
 * each other, the manager, PostgreSQL and RabbitMQ: these runs measure overhead and contention, not
 * the speed-up of separate machines.
 */
public final class RemoteBenchmark {

    private static final Pattern INGEST = Pattern.compile("Step ingest COMPLETED: .* in (\\d+) ms");
    private static final Duration NIGHT = Duration.ofMinutes(20);

    private final Path work;
    private final MonthGenerator.Month month;
    private final MonthGenerator.Spec spec;

    private RemoteBenchmark(Path work, MonthGenerator.Spec spec, MonthGenerator.Month month) {
        this.work = work;
        this.spec = spec;
        this.month = month;
    }

    /** {@code --size smoke|full --work <folder> --out <table.md>} (and {@code --classpath}, unused: workers share this JVM's). */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        boolean smoke = "smoke".equals(options.getOrDefault("--size", "full"));
        Path work = Path.of(options.getOrDefault("--work", "target/benchmarks/remote")).toAbsolutePath();
        Path out = Path.of(options.getOrDefault("--out", work.resolve("remote.md").toString()));
        String table;
        if (!answers(5672) || !answers(5432)) {
            table = "## Remote partitioning\n\nNot measured: RabbitMQ (127.0.0.1:5672) or PostgreSQL (127.0.0.1:5432)"
                    + " does not answer.\n";
        } else {
            MonthGenerator.Spec spec = smoke ? MonthGenerator.Spec.smoke() : MonthGenerator.Spec.province(1);
            MonthGenerator.delete(work);
            MonthGenerator.Month month = MonthGenerator.generate(spec, work.resolve("catalog"), work.resolve("month"));
            table = new RemoteBenchmark(work, spec, month).run(smoke);
        }
        System.out.println(table);
        Files.writeString(out, table, StandardCharsets.UTF_8);
    }

    private String run(boolean smoke) throws Exception {
        int partitions = smoke ? 3 : 12;
        StringBuilder md = new StringBuilder();
        md.append("## Remote partitioning (ingest of a ").append(smoke ? "smoke" : "province").append(" month: ")
                .append(String.format(Locale.ROOT, "%,d files, %,d bytes", month.files(), month.bytes()))
                .append(", on PostgreSQL)\n\n")
                .append("All processes on this one 2-core machine, with PostgreSQL and RabbitMQ: the figures show the")
                .append(" overhead and the contention of remote partitioning, not the speed-up of separate machines.\n\n")
                .append("| ingest read by | partitions | ingest step | files/s | vs one process |\n|---|---:|---:|---:|---:|\n");
        double local = ingest(0, 1);
        md.append(row("the manager alone (no partitioning)", 1, local, local));
        if (smoke) { // one worker: the harness runs, the figures mean nothing
            return md.append(row("1 worker process", partitions, ingest(1, partitions), local)).toString();
        }
        for (int workers = 1; workers <= 3; workers++) {
            md.append(row(workers + " worker process" + (workers > 1 ? "es" : ""), partitions,
                    ingest(workers, partitions), local));
        }
        int few = 4;
        int many = 64;
        double fewSeconds = ingest(2, few);
        double manySeconds = ingest(2, many);
        double perPartition = (manySeconds - fewSeconds) / (many - few);
        md.append(row("2 worker processes", few, fewSeconds, local)).append(row("2 worker processes", many, manySeconds,
                local));
        md.append(String.format(Locale.ROOT, "%nOverhead of one partition (message, job repository on both sides,"
                + " its reader's query), from %d against %d partitions with 2 workers: %.0f ms.%n", few, many,
                perPartition * 1000));
        return md.toString();
    }

    private String row(String readers, int partitions, double seconds, double local) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f s | %,.0f | %.2f× |%n", readers, partitions, seconds,
                month.files() / seconds, local / seconds);
    }

    /** One night of the month in a new database, read by {@code workers} processes (0: by the manager alone). */
    private double ingest(int workers, int partitions) throws Exception {
        String label = workers + "w-" + partitions + "p";
        Path deployment = work.resolve(label);
        MonthGenerator.delete(deployment);
        copy(month.inbox(), deployment.resolve("inbox"));
        String queue = "giaoban.bench." + Integer.toHexString(ThreadLocalRandom.current().nextInt());
        List<String> common = List.of("--giaoban.catalog.location=file:" + month.catalog() + "/",
                "--giaoban.inbox.dir=" + deployment.resolve("inbox"), "--giaoban.remote.queue=" + queue);
        List<GiaobanProcess> started = new ArrayList<>();
        try (PostgresDatabase database = PostgresDatabase.create("bench_" + label.replace('-', '_'))) {
            for (int i = 0; i < workers; i++) {
                List<String> args = new ArrayList<>(List.of("worker", "--giaoban.work-dir=" + deployment.resolve("w" + i)));
                args.addAll(common);
                args.addAll(database.settings());
                GiaobanProcess worker = GiaobanProcess.start(args);
                started.add(worker);
                awaitReady(worker);
            }
            List<String> args = new ArrayList<>(List.of("nightly", "--period", spec.period().toString(), "--night",
                    spec.night().toString(), "--giaoban.work-dir=" + deployment, "--giaoban.inbox.stable-after=0s",
                    "--giaoban.ingest.partitions=" + partitions));
            args.addAll(common);
            args.addAll(database.settings());
            if (workers > 0) {
                args.addAll(List.of("--giaoban.remote.enabled=true", "--giaoban.remote.poll-interval=100ms"));
            }
            GiaobanProcess manager = GiaobanProcess.start(args);
            if (manager.waitFor(NIGHT) != 0) {
                throw new IllegalStateException(label + " failed: " + manager);
            }
            Matcher ingest = manager.log().stream().map(INGEST::matcher).filter(Matcher::find).findFirst()
                    .orElseThrow(() -> new IllegalStateException(label + ": no ingest step in " + manager));
            double seconds = Long.parseLong(ingest.group(1)) / 1000.0;
            System.err.printf(Locale.ROOT, "%s: ingest %.1f s%n", label, seconds);
            return seconds;
        } catch (TestAbortedException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            started.forEach(GiaobanProcess::destroy);
            MonthGenerator.delete(deployment);
        }
    }

    private static void awaitReady(GiaobanProcess worker) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!worker.out().contains("đang chờ phần việc")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the worker did not start: " + worker);
            }
            Thread.sleep(100);
        }
    }

    /** Links every file of {@code from} into {@code to} (a deployment's inbox from the generated month's). */
    static void copy(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.createLink(target, path);
                }
            }
        }
    }

    /** Whether a service answers on this port of the loopback (RabbitMQ 5672, PostgreSQL 5432). */
    static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
