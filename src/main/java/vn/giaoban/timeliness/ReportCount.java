package vn.giaoban.timeliness;

import java.util.List;

import vn.giaoban.text.Messages;
import vn.giaoban.timeliness.ReportState.State;

/**
 * How many reports of a period stand in each state: the one count that {@code status}, the notice's
 * sentence on reporting and the annex's table of who reported when all print, so that they agree.
 */
public record ReportCount(int due, int onTime, int late, int missing, int rejected) {

    public static ReportCount of(List<ReportState> states) {
        return new ReportCount(states.size(), count(states, State.ON_TIME), count(states, State.LATE),
                count(states, State.MISSING), count(states, State.REJECTED));
    }

    /** Reports sent: on time or late. */
    public int received() {
        return onTime + late;
    }

    /** "39 báo cáo phải nộp: 36 đúng hạn, 1 trễ hạn, 1 chưa nộp, 1 không tiếp nhận.", in the shipped words. */
    public String sentence() {
        return sentence(Messages.defaults());
    }

    /** The same sentence in an office's words. */
    public String sentence(Messages messages) {
        return messages.get("cli.report-count", due, onTime, late, missing, rejected);
    }

    private static int count(List<ReportState> states, State wanted) {
        return (int) states.stream().filter(s -> s.state() == wanted).count();
    }
}
