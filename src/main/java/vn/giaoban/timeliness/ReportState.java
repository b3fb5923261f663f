package vn.giaoban.timeliness;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import vn.giaoban.catalog.Schedule.ExpectedReport;

/**
 * How one expected report stands.
 *
 * @param submitted the day the first accepted version was submitted (see {@link Timeliness}); null when none
 * @param rejection why the unit's last file for it was refused, when no version was accepted; otherwise null
 */
public record ReportState(ExpectedReport report, State state, LocalDate submitted, String rejection) {

    /** The four answers the office reads, in its words. */
    public enum State {
        ON_TIME("ĐÚNG HẠN"),
        LATE("TRỄ HẠN"),
        MISSING("CHƯA NỘP"),
        REJECTED("KHÔNG TIẾP NHẬN");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Days after the deadline the first accepted version came in; 0 when on time or none came. */
    public long daysLate() {
        return submitted == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(report.deadline(), submitted));
    }

    /** Missing, or only rejected files: the unit still owes the report. */
    public boolean outstanding() {
        return state == State.MISSING || state == State.REJECTED;
    }
}
