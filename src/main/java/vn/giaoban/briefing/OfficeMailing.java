package vn.giaoban.briefing;

import java.time.YearMonth;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.giaoban.catalog.Office;
import vn.giaoban.delivery.BriefingDelivery;

/**
 * What each office is mailed, the same from a night and from {@code giaoban briefing}: its own notice, to its own
 * addresses ({@code offices.csv}), as soon as its files are written; and, for an office that asks for a bundle, once
 * every notice is written, one ZIP of the notices of the offices below it. Both queued once per content: a night
 * that changed nothing mails nothing again.
 */
@Component
public class OfficeMailing {

    private final BriefingPublisher publisher;
    private final BriefingDelivery delivery;

    public OfficeMailing(BriefingPublisher publisher, BriefingDelivery delivery) {
        this.publisher = publisher;
        this.delivery = delivery;
    }

    /**
     * Why the period's notices could not be mailed, before a night or a briefing starts: a mail server without a
     * sender address while some office of the period has addresses.
     */
    public Optional<String> problem(YearMonth period) {
        return delivery.senderProblem()
                .filter(any -> publisher.offices(period).stream().anyMatch(office -> !office.emails().isEmpty()));
    }

    /** Queues an office's notice just written; a no-op when e-mail is off or the office has no address. */
    public boolean queue(YearMonth period, Office office, BriefingPublisher.Published published) {
        return delivery.enqueue(period, office.code(), office.emails(), published.pdf(), published.docx(),
                published.contentKey());
    }

    /**
     * Writes and queues the bundle of each office of the period that asks for one and has an address, from the
     * notices written so far of the offices below it; how many were queued.
     */
    public int queueBundles(YearMonth period) {
        if (!delivery.enabled()) {
            return 0;
        }
        int queued = 0;
        for (Office office : publisher.offices(period)) {
            if (!office.bundle() || office.emails().isEmpty()) {
                continue;
            }
            var bundle = publisher.bundle(period, office);
            if (bundle.isPresent() && delivery.enqueueBundle(period, office.code(), office.emails(), bundle.get().zip(),
                    bundle.get().contentKey())) {
                queued++;
            }
        }
        return queued;
    }
}
