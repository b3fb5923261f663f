package vn.giaoban.briefing.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.Unit;
import vn.giaoban.timeliness.ReportCount;
import vn.giaoban.timeliness.ReportState;
import vn.giaoban.timeliness.Timeliness;

/**
 * Who owed which report for a period and how it stands, as the briefing words it: the same states the
 * {@code status} command prints ({@link Timeliness}), so the notice and the office's list agree.
 */
public final class Completeness {

    /** One unit's report of one form. */
    public record Report(ReportState state) {

        public Unit unit() {
            return state.report().unit();
        }

        public Form form() {
            return state.report().form();
        }

        public LocalDate deadline() {
            return state.report().deadline();
        }

        /** The day the first accepted version was submitted; null when none was. */
        public LocalDate received() {
            return state.submitted();
        }

        /** Nothing accepted: nothing sent, or only files that were refused. */
        public boolean missing() {
            return state.outstanding();
        }

        /** Only files that were refused. */
        public boolean rejected() {
            return state.state() == ReportState.State.REJECTED;
        }

        public long daysLate() {
            return state.daysLate();
        }

        /** The words of {@code status} in sentence case: "Đúng hạn", "Trễ hạn 2 ngày", "Chưa nộp", "Không tiếp nhận". */
        public String status() {
            String label = state.state().label();
            String words = label.charAt(0) + label.substring(1).toLowerCase(java.util.Locale.ROOT);
            return state.state() == ReportState.State.LATE ? words + " " + daysLate() + " ngày" : words;
        }
    }

    private Completeness() {
    }

    /** How many stand in each state: the count {@code status} prints. */
    public static ReportCount count(List<Report> reports) {
        return ReportCount.of(reports.stream().map(Report::state).toList());
    }

    /** Every report the catalog expects for the period, in the catalog's order of forms and units. */
    public static List<Report> of(Timeliness timeliness, YearMonth period) {
        return timeliness.of(period).stream().map(Report::new).toList();
    }

    /**
     * The reports owed by {@code unit} and the units under it: a briefing is about its own level (a catalog of
     * several provinces briefs one of them, not every unit of the country).
     */
    public static List<Report> of(Timeliness timeliness, YearMonth period, Catalog catalog, Unit unit) {
        Map<String, Boolean> within = new HashMap<>();
        // every office written together filters the same period's reports (the nation's 17,000 for each office)
        List<Report> all = PeriodReads.once(Completeness.class.getSimpleName() + " " + period,
                () -> of(timeliness, period));
        return all.stream().filter(r -> isWithin(r.unit(), unit, catalog, within)).toList();
    }

    private static boolean isWithin(Unit candidate, Unit root, Catalog catalog, Map<String, Boolean> known) {
        Boolean answer = known.get(candidate.key());
        if (answer == null) {
            Set<String> seen = new HashSet<>();
            answer = false;
            for (Optional<Unit> u = Optional.of(candidate); u.isPresent() && seen.add(u.get().key());
                    u = catalog.parent(u.get())) {
                if (u.get().key().equals(root.key())) {
                    answer = true;
                    break;
                }
            }
            known.put(candidate.key(), answer);
        }
        return answer;
    }
}
