package vn.giaoban.timeliness;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Schedule;
import vn.giaoban.catalog.SubmittedDay;
import vn.giaoban.catalog.Schedule.ExpectedReport;
import vn.giaoban.timeliness.ReportState.State;
import vn.giaoban.timeliness.internal.SubmissionTimes;

/**
 * How every report expected for a period stands, from the database alone: on time or late by the
 * first accepted version, on the day {@link SubmittedDay} counts (a correction sent after the deadline does not make an on-time report late,
 * and a rejected file followed by an accepted one counts from the accepted one), rejected when the
 * unit sent only files that were refused, missing when it sent nothing.
 */
@Component
public class Timeliness {

    private static final int SHORT_REASON = 90;

    private final Schedule schedule;
    private final SubmissionTimes submissions;

    public Timeliness(Catalog catalog, SubmissionTimes submissions) {
        this.schedule = new Schedule(catalog);
        this.submissions = submissions;
    }

    /** Every report due for the period, in the schedule's order. */
    public List<ReportState> of(YearMonth period) {
        Map<String, List<SubmissionTimes.Accepted>> accepted = new HashMap<>();
        for (SubmissionTimes.Accepted version : submissions.accepted(period)) {
            accepted.computeIfAbsent(version.unitKey() + "|" + version.formCode(), k -> new ArrayList<>()).add(version);
        }
        List<SubmissionTimes.Rejected> rejected = submissions.rejected(period);
        List<ReportState> states = new ArrayList<>();
        for (ExpectedReport report : schedule.expected(period)) {
            LocalDate periodStart = report.form().periodType().firstMonth(report.period()).atDay(1);
            LocalDate submitted = accepted.getOrDefault(report.unit().key() + "|" + report.form().code(), List.of())
                    .stream().map(v -> SubmittedDay.of(v.modified(), v.scanned(), v.night(), periodStart).day())
                    .min(LocalDate::compareTo).orElse(null);
            if (submitted != null) {
                boolean late = submitted.isAfter(report.deadline());
                states.add(new ReportState(report, late ? State.LATE : State.ON_TIME, submitted, null));
                continue;
            }
            String reason = null;
            for (SubmissionTimes.Rejected file : rejected) { // in order of receipt: the last one says why now
                if (concerns(file, report)) {
                    reason = file.rejection();
                }
            }
            states.add(reason == null ? new ReportState(report, State.MISSING, null, null)
                    : new ReportState(report, State.REJECTED, null, shorten(reason)));
        }
        return states;
    }

    /**
     * A refused file counts against a report when what is known of it matches: its unit (or, unknown,
     * its folder's code), its form and period when they could be read at all.
     */
    private static boolean concerns(SubmissionTimes.Rejected file, ExpectedReport report) {
        boolean unit = file.unitKey() != null ? file.unitKey().equals(report.unit().key())
                : file.folder().equals(report.unit().code());
        return unit && (file.formCode() == null || file.formCode().equals(report.form().code()))
                && (file.period() == null || file.period().equals(report.period()));
    }

    /** The reason's first sentence, cut to fit a table's line; the full text is in the unit's feedback. */
    static String shorten(String reason) {
        String text = reason.strip();
        int end = text.indexOf(". ");
        if (end > 0) {
            text = text.substring(0, end);
        }
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.length() <= SHORT_REASON ? text : text.substring(0, SHORT_REASON - 1).strip() + "…";
    }
}
