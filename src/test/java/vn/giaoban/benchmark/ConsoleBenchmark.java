package vn.giaoban.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import vn.giaoban.web.ConsoleClient;

/**
 * Issue 13's figure: a console page in under 300 ms. A month is loaded as the other sections load it (the
 * {@link MonthGenerator} month, the real {@code nightly} command in a JVM of its own, {@code -Xmx512m}, embedded
 * HSQLDB); then the real {@code giaoban serve} runs on that work folder in another JVM ({@code -Xmx512m}), the office
 * signs in over HTTP (the sign-in form, its CSRF token, the session cookie) and every page is fetched whole, one
 * request at a time, timed on the client's wall clock: the month page, unit pages (many different units, in a seeded
 * order), the office's notice page and a figure's page. Warm-up requests first, not counted. The serving JVM's CPU time
 * over the measured requests (every thread: the collector's and the JIT's too) is reported beside the wall clock,
 * since other work shares the cores.
 *
 * <p>{@code ConsoleBenchmark --size smoke|full --work <folder> --out <table.md> --classpath <cp>
 * [--months province,national] [--national-communes <n>] [--night-minutes <n>] [--jfr <folder>]
 * [--serve-settings "<setting> ..."]} (settings added to {@code serve}'s, to try one). A month whose
 * night already completed in {@code <work>} for the same generated month is reused, and the table says so.
 */
public final class ConsoleBenchmark {

    static final String OFFICE_USER = "vanphong";
    static final String PASSWORD = "mat-khau-do";
    private static final Pattern UNIT_LINK = Pattern.compile("/ky/\\d{4}-\\d{2}/don-vi/([A-Za-z0-9_-]+)\"");

    private final Path work;
    private final String classpath;
    private final Path jfr;
    private final Duration nightLimit;
    private final boolean full;
    private final List<String> serveSettings;

    private ConsoleBenchmark(Path work, String classpath, Path jfr, Duration nightLimit, boolean full,
            List<String> serveSettings) {
        this.full = full;
        this.serveSettings = serveSettings;
        this.work = work;
        this.classpath = classpath;
        this.jfr = jfr;
        this.nightLimit = nightLimit;
    }

    /** How many requests of each kind, after how many warm-up requests. */
    record Counts(int warmup, int month, int units, int notice, int figure) {
    }

    /** One kind of page: its wall times (ms), the pages' size, the serving JVM's CPU over them. */
    record Kind(String name, String example, List<Double> millis, long bytes, long serverCpuMillis, int distinct) {

        double percentile(double p) {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            // nearest rank
            int rank = (int) Math.ceil(p / 100.0 * sorted.size());
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
        }
    }

    /** A month's pages as measured. */
    record Month(String label, MonthGenerator.Spec spec, int files, int unitsOnMonthPage, boolean reused,
            double nightSeconds, double serveStartSeconds, long serveRssMb, List<Kind> kinds) {
    }

    public static void main(String[] args) throws Exception {
        MonthGenerator.quietPoi();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        boolean full = "full".equals(options.getOrDefault("--size", "smoke"));
        String only = options.getOrDefault("--months", "province,national");
        Path work = Path.of(options.getOrDefault("--work", "target/benchmarks/console")).toAbsolutePath();
        Path out = Path.of(options.getOrDefault("--out", "target/benchmarks/console.md"));
        String classpath = options.getOrDefault("--classpath", System.getProperty("java.class.path"));
        Path jfr = options.containsKey("--jfr") ? Path.of(options.get("--jfr")).toAbsolutePath() : null;
        int nationalCommunes = Integer.parseInt(options.getOrDefault("--national-communes", "3321"));
        Duration limit = Duration.ofMinutes(Long.parseLong(options.getOrDefault("--night-minutes", "40")));
        ConsoleBenchmark benchmark = new ConsoleBenchmark(work, classpath, jfr, limit, full,
                options.containsKey("--serve-settings") ? List.of(options.get("--serve-settings").split(" ")) : List.of());
        List<Month> months = new ArrayList<>();
        List<String> notMeasured = new ArrayList<>();
        if (full) {
            Counts counts = new Counts(20, 30, 200, 30, 30);
            if (only.contains("province")) {
                months.add(benchmark.month("tỉnh Lạng Sơn (1 tỉnh, 100 xã)", MonthGenerator.Spec.province(1), counts));
            }
            if (only.contains("national")) {
                MonthGenerator.Spec national = MonthGenerator.Spec.national();
                MonthGenerator.Spec spec = new MonthGenerator.Spec(national.provinces(), nationalCommunes,
                        national.departmentsPerProvince(), national.listRows(), national.period(), national.seed());
                String label = nationalCommunes == national.communes() ? "toàn quốc (34 tỉnh, 3.321 xã)"
                        : String.format(Locale.ROOT, "toàn quốc thu nhỏ (34 tỉnh, %d xã)", nationalCommunes);
                try {
                    months.add(benchmark.month(label, spec, new Counts(3, 10, 60, 10, 10)));
                } catch (RuntimeException e) {
                    // a national night stopped after --night-minutes on a loaded machine: the province's figures stand
                    System.err.printf("%s: không đo được: %s%n", label, e.getMessage());
                    notMeasured.add("- " + label + ": not measured: " + e.getMessage().lines().findFirst().orElse("") + "\n");
                }
            }
        } else {
            months.add(benchmark.month("thử (1 tỉnh, 6 xã)", MonthGenerator.Spec.smoke(), new Counts(2, 3, 5, 3, 3)));
        }
        String table = table(months, full) + String.join("", notMeasured);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
        System.out.println(table);
    }

