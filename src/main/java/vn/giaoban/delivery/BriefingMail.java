package vn.giaoban.delivery;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.MimeMessageHelper;

import vn.giaoban.text.Messages;

/** The e-mail that carries a period's briefing: its Vietnamese subject, body and attachments. */
final class BriefingMail {

    static final String PDF = "application/pdf";
    static final String ZIP = "application/zip";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("MM/yyyy");

    private BriefingMail() {
    }

    static String subject(String template, YearMonth period) {
        return template.replace("{period}", period.format(PERIOD));
    }

    /**
     * The name the attachment carries: Vietnamese without diacritics, so that every mail client and an old
     * Windows PC show and save it alike (a non-ASCII name needs RFC 2231, which some webmail still garbles).
     */
    static String attachmentName(YearMonth period, String extension) {
        return "thong-bao-ket-luan-giao-ban-" + period + "." + extension;
    }

    static String body(Messages messages, YearMonth period, boolean withDocx) {
        String month = period.format(PERIOD);
        StringBuilder body = new StringBuilder();
        body.append(messages.get("mail.briefing.salutation")).append("\n\n");
        body.append(messages.get(withDocx ? "mail.briefing.attached-with-docx" : "mail.briefing.attached", month))
                .append('\n');
        body.append("  - ").append(attachmentName(period, "pdf")).append('\n');
        if (withDocx) {
            body.append("  - ").append(attachmentName(period, "docx")).append('\n');
        }
        body.append('\n').append(messages.get("mail.briefing.draft")).append('\n')
                .append(messages.get("mail.briefing.no-reply")).append('\n');
        return body.toString();
    }

    /** Fills a message: UTF-8 subject and body, the PDF and (when there is one) the DOCX attached. */
    static void fill(MimeMessage message, Messages messages, String from, InternetAddress[] to, String subjectTemplate,
            YearMonth period, Path pdf, Path docx) throws MessagingException {
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
        helper.setFrom(from);
        helper.setTo(to);
        helper.setSubject(subject(subjectTemplate, period));
        helper.setText(body(messages, period, docx != null), false);
        helper.addAttachment(attachmentName(period, "pdf"), new FileSystemResource(pdf), PDF);
        if (docx != null) {
            helper.addAttachment(attachmentName(period, "docx"), new FileSystemResource(docx), DOCX);
        }
    }

    /** The bundle's attachment: the notices of the offices below, in one ZIP; a name without diacritics. */
    static String bundleName(YearMonth period) {
        return "thong-bao-ket-luan-giao-ban-cac-xa-" + period + ".zip";
    }

    /** An office's bundle: the ZIP of the notices of the offices below it, with its own subject and body. */
    static void fillBundle(MimeMessage message, Messages messages, String from, InternetAddress[] to, YearMonth period,
            Path zip) throws MessagingException {
        String month = period.format(PERIOD);
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
        helper.setFrom(from);
        helper.setTo(to);
        helper.setSubject(messages.get("mail.bundle.subject", month));
        helper.setText(messages.get("mail.briefing.salutation") + "\n\n"
                + messages.get("mail.bundle.attached", month) + "\n  - " + bundleName(period) + "\n\n"
                + messages.get("mail.briefing.draft") + "\n" + messages.get("mail.briefing.no-reply") + "\n", false);
        helper.addAttachment(bundleName(period), new FileSystemResource(zip), ZIP);
    }
}
