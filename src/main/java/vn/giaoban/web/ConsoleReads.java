package vn.giaoban.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.giaoban.submission.FilingProperties;

/**
 * The console's own reads of what the nights stored: periods, a unit's files and figures, whether a night is
 * writing. Plain queries on the nights' tables: the console keeps no copy of its own.
 */
@Component
class ConsoleReads {

    /** One file a unit sent, as the night stored it. */
    record Sent(long id, String fileName, LocalDateTime received, LocalDate night, String formCode, String period,
            Integer version, String status, String rejection, Integer valuesTaken, String feedbackPath) {
    }

    /** One figure in force, with where it was read. */
    record Figure(String unitKey, String indicator, String measure, BigDecimal number, String text, long submissionId,
            String fileName, String sheet, String cell, Integer version) {
    }

    private final JdbcClient jdbc;
    private final Path root;

    ConsoleReads(JdbcClient jdbc, FilingProperties filing) {
        this.jdbc = jdbc;
        this.root = filing.root();
    }

    /** The periods the nights have read files for, the latest first. */
    List<YearMonth> periods() {
        return jdbc.sql("SELECT DISTINCT period FROM submission WHERE period IS NOT NULL ORDER BY period DESC")
                .query(String.class).list().stream().map(YearMonth::parse).toList();
    }

    /**
     * The files of a unit's folder for a period, in the order they came: those identified as the period's,
     * and those refused before their period was known that came in the nights of the period's month or the next.
     */
    List<Sent> sent(String folder, YearMonth period) {
        return jdbc.sql("""
                SELECT id, original_name, relative_path, received_at, received_night, form_code, period, version, status,
                       rejection, values_taken, feedback_path
                FROM submission
                WHERE folder = ? AND (period = ? OR (period IS NULL AND received_night BETWEEN ? AND ?))
                ORDER BY id""")
                .params(folder, period.toString(), period.atDay(1), period.plusMonths(1).atEndOfMonth())
                .query((row, n) -> new Sent(row.getLong("id"),
                        Optional.ofNullable(row.getString("original_name")).orElse(row.getString("relative_path")),
                        row.getTimestamp("received_at").toLocalDateTime(), row.getDate("received_night").toLocalDate(),
                        row.getString("form_code"), row.getString("period"), (Integer) row.getObject("version", Integer.class),
                        row.getString("status"), row.getString("rejection"),
                        (Integer) row.getObject("values_taken", Integer.class), row.getString("feedback_path")))
                .list();
    }

    /** The feedback file as written to the unit's outbox, word for word; empty when not written yet. */
    Optional<String> feedback(Sent sent) {
        if (sent.feedbackPath() == null) {
            return Optional.empty();
        }
        Path file = root.resolve(sent.feedbackPath()).normalize();
        if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The figures in force for a period that the files of a unit's folder gave. */
    List<Figure> figuresFrom(String folder, YearMonth period) {
        return jdbc.sql("""
                SELECT d.unit_key, d.indicator_code, d.measure, d.num_value, d.text_value, d.submission_id,
                       s.original_name, s.relative_path, d.sheet, d.cell, s.version
                FROM data_value d JOIN submission s ON s.id = d.submission_id
                WHERE s.folder = ? AND d.period = ?
                ORDER BY d.indicator_code, d.measure""")
                .params(folder, period.toString())
                .query(ConsoleReads::figure)
                .list();
    }

    /** The figures in force of some units for a period (last year's, for the comparison). */
    List<Figure> figuresOf(Collection<String> unitKeys, YearMonth period) {
        if (unitKeys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT d.unit_key, d.indicator_code, d.measure, d.num_value, d.text_value, d.submission_id,
                       s.original_name, s.relative_path, d.sheet, d.cell, s.version
                FROM data_value d JOIN submission s ON s.id = d.submission_id
                WHERE d.unit_key IN (:units) AND d.period = :period""")
                .param("units", unitKeys)
                .param("period", period.toString())
                .query(ConsoleReads::figure)
                .list();
    }

    /** When the night now writing started; empty when none is. */
    Optional<LocalDateTime> nightRunningSince() {
        return jdbc.sql("""
                SELECT MAX(start_time) FROM batch_job_execution
                WHERE status IN ('STARTING', 'STARTED') AND end_time IS NULL AND start_time > ?""")
                .param(LocalDateTime.now().minusDays(1))
                .query((row, n) -> Optional.ofNullable(row.getTimestamp(1)).map(java.sql.Timestamp::toLocalDateTime))
                .single();
    }

    private static Figure figure(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new Figure(row.getString("unit_key"), row.getString("indicator_code"), row.getString("measure"),
                row.getBigDecimal("num_value"), row.getString("text_value"), row.getLong("submission_id"),
                Optional.ofNullable(row.getString("original_name")).orElse(row.getString("relative_path")),
                row.getString("sheet"), row.getString("cell"), (Integer) row.getObject("version", Integer.class));
    }
}