    private Month month(String label, MonthGenerator.Spec spec, Counts counts) throws Exception {
        Path dir = work.resolve(label.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "") + "-" + spec.communes());
        Path done = dir.resolve("night.done");
        String key = spec.toString();
        // only a full run reuses a night: the smoke run, in CI, always runs its own
        boolean reused = full && Files.isRegularFile(done) && Files.readAllLines(done).get(0).equals(key);
        double nightSeconds;
        int files;
        String office;
        Path catalog = dir.resolve("catalog");
        if (reused) {
            List<String> lines = Files.readAllLines(done);
            nightSeconds = Double.parseDouble(lines.get(1));
            files = Integer.parseInt(lines.get(2));
            office = lines.get(3);
            System.err.printf("%s: dùng lại cơ sở dữ liệu của đêm trước (%s)%n", label, dir);
        } else {
            MonthGenerator.delete(dir);
            MonthGenerator.Month month = MonthGenerator.generate(spec, catalog, dir.resolve("inbox"));
            files = month.files();
            office = month.briefingUnit();
            List<String> args = List.of("nightly", "--period", spec.period().toString(), "--night", spec.night().toString(),
                    "--giaoban.work-dir=" + dir, "--giaoban.catalog.location=file:" + catalog + "/",
                    "--giaoban.inbox.stable-after=0s");
            System.err.printf("%s: %d tệp, chạy đêm...%n", label, files);
            ChildJvm.Run night = ChildJvm.run(classpath, dir, "night", List.of("-Xmx512m"), "vn.giaoban.system.CommandLine",
                    args, nightLimit, null).requireSuccess(label + ": the night");
            nightSeconds = night.seconds();
            System.err.printf(Locale.ROOT, "%s: đêm %.1f s%n", label, nightSeconds);
            MonthGenerator.delete(dir.resolve("inbox"));
            Files.writeString(done, String.join("\n", key, Double.toString(nightSeconds), Integer.toString(files), office, ""));
        }
        writeUsers(dir, office);

        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8"));
        if (jfr != null) {
            Files.createDirectories(jfr);
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr.resolve(dir.getFileName() + "-serve.jfr"));
        }
        command.addAll(List.of("-cp", classpath, "vn.giaoban.system.CommandLine", "serve", "--giaoban.web.port=" + port,
                "--giaoban.work-dir=" + dir, "--giaoban.catalog.location=file:" + catalog + "/"));
        command.addAll(serveSettings);
        long start = System.nanoTime();
        Process serve = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile())
                .start();
        try {
            ConsoleClient browser = new ConsoleClient(port);
            browser.awaitUp(serve, Duration.ofMinutes(5));
            double started = (System.nanoTime() - start) / 1e9;
            browser.signIn(OFFICE_USER, PASSWORD);
            String period = spec.period().toString();
            String monthPath = "/ky/" + period;
            String monthPage = browser.get(monthPath).body();
            Set<String> linked = new LinkedHashSet<>();
            Matcher unit = UNIT_LINK.matcher(monthPage);
            while (unit.find()) {
                linked.add(unit.group(1));
            }
            if (linked.isEmpty()) {
                throw new IllegalStateException("no unit linked from " + monthPath + " (" + dir.resolve("serve.log") + ")");
            }
            List<String> units = new ArrayList<>(linked);
            Collections.shuffle(units, new Random(13));
            String notice = "/ky/" + period + "/thong-bao/" + office;
            String figure = notice + "/so/so-1";
            System.err.printf("%s: console lên sau %.1f s, %d đơn vị trên trang tháng; khởi động...%n", label, started,
                    units.size());
            for (int i = 0; i < counts.warmup(); i++) {
                browser.get(monthPath);
                browser.get("/ky/" + period + "/don-vi/" + units.get(units.size() - 1 - i % units.size()));
                browser.get(notice);
                browser.get(figure);
            }
            List<Kind> kinds = new ArrayList<>();
            kinds.add(measure(browser, serve, "tháng `/ky/<kỳ>`", monthPath, List.of(monthPath), counts.month()));
            List<String> unitPaths = units.stream().map(code -> "/ky/" + period + "/don-vi/" + code).toList();
            kinds.add(measure(browser, serve, "đơn vị `/ky/<kỳ>/don-vi/<mã>`", unitPaths.get(0) + " …", unitPaths,
                    counts.units()));
            kinds.add(measure(browser, serve, "thông báo `/ky/<kỳ>/thong-bao/<văn phòng>`", notice, List.of(notice),
                    counts.notice()));
            kinds.add(measure(browser, serve, "số liệu `…/thong-bao/<văn phòng>/so/so-1`", figure, List.of(figure),
                    counts.figure()));
            for (Kind kind : kinds) {
                System.err.printf(Locale.ROOT, "%s: %s p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d)%n", label, kind.name(),
                        kind.percentile(50), kind.percentile(95), kind.percentile(100), kind.millis().size());
            }
            long rss = rssMb(serve.pid());
            return new Month(label, spec, files, units.size(), reused, nightSeconds, started, rss, kinds);
        } finally {
            serve.destroy();
            if (!serve.waitFor(60, TimeUnit.SECONDS)) {
                serve.destroyForcibly().waitFor();
            }
        }
    }

    /** {@code count} requests cycling over {@code paths}, one at a time, each timed whole (the body read). */
    private static Kind measure(ConsoleClient browser, Process serve, String name, String example, List<String> paths, int count)
            throws Exception {
        // a kind whose pages take seconds (the nation's unit pages) stops after this long, with at least 5 requests
        long budget = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        List<Double> millis = new ArrayList<>(count);
        long bytes = 0;
        long cpuBefore = ChildJvm.cpuMillis(serve.pid());
        for (int i = 0; i < count; i++) {
            String path = paths.get(i % paths.size());
            long t0 = System.nanoTime();
            HttpResponse<String> response = browser.get(path);
            millis.add((System.nanoTime() - t0) / 1e6);
            bytes += response.body().length();
            if (i >= 4 && System.nanoTime() > budget) {
                break;
            }
        }
        long cpu = ChildJvm.cpuMillis(serve.pid()) - cpuBefore;
        return new Kind(name, example, millis, bytes / millis.size(), cpu, Math.min(millis.size(), paths.size()));
    }

    /** The office, able to see all: {@code username,role,unit,office,name,password}, the password as a bcrypt hash. */
    static void writeUsers(Path dir, String office) throws IOException {
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        Files.writeString(dir.resolve("users.csv"), String.join("\n", "username,role,unit,office,name,password",
                OFFICE_USER + ",van-phong,," + office + ",Văn phòng UBND tỉnh," + hash, ""), StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static long rssMb(long pid) {
        try {
            Matcher m = Pattern.compile("VmHWM:\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            return m.find() ? Long.parseLong(m.group(1)) / 1024 : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String table(List<Month> months, boolean full) {
        StringBuilder md = new StringBuilder("## The web console's pages").append(full ? "" : " (smoke: tiny sizes, figures mean nothing)")
                .append("\n\n");
        md.append("The month loaded by the real `nightly` command (`MonthGenerator`, seed 7; `-Xmx512m`, embedded HSQLDB), then"
                + " the real `giaoban serve` on that work folder in a JVM of its own (`-Xmx512m`); the office signs in over HTTP"
                + " (form, CSRF token, session cookie) and fetches each page whole, one request at a time, after warm-up"
                + " requests not counted. Wall time on the client (`java.net.http.HttpClient`, loopback); \"serving CPU\" is"
                + " the serving JVM's CPU time (all threads) over that kind's requests, divided by their number. A kind stops after"
                + " 120 s of requests (at least 5): fewer requests than planned mean its pages took seconds.\n\n");
        md.append("| month | night | page | requests (distinct) | p50 ms | p95 ms | max ms | serving CPU ms/request | page KB "
                + "| goal ≤ 300 ms |\n|---|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Month m : months) {
            String night = String.format(Locale.ROOT, "%,d files, %.0f s%s", m.files(), m.nightSeconds(),
                    m.reused() ? " (an earlier run's database, reused)" : "");
            for (Kind k : m.kinds()) {
                double p95 = k.percentile(95);
                String goal = !full ? "(smoke)" : p95 <= 300 ? "met (p95)" : k.percentile(50) <= 300 ? "p50 met, p95 not" : "not met";
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d (%d) | %.1f | %.1f | %.1f | %.1f | %.0f | %s |%n",
                        m.label(), night, k.name(), k.millis().size(), k.distinct(), k.percentile(50), p95, k.percentile(100),
                        (double) k.serverCpuMillis() / k.millis().size(), k.bytes() / 1024.0, goal));
            }
        }
        md.append("\n");
        for (Month m : months) {
            md.append(String.format(Locale.ROOT, "- %s: %d units linked from the month page; `serve` answered %.1f s after"
                    + " its start; its peak RSS %d MB.%n", m.label(), m.unitsOnMonthPage(), m.serveStartSeconds(), m.serveRssMb()));
        }
        return md.toString();
    }
}
