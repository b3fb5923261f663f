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
 * E-mails each office's notice (PDF, and DOCX when there is one) to that office's own addresses, and an office's
 * bundle (one ZIP of the notices of the offices below it) when it asks for one; retries on the next run what could
 * not be sent. Delivery is on only when {@code spring.mail.host} is set; an office without addresses is simply not
 * mailed.
 *
 * <p>The queue is the {@code delivery} table, a row per office, period and kind ({@link Kind}). {@link #enqueue}
 * records one delivery per notice generated; it supersedes the same office's delivery of the period still waiting,
 * because the file on disk was replaced and only the latest draft is worth sending. {@link #deliverPending} tries
 * every waiting delivery, oldest first. Both commit in their own short transactions (one per delivery, right after
 * its send), whatever the caller's transaction: they may be called from the same tasklet, or from several
 * partitions at once, without one waiting on the other's row locks. A failure is recorded and left for the next
 * run (until {@code max-attempts}); it is never thrown, so it cannot fail the night or touch the report.
 *
 * <p>At least once: a process that dies between handing a message to the SMTP server and committing
 * {@code SENT} sends it again on the next run. A second copy of a draft is harmless; a lost one is not.
 */
@Component
public class BriefingDelivery {

    private static final Logger log = LoggerFactory.getLogger(BriefingDelivery.class);

    private static final List<String> TIMEOUT_KEYS = List.of("connectiontimeout", "timeout", "writetimeout");

    /** What a delivery carries. */
    public enum Kind {
        /** the office's own notice: its PDF, and its DOCX */
        NOTICE,
        /** one ZIP of the notices of the offices below it (a province's communes) */
        BUNDLE
    }

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
        this.sender = senders.getIfAvailable();
        this.from = sender == null ? null : sender(sender, properties, messages);
        if (sender != null) {
            applyTimeouts(sender, properties);
            log.info("Each office's briefing is e-mailed to the addresses of offices.csv");
        } else {
            log.info("Briefing delivery by e-mail is off (spring.mail.host is not set)");
        }
    }

    /**
     * Why notices cannot be e-mailed although a mail server is set: no sender address. Checked before a night by
     * whoever knows that some office has addresses to mail (a deployment that only sends reminders needs none).
     */
    public java.util.Optional<String> senderProblem() {
        return sender != null && from == null ? java.util.Optional.of(messages.get("cli.delivery.no-sender"))
                : java.util.Optional.empty();
    }

    /** Whether briefings are e-mailed at all: {@code spring.mail.host} is set. */
    public boolean enabled() {
        return sender != null;
    }

    /**
     * Queues the e-mailing of an office's notice just generated; a no-op when delivery is off, when the office has
     * no address, or when {@code contentKey} equals the key of the office's delivery of the period last sent or
     * still waiting (the office gets a new draft when it says something new, not every night). Commits at once, in
     * its own transaction: the PDF is on disk, so its delivery is due even if the caller fails afterwards (a
     * restarted step queues the regenerated notice, which supersedes this one). The office's delivery of the
     * period still waiting, if any, is superseded.
     *
     * @param office     the office's code, which its deliveries are kept apart by
     * @param recipients the office's addresses (offices.csv); none: not queued
     * @param docx       the DOCX beside the PDF, {@code null} when there is none
     * @param contentKey a fingerprint of what the notice says, its date left out (at most 128 characters);
     *                   {@code null}: queued whatever was sent before
     * @return whether it was queued
     */
    public boolean enqueue(YearMonth period, String office, List<String> recipients, Path pdf, Path docx,
            String contentKey) {
        return enqueue(Kind.NOTICE, period, office, recipients, pdf, docx, contentKey);
    }

    /**
     * Queues an office's bundle: one e-mail with the ZIP of the notices of the offices below it, as
     * {@link #enqueue(YearMonth, String, List, Path, Path, String)} queues a notice (once per content key).
     */
    public boolean enqueueBundle(YearMonth period, String office, List<String> recipients, Path zip,
            String contentKey) {
        return enqueue(Kind.BUNDLE, period, office, recipients, zip, null, contentKey);
    }

    private boolean enqueue(Kind kind, YearMonth period, String office, List<String> recipients, Path file, Path docx,
            String contentKey) {
        List<String> to = recipients.stream().map(String::strip).filter(address -> !address.isEmpty()).toList();
        if (!enabled() || to.isEmpty()) {
            return false;
        }
        if (contentKey != null && contentKey.length() > 128) {
            throw new IllegalArgumentException("content key longer than 128 characters: " + contentKey);
        }
        String queued = period + "/" + office + "/" + kind;
        return Boolean.TRUE.equals(ownTransaction.execute(status -> {
            if (contentKey != null) {
                String last = jdbc.sql("""
                        SELECT content_key FROM delivery
                        WHERE period = ? AND office = ? AND kind = ? AND status IN ('PENDING', 'SENT')
                        ORDER BY id DESC FETCH FIRST 1 ROWS ONLY
                        """).params(period.toString(), office, kind.name()).query(String.class).optional().orElse(null);
                if (contentKey.equals(last)) {
                    log.info("{} {} says what the one already e-mailed or queued says: not queued again", kind, file);
                    return false;
                }
            }
            int superseded = jdbc.sql("""
                    UPDATE delivery SET status = 'SUPERSEDED', queued = NULL WHERE queued = ? AND status = 'PENDING'
                    """).param(queued).update();
            jdbc.sql("""
                    INSERT INTO delivery (period, office, kind, pdf_path, docx_path, recipients, status, attempts,
                                          created_at, content_key, queued)
                    VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)
                    """).params(period.toString(), office, kind.name(), file.toAbsolutePath().toString(),
                    docx == null ? null : docx.toAbsolutePath().toString(), truncate(String.join(", ", to)), now(),
                    contentKey, queued).update();
            log.info("{} {} of office {} queued for e-mailing{}", kind, file, office,
                    superseded > 0 ? " (superseding the one not yet sent)" : "");
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
        record Pending(long id, YearMonth period, String office, Kind kind, Path file, Path docx, String recipients,
                int attempts) {
        }
        List<Pending> pending = jdbc.sql("""
                SELECT id, period, office, kind, pdf_path, docx_path, recipients, attempts FROM delivery
                WHERE status = 'PENDING' ORDER BY id
                """).query((rs, n) -> new Pending(rs.getLong(1), YearMonth.parse(rs.getString(2).strip()),
                rs.getString(3), Kind.valueOf(rs.getString(4).strip()), Path.of(rs.getString(5)),
                rs.getString(6) == null ? null : Path.of(rs.getString(6)), rs.getString(7), rs.getInt(8)))
                .list();
        List<DeliverySummary.Outcome> outcomes = new ArrayList<>();
        for (Pending delivery : pending) {
            String error = send(delivery.kind(), delivery.period(), delivery.recipients(), delivery.file(),
                    delivery.docx());
            int attempts = delivery.attempts() + 1;
            DeliveryStatus status = error == null ? DeliveryStatus.SENT
                    : attempts >= properties.maxAttempts() ? DeliveryStatus.FAILED_FINAL : DeliveryStatus.PENDING;
            LocalDateTime now = now();
            ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                    UPDATE delivery SET status = ?, attempts = ?, last_error = ?, last_attempt_at = ?, sent_at = ?,
                                        queued = ?
                    WHERE id = ? AND status = 'PENDING'
                    """).params(status.name(), attempts, truncate(error), now, status == DeliveryStatus.SENT ? now : null,
                    status == DeliveryStatus.PENDING ? delivery.period() + "/" + delivery.office() + "/" + delivery.kind() : null,
                    delivery.id())
                    .update());
            switch (status) {
                case SENT -> log.info("{} {} e-mailed to {}", delivery.kind(), delivery.file(), delivery.recipients());
                case PENDING -> log.warn("{} {} not e-mailed (attempt {}/{}), retried on the next run: {}",
                        delivery.kind(), delivery.file(), attempts, properties.maxAttempts(), error);
                default -> log.error("{} {} not e-mailed after {} attempts, given up: {}", delivery.kind(),
                        delivery.file(), attempts, error);
            }
            outcomes.add(new DeliverySummary.Outcome(delivery.id(), delivery.office(), delivery.period(), delivery.file(), status, attempts,
                    properties.maxAttempts(), error));
        }
        return new DeliverySummary(true, outcomes);
    }

    /** @return {@code null} when the message was handed to the SMTP server, otherwise why not (for people) */
    private String send(Kind kind, YearMonth period, String recipients, Path file, Path docx) {
        for (Path attached : docx == null ? List.of(file) : List.of(file, docx)) {
            if (!Files.isRegularFile(attached)) {
                return messages.get("cli.delivery.file-missing", attached);
            }
        }
        InternetAddress[] to;
        try {
            to = InternetAddress.parse(recipients, false);
        } catch (AddressException e) {
            return messages.get("cli.delivery.bad-address", "offices.csv (emails)", recipients, e.getMessage());
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            if (kind == Kind.BUNDLE) {
                BriefingMail.fillBundle(message, messages, from, to, period, file);
            } else {
                BriefingMail.fill(message, messages, from, to, properties.subjectTemplate(), period, file, docx);
            }
            sender.send(message);
            return null;
        } catch (Exception e) { // MailException, MessagingException, or whatever the mail system throws
            log.warn("E-mailing {} failed", file, e);
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
     * The sender's address, checked at start-up (a mistake is a configuration error, not ten failed nights):
     * {@code from}, or the SMTP user name when that is an address; null when there is none ({@link #senderProblem}).
     */
    private static String sender(JavaMailSender sender, DeliveryProperties properties, Messages messages) {
        String from = properties.from();
        if ((from == null || from.isBlank()) && sender instanceof JavaMailSenderImpl impl && impl.getUsername() != null
                && impl.getUsername().contains("@")) {
            from = impl.getUsername();
        }
        if (from == null || from.isBlank()) {
            return null;
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
