package vn.giaoban.system.crash;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One night of the real command line in a JVM of its own, as cron starts it: {@code java -cp <the
 * tests' class path> vn.giaoban.system.CommandLine nightly --period=… --night=… --giaoban.work-dir=…
 * --giaoban.inbox.stable-after=0s}. Its log (standard error) is read line by line as it comes, so a
 * test can wait for a marker and kill the process there with SIGKILL; both streams are also kept in
 * files beside the deployment for the post-mortem.
 */
final class NightProcess implements AutoCloseable {

    private static final Pattern STEP = Pattern.compile("Step (\\w+) (started|COMPLETED|FAILED|STOPPED|ABANDONED)");

    private final String label;
    private final Process process;
    private final long startedNanos = System.nanoTime();
    private final Path stdout;
    private final List<String> log = new ArrayList<>();
    private final Thread pump;
    private boolean killed;

    private NightProcess(String label, Process process, Path stdout, Path stderr) {
        this.label = label;
        this.process = process;
        this.stdout = stdout;
        this.pump = new Thread(() -> pump(stderr), "night-log-" + label);
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * @param settings further {@code --giaoban.…} or {@code --spring.…} settings (a database, retention)
     * @param logs     the folder where {@code <label>.out} and {@code <label>.err} are written
     */
    static NightProcess start(String label, Path work, YearMonth period, LocalDate night, List<String> settings,
            Path logs) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                // start-up dominates short nights on two cores: the quick compiler alone, one GC thread
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), "vn.giaoban.system.CommandLine", "nightly",
                "--period=" + period, "--night=" + night, "--giaoban.work-dir=" + work,
                "--giaoban.inbox.stable-after=0s"));
        command.addAll(settings);
        try {
            Files.createDirectories(logs);
            Path out = logs.resolve(label + ".out");
            Path err = logs.resolve(label + ".err");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).start();
            process.getOutputStream().close();
            return new NightProcess(label, process, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pump(Path copy) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8)); BufferedWriter file = Files.newBufferedWriter(copy)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (log) {
                    log.add(line);
                    log.notifyAll();
                }
                file.write(line);
                file.newLine();
            }
        } catch (IOException e) {
            // the process was killed: its pipe is gone
        } finally {
            synchronized (log) {
                log.notifyAll();
            }
        }
    }

    /**
     * Waits for a log line that matches {@code marker}; fails (killing the process) when the process
     * ends first or the time runs out.
     */
    String awaitLine(Predicate<String> marker, Duration timeout) throws InterruptedException {
        return awaitLineOrEnd(marker, timeout).orElseThrow(
                () -> new AssertionError(label + " ended before the marker: " + describe()));
    }

    /**
     * Waits for a log line that matches {@code marker}; empty when the process ended without one;
     * fails (killing the process) when the time runs out.
     */
    Optional<String> awaitLineOrEnd(Predicate<String> marker, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (log) {
            while (true) {
                for (; seen < log.size(); seen++) {
                    if (marker.test(log.get(seen))) {
                        return Optional.of(log.get(seen));
                    }
                }
                long left = deadline - System.nanoTime();
                if (!pump.isAlive()) {
                    return Optional.empty();
                }
                if (left <= 0) {
                    kill();
                    throw new AssertionError(label + ": no marker within " + timeout + ": " + describe());
                }
                log.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 50)));
            }
        }
    }

    /**
     * Waits until a file that matches {@code wanted} appears in {@code folder}, looking every
     * millisecond; fails (killing the process) when the process ends first or the time runs out.
     */
    Path awaitFile(Path folder, Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (Files.isDirectory(folder)) {
                try (var files = Files.list(folder)) {
                    Optional<Path> found = files.filter(f -> wanted.test(f.getFileName().toString())).findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                } catch (IOException e) {
                    // a file vanished while listed: look again
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError(label + " ended before a file appeared in " + folder + ": " + describe());
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw new AssertionError(label + ": no file in " + folder + " within " + timeout + ": " + describe());
            }
            Thread.sleep(1);
        }
    }

    /** True when the process ended within {@code timeout}. */
    boolean endsWithin(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for the process to end by itself; fails, killing it, when it does not within {@code timeout}. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!endsWithin(timeout)) {
            kill();
            throw new AssertionError(label + " did not end within " + timeout + ": " + describe());
        }
        pump.join(10_000);
        return process.exitValue();
    }

    /**
     * {@link Process#destroyForcibly()}: SIGKILL on Linux, nothing runs after it, no shutdown hook,
     * no finally block. Returns only once the operating system says the process is gone.
     */
    void kill() throws InterruptedException {
        long pid = process.pid();
        process.destroyForcibly();
        killed = true;
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(label + " (pid " + pid + ") survived SIGKILL for 30 s");
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            throw new AssertionError(label + " (pid " + pid + ") is still alive after SIGKILL");
        }
        pump.join(10_000);
    }

    /** 137 (128 + SIGKILL) on Linux once killed. */
    int exitValue() {
        return process.exitValue();
    }

    boolean killed() {
        return killed;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** What it told the person at the terminal. */
    String out() {
        try {
            return Files.exists(stdout) ? Files.readString(stdout, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    /**
     * Where the night was by its log: the step started and not ended ({@code "ingest"}), the last
     * step ended ({@code "after ingest"}), or {@code "start-up"} before the first step.
     */
    String position() {
        String position = "start-up";
        for (String line : log()) {
            Matcher step = STEP.matcher(line);
            if (step.find()) {
                position = step.group(2).equals("started") ? step.group(1) : "after " + step.group(1);
            }
        }
        return position;
    }

    /** The command's output and the end of its log, for assertion messages. */
    String describe() {
        List<String> lines = log();
        return "\n--- " + label + ": standard output ---\n" + out() + "--- end of its log ---\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
