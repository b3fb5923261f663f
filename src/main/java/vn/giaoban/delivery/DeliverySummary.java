package vn.giaoban.delivery;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import vn.giaoban.text.Messages;

/**
 * What one {@link BriefingDelivery#deliverPending()} did, for the run summary.
 *
 * @param enabled  whether delivery is configured at all (off: nothing was tried, nothing to say)
 * @param outcomes one per delivery tried, oldest first
 */
public record DeliverySummary(boolean enabled, List<Outcome> outcomes) {

    private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("MM/yyyy");

    public DeliverySummary {
        outcomes = List.copyOf(outcomes);
    }

    static DeliverySummary off() {
        return new DeliverySummary(false, List.of());
    }

    /**
     * One delivery tried in this run.
     *
     * @param office   the office whose notice (or bundle) it is, {@code null} for one queued before offices
     * @param status   {@link DeliveryStatus#SENT}, {@link DeliveryStatus#PENDING} (to be retried on the next run)
     *                 or {@link DeliveryStatus#FAILED_FINAL}
     * @param attempts the attempts so far, this one included
     * @param error    why this attempt failed, {@code null} when sent
     */
    public record Outcome(long id, String office, YearMonth period, Path pdf, DeliveryStatus status, int attempts,
            int maxAttempts, String error) {
    }

    public int sent() {
        return count(DeliveryStatus.SENT);
    }

    /** Failed this time, tried again on the next run. */
    public int pending() {
        return count(DeliveryStatus.PENDING);
    }

    /** Failed for the last time: the office sends these by hand. */
    public int failedFinally() {
        return count(DeliveryStatus.FAILED_FINAL);
    }

    private int count(DeliveryStatus status) {
        return (int) outcomes.stream().filter(outcome -> outcome.status() == status).count();
    }

    /**
     * The run summary's lines, in Vietnamese; none when delivery is off or there was nothing to send.
     *
     * <pre>
     * Gửi thư: 0 đã gửi; 1 chờ gửi lại.
     * Gửi thư kỳ 10/2022 thất bại (lần thử 1/10, sẽ thử lại lần chạy sau): Connection refused
     * </pre>
     */
    public List<String> lines(Messages messages) {
        if (outcomes.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(failedFinally() > 0 ? messages.get("cli.delivery.summary-given-up", sent(), pending(), failedFinally())
                : messages.get("cli.delivery.summary", sent(), pending()));
        for (Outcome outcome : outcomes) {
            String period = outcome.period().format(PERIOD);
            boolean office = outcome.office() != null;
            if (outcome.status() == DeliveryStatus.PENDING) {
                lines.add(messages.get(office ? "cli.delivery.retried-office" : "cli.delivery.retried", period,
                        outcome.attempts(), outcome.maxAttempts(), outcome.error(), outcome.office()));
            } else if (outcome.status() == DeliveryStatus.FAILED_FINAL) {
                lines.add(messages.get(office ? "cli.delivery.given-up-office" : "cli.delivery.given-up", period,
                        outcome.attempts(), outcome.error(), outcome.pdf(), outcome.office()));
            }
        }
        return lines;
    }
}
