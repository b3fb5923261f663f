package vn.giaoban.briefing.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.Unit;

/**
 * Who owed which report for a period and how it stands: on time, late (by how many days after the
 * form's deadline, counted from the night the first accepted version arrived), or missing.
 */
public final class Completeness {

    /** One unit's report of one form. */
    public record Report(Unit unit, Form form, LocalDate deadline, LocalDate received) {

        public boolean missing() {
            return received == null;
        }

        public long daysLate() {
            return received == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(deadline, received));
        }

        /** "Đúng hạn", "Muộn 2 ngày", "Chưa gửi". */
        public String status() {
            return missing() ? "Chưa gửi" : daysLate() == 0 ? "Đúng hạn" : "Muộn " + daysLate() + " ngày";
        }
    }

    private Completeness() {
    }

    /** Every report the catalog expects for the period, in the catalog's order of forms and units. */
    public static List<Report> of(Catalog catalog, FigureRepository figures, YearMonth period) {
        Map<String, LocalDate> received = new HashMap<>();
        figures.received(period).forEach(r -> received.put(r.unitKey() + "|" + r.formCode(), r.firstNight()));
        List<Report> reports = new ArrayList<>();
        for (Form form : catalog.forms()) {
            LocalDate deadline = period.atDay(Math.min(form.deadlineDay(), period.lengthOfMonth()));
            for (Unit unit : catalog.units()) {
                if (unit.validOn(period.atEndOfMonth()) && form.submittableBy(unit)) {
                    reports.add(new Report(unit, form, deadline, received.get(unit.key() + "|" + form.code())));
                }
            }
        }
        return reports;
    }
}
