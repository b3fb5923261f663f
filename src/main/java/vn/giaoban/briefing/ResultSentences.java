package vn.giaoban.briefing;

import static vn.giaoban.briefing.NoticeFigures.DAY;
import static vn.giaoban.briefing.NoticeFigures.HUNDRED;
import static vn.giaoban.briefing.NoticeFigures.capitalise;
import static vn.giaoban.briefing.NoticeFigures.figure;
import static vn.giaoban.briefing.NoticeFigures.fraction;
import static vn.giaoban.briefing.NoticeFigures.month;
import static vn.giaoban.briefing.NoticeFigures.percent;
import static vn.giaoban.briefing.NoticeFigures.ratio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.giaoban.briefing.internal.FigureRepository;
import vn.giaoban.briefing.internal.FigureRepository.Status;
import vn.giaoban.briefing.internal.FigureRepository.Total;
import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.Lineage;
import vn.giaoban.catalog.Measure;
import vn.giaoban.catalog.NoticeItem;
import vn.giaoban.catalog.Office;
import vn.giaoban.catalog.Rollup;
import vn.giaoban.catalog.Rule;
import vn.giaoban.catalog.Target;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.UnitKind;
import vn.giaoban.text.VietnameseNumbers;

/**
 * The results and the difficulties the figures themselves say (section I), as the catalog's {@code briefing.csv}
 * words them, line by line: status criteria, each figure against its targets and the year's pace, one figure as a
 * share of another, figures against last year, the communes formed since, and what units wrote. The code reads the
 * figures and fills the slots; which indicators, in which words, for which offices, is the catalog's. Whether a
 * figure is a difficulty is the rules' verdict.
 */
final class ResultSentences {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private final Catalog catalog;
    private final FigureRepository figures;
    private final Lineage lineage;

    ResultSentences(Catalog catalog, FigureRepository figures, Lineage lineage) {
        this.catalog = catalog;
        this.figures = figures;
        this.lineage = lineage;
    }

    /** Appends the office's sentences of I.1 to {@code results} and of I.2 to {@code difficulties}, in the lines' order. */
    void write(Office office, Area area, YearMonth period, Verdicts verdicts, List<String> results,
            List<String> difficulties) {
        Comparisons comparisons = new Comparisons();
        Map<String, Object> common = common(office.unit(), period);
        for (NoticeItem item : catalog.notice()) {
            if (!item.appliesTo(office) || item.section() == NoticeItem.Section.ANNEX) {
                continue;
            }
            List<String> said = item.section() == NoticeItem.Section.DIFFICULTIES ? difficulties : results;
            switch (item.kind()) {
                case CRITERIA -> criteria(item, area, period, common, said);
                case ATTAINMENT -> attainment(item, office.unit(), period, verdicts, common, said);
                case RATIO -> share(item, office.unit(), period, common).ifPresent(said::add);
                case YEAR_ON_YEAR -> comparisons.add(item, yearOnYear(item, office.unit(), period, verdicts, common));
                case COMPARISONS -> comparisons.say(item, common, item.section() == NoticeItem.Section.DIFFICULTIES)
                        .ifPresent(said::add);
                case REFORMED -> reformed(item, office.unit(), period, common, said);
                case FREE_TEXT -> freeTexts(item, area, period, common, said);
                default -> {
                    // tables and charts are the annex's
                }
            }
        }
    }

    /** The slots every line may use: the office's unit and level, the month, last year. */
    static Map<String, Object> common(Unit unit, YearMonth period) {
        Map<String, Object> slots = new HashMap<>();
        slots.put("unit", unit.nameInSentence());
        slots.put("Unit", unit.name());
        slots.put("level", level(unit.kind()));
        slots.put("period", month(period));
        slots.put("month", String.valueOf(period.getMonthValue()));
        slots.put("year", String.valueOf(period.getYear()));
        slots.put("last_year", String.valueOf(period.getYear() - 1));
        return slots;
    }

