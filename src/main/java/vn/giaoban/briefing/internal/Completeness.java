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

        public long daysLate() {
            return state.daysLate();
        }

        /** "Đúng hạn", "Muộn 2 ngày", "Chưa gửi", "Không tiếp nhận". */
        public String status() {
            return switch (state.state()) {
                case ON_TIME -> "Đúng hạn";
                case LATE -> "Muộn " + daysLate() + " ngày";
                case MISSING -> "Chưa gửi";
                case REJECTED -> "Không tiếp nhận";
            };
        }
    }

    private Completeness() {
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
        return of(timeliness, period).stream().filter(r -> isWithin(r.unit(), unit, catalog, within)).toList();
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
