package vn.giaoban.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The real command line in a JVM of its own, as cron starts it ({@code java -cp … vn.giaoban.system.CommandLine
 * nightly …}, the class path of the running tests): its exit status, what it told the person at the
 * terminal (standard output) and its log (standard error), which a test can watch for a marker
 * ("Step ingest started", "&lt;file&gt;: reading") before it breaks something.
 */
public final class GiaobanProcess {

    private final List<String> command;
    private final Process process;
    private final StringBuilder out = new StringBuilder();
    private final List<String> log = new ArrayList<>();
    private final Thread outPump;
    private final Thread errPump;

    private GiaobanProcess(List<String> command, Process process) {
        this.command = command;
        this.process = process;
        this.outPump = pump(process.getInputStream(), line -> {
            synchronized (out) {
                out.append(line).append('\n');
            }
        });
        this.errPump = pump(process.getErrorStream(), line -> {
            synchronized (log) {
                log.add(line);
                log.notifyAll();
            }
        });
    }

    /** Starts {@code giaoban <args>} in a new JVM. */
    public static GiaobanProcess start(List<String> args) {
        return start(List.of(), args);
    }

    /**
     * Starts {@code giaoban <args>} in a new JVM through {@code launcher} (for instance {@code setpriv}
     * with its options, which then executes {@code java}).
     */
    public static GiaobanProcess start(List<String> launcher, List<String> args) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8", "-Dfile.encoding=UTF-8",
                "vn.giaoban.system.CommandLine"));
        command.addAll(args);
        try {
            return new GiaobanProcess(command, new ProcessBuilder(command).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the log has a line matching {@code marker}; false when the process ended or the
     * time ran out first.
     */
    public boolean awaitLog(Predicate<String> marker, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (log) {
            while (true) {
                for (; seen < log.size(); seen++) {
                    if (marker.test(log.get(seen))) {
                        return true;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !errPump.isAlive())) {
                    return false;
                }
                log.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 100)));
            }
        }
    }

    /** Waits for the process to end; its exit status. */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("giaoban did not end within " + timeout + ": " + this);
        }
        outPump.join(10_000);
        errPump.join(10_000);
        return process.exitValue();
    }

    /** What it printed on standard output. */
    public String out() {
        synchronized (out) {
            return out.toString();
        }
    }

    /** Its log lines so far (standard error). */
    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    public void destroy() {
        process.destroyForcibly();
    }

    /** SIGTERM, as systemd or Ctrl+C stops it: its shutdown hooks run. */
    public void terminate() {
        process.destroy();
    }

    /** The command, what it printed and the end of its log: for assertion messages. */
    @Override
    public String toString() {
        List<String> lines = log();
        return String.join(" ", command.subList(command.indexOf("vn.giaoban.system.CommandLine"), command.size()))
                + "\n--- standard output ---\n" + out() + "--- end of the log ---\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static Thread pump(InputStream stream, Consumer<String> sink) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "giaoban-process-pump");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
