package vn.giaoban.submission.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import vn.giaoban.catalog.Form;
import vn.giaoban.submission.Finding;

/**
 * What a file is: its form, period and as-of date, or why it cannot be told.
 *
 * @param rejection the Vietnamese reason the file cannot be identified, null when it can
 * @param notes     how it was identified, when that was a guess worth telling the unit
 */
public record Identification(Form form, YearMonth period, LocalDate asOf, String rejection, List<Finding> notes) {

    static Identification rejected(String reason) {
        return new Identification(null, null, null, reason, List.of());
    }

    public boolean identified() {
        return rejection == null;
    }
}
