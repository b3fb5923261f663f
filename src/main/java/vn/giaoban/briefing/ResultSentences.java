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
            List<String> difficulties, Tracer tracer) {
        Comparisons comparisons = new Comparisons();
        Map<String, Object> common = common(office.unit(), period);
        for (NoticeItem item : catalog.notice()) {
            if (!item.appliesTo(office) || item.section() == NoticeItem.Section.ANNEX) {
                continue;
            }
            List<String> said = item.section() == NoticeItem.Section.DIFFICULTIES ? difficulties : results;
            switch (item.kind()) {
                case CRITERIA -> criteria(item, area, period, common, said, tracer);
                case ATTAINMENT -> attainment(item, office.unit(), period, verdicts, common, said, tracer);
                case RATIO -> share(item, office.unit(), period, common, tracer).ifPresent(said::add);
                case YEAR_ON_YEAR -> comparisons.add(item,
                        yearOnYear(item, office.unit(), period, verdicts, common, tracer));
                case COMPARISONS -> comparisons.say(item, common, item.section() == NoticeItem.Section.DIFFICULTIES)
                        .ifPresent(said::add);
                case REFORMED -> reformed(item, office.unit(), period, common, said, tracer);
                case FREE_TEXT -> freeTexts(item, area, period, common, said, tracer);
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
    private void criteria(NoticeItem item, Area area, YearMonth period, Map<String, Object> common, List<String> said,
            Tracer tracer) {
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
            List<Tracer.Node> metNodes = new ArrayList<>();
            List<Tracer.Node> unmetNodes = new ArrayList<>();
            for (Status status : statuses) {
                Indicator criterion = catalog.indicator(status.indicatorCode());
                String label = criterionLabel(criterion);
                boolean isMet = item.option().equalsIgnoreCase(status.status());
                Optional<Tracer.Node> node = tracer.status(unit, criterion, period);
                node.ifPresent((isMet ? metNodes : unmetNodes)::add);
                (isMet ? met : unmet).add(node.map(n -> tracer.mark(n, label)).orElse(label));
            }
            int unreported = criteria.size() - met.size() - unmet.size();
            String month = month(period);
            Tracer.Node total = Tracer.calendar("Số tiêu chí trong danh mục chỉ tiêu", BigDecimal.valueOf(criteria.size()),
                    "các chỉ tiêu " + item.indicators().get(0).text() + " của danh mục (indicators.csv)");
            Map<String, Object> slots = new HashMap<>(common);
            slots.put("unit_name", unit.nameInSentence());
            slots.put("Unit_name", unit.name());
            slots.put("met", tracer.mark(Tracer.count("Số tiêu chí đã đạt, " + unit.nameInSentence() + ", tháng " + month,
                    met.size(), "đếm các tiêu chí đơn vị đánh giá \"" + item.option() + "\"", metNodes),
                    String.valueOf(met.size())));
            slots.put("total", tracer.mark(total, String.valueOf(criteria.size())));
            slots.put("met_list", met);
            slots.put("unmet", unmet.isEmpty() ? null : tracer.mark(Tracer.count("Số tiêu chí chưa đạt, "
                    + unit.nameInSentence() + ", tháng " + month, unmet.size(), "đếm các tiêu chí đơn vị đánh giá khác \""
                    + item.option() + "\"", unmetNodes), String.valueOf(unmet.size())));
            slots.put("unmet_list", unmet);
            slots.put("unreported", unreported > 0 ? tracer.mark(Tracer.count("Số tiêu chí chưa có báo cáo đánh giá, "
                    + unit.nameInSentence() + ", tháng " + month, unreported, criteria.size() + " tiêu chí trong danh mục trừ "
                    + (met.size() + unmet.size()) + " tiêu chí đơn vị đã đánh giá", List.of()), String.valueOf(unreported))
                    : null);
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
            List<String> said, Tracer tracer) {
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
            Optional<Tracer.Node> traced = tracer.figure(unit, indicator, period, Measure.CUMULATIVE);
            String shownValue = figure(value.get(), indicator);
            slots.put("value", traced.map(n -> tracer.mark(n, shownValue)).orElse(shownValue));
            figures.asOf(unit.key(), indicator.code(), period, Measure.CUMULATIVE)
                    .ifPresent(day -> slots.put("as_of", DAY.format(day)));
            BigDecimal pace = BigDecimal.valueOf(period.getMonthValue()).multiply(HUNDRED)
                    .divide(TWELVE, indicator.percentDecimals(), RoundingMode.HALF_UP);
            List<String> attainments = new ArrayList<>();
            List<String> behind = new ArrayList<>();
            for (Target target : targets) {
                BigDecimal attained = ratio(value.get(), target.value(), indicator.percentDecimals());
                String percentage = VietnameseNumbers.format(attained, indicator.percentDecimals());
                String attainment = traced.map(n -> tracer.mark(tracer.ratio(NoticeFigures.capitalise(indicator.shortName())
                        + " so với " + target.label() + ", " + unit.nameInSentence() + ", lũy kế đến tháng " + month(period)
                        + " (%)", n.shownAs(shownValue), tracer.target(target, indicator, unit),
                        indicator.percentDecimals()), percentage)).orElse(percentage) + "% " + target.label();
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
                Tracer.Node months = Tracer.calendar("Số tháng đã qua của năm " + period.getYear(),
                        BigDecimal.valueOf(period.getMonthValue()), "tháng của kỳ báo cáo " + month(period));
                slots.put("month", tracer.mark(months, String.valueOf(period.getMonthValue())));
                slots.put("pace", tracer.mark(new Tracer.Node(NoticeTrace.Derivation.RATIO, "Tiến độ thời gian của năm "
                        + period.getYear() + " đến tháng " + month(period) + " (%)", pace,
                        VietnameseNumbers.format(pace, indicator.percentDecimals()), period.getMonthValue() + " / 12 × 100",
                        List.of(months, Tracer.calendar("Số tháng của năm", TWELVE, "12 tháng")), List.of()),
                        VietnameseNumbers.format(pace, indicator.percentDecimals())));
                item.pattern().fill(slots).ifPresent(said::add);
            }
        }
    }

    /**
     * The line's first figure as a share of its second ("đã giải quyết 219/243 đơn, đạt 90,1%"), the level's own
     * and its communes' apart where the level adds them up, and how many communes have not reported it.
     */
    private Optional<String> share(NoticeItem item, Unit unit, YearMonth period, Map<String, Object> common,
            Tracer tracer) {
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
        Optional<Tracer.Node> doneNode = tracer.figure(unit, part, period, Measure.CUMULATIVE);
        Optional<Tracer.Node> inNode = tracer.figure(unit, whole, period, Measure.CUMULATIVE);
        Map<String, Object> slots = new HashMap<>(common);
        slots.put("numerator", marked(tracer, doneNode, figure(done.get(), part)));
        slots.put("denominator", marked(tracer, inNode, figure(in.get(), whole)));
        slots.put("fraction", markedFraction(tracer, doneNode, inNode, done.get(), in.get(), part));
        String percent = in.get().signum() == 0 ? null : percent(done.get(), in.get(), part.percentDecimals());
        slots.put("percent", percent == null || doneNode.isEmpty() || inNode.isEmpty() ? percent
                : tracer.mark(tracer.ratio(NoticeFigures.capitalise(part.shortName()) + " so với "
                        + whole.shortName() + ", " + unit.nameInSentence() + ", lũy kế đến tháng " + month(period) + " (%)",
                        doneNode.get(), inNode.get(), part.percentDecimals()), percent));
        slots.put("uom", part.unitOfMeasure());
        if (partTotal.isPresent() && wholeTotal.isPresent()) {
            Total p = partTotal.get();
            Total w = wholeTotal.get();
            if (p.own() != null && w.own() != null) {
                slots.put("own_fraction", markedFraction(tracer, tracer.own(unit, part, period, Measure.CUMULATIVE),
                        tracer.own(unit, whole, period, Measure.CUMULATIVE), p.own(), w.own(), part));
            }
            if (p.children() != null && w.children() != null) {
                slots.put("children_fraction", markedFraction(tracer,
                        Optional.of(tracer.children(unit, part, period, Measure.CUMULATIVE, p.children())),
                        Optional.of(tracer.children(unit, whole, period, Measure.CUMULATIVE, w.children())),
                        p.children(), w.children(), part));
            }
            int missing = w.childrenExpected() - w.childrenReported();
            if (missing > 0) {
                String communes = "đơn vị cấp xã của " + unit.nameInSentence();
                slots.put("children_missing", tracer.mark(Tracer.count("Số " + communes + " chưa báo cáo "
                        + whole.shortName() + ", tháng " + month(period), missing, w.childrenExpected() + " đơn vị phải báo cáo trừ "
                        + w.childrenReported() + " đơn vị đã báo cáo", List.of()), String.valueOf(missing)));
                slots.put("children_expected", tracer.mark(Tracer.count("Số " + communes + " phải báo cáo "
                        + whole.shortName() + ", tháng " + month(period), w.childrenExpected(),
                        "các đơn vị cấp xã trực thuộc trong danh mục đơn vị (units.csv)", List.of()),
                        String.valueOf(w.childrenExpected())));
            }
        }
        return item.pattern().fill(slots);
    }

    private static String marked(Tracer tracer, Optional<Tracer.Node> node, String shown) {
        return node.map(n -> tracer.mark(n, shown)).orElse(shown);
    }

    /** {@link NoticeFigures#fraction} with its two figures marked: "219/243". */
    private static String markedFraction(Tracer tracer, Optional<Tracer.Node> partNode, Optional<Tracer.Node> wholeNode,
            BigDecimal part, BigDecimal whole, Indicator indicator) {
        String text = fraction(part, whole, indicator);
        String partText = VietnameseNumbers.format(part, indicator.decimals());
        String wholeText = VietnameseNumbers.format(whole, indicator.decimals());
        if (!text.equals(partText + "/" + wholeText)) {
            return text;
        }
        return marked(tracer, partNode, partText) + "/" + marked(tracer, wholeNode, wholeText);
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
            Map<String, Object> common, Tracer tracer) {
        NoticeItem.Reference main = item.indicators().get(0);
        Indicator indicator = catalog.indicator(main.text());
        Optional<BigDecimal> now = figures.figure(unit.key(), indicator.code(), period, Measure.CUMULATIVE);
        if (now.isEmpty()) {
            return Optional.empty();
        }
        Optional<Tracer.Node> nowNode = tracer.figure(unit, indicator, period, Measure.CUMULATIVE)
                .map(n -> n.shownAs(figure(now.get(), indicator)));
        Map<String, Object> slots = new HashMap<>(common);
        slots.put("indicator", indicator.shortName());
        slots.put("Indicator", capitalise(indicator.shortName()));
        slots.put("value", marked(tracer, nowNode, figure(now.get(), indicator)));
        slots.put("uom", indicator.unitOfMeasure());
        List<String> extras = new ArrayList<>();
        for (NoticeItem.Reference extra : item.indicators().subList(1, item.indicators().size())) {
            Indicator other = catalog.indicator(extra.text());
            figures.figure(unit.key(), other.code(), period, Measure.CUMULATIVE).filter(v -> v.signum() > 0)
                    .ifPresent(v -> extras.add((extra.words() == null ? other.shortName() : extra.words()) + " "
                            + marked(tracer, tracer.figure(unit, other, period, Measure.CUMULATIVE), figure(v, other))
                            + (other.unitOfMeasure().isEmpty() ? "" : " " + other.unitOfMeasure())));
        }
        slots.put("extras", extras);
        Lineage.Earlier before = earlier(unit, indicator, period.minusYears(1));
        slots.put("comparison", comparison(unit, indicator, now.get(), before, period.minusYears(1),
                new Traced(tracer, nowNode, tracer.earlier(unit, indicator, period.minusYears(1), before))));
        boolean worse = before.comparable() && verdicts.failed(Rule.Judgement.YEAR_ON_YEAR, unit.key(), indicator.code());
        return item.pattern().fill(slots).map(text -> new Compared(text, worse));
    }

    /** A figure now and a year earlier, traced, for the comparison's change and percentage. */
    private record Traced(Tracer tracer, Optional<Tracer.Node> now, Optional<Tracer.Node> before) {

        String change(Unit unit, Indicator indicator, YearMonth period, String shown) {
            if (now.isEmpty() || before.isEmpty()) {
                return shown;
            }
            return tracer.mark(difference(unit, indicator, period), shown);
        }

        String percent(Unit unit, Indicator indicator, YearMonth period, String shown) {
            if (now.isEmpty() || before.isEmpty()) {
                return shown;
            }
            return tracer.mark(tracer.ratio(NoticeFigures.capitalise(indicator.shortName()) + ", " + unit.nameInSentence()
                    + ", mức tăng (giảm) so với cùng kỳ năm " + period.minusYears(1).getYear() + " (%)",
                    difference(unit, indicator, period), before.get(), indicator.percentDecimals()), shown);
        }

        private Tracer.Node difference(Unit unit, Indicator indicator, YearMonth period) {
            return tracer.difference(NoticeFigures.capitalise(indicator.shortName()) + ", " + unit.nameInSentence()
                    + ", lũy kế đến tháng " + month(period) + " so với cùng kỳ năm " + period.minusYears(1).getYear()
                    + (indicator.unitOfMeasure().isEmpty() ? "" : " (" + indicator.unitOfMeasure() + ")"),
                    now.get(), before.get(), indicator);
        }

        /** {@link Lineage#explanation} with each predecessor's share and figure marked. */
        String explanation(Unit unit, Lineage.Earlier earlier, Indicator indicator, YearMonth lastPeriod) {
            String text = Lineage.explanation(earlier, indicator);
            if (before.isEmpty() || before.get().parts().size() != earlier.parts().size()) {
                return text;
            }
            boolean communes = earlier.parts().stream().allMatch(p -> p.unit().kind() == UnitKind.COMMUNE);
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < earlier.parts().size(); i++) {
                Lineage.Part part = earlier.parts().get(i);
                Tracer.Node shareNode = before.get().parts().get(i);
                StringBuilder piece = new StringBuilder();
                if (part.share().compareTo(BigDecimal.ONE) != 0) {
                    BigDecimal share = part.share().movePointRight(2);
                    piece.append(tracer.mark(Tracer.calendar("Tỷ lệ phần của " + part.unit().nameInSentence() + " chuyển về "
                            + unit.nameInSentence() + " (%)", share, "tỷ lệ trong danh mục đơn vị (units.csv)"),
                            VietnameseNumbers.format(share, 0))).append("% của ");
                }
                piece.append(part.unit().nameInSentence()).append(' ');
                String value = Lineage.figure(part.value(), indicator);
                piece.append(shareNode.parts().isEmpty() ? value : tracer.mark(shareNode.parts().get(0), value));
                parts.add(piece.toString());
            }
            String marked = "tính theo các " + (communes ? "xã" : "xã, thị trấn") + " cũ hợp nhất: "
                    + String.join(", ", parts);
            return Tracer.plain(marked).equals(text) ? marked : text;
        }
    }

    /**
     * ", tăng 4 vụ và tăng 16% so với cùng kỳ năm 2021", ", bằng cùng kỳ năm 2021", or why it cannot be compared;
     * last year's figure from the predecessors is said so.
     */
    private static String comparison(Unit unit, Indicator indicator, BigDecimal value, Lineage.Earlier before,
            YearMonth lastPeriod, Traced traced) {
        String lastYear = String.valueOf(lastPeriod.getYear());
        String uom = indicator.unitOfMeasure().isEmpty() ? "" : " " + indicator.unitOfMeasure();
        if (!before.comparable()) {
            return before.fromPredecessors() || !unit.validOn(lastPeriod.atEndOfMonth())
                    ? " (không so sánh được: " + before.notComparable() + ")"
                    : " (chưa có số liệu cùng kỳ năm " + lastYear + " để so sánh)";
        }
        YearMonth period = lastPeriod.plusYears(1);
        BigDecimal previous = before.value().orElseThrow();
        BigDecimal change = value.subtract(previous);
        StringBuilder text = new StringBuilder();
        if (change.signum() == 0) {
            text.append(", bằng cùng kỳ năm ").append(lastYear);
        } else {
            String verb = change.signum() > 0 ? "tăng" : "giảm";
            text.append(", ").append(verb).append(' ')
                    .append(traced.change(unit, indicator, period, figure(change.abs(), indicator))).append(uom);
            if (previous.signum() != 0) {
                text.append(" và ").append(verb).append(' ').append(traced.percent(unit, indicator, period,
                        percent(change.abs(), previous, indicator.percentDecimals()))).append('%');
            }
            text.append(" so với cùng kỳ năm ").append(lastYear);
            if (previous.signum() == 0) {
                text.append(" (cùng kỳ không có").append(uom).append(" nào)");
            }
        }
        if (before.fromPredecessors()) {
            text.append(" (cùng kỳ năm ").append(lastYear).append(' ')
                    .append(traced.explanation(unit, before, indicator, lastPeriod)).append(')');
        }
        return text.toString();
    }

    /**
     * The office's unit and the communes below it formed since the same period last year (the 2025 reform merged
     * and split them): each additive figure the line reads against the sum of its predecessors' last year, said
     * so, or marked not comparable with the reason. A commune that existed then is left to the annex.
     */
    private void reformed(NoticeItem item, Unit office, YearMonth period, Map<String, Object> common, List<String> said,
            Tracer tracer) {
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
                Optional<Tracer.Node> nowNode = tracer.figure(commune, indicator, period, Measure.CUMULATIVE)
                        .map(n -> n.shownAs(figure(now.get(), indicator)));
                Traced traced = new Traced(tracer, nowNode, tracer.earlier(commune, indicator, lastPeriod, before));
                String uom = indicator.unitOfMeasure().isEmpty() ? "" : " " + indicator.unitOfMeasure();
                StringBuilder text = new StringBuilder(indicator.shortName()).append(' ')
                        .append(marked(tracer, nowNode, figure(now.get(), indicator))).append(uom);
                if (!before.comparable()) {
                    text.append(", không so sánh được với cùng kỳ năm ").append(lastYear).append(": ")
                            .append(before.notComparable());
                } else {
                    BigDecimal previous = before.value().get();
                    text.append(", cùng kỳ năm ").append(lastYear).append(' ')
                            .append(traced.explanation(commune, before, indicator, lastPeriod)).append(" là ")
                            .append(marked(tracer, traced.before(), Lineage.figure(previous, indicator))).append(uom);
                    BigDecimal change = now.get().subtract(previous);
                    if (change.signum() == 0) {
                        text.append(", bằng cùng kỳ");
                    } else {
                        text.append(", ").append(change.signum() > 0 ? "tăng " : "giảm ")
                                .append(traced.change(commune, indicator, period, Lineage.figure(change.abs(), indicator)))
                                .append(uom);
                        if (previous.signum() != 0) {
                            text.append(" (").append(traced.percent(commune, indicator, period,
                                    percent(change.abs(), previous, indicator.percentDecimals()))).append("%)");
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
     * order of forms, each a sentence of its own. The numbers in it are the unit's own, each traced to its text's cell.
     */
    private void freeTexts(NoticeItem item, Area area, YearMonth period, Map<String, Object> common, List<String> said,
            Tracer tracer) {
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
            slots.put("text", tracer.quote(text.unitKey(), catalog.indicator(text.indicatorCode()), period,
                    capitalise(written.endsWith(".") ? written : written + ".")));
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
