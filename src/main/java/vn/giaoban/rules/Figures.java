package vn.giaoban.rules;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The consolidated figures rules read, loaded a period at a time on first use and kept for one
 * evaluation: the current values ({@code data_value}), and each current submission's own values by
 * form ({@code staged_value}), which is where a list and an aggregate of the same unit are told apart.
 */
final class Figures {

    /** A unit's current submission of a form in a period. */
    record Current(String submitterKey, String formCode, long submissionId) {
    }

    private final JdbcClient jdbc;
    private final Map<YearMonth, Map<String, BigDecimal>> values = new HashMap<>();
    private final Map<YearMonth, Map<String, BigDecimal>> byForm = new HashMap<>();
    private final Map<YearMonth, List<Current>> current = new HashMap<>();
    private final Map<YearMonth, Map<String, List<Current>>> departmentReports = new HashMap<>();

    Figures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<BigDecimal> value(String unitKey, String indicator, YearMonth period, String measure) {
        return Optional.ofNullable(values.computeIfAbsent(period, this::loadValues)
                .get(unitKey + "|" + indicator + "|" + measure));
    }

    Optional<BigDecimal> formValue(String formCode, String unitKey, String indicator, YearMonth period, String measure) {
        return Optional.ofNullable(byForm.computeIfAbsent(period, this::loadByForm)
                .get(formCode + "|" + unitKey + "|" + indicator + "|" + measure));
    }

    List<Current> current(YearMonth period) {
        return current.computeIfAbsent(period, p -> jdbc.sql("""
                SELECT unit_key, form_code, submission_id FROM current_submission WHERE period = ?
                ORDER BY unit_key, form_code""").param(p.toString())
                .query((rs, n) -> new Current(rs.getString(1), rs.getString(2), rs.getLong(3))).list());
    }

    /**
     * The period's current submissions of departments, by the unit their figures are about: who
     * answers for a district's figures. Built once per period, not once per rule and unit.
     */
    Map<String, List<Current>> departmentReports(YearMonth period, Function<String, Optional<String>> parentOfDepartment) {
        return departmentReports.computeIfAbsent(period, p -> {
            Map<String, List<Current>> byParent = new HashMap<>();
            for (Current report : current(p)) {
                parentOfDepartment.apply(report.submitterKey())
                        .ifPresent(parent -> byParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(report));
            }
            return byParent;
        });
    }

    /** After values were left out by an ERROR rule: read again on next use. */
    void forget(YearMonth period) {
        values.remove(period);
    }

    private Map<String, BigDecimal> loadValues(YearMonth period) {
        Map<String, BigDecimal> loaded = new HashMap<>();
        jdbc.sql("""
                SELECT unit_key, indicator_code, measure, num_value FROM data_value
                WHERE period = ? AND num_value IS NOT NULL""").param(period.toString())
                .query(rs -> {
                    loaded.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3), rs.getBigDecimal(4));
                });
        return loaded;
    }

    private Map<String, BigDecimal> loadByForm(YearMonth period) {
        Map<String, BigDecimal> loaded = new HashMap<>();
        jdbc.sql("""
                SELECT c.form_code, s.unit_key, s.indicator_code, s.measure, s.num_value
                FROM current_submission c JOIN staged_value s ON s.submission_id = c.submission_id
                WHERE c.period = ? AND s.num_value IS NOT NULL""").param(period.toString())
                .query(rs -> {
                    loaded.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4),
                            rs.getBigDecimal(5));
                });
        return loaded;
    }
}
