package vn.giaoban.briefing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.giaoban.catalog.Measure;

/**
 * Reads the consolidated figures a briefing is written from.
 *
 * <p>The period-wide reads ({@link #unitsWithData}, {@link #texts}, {@link #statuses}, {@link #discrepancies})
 * answer every office of the period alike, and each office's notice asks for them again: the nation's 3,355
 * notices would read the nation's free texts and criteria 3,355 times. They are read once per step execution
 * or transaction ({@link PeriodReads}). Each call gets its own copy, as before.
 */
@Repository
public class FigureRepository {

    private final JdbcClient jdbc;

    public FigureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A level's total and its two parts. */
    /** @param childrenDerived how many of the units below gave only the year to date: their month was derived from it */
    public record Total(BigDecimal own, BigDecimal children, int childrenReported, int childrenExpected,
            BigDecimal value, int childrenDerived) {
    }

    /** A unit's status value, e.g. a commune's NTM criterion. */
    public record Status(String unitKey, String indicatorCode, String status) {
    }

    public Optional<Total> total(String unitKey, String indicator, YearMonth period, Measure measure) {
        return jdbc.sql("""
                SELECT own_value, children_value, children_reported, children_expected, total_value, children_derived
                FROM rollup_value WHERE unit_key = ? AND indicator_code = ? AND period = ? AND measure = ?
                """).params(unitKey, indicator, period.toString(), measure.name())
                .query((rs, n) -> new Total(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getInt(3), rs.getInt(4),
                        rs.getBigDecimal(5), rs.getInt(6)))
                .optional();
    }

    /** The as-of date of the submission a current value came from ("số liệu đến ngày 23/10/2022"). */
    public Optional<LocalDate> asOf(String unitKey, String indicator, YearMonth period, Measure measure) {
        return jdbc.sql("""
                SELECT s.as_of FROM data_value v JOIN submission s ON s.id = v.submission_id
                WHERE v.unit_key = ? AND v.indicator_code = ? AND v.period = ? AND v.measure = ?
                """).params(unitKey, indicator, period.toString(), measure.name())
                .query(LocalDate.class).optional();
    }

    /** A discrepancy the catalog's rules found that the briefing tells: the unit and the sentence. */
    public record Discrepancy(String unitKey, String message) {
    }

    /** The period's failed rules marked for the briefing, in rule then unit order. */
    public List<Discrepancy> discrepancies(YearMonth period) {
        return new ArrayList<>(once("discrepancies " + period, () -> jdbc.sql("""
                SELECT unit_key, message FROM rule_result
                WHERE period = ? AND outcome = 'FAILED' AND in_briefing = TRUE
                ORDER BY unit_key, rule_code""").param(period.toString())
                .query((rs, n) -> new Discrepancy(rs.getString(1), rs.getString(2))).list()));
    }

    /** True when any value of the period is consolidated. */
    public boolean hasData(YearMonth period) {
        return once("hasData " + period, () -> jdbc.sql("SELECT COUNT(*) FROM data_value WHERE period = ?")
                .param(period.toString()).query(Long.class).single() > 0);
    }

    /** The units that have a consolidated value for the period, by key. */
    public Set<String> unitsWithData(YearMonth period) {
        return new HashSet<>(once("unitsWithData " + period, () -> jdbc.sql(
                "SELECT DISTINCT unit_key FROM data_value WHERE period = ?")
                .param(period.toString()).query(String.class).list()));
    }

    /** A unit's current value, if it has one. */
    public Optional<BigDecimal> value(String unitKey, String indicator, YearMonth period, Measure measure) {
        return jdbc.sql("""
                SELECT num_value FROM data_value
                WHERE unit_key = ? AND indicator_code = ? AND period = ? AND measure = ? AND num_value IS NOT NULL
                """).params(unitKey, indicator, period.toString(), measure.name()).query(BigDecimal.class).optional();
    }

    /**
     * A unit's figure: a level's total where one is formed (district, province), otherwise the
     * unit's own value (a commune's), so a comparison can take either from one place.
     */
    public Optional<BigDecimal> figure(String unitKey, String indicator, YearMonth period, Measure measure) {
        return total(unitKey, indicator, period, measure).map(Total::value)
                .or(() -> value(unitKey, indicator, period, measure));
    }

    /** Free text a unit wrote for a period ("Kết quả nổi bật trong tháng"). */
    public record Text(String unitKey, String indicatorCode, String text) {
    }

    /** Every free text of a period whose indicator code ends with {@code suffix}. */
    public List<Text> texts(String suffix, YearMonth period) {
        return new ArrayList<>(once("texts " + suffix + " " + period, () -> jdbc.sql("""
                SELECT unit_key, indicator_code, text_value FROM data_value
                WHERE period = ? AND indicator_code LIKE ? AND text_value IS NOT NULL
                ORDER BY indicator_code, unit_key
                """).params(period.toString(), "%" + suffix)
                .query((rs, n) -> new Text(rs.getString(1), rs.getString(2), rs.getString(3))).list()));
    }

    /** Every status value of a period whose indicator code starts with {@code prefix}, by unit and code. */
    public List<Status> statuses(String prefix, YearMonth period) {
        return new ArrayList<>(once("statuses " + prefix + " " + period, () -> jdbc.sql("""
                SELECT unit_key, indicator_code, text_value FROM data_value
                WHERE period = ? AND indicator_code LIKE ? AND measure = 'POINT' AND text_value IS NOT NULL
                ORDER BY unit_key, indicator_code
                """).params(period.toString(), prefix + "%")
                .query((rs, n) -> new Status(rs.getString(1), rs.getString(2), rs.getString(3))).list()));
    }

    private static <T> T once(String key, Supplier<T> read) {
        return PeriodReads.once(FigureRepository.class.getSimpleName() + " " + key, read);
    }
}
