package vn.giaoban.submission.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.Unit;
import vn.giaoban.submission.Finding;

/**
 * What a file is: its unit, form, period and as-of date, or why it cannot be told.
 *
 * @param rejection the Vietnamese reason the file cannot be identified, null when it can
 * @param notes     how it was identified, when that was a guess worth telling the unit
 */
record Identification(Unit unit, Form form, YearMonth period, LocalDate asOf, String rejection,
        List<Finding> notes) {

    static Identification rejected(String reason) {
        return new Identification(null, null, null, null, reason, List.of());
    }

    /** Refused, with what could be told before the contradiction: the unit and the period. */
    static Identification rejected(Unit unit, YearMonth period, String reason) {
        return new Identification(unit, null, period, null, reason, List.of());
    }

    public boolean identified() {
        return rejection == null;
    }
}
