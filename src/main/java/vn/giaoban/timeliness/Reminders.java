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

    public Reminders(ObjectProvider<JavaMailSender> senders, ReminderProperties properties, Environment environment,
            Clock clock) {
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

    /** Who was reminded, who has no address, whose reminder failed. */
    public record Summary(List<Outcome> sent, List<Unit> withoutAddress, List<Outcome> failed) {

        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            if (sent.isEmpty() && withoutAddress.isEmpty() && failed.isEmpty()) {
                lines.add("Không có đơn vị nào phải nhắc: mọi báo cáo của kỳ đã được tiếp nhận.");
            }
            sent.forEach(o -> lines.add("Đã gửi thư nhắc: " + name(o.unit()) + " → " + String.join(", ", o.addresses())));
            if (!withoutAddress.isEmpty()) {
                lines.add("Chưa có địa chỉ thư nên chưa nhắc được (đặt giaoban.reminders.addresses.<mã đơn vị>): "
                        + String.join(", ", withoutAddress.stream().map(Summary::name).toList()) + ".");
            }
            failed.forEach(o -> lines.add("Không gửi được thư nhắc cho " + name(o.unit()) + " (" + o.error() + ")."));
            if (!failed.isEmpty()) {
                lines.add(failed.size() + " đơn vị chưa được nhắc do lỗi gửi thư; chạy lại lệnh khi máy chủ thư hoạt động.");
            }
            return lines;
        }

        private static String name(Unit unit) {
            return unit.name() + " (" + unit.code() + ")";
        }
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
                helper.setText(text(unit, entry.getValue(), today, properties.signature()), false);
                sender.send(message);
                log.info("Reminder for {} sent to {}", unit.code(), addresses);
                sent.add(new Outcome(unit, addresses, null));
            } catch (MailException | MessagingException e) {
                log.warn("Reminder for {} to {} failed", unit.code(), addresses, e);
                failed.add(new Outcome(unit, addresses, describe(e)));
            }
        }
        return new Summary(sent, withoutAddress, failed);
    }

    /** The reminder's body: the unit, each report it owes with its period and deadline, and what to do. */
    static String text(Unit unit, List<ReportState> owed, LocalDate today, String signature) {
        StringBuilder text = new StringBuilder();
        text.append("Kính gửi: ").append(unit.name()).append(".\n\n");
        text.append("Đến ngày ").append(DAY.format(today)).append(", ").append(signature)
                .append(" chưa nhận được báo cáo hợp lệ sau của đơn vị:\n");
        for (ReportState state : owed) {
            var report = state.report();
            text.append("  - Biểu ").append(report.form().code()).append(" - ").append(report.form().title())
                    .append(", kỳ ").append(report.form().periodType().describe(report.period()))
                    .append(" (số liệu từ ngày ").append(DAY.format(report.dataFrom())).append(" đến ngày ")
                    .append(DAY.format(report.dataTo())).append("), hạn nộp ngày ").append(DAY.format(report.deadline()))
                    .append(state.state() == ReportState.State.REJECTED
                            ? ": tệp đơn vị gửi không được tiếp nhận (" + state.rejection() + ")."
                            : ": chưa nộp.")
                    .append('\n');
        }
        text.append("\nĐề nghị đơn vị hoàn thiện và gửi báo cáo vào thư mục của đơn vị trên ổ dùng chung sớm nhất;")
                .append(" kết quả tiếp nhận và lý do (nếu không tiếp nhận) có trong tệp phản hồi cùng thư mục.\n\n")
                .append(signature).append("\n")
                .append("(Thư được gửi tự động từ hệ thống tổng hợp báo cáo giaoban, đề nghị không trả lời thư này.)\n");
        return text.toString();
    }

    private String checkConfiguration() {
        if (sender == null) {
            throw new NotConfigured("Chưa cấu hình máy chủ thư (spring.mail.host) nên không gửi được thư nhắc;"
                    + " xem mục \"E-mail\" trong README.");
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
            throw new NotConfigured("Thiếu địa chỉ người gửi thư nhắc: đặt giaoban.reminders.from (ví dụ"
                    + " vanphong@vanlang.langson.gov.vn).");
        }
        check(from, "giaoban.reminders.from");
        properties.addresses().forEach((code, addresses) -> addresses.forEach(
                address -> check(address, "giaoban.reminders.addresses." + code)));
        return from;
    }

    private static void check(String address, String key) {
        try {
            new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new NotConfigured("Địa chỉ thư không hợp lệ trong " + key + ": \"" + address + "\" (" + e.getMessage()
                    + ").");
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