    /** Each unit's status criteria: which are met (the line's option, "DAT") and which are not, by their numbers. */
    private void criteria(NoticeItem item, Area area, YearMonth period, Map<String, Object> common, List<String> said) {
        List<Indicator> criteria = item.read(catalog);
        Set<String> codes = Set.copyOf(criteria.stream().map(Indicator::code).toList());
        Map<String, List<Status>> byUnit = new LinkedHashMap<>();
        for (Status status : figures.statuses(prefix(item), period)) {
            if (area.contains(status.unitKey()) && codes.contains(status.indicatorCode())) {
                byUnit.computeIfAbsent(status.unitKey(), k -> new ArrayList<>()).add(status);
            }
        }
        byUnit.forEach((unitKey, statuses) -> {
            Unit unit = catalog.unitByKey(unitKey).orElseThrow();
            List<String> met = new ArrayList<>();
            List<String> unmet = new ArrayList<>();
            for (Status status : statuses) {
                String label = criterionLabel(catalog.indicator(status.indicatorCode()));
                (item.option().equalsIgnoreCase(status.status()) ? met : unmet).add(label);
            }
            int unreported = criteria.size() - met.size() - unmet.size();
            Map<String, Object> slots = new HashMap<>(common);
            slots.put("unit_name", unit.nameInSentence());
            slots.put("Unit_name", unit.name());
            slots.put("met", String.valueOf(met.size()));
            slots.put("total", String.valueOf(criteria.size()));
            slots.put("met_list", met);
            slots.put("unmet", unmet.isEmpty() ? null : String.valueOf(unmet.size()));
            slots.put("unmet_list", unmet);
            slots.put("unreported", unreported > 0 ? String.valueOf(unreported) : null);
            item.pattern().fill(slots).ifPresent(said::add);
        });
    }

    /** What every code a line reads begins with, for the query: "NTM_TC_" for {@code NTM_TC_*}, else nothing. */
    private static String prefix(NoticeItem item) {
        String only = item.indicators().size() == 1 ? item.indicators().get(0).text() : "";
        return only.endsWith("*") && only.indexOf('*') == only.length() - 1 ? only.substring(0, only.length() - 1) : "";
    }

    /** What every code a line reads ends with: "_NOI_BAT" for {@code *_NOI_BAT}, else nothing. */
    private static String suffix(NoticeItem item) {
        String only = item.indicators().size() == 1 ? item.indicators().get(0).text() : "";
        return only.startsWith("*") && only.lastIndexOf('*') == 0 ? only.substring(1) : "";
    }

    /** A criterion by its number where its code ends with one ("NTM_TC_05" → "5"), else by its short name. */
    private static String criterionLabel(Indicator indicator) {
        String code = indicator.code();
        String digits = code.substring(code.lastIndexOf('_') + 1);
        return digits.matches("\\d+") ? String.valueOf(Integer.parseInt(digits)) : indicator.shortName();
    }

    /**
     * Each figure the line reads that has targets for the office this year, against each of them: in I.1 the
     * figure and its attainments ("được 94.533 triệu đồng, đạt 116,71% ..."); in I.2 the targets it lags when the
     * catalog's pace rule finds it behind the months gone by, or the figure that is missing.
     */
    private void attainment(NoticeItem item, Unit unit, YearMonth period, Verdicts verdicts, Map<String, Object> common,
            List<String> said) {
        boolean difficulties = item.section() == NoticeItem.Section.DIFFICULTIES;
        for (Indicator indicator : item.read(catalog)) {
            List<Target> targets = catalog.targets(indicator.code(), period.getYear(), unit.code());
            if (targets.isEmpty()) {
                continue;
            }
            Map<String, Object> slots = new HashMap<>(common);
            slots.put("indicator", indicator.shortName());
            slots.put("Indicator", capitalise(indicator.shortName()));
            slots.put("uom", indicator.unitOfMeasure());
            Optional<BigDecimal> value = figures.figure(unit.key(), indicator.code(), period, Measure.CUMULATIVE);
            if (value.isEmpty()) {
                if (difficulties) {
                    slots.put("missing_period", month(period));
                    item.pattern().fill(slots).ifPresent(said::add);
                }
                continue;
            }
            slots.put("value", figure(value.get(), indicator));
            figures.asOf(unit.key(), indicator.code(), period, Measure.CUMULATIVE)
                    .ifPresent(day -> slots.put("as_of", DAY.format(day)));
            BigDecimal pace = BigDecimal.valueOf(period.getMonthValue()).multiply(HUNDRED)
                    .divide(TWELVE, indicator.percentDecimals(), RoundingMode.HALF_UP);
            List<String> attainments = new ArrayList<>();
            List<String> behind = new ArrayList<>();
            for (Target target : targets) {
                BigDecimal attained = ratio(value.get(), target.value(), indicator.percentDecimals());
                String attainment = VietnameseNumbers.format(attained, indicator.percentDecimals()) + "% " + target.label();
                attainments.add(attainment);
                if (attained.compareTo(pace) < 0) {
                    behind.add(attainment);
                }
            }
            slots.put("attainments", attainments);
            if (!difficulties) {
                item.pattern().fill(slots).ifPresent(said::add);
            } else if (verdicts.failed(Rule.Judgement.PACE, unit.key(), indicator.code())) {
                // the rule judged with its own tolerance: every target is named rather than none
                slots.put("behind", behind.isEmpty() ? attainments : behind);
                slots.put("pace", VietnameseNumbers.format(pace, indicator.percentDecimals()));
                item.pattern().fill(slots).ifPresent(said::add);
            }
        }
    }

