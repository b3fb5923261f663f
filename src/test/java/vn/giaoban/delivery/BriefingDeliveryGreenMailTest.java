package vn.giaoban.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import vn.giaoban.delivery.DeliveryTestSupport.Briefing;
import vn.giaoban.GiaobanApplication;
import vn.giaoban.text.Messages;

/** The briefing arrives at an SMTP server (GreenMail): every recipient, both attachments, the subject in Vietnamese. */
@SpringBootTest(classes = GiaobanApplication.class)
class BriefingDeliveryGreenMailTest {

    private static final int PORT = DeliveryTestSupport.freePort();
    private static final YearMonth OCTOBER_2022 = YearMonth.of(2022, 10);
    private static final String OFFICE = "182";
    /** The office's e-mails, as offices.csv lists them. */
    private static final List<String> RECIPIENTS = List.of("lanhdao@vanlang.test", "Văn phòng UBND <vanphong@vanlang.test>");

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(DeliveryTestSupport.smtp(PORT))
            .withConfiguration(DeliveryTestSupport.account());

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        DeliveryTestSupport.settings(registry, "delivery-greenmail", PORT);
    }

    @Autowired
    BriefingDelivery delivery;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JavaMailSender sender;

    @TempDir
    Path reports;

    @BeforeEach
    void emptyQueue() {
        jdbc.sql("DELETE FROM delivery").update();
    }

    @Test
    void everyRecipientReceivesTheBriefingWithBothAttachmentsAndAVietnameseSubject() throws Exception {
        Briefing briefing = Briefing.write(reports, OCTOBER_2022);

        delivery.enqueue(OCTOBER_2022, OFFICE, RECIPIENTS, briefing.pdf(), briefing.docx(), null);
        DeliverySummary summary = delivery.deliverPending();

        assertThat(summary.sent()).isEqualTo(1);
        assertThat(summary.pending()).isZero();
        assertThat(summary.lines(Messages.defaults())).containsExactly("Gửi thư: 1 đã gửi; 0 chờ gửi lại.");

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2); // one copy in each recipient's mailbox
        for (MimeMessage message : received) {
            assertThat(message.getSubject()).isEqualTo("Thông báo kết luận giao ban tháng 10/2022 (dự thảo)");
            // encoded as RFC 2047 UTF-8, so that every client decodes it
            assertThat(message.getHeader("Subject")[0]).startsWith("=?UTF-8?");
            assertThat(message.getFrom()[0].toString()).isEqualTo(DeliveryTestSupport.FROM);
            assertThat(Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(InternetAddress.class::cast)
                    .map(address -> address.getPersonal() + " <" + address.getAddress() + ">"))
                    .containsExactly("null <lanhdao@vanlang.test>", "Văn phòng UBND <vanphong@vanlang.test>");

            List<Part> parts = parts(message);
            assertThat(parts).hasSize(3);
            assertThat(parts.get(0).isMimeType("text/plain")).isTrue();
            assertThat(parts.get(0).getContentType()).containsIgnoringCase("charset=UTF-8");
            assertThat((String) parts.get(0).getContent())
                    .contains("Văn phòng HĐND và UBND gửi kèm dự thảo Thông báo kết luận giao ban tháng 10/2022")
                    .contains("bản PDF để đọc, bản DOCX để chỉnh sửa")
                    .contains("Đây là bản tự động từ hệ thống giaoban");

            Part pdf = parts.get(1);
            assertThat(pdf.isMimeType(BriefingMail.PDF)).isTrue();
            assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
            assertThat(pdf.getFileName()).isEqualTo("thong-bao-ket-luan-giao-ban-2022-10.pdf");
            assertThat(bytes(pdf)).isEqualTo(briefing.pdfBytes());

            Part docx = parts.get(2);
            assertThat(docx.isMimeType(BriefingMail.DOCX)).isTrue();
            assertThat(docx.getDisposition()).isEqualTo(Part.ATTACHMENT);
            assertThat(docx.getFileName()).isEqualTo("thong-bao-ket-luan-giao-ban-2022-10.docx");
            assertThat(bytes(docx)).isEqualTo(briefing.docxBytes());
        }
        assertThat(received[0].getRecipients(Message.RecipientType.TO)).hasSize(2);

        List<Map<String, Object>> rows = DeliveryTestSupport.deliveries(jdbc, OCTOBER_2022);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("status")).isEqualTo("SENT");
        assertThat(rows.get(0).get("attempts")).isEqualTo(1);
        assertThat(rows.get(0).get("sent_at")).isNotNull();
        assertThat(rows.get(0).get("last_error")).isNull();
        assertThat(rows.get(0).get("queued")).isNull();

        // sent is sent: the next run sends nothing again
        assertThat(delivery.deliverPending().outcomes()).isEmpty();
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
    }

    @Test
    void aBriefingWithoutDocxGoesAsThePdfAlone() throws Exception {
        Briefing briefing = Briefing.write(reports, OCTOBER_2022);

        delivery.enqueue(OCTOBER_2022, OFFICE, RECIPIENTS, briefing.pdf(), null, null);
        assertThat(delivery.deliverPending().sent()).isEqualTo(1);

        MimeMessage message = greenMail.getReceivedMessages()[0];
        List<Part> parts = parts(message);
        assertThat(parts).hasSize(2);
        assertThat((String) parts.get(0).getContent()).contains("(bản PDF để đọc)").doesNotContain("DOCX");
        assertThat(parts.get(1).getFileName()).isEqualTo("thong-bao-ket-luan-giao-ban-2022-10.pdf");
    }

    /** The office wants the latest draft, once: a briefing regenerated before the first was sent replaces it. */
    @Test
    void aRegeneratedBriefingSupersedesTheOneNotYetSentAndIsSentOnce() throws Exception {
        Briefing briefing = Briefing.write(reports, OCTOBER_2022);
        delivery.enqueue(OCTOBER_2022, OFFICE, RECIPIENTS, briefing.pdf(), briefing.docx(), null);
        delivery.enqueue(OCTOBER_2022, OFFICE, RECIPIENTS, briefing.pdf(), briefing.docx(), null);
        Briefing september = Briefing.write(reports, YearMonth.of(2022, 9));
        delivery.enqueue(YearMonth.of(2022, 9), OFFICE, RECIPIENTS, september.pdf(), september.docx(), null);

        DeliverySummary summary = delivery.deliverPending();

        assertThat(summary.sent()).isEqualTo(2);
        assertThat(summary.outcomes()).extracting(DeliverySummary.Outcome::period)
                .containsExactly(OCTOBER_2022, YearMonth.of(2022, 9)); // oldest first
        assertThat(DeliveryTestSupport.deliveries(jdbc, OCTOBER_2022)).extracting(row -> row.get("status"))
                .containsExactly("SUPERSEDED", "SENT");
        assertThat(greenMail.getReceivedMessages()).hasSize(4); // two briefings, two recipients

        // regenerated after it was sent (new figures came in): sent again
        delivery.enqueue(OCTOBER_2022, OFFICE, RECIPIENTS, briefing.pdf(), briefing.docx(), null);
        assertThat(delivery.deliverPending().sent()).isEqualTo(1);
        assertThat(DeliveryTestSupport.deliveries(jdbc, OCTOBER_2022)).extracting(row -> row.get("status"))
                .containsExactly("SUPERSEDED", "SENT", "SENT");
    }

    /** With a content key, a briefing that says what the last one e-mailed said is not sent again the next night. */
    @Test
    void aBriefingThatSaysNothingNewIsNotSentAgain() {
        Briefing briefing = Briefing.write(reports, OCTOBER_2022);
        assertThat(delivery.enqueue(OCTOBER_2022, OFFICE, RECIPIENTS, briefing.pdf(), briefing.docx(), "noi-dung-1")).isTrue();
        assertThat(delivery.enqueue(OCTOBER_2022, OFFICE, RECIPIENTS, briefing.pdf(), briefing.docx(), "noi-dung-1")).isFalse(); // waiting
        assertThat(delivery.deliverPending().sent()).isEqualTo(1);

        assertThat(delivery.enqueue(OCTOBER_2022, OFFICE, RECIPIENTS, briefing.pdf(), briefing.docx(), "noi-dung-1")).isFalse(); // sent
        assertThat(delivery.deliverPending().outcomes()).isEmpty();

        assertThat(delivery.enqueue(OCTOBER_2022, OFFICE, RECIPIENTS, briefing.pdf(), briefing.docx(), "noi-dung-2")).isTrue(); // new figures
        assertThat(delivery.deliverPending().sent()).isEqualTo(1);
        assertThat(DeliveryTestSupport.deliveries(jdbc, OCTOBER_2022)).extracting(row -> row.get("content_key"))
                .containsExactly("noi-dung-1", "noi-dung-2");
        assertThat(greenMail.getReceivedMessages()).hasSize(4);
    }

    /** Jakarta Mail waits for ever on a server that never answers, unless told otherwise. */
    @Test
    void theMailSenderHasTimeouts() {
        assertThat(((JavaMailSenderImpl) sender).getJavaMailProperties())
                .containsEntry("mail.smtp.connectiontimeout", "60000")
                .containsEntry("mail.smtp.timeout", "60000")
                .containsEntry("mail.smtp.writetimeout", "60000")
                .containsEntry("mail.smtp.auth", "true");
    }

    private static List<Part> parts(MimeMessage message) throws MessagingException, IOException {
        List<Part> parts = new ArrayList<>();
        collect(message, parts);
        return parts;
    }

    private static void collect(Part part, List<Part> leaves) throws MessagingException, IOException {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, leaves);
            }
        } else {
            leaves.add(part);
        }
    }

    private static byte[] bytes(Part part) throws IOException, MessagingException {
        try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
