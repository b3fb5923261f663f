package vn.giaoban.timeliness;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import vn.giaoban.catalog.Unit;
import vn.giaoban.text.Messages;

/**
 * E-mails each unit that still owes reports for a period (nothing sent, or only refused files) one
 * reminder naming the forms, their period and deadline, through the SMTP server of {@code spring.mail.*}.
 * Nothing is recorded: the office runs it when it chooses, and a unit reminded twice is no harm.
 */
@Component
public class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JavaMailSender sender;
    private final ReminderProperties properties;
    private final Environment environment;
    private final Clock clock;
    private final Messages messages;

    public Reminders(ObjectProvider<JavaMailSender> senders, ReminderProperties properties, Environment environment,
            Clock clock, Messages messages) {
        this.messages = messages;
        this.sender = senders.getIfAvailable();
        if (sender instanceof JavaMailSenderImpl impl) {
            // a server that accepts the connection and never answers must not hold the command for ever
            for (String key : List.of("connectiontimeout", "timeout", "writetimeout")) {
                impl.getJavaMailProperties().putIfAbsent("mail.smtp." + key, "60000");
            }
        }
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
    }

    /** The mail cannot be sent at all: no server, no sender, an address that is not one. */
    public static final class NotConfigured extends RuntimeException {
        NotConfigured(String message) {
            super(message);
        }
    }

    /** A unit and the addresses it was (or would have been) reminded at; {@code error} when the send failed. */
    public record Outcome(Unit unit, List<String> addresses, String error) {
    }

    /**
     * Who was reminded, who has no address, whose reminder failed.
     *
     * @param lines the same for the person at the terminal, in the office's words
     */
    public record Summary(List<Outcome> sent, List<Unit> withoutAddress, List<Outcome> failed, List<String> lines) {
    }

    private Summary summary(List<Outcome> sent, List<Unit> withoutAddress, List<Outcome> failed) {
        List<String> lines = new ArrayList<>();
        if (sent.isEmpty() && withoutAddress.isEmpty() && failed.isEmpty()) {
            lines.add(messages.get("reminders.nobody-owes"));
        }
        sent.forEach(o -> lines.add(messages.get("reminders.sent", name(o.unit()), String.join(", ", o.addresses()))));
        if (!withoutAddress.isEmpty()) {
            lines.add(messages.get("reminders.without-address",
                    String.join(", ", withoutAddress.stream().map(Reminders::name).toList())));
        }
        failed.forEach(o -> lines.add(messages.get("reminders.failed", name(o.unit()), o.error())));
        if (!failed.isEmpty()) {
            lines.add(messages.get("reminders.failed-count", failed.size()));
        }
        return new Summary(sent, withoutAddress, failed, List.copyOf(lines));
    }

    private static String name(Unit unit) {
        return unit.name() + " (" + unit.code() + ")";
    }

    /**
     * Sends one reminder per unit that owes reports, to every address configured for it.
     *
     * @throws NotConfigured before anything is sent, when the mail is not set up
     */
    public Summary remind(YearMonth period, List<ReportState> states) {
        String from = checkConfiguration();
        Map<Unit, List<ReportState>> owed = new LinkedHashMap<>();
        for (ReportState state : states) {
            if (state.outstanding()) {
                owed.computeIfAbsent(state.report().unit(), u -> new ArrayList<>()).add(state);
            }
        }
        List<Outcome> sent = new ArrayList<>();
        List<Unit> withoutAddress = new ArrayList<>();
        List<Outcome> failed = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (Map.Entry<Unit, List<ReportState>> entry : owed.entrySet()) {
            Unit unit = entry.getKey();
            List<String> addresses = properties.addressesOf(unit.code());
            if (addresses.isEmpty()) {
                withoutAddress.add(unit);
                continue;
            }
            try {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
                helper.setFrom(from);
                helper.setTo(addresses.toArray(String[]::new));
                helper.setSubject(properties.subjectTemplate()
                        .replace("{period}", String.format("%02d/%d", period.getMonthValue(), period.getYear()))
                        .replace("{unit}", unit.name()));
                helper.setText(text(messages, unit, entry.getValue(), today, properties.signature()), false);
                sender.send(message);
                log.info("Reminder for {} sent to {}", unit.code(), addresses);
                sent.add(new Outcome(unit, addresses, null));
            } catch (MailException | MessagingException e) {
                log.warn("Reminder for {} to {} failed", unit.code(), addresses, e);
                failed.add(new Outcome(unit, addresses, describe(e)));
            }
        }
        return summary(sent, withoutAddress, failed);
    }

    /** The reminder's body: the unit, each report it owes with its period and deadline, and what to do. */
    static String text(Messages messages, Unit unit, List<ReportState> owed, LocalDate today, String signature) {
        StringBuilder text = new StringBuilder();
        text.append(messages.get("reminders.mail.to", unit.name())).append("\n\n");
        text.append(messages.get("reminders.mail.owed", DAY.format(today), signature)).append('\n');
        for (ReportState state : owed) {
            var report = state.report();
            String outcome = state.state() == ReportState.State.REJECTED
                    ? messages.get("reminders.mail.report-refused", state.rejection())
                    : messages.get("reminders.mail.report-missing");
            text.append("  - ").append(messages.get("reminders.mail.report", report.form().code(), report.form().title(),
                    report.form().periodType().describe(report.period()), DAY.format(report.dataFrom()),
                    DAY.format(report.dataTo()), DAY.format(report.deadline()), outcome)).append('\n');
        }
        text.append('\n').append(messages.get("reminders.mail.what-to-do")).append("\n\n")
                .append(signature).append('\n')
                .append(messages.get("reminders.mail.automatic")).append('\n');
        return text.toString();
    }

    private String checkConfiguration() {
        if (sender == null) {
            throw new NotConfigured(messages.get("reminders.no-server"));
        }
        String from = properties.from();
        if (from == null || from.isBlank()) {
            from = environment.getProperty("giaoban.delivery.from");
        }
        if ((from == null || from.isBlank()) && sender instanceof JavaMailSenderImpl impl && impl.getUsername() != null
                && impl.getUsername().contains("@")) {
            from = impl.getUsername();
        }
        if (from == null || from.isBlank()) {
            throw new NotConfigured(messages.get("reminders.no-sender"));
        }
        check(from, "giaoban.reminders.from");
        properties.addresses().forEach((code, addresses) -> addresses.forEach(
                address -> check(address, "giaoban.reminders.addresses." + code)));
        return from;
    }

    private void check(String address, String key) {
        try {
            new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new NotConfigured(messages.get("reminders.bad-address", key, address, e.getMessage()));
        }
    }

    /** The innermost cause's message ("Connection refused"): what a person can act on. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null || root.getMessage().isBlank() ? root.getClass().getSimpleName()
                : root.getMessage().strip();
    }
}
