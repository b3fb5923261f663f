package vn.giaoban.catalog;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A task the briefing of {@code period} assigns for the next month (section II), kept by the office.
 *
 * @param office      the code of the office whose notice assigns it (offices.csv)
 * @param responsible the units in charge, as the notice names them
 * @param status      what the responsible units last reported: DONE, IN_PROGRESS, or null when nothing yet
 */
public record Task(String code, String office, YearMonth period, String sector, String responsible, String text, LocalDate deadline,
        TaskStatus status) {

    public enum TaskStatus {
        DONE, IN_PROGRESS
    }
}
