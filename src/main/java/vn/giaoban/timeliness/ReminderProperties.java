package vn.giaoban.timeliness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who is reminded of a missing report, and how. The addresses are settings, not catalog columns:
 * they are a deployment's contacts, change with people, and the catalog is shipped with the product.
 *
 * @param addresses       by unit code ({@code giaoban.reminders.addresses.06175=vanphong@hongthai.test}, several
 *                        separated by commas); a unit without one is listed, not reminded
 * @param from            the sender; when blank, {@code giaoban.delivery.from}, then {@code spring.mail.username}
 *                        if it is an address
 * @param subjectTemplate {@code {period}} stands for "10/2022", {@code {unit}} for the unit's name
 * @param signature       who the reminder is from, as its last line says
 */
@ConfigurationProperties("giaoban.reminders")
public record ReminderProperties(
        @DefaultValue Map<String, List<String>> addresses,
        String from,
        @DefaultValue("Nhắc nộp báo cáo kỳ {period} - {unit}") String subjectTemplate,
        @DefaultValue("Văn phòng HĐND và UBND") String signature) {

    public ReminderProperties {
        // unit codes are matched whatever their case: an environment variable's key arrives in lower case
        Map<String, List<String>> byCode = new LinkedHashMap<>();
        if (addresses != null) {
            addresses.forEach((code, list) -> byCode.put(code.toUpperCase(Locale.ROOT),
                    list.stream().map(String::strip).filter(a -> !a.isEmpty()).toList()));
        }
        addresses = Map.copyOf(byCode);
    }

    public List<String> addressesOf(String unitCode) {
        return addresses.getOrDefault(unitCode.toUpperCase(Locale.ROOT), List.of());
    }
}
