package vn.giaoban.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;

import vn.giaoban.delivery.DeliveryTestSupport.Briefing;
import vn.giaoban.GiaobanApplication;
import vn.giaoban.text.Messages;

/**
 * The SMTP server is down (nothing listens on the port): the delivery waits with its error, the briefing is left
 * as it is, nothing is thrown; the next run, with the server back, sends it. After max-attempts it is given up.
 */
@SpringBootTest(classes = GiaobanApplication.class, properties = "giaoban.delivery.max-attempts=3")
class BriefingDeliverySmtpDownTest {

    private static final int PORT = DeliveryTestSupport.freePort();
    private static final YearMonth OCTOBER_2022 = YearMonth.of(2022, 10);
    private static final String OFFICE = "182";
    /** The office's e-mails, as offices.csv lists them. */
    private static final List<String> RECIPIENTS = List.of("lanhdao@vanlang.test");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        DeliveryTestSupport.settings(registry, "delivery-smtp-down", PORT);
    }

    @Autowired
    BriefingDelivery delivery;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path reports;

    @BeforeEach
    void emptyQueue() {
        jdbc.sql("DELETE FROM delivery").update();
    }

    @Test
    void aFailedDeliveryWaitsWithItsErrorAndIsSentOnTheNextRunOnceTheServerIsBack() throws Exception {
        Briefing briefing = Briefing.write(reports, OCTOBER_2022);
        FileTime written = Files.getLastModifiedTime(briefing.pdf());
        delivery.enqueue(OCTOBER_2022, OFFICE, RECIPIENTS, briefing.pdf(), briefing.docx(), null);

        DeliverySummary tonight = delivery.deliverPending(); // does not throw

        assertThat(tonight.sent()).isZero();
        assertThat(tonight.pending()).isEqualTo(1);
        assertThat(tonight.outcomes().get(0).error()).isEqualTo("Connection refused");
        assertThat(tonight.lines(Messages.defaults())).containsExactly("Gửi thư: 0 đã gửi; 1 chờ gửi lại.",
                "Gửi thư kỳ 10/2022 cho cơ quan mã 182 thất bại (lần thử 1/3, sẽ thử lại lần chạy sau): Connection refused");
        Map<String, Object> row = DeliveryTestSupport.deliveries(jdbc, OCTOBER_2022).get(0);
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("last_error")).isEqualTo("Connection refused");
        assertThat(row.get("last_attempt_at")).isNotNull();
        assertThat(row.get("sent_at")).isNull();
        // the report is where it was, as it was
        assertThat(Files.readAllBytes(briefing.pdf())).isEqualTo(briefing.pdfBytes());
        assertThat(Files.readAllBytes(briefing.docx())).isEqualTo(briefing.docxBytes());
        assertThat(Files.getLastModifiedTime(briefing.pdf())).isEqualTo(written);

        GreenMail server = new GreenMail(DeliveryTestSupport.smtp(PORT)).withConfiguration(DeliveryTestSupport.account());
        server.start();
        try {
            DeliverySummary nextNight = delivery.deliverPending();

            assertThat(nextNight.sent()).isEqualTo(1);
            assertThat(nextNight.lines(Messages.defaults())).containsExactly("Gửi thư: 1 đã gửi; 0 chờ gửi lại.");
            assertThat(server.getReceivedMessages()).hasSize(1);
            assertThat(server.getReceivedMessages()[0].getSubject())
                    .isEqualTo("Thông báo kết luận giao ban tháng 10/2022 (dự thảo)");
        } finally {
            server.stop();
        }
        row = DeliveryTestSupport.deliveries(jdbc, OCTOBER_2022).get(0);
        assertThat(row.get("status")).isEqualTo("SENT");
        assertThat(row.get("attempts")).isEqualTo(2);
        assertThat(row.get("sent_at")).isNotNull();
        assertThat(row.get("last_error")).isNull();
    }

    @Test
    void aDeliveryThatKeepsFailingIsGivenUpAfterMaxAttemptsWithoutBlockingTheOthers() throws Exception {
        YearMonth september = YearMonth.of(2022, 9);
        Briefing failing = Briefing.write(reports, september);
        delivery.enqueue(september, OFFICE, RECIPIENTS, failing.pdf(), failing.docx(), null);

        delivery.deliverPending();
        delivery.deliverPending();
        // a later period queued meanwhile is tried in the same run, after the older one
        Briefing october = Briefing.write(reports, OCTOBER_2022);
        delivery.enqueue(OCTOBER_2022, OFFICE, RECIPIENTS, october.pdf(), october.docx(), null);
        DeliverySummary third = delivery.deliverPending();

        assertThat(third.failedFinally()).isEqualTo(1);
        assertThat(third.pending()).isEqualTo(1);
        assertThat(third.lines(Messages.defaults())).containsExactly("Gửi thư: 0 đã gửi; 1 chờ gửi lại; 1 không gửi được.",
                "Gửi thư kỳ 09/2022 cho cơ quan mã 182 thất bại lần thứ 3, không thử lại nữa: Connection refused. Đề nghị gửi tay tệp "
                        + failing.pdf() + ".",
                "Gửi thư kỳ 10/2022 cho cơ quan mã 182 thất bại (lần thử 1/3, sẽ thử lại lần chạy sau): Connection refused");
        assertThat(DeliveryTestSupport.deliveries(jdbc, september).get(0)).containsEntry("status", "FAILED_FINAL")
                .containsEntry("attempts", 3);

        // given up: not tried again
        DeliverySummary fourth = delivery.deliverPending();
        assertThat(fourth.outcomes()).extracting(DeliverySummary.Outcome::period).containsExactly(OCTOBER_2022);
        assertThat(DeliveryTestSupport.deliveries(jdbc, september).get(0)).containsEntry("attempts", 3);
    }

    @Test
    void aMissingBriefingFileIsAFailedAttemptNotAnException() throws Exception {
        Briefing briefing = Briefing.write(reports, OCTOBER_2022);
        delivery.enqueue(OCTOBER_2022, OFFICE, RECIPIENTS, briefing.pdf(), briefing.docx(), null);
        Files.delete(briefing.docx());

        DeliverySummary summary = delivery.deliverPending();

        assertThat(summary.pending()).isEqualTo(1);
        assertThat(summary.outcomes().get(0).error()).isEqualTo("không tìm thấy tệp " + briefing.docx().toAbsolutePath());
    }
}
