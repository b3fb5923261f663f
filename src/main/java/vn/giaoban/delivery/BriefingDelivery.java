package vn.giaoban.delivery;

import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giaoban.text.Messages;

/**
 * E-mails each generated briefing (PDF, and DOCX when there is one) to the configured recipients, and
 * retries on the next run what could not be sent. Delivery is on only when {@code spring.mail.host} is set
 * and {@code giaoban.delivery.recipients} is not empty; otherwise every method is a no-op.
 *
 * <p>The queue is the {@code delivery} table. {@link #enqueue} records one delivery per briefing generated; it
 * supersedes the period's delivery still waiting, because the file on disk was replaced and only the latest
 * draft is worth sending. {@link #deliverPending} tries every waiting delivery, oldest first. Both commit in
 * their own short transactions (one per delivery, right after its send), whatever the caller's transaction:
 * they may be called from the same tasklet without one waiting on the other's row locks. A failure is
 * recorded and left for the next run (until {@code max-attempts}); it is never thrown, so it cannot fail
 * the night or touch the report.
 *
 * <p>At least once: a process that dies between handing a message to the SMTP server and committing
 * {@code SENT} sends it again on the next run. A second copy of a draft is harmless; a lost one is not.
 */
@Component
public class BriefingDelivery {

    private static final Logger log = LoggerFactory.getLogger(BriefingDelivery.class);

    private static final List<String> TIMEOUT_KEYS = List.of("connectiontimeout", "timeout", "writetimeout");

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final JavaMailSender sender;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final String from;
    private final Messages messages;

    public BriefingDelivery(JdbcClient jdbc, PlatformTransactionManager transactions,
            ObjectProvider<JavaMailSender> senders, DeliveryProperties properties, Clock clock, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.clock = clock;
        JavaMailSender available = senders.getIfAvailable();
        this.sender = properties.recipients().isEmpty() ? null : available;
        this.from = sender == null ? null : checkAddresses(sender, properties, messages);
        if (sender != null) {
            applyTimeouts(sender, properties);
            log.info("Briefings are e-mailed to {} recipient(s)", properties.recipients().size());
        } else {
            log.info("Briefing delivery by e-mail is off ({})",
                    available == null ? "spring.mail.host is not set" : "giaoban.delivery.recipients is empty");
        }
    }

    /** Whether briefings are e-mailed: {@code spring.mail.host} is set and there is at least one recipient. */
    public boolean enabled() {
        return sender != null;
    }

    /**
     * Queues the e-mailing of a briefing just generated, always (see {@link #enqueue(YearMonth, Path, Path, String)}).
     *
     * @param docx the DOCX beside the PDF, {@code null} when there is none
     * @return whether it was queued: {@code false} when delivery is off
     */
    public boolean enqueue(YearMonth period, Path pdf, Path docx) {
        return enqueue(period, pdf, docx, null);
    }

    /**
     * Queues the e-mailing of a briefing just generated; a no-op when delivery is off, or when {@code contentKey}
     * equals the key of the period's delivery last sent or still waiting (the office gets a new draft when it
     * says something new, not every night). Commits at once, in its own transaction: the PDF is on disk, so
     * its delivery is due even if the caller fails afterwards (a restarted step queues the regenerated
     * briefing, which supersedes this one). The period's delivery still waiting, if any, is superseded.
     *
     * @param docx       the DOCX beside the PDF, {@code null} when there is none
     * @param contentKey a fingerprint of what the briefing says, its date left out (at most 128 characters);
     *                   {@code null}: queued whatever was sent before
     * @return whether it was queued
     */
    public boolean enqueue(YearMonth period, Path pdf, Path docx, String contentKey) {
        if (!enabled()) {
            return false;
        }
        if (contentKey != null && contentKey.length() > 128) {
            throw new IllegalArgumentException("content key longer than 128 characters: " + contentKey);
        }
        return Boolean.TRUE.equals(ownTransaction.execute(status -> {
            if (contentKey != null) {
                String last = jdbc.sql("""
                        SELECT content_key FROM delivery WHERE period = ? AND status IN ('PENDING', 'SENT')
                        ORDER BY id DESC FETCH FIRST 1 ROWS ONLY
                        """).param(period.toString()).query(String.class).optional().orElse(null);
                if (contentKey.equals(last)) {
                    log.info("Briefing {} says what the one already e-mailed or queued says: not queued again", pdf);
                    return false;
                }
            }
            int superseded = jdbc.sql("""
                    UPDATE delivery SET status = 'SUPERSEDED', queued_period = NULL
                    WHERE queued_period = ? AND status = 'PENDING'
                    """).param(period.toString()).update();
            jdbc.sql("""
                    INSERT INTO delivery (period, pdf_path, docx_path, recipients, status, attempts, created_at,
                                          content_key, queued_period)
                    VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)
                    """).params(period.toString(), pdf.toAbsolutePath().toString(),
                    docx == null ? null : docx.toAbsolutePath().toString(), truncate(String.join(", ", properties.recipients())),
                    now(), contentKey, period.toString()).update();
            log.info("Briefing {} queued for e-mailing{}", pdf, superseded > 0 ? " (superseding the one not yet sent)" : "");
            return true;
        }));
    }