    /**
     * The line's first figure as a share of its second ("đã giải quyết 219/243 đơn, đạt 90,1%"), the level's own
     * and its communes' apart where the level adds them up, and how many communes have not reported it.
     */
    private Optional<String> share(NoticeItem item, Unit unit, YearMonth period, Map<String, Object> common) {
        List<Indicator> read = item.read(catalog);
        Indicator part = read.get(0);
        Indicator whole = read.get(read.size() - 1);
        Optional<Total> partTotal = figures.total(unit.key(), part.code(), period, Measure.CUMULATIVE);
        Optional<Total> wholeTotal = figures.total(unit.key(), whole.code(), period, Measure.CUMULATIVE);
        Optional<BigDecimal> done = partTotal.map(Total::value)
                .or(() -> figures.value(unit.key(), part.code(), period, Measure.CUMULATIVE));
        Optional<BigDecimal> in = wholeTotal.map(Total::value)
                .or(() -> figures.value(unit.key(), whole.code(), period, Measure.CUMULATIVE));
        if (done.isEmpty() || in.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> slots = new HashMap<>(common);
        slots.put("numerator", figure(done.get(), part));
        slots.put("denominator", figure(in.get(), whole));
        slots.put("fraction", fraction(done.get(), in.get(), part));
        slots.put("percent", in.get().signum() == 0 ? null : percent(done.get(), in.get(), part.percentDecimals()));
        slots.put("uom", part.unitOfMeasure());
        if (partTotal.isPresent() && wholeTotal.isPresent()) {
            Total p = partTotal.get();
            Total w = wholeTotal.get();
            if (p.own() != null && w.own() != null) {
                slots.put("own_fraction", fraction(p.own(), w.own(), part));
            }
            if (p.children() != null && w.children() != null) {
                slots.put("children_fraction", fraction(p.children(), w.children(), part));
            }
            int missing = w.childrenExpected() - w.childrenReported();
            if (missing > 0) {
                slots.put("children_missing", String.valueOf(missing));
                slots.put("children_expected", String.valueOf(w.childrenExpected()));
            }
        }
        return item.pattern().fill(slots);
    }

    /** One comparison with last year, and whether the catalog's rule judged it worse. */
    private record Compared(String text, boolean worse) {
    }

    /** What the COMPARISONS lines gather from the YEAR_ON_YEAR lines before them. */
    private static final class Comparisons {
        private final List<String> worse = new ArrayList<>();
        private final List<String> better = new ArrayList<>();
        private final List<String> topics = new ArrayList<>();

        void add(NoticeItem item, Optional<Compared> compared) {
            compared.ifPresent(c -> {
                if (c.worse()) {
                    worse.add(c.text());
                    if (!item.option().isEmpty()) {
                        topics.add(item.option());
                    }
                } else {
                    better.add(c.text());
                }
            });
        }

        Optional<String> say(NoticeItem item, Map<String, Object> common, boolean difficulties) {
            if (difficulties ? worse.isEmpty() : better.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> slots = new HashMap<>(common);
            slots.put("topics", capitalisedFirst(topics));
            slots.put("worse", worse);
            slots.put("Worse", capitalisedFirst(worse));
            slots.put("better", better);
            slots.put("Better", capitalisedFirst(better));
            return item.pattern().fill(slots);
        }

        private static List<String> capitalisedFirst(List<String> items) {
            List<String> copy = new ArrayList<>(items);
            if (!copy.isEmpty()) {
                copy.set(0, capitalise(copy.get(0)));
            }
            return copy;
        }
    }

    /**
     * The line's first figure against the same period last year, with its other figures told in their words
     * ("làm chết 04 người"): worse or better as the catalog's year-on-year rule for the figure judged it (by the
     * indicator's polarity and the rule's tolerance).
     */
    private Optional<Compared> yearOnYear(NoticeItem item, Unit unit, YearMonth period, Verdicts verdicts,
            Map<String, Object> common) {
        NoticeItem.Reference main = item.indicators().get(0);
        Indicator indicator = catalog.indicator(main.text());
        Optional<BigDecimal> now = figures.figure(unit.key(), indicator.code(), period, Measure.CUMULATIVE);
        if (now.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> slots = new HashMap<>(common);
        slots.put("indicator", indicator.shortName());
        slots.put("Indicator", capitalise(indicator.shortName()));
        slots.put("value", figure(now.get(), indicator));
        slots.put("uom", indicator.unitOfMeasure());
        List<String> extras = new ArrayList<>();
        for (NoticeItem.Reference extra : item.indicators().subList(1, item.indicators().size())) {
            Indicator other = catalog.indicator(extra.text());
            figures.figure(unit.key(), other.code(), period, Measure.CUMULATIVE).filter(v -> v.signum() > 0)
                    .ifPresent(v -> extras.add((extra.words() == null ? other.shortName() : extra.words()) + " "
                            + figure(v, other) + (other.unitOfMeasure().isEmpty() ? "" : " " + other.unitOfMeasure())));
        }
        slots.put("extras", extras);
        Lineage.Earlier before = earlier(unit, indicator, period.minusYears(1));
        slots.put("comparison", comparison(unit, indicator, now.get(), before, period.minusYears(1)));
        boolean worse = before.comparable() && verdicts.failed(Rule.Judgement.YEAR_ON_YEAR, unit.key(), indicator.code());
        return item.pattern().fill(slots).map(text -> new Compared(text, worse));
    }

    /**
     * ", tăng 4 vụ và tăng 16% so với cùng kỳ năm 2021", ", bằng cùng kỳ năm 2021", or why it cannot be compared;
     * last year's figure from the predecessors is said so.
     */
    private static String comparison(Unit unit, Indicator indicator, BigDecimal value, Lineage.Earlier before,
            YearMonth lastPeriod) {
        String lastYear = String.valueOf(lastPeriod.getYear());
        String uom = indicator.unitOfMeasure().isEmpty() ? "" : " " + indicator.unitOfMeasure();
        if (!before.comparable()) {
            return before.fromPredecessors() || !unit.validOn(lastPeriod.atEndOfMonth())
                    ? " (không so sánh được: " + before.notComparable() + ")"
                    : " (chưa có số liệu cùng kỳ năm " + lastYear + " để so sánh)";
        }
        BigDecimal previous = before.value().orElseThrow();
        BigDecimal change = value.subtract(previous);
        StringBuilder text = new StringBuilder();
        if (change.signum() == 0) {
            text.append(", bằng cùng kỳ năm ").append(lastYear);
        } else {
            String verb = change.signum() > 0 ? "tăng" : "giảm";
            text.append(", ").append(verb).append(' ').append(figure(change.abs(), indicator)).append(uom);
            if (previous.signum() != 0) {
                text.append(" và ").append(verb).append(' ')
                        .append(percent(change.abs(), previous, indicator.percentDecimals())).append('%');
            }
            text.append(" so với cùng kỳ năm ").append(lastYear);
            if (previous.signum() == 0) {
                text.append(" (cùng kỳ không có").append(uom).append(" nào)");
            }
        }
        if (before.fromPredecessors()) {
            text.append(" (cùng kỳ năm ").append(lastYear).append(' ').append(Lineage.explanation(before, indicator))
                    .append(')');
        }
        return text.toString();
    }

    /**
     * The office's unit and the communes below it formed since the same period last year (the 2025 reform merged
     * and split them): each additive figure the line reads against the sum of its predecessors' last year, said
     * so, or marked not comparable with the reason. A commune that existed then is left to the annex.
     */
    private void reformed(NoticeItem item, Unit office, YearMonth period, Map<String, Object> common, List<String> said) {
        YearMonth lastPeriod = period.minusYears(1);
        String lastYear = String.valueOf(lastPeriod.getYear());
        List<Unit> subjects = new ArrayList<>();
        subjects.add(office);
        subjects.addAll(catalog.children(office, period));
        List<Indicator> read = item.read(catalog).stream()
                .filter(i -> i.valueType().isNumeric() && i.rollup() != Rollup.NONE).toList();
        for (Unit commune : subjects) {
            if (!commune.kind().isLocalGovernment() || commune.validFrom() == null
                    || commune.validOn(lastPeriod.atEndOfMonth())) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (Indicator indicator : read) {
                Optional<BigDecimal> now = figures.figure(commune.key(), indicator.code(), period, Measure.CUMULATIVE);
                if (now.isEmpty()) {
                    continue;
                }
                Lineage.Earlier before = earlier(commune, indicator, lastPeriod);
                String uom = indicator.unitOfMeasure().isEmpty() ? "" : " " + indicator.unitOfMeasure();
                StringBuilder text = new StringBuilder(indicator.shortName()).append(' ')
                        .append(figure(now.get(), indicator)).append(uom);
                if (!before.comparable()) {
                    text.append(", không so sánh được với cùng kỳ năm ").append(lastYear).append(": ")
                            .append(before.notComparable());
                } else {
                    BigDecimal previous = before.value().get();
                    text.append(", cùng kỳ năm ").append(lastYear).append(' ')
                            .append(Lineage.explanation(before, indicator)).append(" là ")
                            .append(Lineage.figure(previous, indicator)).append(uom);
                    BigDecimal change = now.get().subtract(previous);
                    if (change.signum() == 0) {
                        text.append(", bằng cùng kỳ");
                    } else {
                        text.append(", ").append(change.signum() > 0 ? "tăng " : "giảm ")
                                .append(Lineage.figure(change.abs(), indicator)).append(uom);
                        if (previous.signum() != 0) {
                            text.append(" (").append(percent(change.abs(), previous, indicator.percentDecimals()))
                                    .append("%)");
                        }
                    }
                }
                parts.add(text.toString());
            }
            Map<String, Object> slots = new HashMap<>(common);
            slots.put("unit_name", commune.nameInSentence());
            slots.put("Unit_name", commune.name());
            slots.put("founded", DAY.format(commune.validFrom()));
            slots.put("parts", parts);
            item.pattern().fill(slots).ifPresent(said::add);
        }
    }

    /**
     * What the office's units wrote in the free-text rows the line reads ({@code *_NOI_BAT}), in the catalog's
     * order of forms, each a sentence of its own.
     */
    private void freeTexts(NoticeItem item, Area area, YearMonth period, Map<String, Object> common, List<String> said) {
        Set<String> codes = Set.copyOf(item.read(catalog).stream().map(Indicator::code).toList());
        List<FigureRepository.Text> texts = new ArrayList<>(figures.texts(suffix(item), period).stream()
                .filter(text -> codes.contains(text.indicatorCode()) && area.contains(text.unitKey())).toList());
        texts.sort(Comparator.comparingInt(text -> catalog.forms().indexOf(
                catalog.formOf(text.indicatorCode()).orElse(null))));
        for (FigureRepository.Text text : texts) {
            String written = text.text().strip();
            if (written.isEmpty()) {
                continue;
            }
            Map<String, Object> slots = new HashMap<>(common);
            slots.put("text", capitalise(written.endsWith(".") ? written : written + "."));
            item.pattern().fill(slots).ifPresent(said::add);
        }
    }

    /** A unit's cumulative figure a year earlier: its own, or its predecessors' by their shares. */
    private Lineage.Earlier earlier(Unit unit, Indicator indicator, YearMonth lastPeriod) {
        return lineage.earlier(unit, indicator, lastPeriod,
                u -> figures.figure(u.key(), indicator.code(), lastPeriod, Measure.CUMULATIVE));
    }

    static String level(UnitKind kind) {
        return switch (kind) {
            case PROVINCE -> "cấp tỉnh";
            case DISTRICT -> "cấp huyện";
            default -> "cấp xã";
        };
    }
}
