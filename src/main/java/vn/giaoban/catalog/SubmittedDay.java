package vn.giaoban.catalog;

import java.time.LocalDate;
import java.util.stream.Stream;

/**
 * The day a file counts as submitted, one rule for the feedback, {@code status} and the briefing: the day
 * the unit last wrote it (its modification time in the inbox), never later than the moment the scan saw
 * it nor the night that received it. A modification time from before the report's period began, or from
 * after the night, cannot be the day it was sent (a copy tool, a PC's clock, files dropped for several
 * periods at once): then the night's date is used, and the feedback says so.
 *
 * @param day       the day counted as submitted
 * @param fromNight whether the modification time was impossible and the night's date was used instead
 */
public record SubmittedDay(LocalDate day, boolean fromNight) {

    /**
     * @param modified    the day of the file's modification time
     * @param scanned     the day the scan saw the file
     * @param night       the night that received it
     * @param periodStart the first day of the period the file reports on; null when unknown
     */
    public static SubmittedDay of(LocalDate modified, LocalDate scanned, LocalDate night, LocalDate periodStart) {
        if (modified.isAfter(night) || (periodStart != null && modified.isBefore(periodStart))) {
            return new SubmittedDay(night, true);
        }
        LocalDate earliest = Stream.of(modified, scanned, night).min(LocalDate::compareTo).orElseThrow();
        return new SubmittedDay(earliest, false);
    }
}
