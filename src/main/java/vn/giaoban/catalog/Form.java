package vn.giaoban.catalog;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A reporting form: who submits it, which indicators it carries, and when it is due.
 *
 * @param submitters     unit codes, or {@code kind:commune} style entries for every unit of a kind
 * @param defaultMeasure what a lone "Thực hiện" / "Kết quả" column of this form means
 * @param deadlineDay    the day of the period's last month by which it is due
 * @param periodType     how often it is due; a longer period is filed under its last month
 * @param cutoffDay      the last day of data in the period's last month; the data window opens the day after
 *                       the same day of the month before the period (Decree 09/2019: the 14th, so 15/09 - 14/10)
 * @param cutoffStated   whether the catalog gives the cut-off ({@code cutoff_day}) rather than the decree's default:
 *                       then a report that does not say how far its figures run is taken to run to it
 */
public record Form(String code, String title, List<String> submitters, Measure defaultMeasure, int deadlineDay,
        List<String> indicatorCodes, List<String> aliases, PeriodType periodType, int cutoffDay, boolean cutoffStated) {

    /** A form whose cut-off the catalog gives. */
    public Form(String code, String title, List<String> submitters, Measure defaultMeasure, int deadlineDay,
            List<String> indicatorCodes, List<String> aliases, PeriodType periodType, int cutoffDay) {
        this(code, title, submitters, defaultMeasure, deadlineDay, indicatorCodes, aliases, periodType, cutoffDay, true);
    }

    /** Decree 09/2019/NĐ-CP's cut-off: data from the 15th of the previous month to the 14th. */
    public static final int DECREE_CUTOFF_DAY = 14;

    /** A monthly form with the decree's cut-off: what a catalog without those columns describes. */
    public Form(String code, String title, List<String> submitters, Measure defaultMeasure, int deadlineDay,
            List<String> indicatorCodes, List<String> aliases) {
        this(code, title, submitters, defaultMeasure, deadlineDay, indicatorCodes, aliases, PeriodType.MONTH,
                DECREE_CUTOFF_DAY, false);
    }

    public boolean submittableBy(Unit unit) {
        for (String submitter : submitters) {
            if (submitter.startsWith("kind:")
                    ? UnitKind.parse(submitter.substring("kind:".length())) == unit.kind()
                    : submitter.equals(unit.code())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a report of this form is due for {@code period}: every month, or the last month of its quarter, half-year, year. */
    public boolean dueIn(YearMonth period) {
        return periodType.endsIn(period);
    }

    /** The day it is due for {@code period}: its deadline day of that month, or the month's last day when shorter. */
    public LocalDate deadline(YearMonth period) {
        return dayOf(period, deadlineDay);
    }

    /** The first day of data the report of {@code period} covers. */
    public LocalDate dataFrom(YearMonth period) {
        return dayOf(periodType.firstMonth(period).minusMonths(1), cutoffDay).plusDays(1);
    }

    /** The last day of data the report of {@code period} covers. */
    public LocalDate dataTo(YearMonth period) {
        return dayOf(period, cutoffDay);
    }

    private static LocalDate dayOf(YearMonth month, int day) {
        return month.atDay(Math.min(day, month.lengthOfMonth()));
    }
}
