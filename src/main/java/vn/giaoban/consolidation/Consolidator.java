package vn.giaoban.consolidation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.Measure;
import vn.giaoban.catalog.Rollup;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.UnitKind;

/**
 * Makes the newest accepted version of each unit+form+period the current one, and forms each
 * level's totals as the catalog says. Everything it writes is derived from the submissions, so
 * running it twice, or again after a crash, gives the same tables.
 */
@Component
public class Consolidator {

    private static final Logger log = LoggerFactory.getLogger(Consolidator.class);

    private final JdbcClient jdbc;
    private final Catalog catalog;

    public Consolidator(JdbcClient jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** What one consolidation changed. */
    public record Summary(int versionsChanged, Set<YearMonth> periods) {
    }

    /** @param alwaysRollUp a period whose totals are formed even if no version changed (the job's own) */
    public Summary consolidate(YearMonth alwaysRollUp) {
        record Group(String unitKey, String formCode, String period, long winner, Long current) {
        }
        List<Group> changed = jdbc.sql("""
                SELECT w.unit_key, w.form_code, w.period, w.winner, c.submission_id AS current_id
                FROM (SELECT unit_key, form_code, period, MAX(id) AS winner
                      FROM submission WHERE status = 'ACCEPTED'
                      GROUP BY unit_key, form_code, period) w
                LEFT JOIN current_submission c
                       ON c.unit_key = w.unit_key AND c.form_code = w.form_code AND c.period = w.period
                WHERE c.submission_id IS NULL OR c.submission_id <> w.winner
                ORDER BY w.period, w.unit_key, w.form_code
                """).query((rs, n) -> new Group(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                (Long) rs.getObject(5, Long.class))).list();
        Set<YearMonth> periods = new TreeSet<>();
        periods.add(alwaysRollUp);
        for (Group group : changed) {
            if (group.current() != null) {
                jdbc.sql("DELETE FROM data_value WHERE submission_id = ?").param(group.current()).update();
            }
            jdbc.sql("""
                    INSERT INTO data_value (unit_key, indicator_code, period, measure, num_value, text_value,
                                            submission_id, sheet, cell)
                    SELECT unit_key, indicator_code, period, measure, num_value, text_value, submission_id, sheet, cell
                    FROM staged_value WHERE submission_id = ?
                    """).param(group.winner()).update();
            jdbc.sql("""
                    MERGE INTO current_submission c
                    USING (VALUES (CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(40)), CAST(? AS CHAR(7)), CAST(? AS BIGINT)))
                          AS w (unit_key, form_code, period, submission_id)
                    ON c.unit_key = w.unit_key AND c.form_code = w.form_code AND c.period = w.period
                    WHEN MATCHED THEN UPDATE SET submission_id = w.submission_id
                    WHEN NOT MATCHED THEN INSERT (unit_key, form_code, period, submission_id)
                         VALUES (w.unit_key, w.form_code, w.period, w.submission_id)
                    """).params(group.unitKey(), group.formCode(), group.period(), group.winner()).update();
            periods.add(YearMonth.parse(group.period()));
            log.info("{} {} {}: version {} is now current", group.unitKey(), group.formCode(), group.period(),
                    group.winner());
        }
        periods.forEach(this::rollUp);
        return new Summary(changed.size(), periods);
    }

    /** Forms the totals of every district and province for a period, from the current values. */
    void rollUp(YearMonth period) {
        Map<String, BigDecimal> values = new HashMap<>();
        jdbc.sql("""
                SELECT unit_key, indicator_code, measure, num_value FROM data_value
                WHERE period = ? AND num_value IS NOT NULL
                """).param(period.toString()).query(rs -> {
                    values.put(key(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getBigDecimal(4));
                });
        List<Object[]> rows = new ArrayList<>();
        for (Indicator indicator : catalog.indicators()) {
            if (indicator.rollup() == Rollup.NONE) {
                continue;
            }
            for (Measure measure : List.of(Measure.MONTH, Measure.CUMULATIVE, Measure.POINT)) {
                for (Unit unit : catalog.units()) {
                    if ((unit.kind() == UnitKind.DISTRICT || unit.kind() == UnitKind.PROVINCE)
                            && unit.validOn(period.atEndOfMonth())) {
                        Total total = total(unit, indicator, measure, period, values);
                        if (total.value() != null) {
                            rows.add(new Object[] { unit.key(), indicator.code(), period.toString(), measure.name(),
                                    total.own(), total.children(), total.childrenReported(), total.childrenExpected(),
                                    total.value() });
                        }
                    }
                }
            }
        }
        jdbc.sql("DELETE FROM rollup_value WHERE period = ?").param(period.toString()).update();
        for (Object[] row : rows) {
            jdbc.sql("""
                    INSERT INTO rollup_value (unit_key, indicator_code, period, measure, own_value, children_value,
                                              children_reported, children_expected, total_value)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(row).update();
        }
    }

    private record Total(BigDecimal own, BigDecimal children, int childrenReported, int childrenExpected,
            BigDecimal value) {
    }

    private Total total(Unit unit, Indicator indicator, Measure measure, YearMonth period,
            Map<String, BigDecimal> values) {
        BigDecimal own = values.get(key(unit.key(), indicator.code(), measure.name()));
        if (indicator.rollup() == Rollup.OWN) {
            return new Total(own, null, 0, 0, own);
        }
        BigDecimal children = null;
        int reported = 0;
        int expected = 0;
        for (Unit child : catalog.children(unit, period)) {
            if (child.kind() == UnitKind.DEPARTMENT) {
                continue;
            }
            expected++;
            BigDecimal childTotal = total(child, indicator, measure, period, values).value();
            if (childTotal != null) {
                reported++;
                children = children == null ? childTotal : children.add(childTotal);
            }
        }
        BigDecimal value = own == null ? children : children == null ? own : own.add(children);
        return new Total(own, children, reported, expected, value);
    }

    private static String key(String unitKey, String indicator, String measure) {
        return unitKey + "|" + indicator + "|" + measure;
    }
}
