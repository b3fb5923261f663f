package vn.giaoban.timeliness.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The files a period's timeliness is judged from: read-only queries on {@code submission}. */
@Repository
public class SubmissionTimes {

    private final JdbcClient jdbc;

    public SubmissionTimes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An accepted version of a unit's form for the period: the days its modification time, the scan and
     * the night that received it fall on ({@link vn.giaoban.catalog.SubmittedDay} makes one day of them).
     */
    public record Accepted(String unitKey, String formCode, LocalDate modified, LocalDate scanned, LocalDate night) {
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
                .query((rs, n) -> new Accepted(rs.getString(1), rs.getString(2), day(rs.getTimestamp(3)),
                        day(rs.getTimestamp(4)), rs.getObject(5, LocalDate.class)))
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

    private static LocalDate day(Timestamp time) {
        return time.toLocalDateTime().toLocalDate();
    }
}
