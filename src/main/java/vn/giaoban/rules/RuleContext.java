package vn.giaoban.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.Lineage;
import vn.giaoban.catalog.Measure;
import vn.giaoban.catalog.Rule;
import vn.giaoban.catalog.Target;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.UnitKind;
import vn.giaoban.text.VietnameseNumbers;

/**
 * What a rule's expression can read: the root object of its evaluation, one per rule, unit and
 * period. Every figure read is recorded ({@link #lookedAt()}) to be stored with the result; a figure
 * that is not there throws {@link MissingFigure}, so a rule with a missing operand is "not
 * evaluated", never passed (SpEL would otherwise compare null as smaller than anything).
 *
 * <p>Public methods are the rule language: {@code v}, {@code prev}, {@code lastYear}, {@code children},
 * {@code unit}, {@code form}, {@code target}, {@code pace}, {@code near}, {@code notWorse},
 * {@code outlier}, and for messages {@code fmt} and {@code pct}.
 */
public final class RuleContext {

    /** How many earlier months an outlier test looks at, and how many of them it needs. */
    static final int HISTORY_MONTHS = 24;
    static final int MINIMUM_HISTORY = 6;
    /** The robust z-score (0.6745 · |x − median| / MAD) above which a value is an outlier. */
    static final BigDecimal OUTLIER_SCORE = new BigDecimal("3.5");

    private final Catalog catalog;
    private final Figures figures;
    private final Lineage lineage;
    private final Rule rule;
    private final Unit unit;
    private final YearMonth period;
    private final Map<String, String> lookedAt = new LinkedHashMap<>();

    RuleContext(Catalog catalog, Lineage lineage, Figures figures, Rule rule, Unit unit, YearMonth period) {
        this.catalog = catalog;
        this.lineage = lineage;
        this.figures = figures;
        this.rule = rule;
        this.unit = unit;
        this.period = period;
    }

    /** This unit's figure this period, in the measure its form reports by default. */
    public BigDecimal v(String indicator) {
        return v(indicator, defaultMeasure(indicator));
    }

    public BigDecimal v(String indicator, String measure) {
        return readOwn("v(" + indicator + label(indicator, measure) + ")",
                figures.value(unit.key(), indicator, period, measure), describe(indicator, measure) + " kỳ " + period());
    }

    /**
     * Last month's figure. A cumulative figure starts again each January: in January last month's
     * cumulative is 0, not December's.
     */
    public BigDecimal prev(String indicator) {
        return prev(indicator, defaultMeasure(indicator));
    }

    public BigDecimal prev(String indicator, String measure) {
        String label = "prev(" + indicator + label(indicator, measure) + ")";
        if (measure.equals(Measure.CUMULATIVE.name()) && period.getMonthValue() == 1) {
            return record(label, BigDecimal.ZERO);
        }
        return read(label, figures.value(unit.key(), indicator, period.minusMonths(1), measure),
                describe(indicator, measure) + " tháng trước");
    }

    /**
     * The same period last year. A unit that did not exist then (a commune formed by a merger) is
     * compared with what its predecessors reported, each counted for its share ({@link Lineage});
     * an unknown share or a predecessor's missing figure makes the comparison impossible, never zero.
     */
    public BigDecimal lastYear(String indicator) {
        return lastYear(indicator, defaultMeasure(indicator));
    }

    public BigDecimal lastYear(String indicator, String measure) {
        YearMonth before = period.minusYears(1);
        String label = "lastYear(" + indicator + label(indicator, measure) + ")";
        Lineage.Earlier earlier = lineage.earlier(unit, catalog.indicator(indicator), before,
                predecessor -> figures.value(predecessor.key(), indicator, before, measure));
        for (Lineage.Part part : earlier.parts()) {
            lookedAt.put(label + " " + part.unit().key() + (part.share() == null ? " ×?" : part.share()
                    .compareTo(BigDecimal.ONE) == 0 ? "" : " ×" + part.share().stripTrailingZeros().toPlainString()),
                    part.value() == null ? "thiếu" : part.value().stripTrailingZeros().toPlainString());
        }
        if (earlier.value().isEmpty()) {
            lookedAt.put(label, "thiếu");
            throw new MissingFigure(label, describe(indicator, measure) + " cùng kỳ năm " + before.getYear()
                    + (earlier.notComparable() == null ? "" : " (" + earlier.notComparable() + ")"));
        }
        return record(label, earlier.value().get());
    }

