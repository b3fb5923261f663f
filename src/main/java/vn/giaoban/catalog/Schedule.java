package vn.giaoban.catalog;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Which reports are owed for a period, by whom and by when: the one answer the briefing's
 * completeness, the {@code status} command and the reminders share.
 */
public final class Schedule {

    /** One report one unit owes for one period. */
    public record ExpectedReport(Unit unit, Form form, YearMonth period, LocalDate deadline, LocalDate dataFrom,
            LocalDate dataTo) {
    }

    private final Catalog catalog;

    public Schedule(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Every report due for {@code period}, in the catalog's order of forms then units: the forms due that
     * month (see {@link Form#dueIn}), from every unit that submits them and is valid on the period's last
     * day (the day {@link Catalog#unit(String, YearMonth)} resolves a folder's code on, so the unit expected
     * is the unit a file would be filed under).
     */
    public List<ExpectedReport> expected(YearMonth period) {
        LocalDate day = period.atEndOfMonth();
        List<ExpectedReport> reports = new ArrayList<>();
        for (Form form : catalog.forms()) {
            if (!form.dueIn(period)) {
                continue;
            }
            for (Unit unit : catalog.units()) {
                if (unit.validOn(day) && form.submittableBy(unit)) {
                    reports.add(new ExpectedReport(unit, form, period, form.deadline(period), form.dataFrom(period),
                            form.dataTo(period)));
                }
            }
        }
        return reports;
    }
}
