package vn.giaoban.timeliness;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import vn.giaoban.catalog.Schedule.ExpectedReport;
import vn.giaoban.text.Messages;

/** What {@code giaoban status} prints: a summary line, then one aligned line per expected report. */
public final class StatusTable {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final List<String> HEADINGS = List.of("unit", "form", "period", "deadline", "submitted", "state");

    private StatusTable() {
    }

    public static List<String> lines(Messages messages, YearMonth period, List<ReportState> states) {
        List<String> lines = new ArrayList<>();
        String month = String.format("%02d/%d", period.getMonthValue(), period.getYear());
        lines.add(messages.get("cli.status.title", month));
        if (states.isEmpty()) {
            lines.add(messages.get("cli.status.nothing-due", month));
            return lines;
        }
        lines.add(ReportCount.of(states).sentence(messages));
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS.stream().map(heading -> messages.get("cli.status.heading." + heading)).toList());
        for (ReportState state : states) {
            ExpectedReport report = state.report();
            rows.add(List.of(report.unit().name() + " (" + report.unit().code() + ")", report.form().code(),
                    report.form().periodType().describe(report.period()), DAY.format(report.deadline()),
                    state.submitted() == null ? "-" : DAY.format(state.submitted()), describe(messages, state)));
        }
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        lines.add("");
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), widths[i] + 2));
            }
            lines.add(line.toString());
        }
        lines.add("");
        lines.add(messages.get("cli.status.footnote"));
        return lines;
    }

    /**
     * "ĐÚNG HẠN", "TRỄ HẠN 3 ngày", "CHƯA NỘP", "KHÔNG TIẾP NHẬN: <the reason, short>": how the command line and
     * the web console name a report's state.
     */
    public static String describe(Messages messages, ReportState state) {
        return switch (state.state()) {
            case LATE -> messages.get("cli.status.late-days", state.state().label(), state.daysLate());
            case REJECTED -> state.state().label() + ": " + state.rejection();
            default -> state.state().label();
        };
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