    /** The sum of the figures of the units directly under this one; missing while any of them has not reported. */
    public BigDecimal children(String indicator) {
        return children(indicator, defaultMeasure(indicator));
    }

    public BigDecimal children(String indicator, String measure) {
        BigDecimal sum = null;
        int reported = 0;
        List<Unit> children = catalog.children(unit, period).stream().filter(c -> c.kind() != UnitKind.DEPARTMENT).toList();
        for (Unit child : children) {
            Optional<BigDecimal> value = figures.value(child.key(), indicator, period, measure);
            if (value.isPresent()) {
                sum = sum == null ? value.get() : sum.add(value.get());
                reported++;
            }
        }
        String label = "children(" + indicator + label(indicator, measure) + ") " + reported + "/" + children.size();
        if (reported < children.size()) {
            // a sum of the units that reported is not the sum: the rule waits for the others
            List<String> missing = children.stream()
                    .filter(child -> figures.value(child.key(), indicator, period, measure).isEmpty())
                    .map(Unit::name).toList();
            lookedAt.put(label, "thiếu");
            throw new MissingFigure(label, describe(indicator, measure) + " của " + String.join(", ", missing));
        }
        return read(label, Optional.ofNullable(sum), describe(indicator, measure) + " của các đơn vị trực thuộc");
    }

    /** Another unit's figure this period, by its code: a department that reports for its district reads as the district. */
    public BigDecimal unit(String code, String indicator) {
        Unit other = catalog.unit(code, period).orElseThrow(
                () -> new MissingFigure("unit(" + code + ")", "đơn vị mã " + code + " kỳ " + period()));
        Unit subject = other.kind().reportsForParent() ? catalog.parent(other).orElse(other) : other;
        String measure = defaultMeasure(indicator);
        return read("unit(" + code + ", " + indicator + label(indicator, measure) + ")",
                figures.value(subject.key(), indicator, period, measure),
                describe(indicator, measure) + " của " + other.name() + " kỳ " + period());
    }

    /** This unit's figure as one of its forms gave it: a list's count beside the aggregate the unit typed. */
    public BigDecimal form(String formCode, String indicator) {
        return form(formCode, indicator, defaultMeasure(indicator));
    }

    public BigDecimal form(String formCode, String indicator, String measure) {
        return readOwn("form(" + formCode + ", " + indicator + label(indicator, measure) + ")",
                figures.formValue(formCode, unit.key(), indicator, period, measure),
                describe(indicator, measure) + " trong biểu " + formCode + " kỳ " + period());
    }

    /** This year's target of this unit (tỉnh giao, huyện giao), by the target's code. */
    public BigDecimal target(String code) {
        Optional<BigDecimal> value = catalog.targets().stream()
                .filter(t -> t.code().equals(code) && t.year() == period.getYear() && t.unitCode().equals(unit.code()))
                .map(Target::value).findFirst();
        return read("target(" + code + ")", value, "chỉ tiêu kế hoạch " + code + " năm " + period.getYear());
    }

    /** The share of the year elapsed by the end of the period: the pace a cumulative figure is judged by. */
    public BigDecimal pace() {
        return record("pace()", BigDecimal.valueOf(period.getMonthValue()).divide(BigDecimal.valueOf(12),
                MathContext.DECIMAL64));
    }

    /** True when {@code a} and {@code b} agree within the rule's tolerance (absolute, or relative to {@code b}). */
    public boolean near(BigDecimal a, BigDecimal b) {
        return a.subtract(b).abs().compareTo(allowed(b)) <= 0;
    }

    /** True unless this period's figure is worse than last year's by the indicator's polarity. */
    public boolean notWorse(String indicator) {
        Indicator definition = catalog.indicator(indicator);
        BigDecimal now = v(indicator);
        BigDecimal then = lastYear(indicator);
        if (near(now, then)) {
            return true;
        }
        return !definition.polarity().worsened(now.compareTo(then));
    }

    /**
     * True when this period's figure is far from the unit's own history: more than 3.5 robust
     * standard deviations (median and MAD, which a few bad months do not move) from the median of
     * the previous 24 months. With fewer than 6 months of history it cannot be judged.
     */
    public boolean outlier(String indicator) {
        return outlier(indicator, defaultMeasure(indicator));
    }