    /**
     * Tries every waiting delivery, oldest first. Never throws for a delivery that fails: the failure is
     * recorded (attempts, last error) and the delivery waits for the next run, or is given up after
     * {@code max-attempts}. Does nothing when delivery is off.
     */
    public DeliverySummary deliverPending() {
        if (!enabled()) {
            return DeliverySummary.off();
        }
        record Pending(long id, YearMonth period, Path pdf, Path docx, int attempts) {
        }
        List<Pending> pending = jdbc.sql("""
                SELECT id, period, pdf_path, docx_path, attempts FROM delivery WHERE status = 'PENDING' ORDER BY id
                """).query((rs, n) -> new Pending(rs.getLong(1), YearMonth.parse(rs.getString(2).strip()),
                Path.of(rs.getString(3)), rs.getString(4) == null ? null : Path.of(rs.getString(4)), rs.getInt(5)))
                .list();
        List<DeliverySummary.Outcome> outcomes = new ArrayList<>();
        String recipients = truncate(String.join(", ", properties.recipients()));
        for (Pending delivery : pending) {
            String error = send(delivery.period(), delivery.pdf(), delivery.docx());
            int attempts = delivery.attempts() + 1;
            DeliveryStatus status = error == null ? DeliveryStatus.SENT
                    : attempts >= properties.maxAttempts() ? DeliveryStatus.FAILED_FINAL : DeliveryStatus.PENDING;
            LocalDateTime now = now();
            ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                    UPDATE delivery SET status = ?, attempts = ?, last_error = ?, last_attempt_at = ?, sent_at = ?,
                                        recipients = ?, queued_period = ?
                    WHERE id = ? AND status = 'PENDING'
                    """).params(status.name(), attempts, truncate(error), now, status == DeliveryStatus.SENT ? now : null,
                    recipients, status == DeliveryStatus.PENDING ? delivery.period().toString() : null, delivery.id())
                    .update());
            switch (status) {
                case SENT -> log.info("Briefing {} e-mailed to {}", delivery.pdf(), recipients);
                case PENDING -> log.warn("Briefing {} not e-mailed (attempt {}/{}), retried on the next run: {}",
                        delivery.pdf(), attempts, properties.maxAttempts(), error);
                default -> log.error("Briefing {} not e-mailed after {} attempts, given up: {}", delivery.pdf(),
                        attempts, error);
            }
            outcomes.add(new DeliverySummary.Outcome(delivery.id(), delivery.period(), delivery.pdf(), status, attempts,
                    properties.maxAttempts(), error));
        }
        return new DeliverySummary(true, outcomes);
    }

    /** @return {@code null} when the message was handed to the SMTP server, otherwise why not (for people) */
    private String send(YearMonth period, Path pdf, Path docx) {
        for (Path file : docx == null ? List.of(pdf) : List.of(pdf, docx)) {
            if (!Files.isRegularFile(file)) {
                return messages.get("cli.delivery.file-missing", file);
            }
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            BriefingMail.fill(message, messages, from, properties.recipients().toArray(String[]::new),
                    properties.subjectTemplate(), period, pdf, docx);
            sender.send(message);
            return null;
        } catch (Exception e) { // MailException, MessagingException, or whatever the mail system throws
            log.warn("E-mailing {} failed", pdf, e);
            return describe(e, messages);
        }
    }

    /** The innermost cause's message ("Connection refused"): what a person can act on. */
    static String describe(Throwable failure, Messages messages) {
        Throwable root = failure;
        if (failure instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
            root = send.getFailedMessages().values().iterator().next();
        }
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null || root.getMessage().isBlank() ? root.getClass().getSimpleName()
                : root.getMessage().strip();
        if (root instanceof UnknownHostException) {
            return messages.get("cli.delivery.unknown-host", message);
        }
        return message;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /**
     * Checks the configured addresses at start-up (a mistake is a configuration error, not ten failed nights)
     * and returns the sender's address: {@code from}, or the SMTP user name when that is an address.
     */
    private static String checkAddresses(JavaMailSender sender, DeliveryProperties properties, Messages messages) {
        for (String recipient : properties.recipients()) {
            parse(recipient, "giaoban.delivery.recipients", messages);
        }
        String from = properties.from();
        if ((from == null || from.isBlank()) && sender instanceof JavaMailSenderImpl impl && impl.getUsername() != null
                && impl.getUsername().contains("@")) {
            from = impl.getUsername();
        }
        if (from == null || from.isBlank()) {
            throw new IllegalStateException(messages.get("cli.delivery.no-sender"));
        }
        parse(from, "giaoban.delivery.from", messages);
        return from;
    }

    private static void parse(String address, String key, Messages messages) {
        try {
            new InternetAddress(address, true);
        } catch (AddressException e) {
            // no cause: the command line prints the innermost message, which must be this one
            throw new IllegalStateException(messages.get("cli.delivery.bad-address", key, address, e.getMessage()));
        }
    }

    /**
     * Without timeouts Jakarta Mail waits for ever on a server that accepts the connection and never answers,
     * which would hold the night. Sets them unless {@code spring.mail.properties} already does.
     */
    private static void applyTimeouts(JavaMailSender sender, DeliveryProperties properties) {
        if (sender instanceof JavaMailSenderImpl impl) {
            Properties mail = impl.getJavaMailProperties();
            String millis = Long.toString(properties.timeout().toMillis());
            for (String protocol : List.of("smtp", "smtps")) {
                for (String key : TIMEOUT_KEYS) {
                    mail.putIfAbsent("mail." + protocol + "." + key, millis);
                }
            }
            impl.setJavaMailProperties(mail); // drops a session already made with the old properties
        }
    }
}
