package vn.giaoban.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the briefings are e-mailed. Who receives an office's notice is that office's {@code emails} in the catalog's
 * {@code offices.csv}, never a setting. The SMTP server itself is Spring Boot's {@code spring.mail.*} (host, port,
 * username, password, properties); delivery is on only when {@code spring.mail.host} is set.
 *
 * @param from            the sender's address; when blank, {@code spring.mail.username} if it is an address
 * @param subjectTemplate the subject; {@code {period}} stands for "10/2022"
 * @param maxAttempts     a delivery that failed this many times (one attempt per run) is given up
 * @param timeout         how long to wait for the SMTP server to connect, answer or take data, so that a server
 *                        that hangs cannot hold the night: applied unless {@code spring.mail.properties} sets it
 */
@ConfigurationProperties("giaoban.delivery")
public record DeliveryProperties(
        String from,
        @DefaultValue("Thông báo kết luận giao ban tháng {period} (dự thảo)") String subjectTemplate,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("60s") Duration timeout) {

    public DeliveryProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("giaoban.delivery.max-attempts phải từ 1 trở lên (đang là " + maxAttempts + ").");
        }
    }
}
