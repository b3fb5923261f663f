package vn.giaoban.catalog;

/**
 * Which figure of an indicator a value is. A table often carries several of them side by side; a
 * monthly value and a cumulative one are never mixed up, and the figures a unit computed itself
 * (plan, last year, percentages) are kept only to be checked, never copied into the briefing.
 */
public enum Measure {
    /** this month ("Thực hiện tháng") */
    MONTH,
    /** cumulative since January ("Lũy kế từ đầu năm") */
    CUMULATIVE,
    /** a status at the as-of date (a commune's NTM criterion) */
    POINT,
    /** the year's plan as the unit typed it */
    PLAN_YEAR,
    /** the same period last year as the unit typed it */
    SAME_PERIOD_LAST_YEAR,
    /** a percentage of the plan the unit computed */
    PERCENT_OF_PLAN,
    /** a percentage of last year the unit computed */
    PERCENT_OF_LAST_YEAR;

    /** Values of these measures are giaoban's own to compute; the unit's copy is only checked. */
    public boolean declaredByUnit() {
        return this == PLAN_YEAR || this == SAME_PERIOD_LAST_YEAR || this == PERCENT_OF_PLAN
                || this == PERCENT_OF_LAST_YEAR;
    }
}
