package vn.giaoban.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import vn.giaoban.delivery.DeliveryTestSupport.Briefing;
import vn.giaoban.GiaobanApplication;
import vn.giaoban.text.Messages;

/** Without an SMTP host or without recipients nothing is queued and nothing is sent; bad addresses stop the start. */
class BriefingDeliveryOffTest {

    private static final int PORT = DeliveryTestSupport.freePort();
    private static final YearMonth OCTOBER_2022 = YearMonth.of(2022, 10);

    /** Listening, to show that nothing is sent even when a server would take it. */
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(DeliveryTestSupport.smtp(PORT))
            .withConfiguration(DeliveryTestSupport.account());

    @TempDir
    Path work;

    @Test
    void withoutAnSmtpHostNothingIsQueuedOrSent() {
        try (ConfigurableApplicationContext context = start("delivery-off-no-host",
                "--giaoban.delivery.from=" + DeliveryTestSupport.FROM)) {
            assertThat(context.getBeanProvider(JavaMailSender.class).getIfAvailable()).isNull();
            BriefingDelivery delivery = context.getBean(BriefingDelivery.class);
            assertThat(delivery.enabled()).isFalse();
            assertNothingHappens(context, List.of("lanhdao@vanlang.test"));
        }
    }

    /** An office with no e-mail in offices.csv is simply not mailed, while the others are. */
    @Test
    void anOfficeWithoutAddressesIsNotQueued() {
        try (ConfigurableApplicationContext context = start("delivery-off-no-recipients",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + PORT,
                "--spring.mail.username=" + DeliveryTestSupport.FROM,
                "--spring.mail.password=" + DeliveryTestSupport.PASSWORD)) {
            assertThat(context.getBean(BriefingDelivery.class).enabled()).isTrue();
            Briefing briefing = Briefing.write(work.resolve("reports"), OCTOBER_2022);
            assertThat(context.getBean(BriefingDelivery.class).enqueue(OCTOBER_2022, "182", List.of(" "), briefing.pdf(),
                    briefing.docx(), null)).isFalse();
            assertThat(context.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM delivery").query(Long.class).single())
                    .isZero();
        }
    }

    /** Who receives a notice is catalog data now: a deployment that still sets the old list starts, and ignores it. */
    @Test
    void theOldRecipientsSettingIsIgnored() {
        try (ConfigurableApplicationContext context = start("delivery-old-setting", "--spring.mail.host=127.0.0.1",
                "--giaoban.delivery.from=" + DeliveryTestSupport.FROM,
                "--giaoban.delivery.recipients=lanhdao@vanlang.test,văn phòng")) {
            assertThat(context.getBean(BriefingDelivery.class).enabled()).isTrue();
        }
    }

    /**
     * Without a sender the application still starts (a deployment may send only reminders); the night checks,
     * before it starts, that no office of its month has addresses to mail (CommandLineTests).
     */
    @Test
    void withoutASenderAddressTheProblemIsSaidBeforeANightThatMails() {
        try (ConfigurableApplicationContext context = start("delivery-no-from", "--spring.mail.host=127.0.0.1")) {
            assertThat(context.getBean(BriefingDelivery.class).senderProblem())
                    .hasValueSatisfying(problem -> assertThat(problem)
                            .startsWith("Thiếu địa chỉ người gửi thư: đặt giaoban.delivery.from"));
        }
    }

    private void assertNothingHappens(ConfigurableApplicationContext context, List<String> recipients) {
        BriefingDelivery delivery = context.getBean(BriefingDelivery.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Briefing briefing = Briefing.write(work.resolve("reports"), OCTOBER_2022);

        delivery.enqueue(OCTOBER_2022, "182", recipients, briefing.pdf(), briefing.docx(), null);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery").query(Long.class).single()).isZero();

        // a delivery queued while delivery was on stays as it is while it is off
        jdbc.sql("""
                INSERT INTO delivery (period, office, pdf_path, recipients, status, attempts, created_at, queued)
                VALUES ('2022-09', '182', ?, 'lanhdao@vanlang.test', 'PENDING', 0, ?, '2022-09/182/NOTICE')
                """).params(briefing.pdf().toString(), LocalDateTime.now()).update();
        DeliverySummary summary = delivery.deliverPending();

        assertThat(summary.enabled()).isFalse();
        assertThat(summary.outcomes()).isEmpty();
        assertThat(summary.lines(Messages.defaults())).isEmpty();
        assertThat(jdbc.sql("SELECT attempts FROM delivery").query(Integer.class).single()).isZero();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    private ConfigurableApplicationContext start(String database, String... settings) {
        List<String> args = new ArrayList<>(List.of("--giaoban.work-dir=" + work,
                "--spring.datasource.url=jdbc:hsqldb:mem:" + database + ";hsqldb.tx=mvcc"));
        args.addAll(List.of(settings));
        return SpringApplication.run(GiaobanApplication.class, args.toArray(String[]::new));
    }
}
