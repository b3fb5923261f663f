package vn.giaoban.consolidation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.Unit;
import vn.giaoban.text.Messages;
import vn.giaoban.text.VietnameseNumbers;

/**
 * Every value a unit gave for an indicator, version by version: which file set it, when it was
 * received, which cell, what it changed, and which version is current. {@code giaoban history}.
 */
@Component
public class ValueHistory {

    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final ZoneId zone;
    private final Messages messages;

    public ValueHistory(JdbcClient jdbc, Catalog catalog, Clock clock, Messages messages) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.zone = clock.getZone();
        this.messages = messages;
    }

    /** One accepted version of a unit's form for a period, and the value it gave (null: left empty). */
    public record Change(YearMonth period, String measure, String form, int version, long submissionId, String file, Instant received,
            String cell, String value, boolean current, String change) {
    }

    /** The changes of the indicator for every unit that carried this code, oldest period first. */
    public List<Change> changes(String unitCode, String indicatorCode) {
        Indicator indicator = catalog.indicator(indicatorCode);
        List<String> keys = catalog.unitsWithCode(unitCode).stream().map(Unit::key).toList();
        record Version(long id, int version, String period, String form, String file, Instant received, boolean current) {
        }
        String form = catalog.formOf(indicatorCode).map(f -> f.code()).orElse(null);
        List<Version> versions = new ArrayList<>();
        for (String key : keys) {
            versions.addAll(jdbc.sql("""
                    SELECT s.id, s.version, s.period, s.form_code, s.relative_path, s.received_at,
                           CASE WHEN c.submission_id = s.id THEN 1 ELSE 0 END
                    FROM submission s LEFT JOIN current_submission c
                         ON c.unit_key = s.unit_key AND c.form_code = s.form_code AND c.period = s.period
                    WHERE s.unit_key = ? AND s.status = 'ACCEPTED'
                      AND (s.form_code = ? OR EXISTS (SELECT 1 FROM staged_value v WHERE v.submission_id = s.id
                                                      AND v.indicator_code = ?))
                    ORDER BY s.period, s.id""").params(key, form, indicatorCode)
                    .query((rs, n) -> new Version(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getInt(7) == 1)).list());
        }
        // a code carried by two units (before and after a reform): their versions in one order
        versions.sort(Comparator.comparing(Version::period).thenComparingLong(Version::id));
        Map<Long, Map<String, String[]>> values = new HashMap<>();
        for (Version version : versions) {
            Map<String, String[]> byMeasure = new LinkedHashMap<>();
            jdbc.sql("""
                    SELECT measure, num_value, text_value, sheet, cell FROM staged_value
                    WHERE submission_id = ? AND indicator_code = ? ORDER BY measure""").params(version.id(), indicatorCode)
                    .query(rs -> {
                        BigDecimal number = rs.getBigDecimal(2);
                        String shown = number != null ? VietnameseNumbers.format(number,
                                Math.max(indicator.decimals(), Math.max(0, number.stripTrailingZeros().scale())))
                                : rs.getString(3);
                        byMeasure.put(rs.getString(1), new String[] { shown, rs.getString(4) + "!" + rs.getString(5) });
                    });
            values.put(version.id(), byMeasure);
        }
        List<Change> changes = new ArrayList<>();
        Map<String, String> last = new HashMap<>();
        for (Version version : versions) {
            String prefix = version.period() + "|" + version.form() + "|";
            Set<String> measures = new LinkedHashSet<>(values.get(version.id()).keySet());
            last.keySet().stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length()))
                    .forEach(measures::add);
            for (String measure : measures) {
                String[] now = values.get(version.id()).get(measure);
                String before = last.get(prefix + measure);
                String value = now == null ? null : now[0];
                String change = before == null ? (value == null ? null : messages.get("cli.history.new"))
                        : value == null ? messages.get("cli.history.cleared", before)
                        : Objects.equals(before, value) ? messages.get("cli.history.unchanged")
                        : messages.get("cli.history.changed", before);
                if (change == null) {
                    continue;
                }
                changes.add(new Change(YearMonth.parse(version.period()), measure, version.form(), version.version(),
                        version.id(), version.file(), version.received(), now == null ? null : now[1], value,
                        version.current(), change));
                if (value == null) {
                    last.remove(prefix + measure);
                } else {
                    last.put(prefix + measure, value);
                }
            }
        }
        return changes;
    }

    /** For the terminal. */
    public List<String> lines(String unitCode, String indicatorCode) {
        Indicator indicator = catalog.indicator(indicatorCode);
        String unitName = catalog.unitsWithCode(unitCode).stream().map(Unit::name).distinct()
                .reduce((a, b) -> a + " / " + b).orElse(unitCode);
        List<String> lines = new ArrayList<>();
        lines.add(messages.get("cli.history.title", indicator.name(), indicator.code(), unitName, unitCode));
        List<Change> changes = changes(unitCode, indicatorCode);
        if (changes.isEmpty()) {
            lines.add("  " + messages.get("cli.history.none"));
        }
        String heading = null;
        for (Change change : changes) {
            String now = messages.get("cli.history.heading", change.period().getMonthValue() + "/" + change.period().getYear(),
                    measureName(change.measure()), change.form());
            if (!now.equals(heading)) {
                lines.add(now);
                heading = now;
            }
            String value = change.value() == null ? messages.get("cli.history.empty") : change.value();
            String cell = change.cell() == null ? "" : messages.get("cli.history.cell", change.cell());
            lines.add("  " + messages.get("cli.history.version", change.version(),
                    RECEIVED.format(change.received().atZone(zone)), change.file(), cell, value, change.change())
                    + (change.current() ? messages.get("cli.history.current") : ""));
        }
        return lines;
    }

    /** The measure's name as the office reads it; a measure the bundle does not name is shown as stored. */
    private String measureName(String measure) {
        return switch (measure) {
            case "MONTH", "CUMULATIVE", "POINT", "PLAN_YEAR", "SAME_PERIOD_LAST_YEAR", "PERCENT_OF_PLAN",
                    "PERCENT_OF_LAST_YEAR" -> messages.get("cli.history.measure." + measure);
            default -> measure;
        };
    }

}
