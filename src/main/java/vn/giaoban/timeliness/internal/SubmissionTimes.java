package vn.giaoban.timeliness.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The files a period's timeliness is judged from: read-only queries on {@code submission}. */
@Repository
public class SubmissionTimes {

    private final JdbcClient jdbc;

    public SubmissionTimes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An accepted version of a unit's form for the period, and the day it counts as submitted. */
    public record Accepted(String unitKey, String formCode, LocalDate submitted) {
    }

    /**
     * A file refused whole. Its unit, form or period may be unknown (an unreadable file): then only
     * its folder, and the night it came, say what it was meant to be.
     */
    public record Rejected(long id, String folder, String unitKey, String formCode, YearMonth period,
            LocalDate receivedNight, String rejection) {
    }

    public List<Accepted> accepted(YearMonth period) {
        return jdbc.sql("""
                SELECT unit_key, form_code, modified_at, received_at, received_night FROM submission
                WHERE period = ? AND status = 'ACCEPTED'
                """).param(period.toString())
                .query((rs, n) -> new Accepted(rs.getString(1), rs.getString(2), submitted(rs)))
                .list();
    }

    /** Rejected files of the period, and those of unknown period received during its last month. */
    public List<Rejected> rejected(YearMonth period) {
        return jdbc.sql("""
                SELECT id, folder, unit_key, form_code, period, received_night, rejection FROM submission
                WHERE status = 'REJECTED'
                  AND (period = ? OR (period IS NULL AND received_night BETWEEN ? AND ?))
                ORDER BY id
                """).params(period.toString(), period.atDay(1), period.atEndOfMonth())
                .query((rs, n) -> new Rejected(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5) == null ? null : YearMonth.parse(rs.getString(5).strip()),
                        rs.getObject(6, LocalDate.class), rs.getString(7)))
                .list();
    }

    /**
     * The day a file counts as submitted: the day the unit last wrote it (its modification time in the
     * inbox), but never later than the moment the scan saw it nor the night that received it. Not the
     * night alone: a night that did not run (the server off over a weekend) or ran after midnight would
     * make a report dropped on the deadline day late. The caps matter when the modification time is
     * wrong (a PC whose clock runs ahead) and when a night is run for a past date (the demo, a restart):
     * the file was in the inbox by that night. What the modification time cannot tell: a file written
     * on time but copied in days later (Explorer keeps its date) counts from when it was written; the
     * feedback and {@code received_night} still show the office when it arrived.
     */
    private static LocalDate submitted(ResultSet rs) throws SQLException {
        LocalDate modified = rs.getTimestamp(3).toLocalDateTime().toLocalDate();
        LocalDate received = rs.getTimestamp(4).toLocalDateTime().toLocalDate();
        LocalDate night = rs.getObject(5, LocalDate.class);
        return Stream.of(modified, received, night).min(LocalDate::compareTo).orElseThrow();
    }
}
