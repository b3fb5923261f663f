package vn.giaoban.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.commons.io.file.PathUtils;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.giaoban.GiaobanApplication;

/**
 * A whole giaoban deployment in a temporary folder, for tests: its own inbox (a copy of the
 * committed samples), its own embedded file database, the real application context, and the
 * nightly job launched as the command line launches it. Public for the PostgreSQL integration tests
 * ({@code vn.giaoban.system.postgres}), which run the same job and compare the same checksum.
 */
public final class GiaobanRun implements AutoCloseable {

    static final Path SAMPLES = Path.of("input-samples/van-lang");

    private final Path work;
    private final List<String> settings = new ArrayList<>();
    private final List<Class<?>> sources = new ArrayList<>(List.of(GiaobanApplication.class));
    private ConfigurableApplicationContext context;

    private GiaobanRun(Path work) {
        this.work = work;
        settings.add("--giaoban.work-dir=" + work);
        settings.add("--giaoban.inbox.stable-after=0s");
    }

    /** A deployment whose inbox holds a copy of the sample submissions. */
    public static GiaobanRun withSamples(Path work) {
        return withSamples(work, SAMPLES);
    }

    /** A deployment whose inbox holds a copy of another sample inbox (input-samples/lang-son). */
    public static GiaobanRun withSamples(Path work, Path samples) {
        try {
            Files.createDirectories(work.resolve("inbox"));
            try (var units = Files.list(samples)) {
                for (Path unit : units.filter(Files::isDirectory).toList()) {
                    PathUtils.copyDirectory(unit, work.resolve("inbox").resolve(unit.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GiaobanRun(work);
    }

    /** How many files the committed samples hold: every one is a submission of the two October nights. */
    public static int sampleFiles() {
        try (var files = Files.walk(SAMPLES)) {
            return (int) files.filter(Files::isRegularFile).filter(f -> !f.getParent().equals(SAMPLES)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deployment whose inbox is empty, for a test to fill. */
    public static GiaobanRun empty(Path work) {
        try {
            Files.createDirectories(work.resolve("inbox"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GiaobanRun(work);
    }

    /** A setting for the application, replacing a default of the same key. */
    public GiaobanRun setting(String setting) {
        String key = setting.substring(0, setting.indexOf('=') + 1);
        settings.removeIf(existing -> existing.startsWith(key));
        settings.add(setting);
        return this;
    }

    /** A configuration of the test's added to the application's (a failure to inject, say). */
    GiaobanRun source(Class<?> configuration) {
        sources.add(configuration);
        return this;
    }

    Path inbox() {
        return work.resolve("inbox");
    }

    public Path work() {
        return work;
    }

    public JobExecution night(YearMonth period, LocalDate night) {
        try {
            return context().getBean(JobOperator.class).start(context().getBean("nightlyJob", Job.class),
                    NightlyRunner.parameters(period, night));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** October 2021 then October 2022, as the demo runs them. */
    public JobExecution octoberNights() {
        night(YearMonth.of(2021, 10), LocalDate.of(2021, 10, 24));
        return night(YearMonth.of(2022, 10), LocalDate.of(2022, 10, 24));
    }

    public Path briefing(JobExecution execution) {
        return Path.of(execution.getExecutionContext().getString(NightlyJobConfiguration.BRIEFING_PDF));
    }

    public JdbcClient jdbc() {
        return context().getBean(JdbcClient.class);
    }

    public ConfigurableApplicationContext context() {
        if (context == null) {
            context = SpringApplication.run(sources.toArray(Class<?>[]::new), settings.toArray(String[]::new));
        }
        return context;
    }

    /**
     * A checksum over the business tables' content, ids and timestamps left out (a submission is
     * named by its file and content instead), so two databases that hold the same facts compare equal.
     */
    public String businessChecksum() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            businessRows().forEach(row -> digest.update((row + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What {@link #businessChecksum()} is taken over, a line per row prefixed by its table's
     * number, sorted: where two databases differ, the lines that differ say so.
     */
    public List<String> businessRows() {
        List<String> queries = List.of(
                "SELECT unit_key, code, name, kind, parent_key, valid_from, valid_to FROM unit",
                "SELECT predecessor_key, successor_key, share FROM unit_succession",
                "SELECT * FROM indicator",
                "SELECT * FROM target",
                """
                SELECT folder, relative_path, content_hash, size_bytes, status, unit_key, form_code, period, as_of,
                       version, values_taken, rejection FROM submission""",
                """
                SELECT s.relative_path, s.content_hash, v.unit_key, v.indicator_code, v.period, v.measure, v.num_value,
                       v.text_value, v.sheet, v.cell
                FROM staged_value v JOIN submission s ON s.id = v.submission_id""",
                """
                SELECT s.relative_path, s.content_hash, f.severity, f.code, f.sheet, f.cell, f.found, f.message
                FROM finding f JOIN submission s ON s.id = f.submission_id""",
                """
                SELECT c.unit_key, c.form_code, c.period, s.relative_path, s.content_hash
                FROM current_submission c JOIN submission s ON s.id = c.submission_id""",
                """
                SELECT v.unit_key, v.indicator_code, v.period, v.measure, v.num_value, v.text_value, s.relative_path,
                       v.sheet, v.cell
                FROM data_value v JOIN submission s ON s.id = v.submission_id""",
                "SELECT * FROM rollup_value",
                """
                SELECT s.relative_path, s.content_hash, r.sheet_row, r.fields
                FROM list_record r JOIN submission s ON s.id = r.submission_id""",
                // booleans as text differ by database ("TRUE", "t"); one letter, as HSQLDB pads a CASE to its longest
                """
                SELECT period, rule_code, unit_key, severity, outcome, subject, responsible,
                       CASE WHEN in_briefing THEN 'Y' ELSE 'N' END, message, looked_at,
                       CASE WHEN own_figure_missing THEN 'Y' ELSE 'N' END FROM rule_result""");
        List<String> lines = new ArrayList<>();
        for (int table = 0; table < queries.size(); table++) {
            String prefix = table + ": ";
            jdbc().sql(queries.get(table)).query((rs, n) -> {
                StringBuilder row = new StringBuilder(prefix);
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(rs.getString(i)).append(" | ");
                }
                return row.toString();
            }).list().stream().sorted().forEach(lines::add);
        }
        return lines;
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
            context = null;
        }
    }
}
