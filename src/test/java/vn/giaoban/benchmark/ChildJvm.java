package vn.giaoban.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A measured run of a main class in a JVM of its own: its wall time, its peak resident memory (the
 * kernel's VmHWM, read while it runs) and its peak heap (the largest heap in use before a
 * collection, from its GC log), with its output kept for the figures it prints.
 */
public final class ChildJvm {

    /** "GC(3) Pause Young (Normal) (G1 Evacuation Pause) 24M->4M(512M) 3.1ms": the heap before the pause. */
    private static final Pattern GC_PAUSE = Pattern.compile("GC\\(\\d+\\) Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");

    /** What one run gave. */
    public record Run(int exitCode, double seconds, long peakRssMb, long peakHeapMb, List<String> output,
            Duration stoppedAfter, List<long[]> progress) {

        public Run requireSuccess(String what) {
            if (exitCode != 0) {
                throw new IllegalStateException(what + " ended with exit code " + exitCode + ":\n"
                        + String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size())));
            }
            return this;
        }

        /** The first group of the first output line that matches, or fails. */
        public String find(Pattern pattern) {
            for (String line : output) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
            throw new IllegalStateException("no output line matches " + pattern);
        }
    }

    private ChildJvm() {
    }

    /**
     * Runs {@code mainClass} with {@code args} in a new JVM on {@code classpath}, with {@code jvmOptions}
     * (a heap limit, say); its output goes to {@code <logs>/<name>.log} and its GC log beside it.
     */
    public static Run run(String classpath, Path logs, String name, List<String> jvmOptions, String mainClass,
            List<String> args) {
        return run(classpath, logs, name, jvmOptions, mainClass, args, null, null);
    }

    /**
     * The same, stopped (destroyed, then killed) once it has run for {@code limit} when that is not null; with
     * {@code progress} not null, its value is read about once a second while the process runs, and each change
     * kept as {@code [ms since start, value, the process's CPU ms so far]} in {@link Run#progress()}: CPU time,
     * unlike the wall clock, hardly moves when other work shares the cores.
     */
    public static Run run(String classpath, Path logs, String name, List<String> jvmOptions, String mainClass,
            List<String> args, Duration limit, IntSupplier progress) {
        try {
            Files.createDirectories(logs);
            Path log = logs.resolve(name + ".log");
            Path gcLog = logs.resolve(name + ".gc.log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-Xlog:gc:file=" + gcLog);
            command.addAll(List.of("-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-cp", classpath, mainClass));
            command.addAll(args);
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long peakRss = 0;
            Path status = Path.of("/proc", Long.toString(process.pid()), "status");
            List<long[]> progressed = new ArrayList<>();
            long lastPoll = 0;
            Duration stopped = null;
            while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
                peakRss = Math.max(peakRss, highWaterMark(status));
                long elapsed = (System.nanoTime() - start) / 1_000_000;
                if (progress != null && elapsed - lastPoll >= 1000) {
                    lastPoll = elapsed;
                    int value = progress.getAsInt();
                    if (progressed.isEmpty() || progressed.get(progressed.size() - 1)[1] != value) {
                        progressed.add(new long[] {elapsed, value, cpuMillis(process.pid())});
                    }
                }
                if (limit != null && elapsed >= limit.toMillis()) {
                    stopped = Duration.ofMillis(elapsed);
                    process.destroy();
                    if (!process.waitFor(20, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor();
                    }
                    break;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Run(process.exitValue(), seconds, peakRss / 1024,
                    peakHeap(gcLog), Files.readAllLines(log, StandardCharsets.UTF_8), stopped, progressed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + name + " ran", e);
        }
    }

    /** The CPU time the process has used (all its threads, user and system), in ms; 0 once it is gone. */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // after the command's name in brackets: state is field 3, utime 14 and stime 15 (clock ticks, 100 Hz)
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** VmHWM in kB; 0 once the process is gone (its last reading stands). */
    private static long highWaterMark(Path status) {
        try {
            Matcher matcher = HWM.matcher(Files.readString(status));
            return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The most heap still in use after any collection, in MB: what the process holds on to, where the
     * peak before a collection is also what the collector let pile up (0 when none ran).
     */
    public static long heapAfterCollections(Path gcLog) throws IOException {
        long most = 0;
        if (Files.exists(gcLog)) {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher matcher = GC_PAUSE.matcher(line);
                if (matcher.find()) {
                    most = Math.max(most, Long.parseLong(matcher.group(2)));
                }
            }
        }
        return most;
    }

    /** The most heap in use at any collection (before it), in MB; 0 when no collection ran. */
    private static long peakHeap(Path gcLog) throws IOException {
        long peak = 0;
        if (Files.exists(gcLog)) {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher matcher = GC_PAUSE.matcher(line);
                if (matcher.find()) {
                    peak = Math.max(peak, Long.parseLong(matcher.group(1)));
                }
            }
        }
        return peak;
    }
}
