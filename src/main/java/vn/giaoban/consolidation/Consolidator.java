package vn.giaoban.consolidation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Delegation;
import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.ListForm;
import vn.giaoban.catalog.Measure;
import vn.giaoban.catalog.Rollup;
import vn.giaoban.catalog.Rule;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.UnitKind;
import vn.giaoban.rules.RuleEngine;
import vn.giaoban.rules.RuleResult;

/**
 * Makes the newest accepted version of each unit+form+period the current one, rebuilds the
 * period's values from the current versions, checks them against the catalog's rules (an ERROR
 * rule that fails leaves its value out), and forms each level's totals as the catalog says. Everything it writes is derived from the submissions, so
 * running it twice, or again after a crash, gives the same tables.
 */
@Component
public class Consolidator {

    private static final Logger log = LoggerFactory.getLogger(Consolidator.class);

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final RuleEngine rules;

    public Consolidator(JdbcClient jdbc, Catalog catalog, RuleEngine rules) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.rules = rules;
    }

    /** What one consolidation changed. */
    /** @param valuesLeftOut values an ERROR rule left out of the figures */
    public record Summary(int versionsChanged, Set<YearMonth> periods, int valuesLeftOut) {
    }

    /** A unit's report of a form for a period whose current version is to change. */
    private record Group(String unitKey, String formCode, String period, long winner, Long current) {
    }

    /** @param alwaysRollUp a period whose totals are formed even if no version changed (the job's own) */
    public Summary consolidate(YearMonth alwaysRollUp) {
        // a report one unit sent: its newest accepted version
        List<Group> changed = new ArrayList<>(jdbc.sql("""
                SELECT w.unit_key, w.form_code, w.period, w.winner, c.submission_id AS current_id
                FROM (SELECT unit_key, form_code, period, MAX(id) AS winner
                      FROM submission WHERE status = 'ACCEPTED'
                      GROUP BY unit_key, form_code, period HAVING COUNT(DISTINCT folder) = 1) w
                LEFT JOIN current_submission c
                       ON c.unit_key = w.unit_key AND c.form_code = w.form_code AND c.period = w.period
                WHERE c.submission_id IS NULL OR c.submission_id <> w.winner
                """).query((rs, n) -> new Group(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                (Long) rs.getObject(5, Long.class))).list());
        changed.addAll(sentByTwo());
        changed.sort(Comparator.comparing(Group::period).thenComparing(Group::unitKey).thenComparing(Group::formCode));
        Set<YearMonth> periods = new TreeSet<>();
        periods.add(alwaysRollUp);
        for (Group group : changed) {
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
        // a changed month also changes what next month and the same month next year are compared with
        for (YearMonth changedPeriod : List.copyOf(periods)) {
            for (YearMonth later : List.of(changedPeriod.plusMonths(1), changedPeriod.plusYears(1))) {
                if (hasCurrentSubmissions(later)) {
                    periods.add(later);
                }
            }
        }
        int[] rejected = { 0 };
        for (YearMonth period : periods) {
            rebuildValues(period);
            rules.evaluate(period, failed -> rejected[0] += leaveOut(failed));
            rollUp(period);
        }
        return new Summary(changed.size(), periods, rejected[0]);
    }

    /**
     * A report that both the unit and another sending for it (a delegation) sent: the newest version of the party the
     * catalog makes authoritative, else the newest of any. Few: read whole.
     */
    private List<Group> sentByTwo() {
        record Version(String unitKey, String formCode, String period, long id, String folder, Long current) {
        }
        Map<String, List<Version>> byReport = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT s.unit_key, s.form_code, s.period, s.id, s.folder, c.submission_id
                FROM submission s
                JOIN (SELECT unit_key, form_code, period FROM submission WHERE status = 'ACCEPTED'
                      GROUP BY unit_key, form_code, period HAVING COUNT(DISTINCT folder) > 1) w
                  ON w.unit_key = s.unit_key AND w.form_code = s.form_code AND w.period = s.period
                LEFT JOIN current_submission c
                       ON c.unit_key = s.unit_key AND c.form_code = s.form_code AND c.period = s.period
                WHERE s.status = 'ACCEPTED'
                ORDER BY s.id""").query((rs, n) -> new Version(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getLong(4), rs.getString(5), (Long) rs.getObject(6, Long.class))).list()
                .forEach(v -> byReport.computeIfAbsent(v.unitKey() + "|" + v.formCode() + "|" + v.period(),
                        k -> new ArrayList<>()).add(v));
        List<Group> changed = new ArrayList<>();
        for (List<Version> versions : byReport.values()) {
            Version first = versions.get(0);
            YearMonth period = YearMonth.parse(first.period());
            Optional<String> authoritative = authoritativeFolder(first.unitKey(), first.formCode(), period,
                    versions.stream().map(Version::folder).distinct().toList());
            Version winner = versions.stream().filter(v -> authoritative.map(v.folder()::equals).orElse(true))
                    .reduce((older, newer) -> newer).orElse(versions.get(versions.size() - 1));
            if (!Long.valueOf(winner.id()).equals(first.current())) {
                changed.add(new Group(first.unitKey(), first.formCode(), first.period(), winner.id(), first.current()));
            }
        }
        return changed;
    }

    /** Of the folders that sent a unit's report, the one whose figures count by the catalog's delegation. */
    private Optional<String> authoritativeFolder(String unitKey, String formCode, YearMonth period, List<String> folders) {
        Optional<Unit> subject = catalog.unitByKey(unitKey);
        Optional<Form> form = catalog.form(formCode);
        if (subject.isEmpty() || form.isEmpty()) {
            return Optional.empty();
        }
        for (String folder : folders) {
            Optional<Delegation> delegation = catalog.unit(folder, period)
                    .flatMap(sender -> catalog.delegation(sender, form.get(), subject.get()));
            if (delegation.isPresent()) {
                return Optional.of(delegation.get().authoritative() == Delegation.Authority.SENDER ? folder
                        : subject.get().code());
            }
        }
        return Optional.empty();
    }

    /**
     * The period's current values, from its current submissions: what an aggregate form says, and
     * what a list form's rows add up to where no aggregate form of the same unit gives that figure
     * (when both do, the two are reconciled by the catalog's rules, and the unit's own total stands).
     */
    private void rebuildValues(YearMonth period) {
        jdbc.sql("DELETE FROM data_value WHERE period = ?").param(period.toString()).update();
        List<String> listForms = catalog.listForms().stream().map(ListForm::formCode).toList();
        String copy = """
                INSERT INTO data_value (unit_key, indicator_code, period, measure, num_value, text_value,
                                        submission_id, sheet, cell)
                SELECT s.unit_key, s.indicator_code, s.period, s.measure, s.num_value, s.text_value, s.submission_id,
                       s.sheet, s.cell
                FROM current_submission c JOIN staged_value s ON s.submission_id = c.submission_id
                WHERE c.period = ? AND s.period = ? AND %s
                """;
        if (listForms.isEmpty()) {
            jdbc.sql(copy.formatted("1 = 1")).params(period.toString(), period.toString()).update();
        } else {
            String placeholders = String.join(", ", listForms.stream().map(f -> "?").toList());
            List<Object> params = new ArrayList<>(List.of(period.toString(), period.toString()));
            params.addAll(listForms);
            jdbc.sql(copy.formatted("c.form_code NOT IN (" + placeholders + ")")).params(params).update();
            jdbc.sql(copy.formatted("c.form_code IN (" + placeholders + """
                    ) AND NOT EXISTS (SELECT 1 FROM data_value d WHERE d.unit_key = s.unit_key
                        AND d.indicator_code = s.indicator_code AND d.period = s.period AND d.measure = s.measure)""")
                    ).params(params).update();
        }
        deriveMonths(period);
    }

    /**
     * The month's figure of a unit that gave only the year to date: this month's cumulative less last month's
     * of the same unit (January: the cumulative itself), marked derived, with the cumulative's cell as its
     * source. Not derived when last month's cumulative is missing, or larger (a correction the rules tell);
     * a month the unit gave itself always stands.
     */
    private void deriveMonths(YearMonth period) {
        int derived = jdbc.sql("""
                INSERT INTO data_value (unit_key, indicator_code, period, measure, num_value, submission_id, sheet, cell,
                                        derived)
                SELECT c.unit_key, c.indicator_code, c.period, 'MONTH', c.num_value - COALESCE(p.num_value, 0),
                       c.submission_id, c.sheet, c.cell, TRUE
                FROM data_value c
                LEFT JOIN data_value p ON p.unit_key = c.unit_key AND p.indicator_code = c.indicator_code
                                      AND p.period = ? AND p.measure = 'CUMULATIVE'
                WHERE c.period = ? AND c.measure = 'CUMULATIVE' AND c.num_value IS NOT NULL
                  AND (p.num_value IS NOT NULL OR ? = 1) AND c.num_value >= COALESCE(p.num_value, 0)
                  AND NOT EXISTS (SELECT 1 FROM data_value m WHERE m.unit_key = c.unit_key
                                  AND m.indicator_code = c.indicator_code AND m.period = c.period AND m.measure = 'MONTH')
                """).params(period.minusMonths(1).toString(), period.toString(), period.getMonthValue()).update();
        if (derived > 0) {
            log.info("{}: {} monthly figures derived from the year to date", period, derived);
        }
    }

    private boolean hasCurrentSubmissions(YearMonth period) {
        return jdbc.sql("SELECT COUNT(*) FROM current_submission WHERE period = ?").param(period.toString())
                .query(Long.class).single() > 0;
    }

    /**
     * An ERROR rule that failed leaves the value it judged out of the period's figures: the judged
     * indicator in the measure its form reports by default (a cumulative figure; the month's stays).
     */
    private int leaveOut(List<RuleResult> failed) {
        int left = 0;
        for (RuleResult result : failed) {
            if (result.failed() && result.severity() == Rule.Severity.ERROR) {
                Measure measure = catalog.formOf(result.subject()).map(Form::defaultMeasure).orElse(Measure.CUMULATIVE);
                left += jdbc.sql("""
                        DELETE FROM data_value WHERE unit_key = ? AND indicator_code = ? AND period = ? AND measure = ?""")
                        .params(result.unitKey(), result.subject(), result.period().toString(), measure.name()).update();
                // a month derived from the cumulative left out goes with it
                jdbc.sql("""
                        DELETE FROM data_value WHERE unit_key = ? AND indicator_code = ? AND period = ? AND derived""")
                        .params(result.unitKey(), result.subject(), result.period().toString()).update();
                log.info("{} {} {}: left out, rule {} failed", result.unitKey(), result.subject(), result.period(),
                        result.ruleCode());
            }
        }
        return left;
    }

    /** Forms the totals of every district and province for a period, from the current values. */
    void rollUp(YearMonth period) {
        Map<String, BigDecimal> values = new HashMap<>();
        Set<String> derived = new HashSet<>();
        jdbc.sql("""
                SELECT unit_key, indicator_code, measure, num_value, derived FROM data_value
                WHERE period = ? AND num_value IS NOT NULL
                """).param(period.toString()).query(rs -> {
                    String key = key(rs.getString(1), rs.getString(2), rs.getString(3));
                    values.put(key, rs.getBigDecimal(4));
                    if (rs.getBoolean(5)) {
                        derived.add(key);
                    }
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
                        Total total = total(unit, indicator, measure, period, values, derived);
                        if (total.value() != null) {
                            rows.add(new Object[] { unit.key(), indicator.code(), period.toString(), measure.name(),
                                    total.own(), total.children(), total.childrenReported(), total.childrenExpected(),
                                    total.value(), total.childrenDerived() });
                        }
                    }
                }
            }
        }
        jdbc.sql("DELETE FROM rollup_value WHERE period = ?").param(period.toString()).update();
        for (Object[] row : rows) {
            jdbc.sql("""
                    INSERT INTO rollup_value (unit_key, indicator_code, period, measure, own_value, children_value,
                                              children_reported, children_expected, total_value, children_derived)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(row).update();
        }
    }

    /** @param childrenDerived how many of the children's figures were derived (a month from the year to date) */
    private record Total(BigDecimal own, BigDecimal children, int childrenReported, int childrenExpected,
            BigDecimal value, int childrenDerived) {
    }

    private Total total(Unit unit, Indicator indicator, Measure measure, YearMonth period,
            Map<String, BigDecimal> values, Set<String> derived) {
        String ownKey = key(unit.key(), indicator.code(), measure.name());
        BigDecimal own = values.get(ownKey);
        if (indicator.rollup() == Rollup.OWN) {
            return new Total(own, null, 0, 0, own, 0);
        }
        BigDecimal children = null;
        int reported = 0;
        int expected = 0;
        int childrenDerived = 0;
        for (Unit child : catalog.children(unit, period)) {
            if (child.kind() == UnitKind.DEPARTMENT) {
                continue;
            }
            expected++;
            Total childTotal = total(child, indicator, measure, period, values, derived);
            if (childTotal.value() != null) {
                reported++;
                children = children == null ? childTotal.value() : children.add(childTotal.value());
                boolean childOwnDerived = derived.contains(key(child.key(), indicator.code(), measure.name()));
                childrenDerived += childTotal.childrenDerived() + (childOwnDerived ? 1 : 0);
            }
        }
        BigDecimal value = own == null ? children : children == null ? own : own.add(children);
        return new Total(own, children, reported, expected, value, childrenDerived);
    }

    private static String key(String unitKey, String indicator, String measure) {
        return unitKey + "|" + indicator + "|" + measure;
    }
}