    public boolean outlier(String indicator, String measure) {
        BigDecimal now = v(indicator, measure);
        List<BigDecimal> history = new ArrayList<>();
        for (int back = 1; back <= HISTORY_MONTHS; back++) {
            figures.value(unit.key(), indicator, period.minusMonths(back), measure).ifPresent(history::add);
        }
        String label = "history(" + indicator + label(indicator, measure) + ")";
        if (history.size() < MINIMUM_HISTORY) {
            throw new MissingFigure(label, "số liệu các tháng trước của \"" + catalog.indicator(indicator).name()
                    + "\" (có " + history.size() + " tháng, cần ít nhất " + MINIMUM_HISTORY + ")");
        }
        BigDecimal median = median(history);
        List<BigDecimal> deviations = history.stream().map(h -> h.subtract(median).abs()).toList();
        BigDecimal mad = median(deviations);
        record(label, median);
        record("mad", mad);
        BigDecimal distance = now.subtract(median).abs();
        if (mad.signum() == 0) {
            return distance.compareTo(allowed(median)) > 0;
        }
        BigDecimal score = distance.multiply(new BigDecimal("0.6745")).divide(mad, MathContext.DECIMAL64);
        return score.compareTo(OUTLIER_SCORE) > 0;
    }

    /** A figure as the briefing writes it: 94.533, 1.234,5. */
    public String fmt(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return VietnameseNumbers.format(value, Math.max(0, Math.min(2, stripped.scale())));
    }

    /** {@code a} as a percentage of {@code b}, two decimals: "116,71". */
    public String pct(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            return "—";
        }
        return VietnameseNumbers.format(a.multiply(BigDecimal.valueOf(100)).divide(b, 2, RoundingMode.HALF_UP), 2);
    }

    /** The unit's name in a sentence ("xã Bắc Hùng"), for messages. */
    public String unitName() {
        return unit.name();
    }

    public String period() {
        return period.getMonthValue() + "/" + period.getYear();
    }

    Map<String, String> lookedAt() {
        return lookedAt;
    }

    private BigDecimal allowed(BigDecimal reference) {
        BigDecimal absolute = rule.toleranceAbsolute() == null ? BigDecimal.ZERO : rule.toleranceAbsolute();
        BigDecimal relative = rule.toleranceRelative() == null ? BigDecimal.ZERO
                : rule.toleranceRelative().multiply(reference.abs());
        return absolute.max(relative);
    }

    private BigDecimal read(String label, Optional<BigDecimal> value, String description) {
        return read(label, value, description, false);
    }

    /** A figure of this unit's own report of this period: one it can supply if missing. */
    private BigDecimal readOwn(String label, Optional<BigDecimal> value, String description) {
        return read(label, value, description, true);
    }

    private BigDecimal read(String label, Optional<BigDecimal> value, String description, boolean own) {
        if (value.isEmpty()) {
            lookedAt.put(label, "thiếu");
            throw new MissingFigure(label, description, own);
        }
        return record(label, value.get());
    }

    private BigDecimal record(String label, BigDecimal value) {
        lookedAt.put(label, value.stripTrailingZeros().toPlainString());
        return value;
    }

    private String defaultMeasure(String indicator) {
        return catalog.formOf(indicator).map(Form::defaultMeasure).orElse(Measure.CUMULATIVE).name();
    }

    private String label(String indicator, String measure) {
        return measure.equals(defaultMeasure(indicator)) ? "" : ", " + measure;
    }

    private static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
    }

    /** A figure a rule needs is not there: the rule is not evaluated. */
    static final class MissingFigure extends RuntimeException {
        private final String description;
        private final boolean own;

        MissingFigure(String label, String description) {
            this(label, description, false);
        }

        MissingFigure(String label, String description, boolean own) {
            super(label, null, false, false);
            this.description = description;
            this.own = own;
        }

        /** Whether the figure is of the unit's own report of the period: one the unit can supply. */
        boolean own() {
            return own;
        }

        /** In Vietnamese, what is missing: "số liệu \"Số đơn thư tiếp nhận\" trong biểu BM03-DS kỳ 10/2022". */
        String description() {
            return description;
        }
    }

    private String describe(String indicator, String measure) {
        String name = "số liệu \"" + catalog.indicator(indicator).name() + "\"";
        return measure.equals(Measure.MONTH.name()) ? name + " (trong tháng)"
                : measure.equals(Measure.CUMULATIVE.name()) ? name + " (lũy kế)" : name;
    }

}
