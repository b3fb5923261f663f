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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.giaoban.briefing.internal.FigureRepository;
import vn.giaoban.briefing.internal.FigureRepository.Status;
import vn.giaoban.briefing.internal.FigureRepository.Total;
import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.Lineage;
import vn.giaoban.catalog.Measure;
import vn.giaoban.catalog.Rule;
import vn.giaoban.catalog.Target;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.UnitKind;
import vn.giaoban.text.VietnameseNumbers;

/**
 * The results and the difficulties the figures themselves say (section I): the new-countryside
 * criteria, each figure against its targets and the year's pace, petitions, crime and traffic against
 * last year, and the communes formed since. Whether a figure is a difficulty is the rules' verdict.
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

    /**
     * The status criteria each commune reported (the 19 criteria of a new-style countryside commune):
     * which are met and which are not, by their numbers.
     */
    List<String> statusCriteria(Area area, YearMonth period) {
        Map<String, List<Status>> byUnit = new LinkedHashMap<>();
        for (Status status : figures.statuses("NTM_TC_", period)) {
            if (!area.contains(status.unitKey())) {
                continue;
            }
            byUnit.computeIfAbsent(status.unitKey(), k -> new ArrayList<>()).add(status);
        }
        List<String> sentences = new ArrayList<>();
        byUnit.forEach((unitKey, statuses) -> {
            Unit commune = catalog.unitByKey(unitKey).orElseThrow();
            int total = catalog.formOf(statuses.get(0).indicatorCode()).map(f -> f.indicatorCodes().size())
                    .orElse(statuses.size());
            List<String> met = new ArrayList<>();
            List<String> unmet = new ArrayList<>();
            for (Status status : statuses) {
                String number = String.valueOf(Integer.parseInt(
                        status.indicatorCode().substring(status.indicatorCode().lastIndexOf('_') + 1)));
                ("DAT".equals(status.status()) ? met : unmet).add(number);
            }
            StringBuilder text = new StringBuilder("Xây dựng NTM ").append(commune.nameInSentence())
                    .append(": đến thời điểm hiện tại, có ").append(met.size()).append('/').append(total)
                    .append(" tiêu chí đã đạt");
            if (!met.isEmpty()) {
                text.append(" gồm: ").append(String.join("-", met));
            }
            text.append('.');
            if (!unmet.isEmpty()) {
                text.append(" Có ").append(unmet.size()).append('/').append(total).append(" tiêu chí chưa đạt (")
                        .append(String.join("-", unmet)).append(").");
            }
            int missing = total - met.size() - unmet.size();
            if (missing > 0) {
                text.append(" Còn ").append(missing).append(" tiêu chí chưa có báo cáo đánh giá.");
            }
            sentences.add(text.toString());
        });
        return sentences;
    }

    /**
     * A cumulative figure against each of the year's targets ("được 94.533 triệu đồng, đạt 116,71% ...")
     * for the results; when the catalog's pace rule finds it behind the months gone by, the targets
     * it lags for the difficulties.
     */
    void attainment(Unit unit, Indicator indicator, List<Target> targets, YearMonth period, Verdicts verdicts,
            List<String> results, List<String> difficulties) {
        Optional<Total> total = figures.total(unit.key(), indicator.code(), period, Measure.CUMULATIVE);
        if (total.isEmpty()) {
            difficulties.add(indicator.shortName() + ": chưa có số liệu tháng " + month(period) + ".");
            return;
        }
        BigDecimal value = total.get().value();
        String asOf = figures.asOf(unit.key(), indicator.code(), period, Measure.CUMULATIVE)
                .map(day -> "đến ngày " + DAY.format(day))
                .orElse("lũy kế đến tháng " + month(period));
        StringBuilder text = new StringBuilder(indicator.shortName()).append(' ').append(asOf).append(" được ")
                .append(figure(value, indicator)).append(' ').append(indicator.unitOfMeasure());
        BigDecimal pace = BigDecimal.valueOf(period.getMonthValue()).multiply(HUNDRED)
                .divide(TWELVE, indicator.percentDecimals(), RoundingMode.HALF_UP);
        List<String> attainments = new ArrayList<>();
        List<String> behind = new ArrayList<>();
        for (Target target : targets) {
            BigDecimal attained = ratio(value, target.value(), indicator.percentDecimals());
            String attainment = VietnameseNumbers.format(attained, indicator.percentDecimals()) + "% " + target.label();
            text.append(", đạt ").append(attainment);
            attainments.add(attainment);
            if (attained.compareTo(pace) < 0) {
                behind.add(attainment);
            }
        }
        results.add(text.append('.').toString());
        if (verdicts.failed(Rule.Judgement.PACE, unit.key(), indicator.code())) {
            if (behind.isEmpty()) {
                // the rule judged with its own tolerance: every target is named rather than none
                behind = attainments;
            }
            difficulties.add(indicator.shortName() + " mới đạt " + String.join(", ", behind) + ", thấp hơn tiến độ "
                    + VietnameseNumbers.format(pace, indicator.percentDecimals()) + "% của " + period.getMonthValue()
                    + "/12 tháng.");
        }
    }

    /** Petitions resolved of received, the level's own and its communes' apart. */
    Optional<String> petitions(Unit unit, YearMonth period) {
        Indicator received = catalog.indicator("DT_TIEP_NHAN");
        Indicator resolved = catalog.indicator("DT_DA_GIAI_QUYET");
        Optional<Total> in = figures.total(unit.key(), received.code(), period, Measure.CUMULATIVE);
        Optional<Total> done = figures.total(unit.key(), resolved.code(), period, Measure.CUMULATIVE);
        if (in.isEmpty() || done.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("Công tác giải quyết đơn thư: tổng ")
                .append(figure(in.get().value(), received)).append(" đơn, đã giải quyết ")
                .append(fraction(done.get().value(), in.get().value(), resolved)).append(" đơn, đạt ")
                .append(percent(done.get().value(), in.get().value(), resolved.percentDecimals())).append('%');
        List<String> parts = new ArrayList<>();
        if (in.get().own() != null && done.get().own() != null) {
            parts.add(level(unit.kind()) + " giải quyết " + fraction(done.get().own(), in.get().own(), resolved));
        }
        if (in.get().children() != null && done.get().children() != null) {
            parts.add("cấp xã " + fraction(done.get().children(), in.get().children(), resolved) + " đơn");
        }
        if (!parts.isEmpty()) {
            text.append(" (trong đó ").append(String.join(", ", parts)).append(')');
        }
        text.append('.');
        int missing = in.get().childrenExpected() - in.get().childrenReported();
        if (missing > 0) {
            text.append(" Còn ").append(missing).append('/').append(in.get().childrenExpected())
                    .append(" xã, thị trấn chưa báo cáo số liệu đơn thư.");
        }
        return Optional.of(text.toString());
    }

    /**
     * Crime and traffic accidents against the same period last year: a change the catalog's rule
     * judges worse ({@code notWorse}, by the indicator's polarity and the rule's tolerance) is a
     * difficulty, any other a result.
     */
    void yearOnYear(Unit unit, YearMonth period, Verdicts verdicts, List<String> results,
            List<String> difficulties) {
        List<String> worse = new ArrayList<>();
        List<String> better = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        comparison(unit, period, "PPHS", List.of(), verdicts, worse, better, topics);
        comparison(unit, period, "TNGT_SO_VU", List.of("TNGT_CHET", "TNGT_BI_THUONG"), verdicts, worse, better, topics);
        String lastYear = String.valueOf(period.getYear() - 1);
        if (!worse.isEmpty()) {
            difficulties.add(String.join(" và ", topics) + " tăng so với cùng kỳ năm " + lastYear + ". "
                    + capitalise(String.join("; ", worse)) + ".");
        }
        if (!better.isEmpty()) {
            results.add(capitalise(String.join("; ", better)) + ".");
        }
    }

    /** Worse or better as the catalog's year-on-year rule for the figure judged it (with its tolerance). */
    private void comparison(Unit unit, YearMonth period, String code, List<String> victims, Verdicts verdicts,
            List<String> worse, List<String> better, List<String> topics) {
        Indicator indicator = catalog.indicator(code);
        Optional<Total> now = figures.total(unit.key(), code, period, Measure.CUMULATIVE);
        if (now.isEmpty()) {
            return;
        }
        YearMonth lastPeriod = period.minusYears(1);
        Lineage.Earlier before = earlier(unit, indicator, lastPeriod);
        BigDecimal value = now.get().value();
        StringBuilder text = new StringBuilder("về ").append(indicator.shortName()).append(" xảy ra ")
                .append(figure(value, indicator)).append(' ').append(indicator.unitOfMeasure());
        for (String victim : victims) {
            Indicator people = catalog.indicator(victim);
            figures.total(unit.key(), victim, period, Measure.CUMULATIVE)
                    .filter(t -> t.value().signum() > 0)
                    .ifPresent(t -> text.append(", ").append(victim.endsWith("CHET") ? "làm chết " : "làm bị thương ")
                            .append(figure(t.value(), people)).append(' ').append(people.unitOfMeasure()));
        }
        String lastYear = String.valueOf(lastPeriod.getYear());
        if (!before.comparable()) {
            text.append(before.fromPredecessors() || !unit.validOn(lastPeriod.atEndOfMonth())
                    ? " (không so sánh được: " + before.notComparable() + ")"
                    : " (chưa có số liệu cùng kỳ năm " + lastYear + " để so sánh)");
            better.add(text.toString());
            return;
        }
        BigDecimal previous = before.value().orElseThrow();
        BigDecimal change = value.subtract(previous);
        int direction = change.signum();
        if (direction == 0) {
            text.append(", bằng cùng kỳ năm ").append(lastYear);
        } else {
            String verb = direction > 0 ? "tăng" : "giảm";
            text.append(", ").append(verb).append(' ').append(figure(change.abs(), indicator)).append(' ')
                    .append(indicator.unitOfMeasure());
            if (previous.signum() != 0) {
                text.append(" và ").append(verb).append(' ')
                        .append(percent(change.abs(), previous, indicator.percentDecimals())).append('%');
            }
            text.append(" so với cùng kỳ năm ").append(lastYear);
            if (previous.signum() == 0) {
                text.append(" (cùng kỳ không xảy ra vụ nào)");
            }
        }
        if (before.fromPredecessors()) {
            text.append(" (cùng kỳ năm ").append(lastYear).append(' ').append(Lineage.explanation(before, indicator))
                    .append(')');
        }
        if (verdicts.failed(Rule.Judgement.YEAR_ON_YEAR, unit.key(), code)) {
            worse.add(text.toString());
            topics.add(code.startsWith("PPHS") ? "Phạm pháp hình sự" : "tai nạn giao thông");
        } else {
            better.add(text.toString());
        }
    }

    /**
     * The communes formed since the same period last year (the 2025 reform merged and split them):
     * each additive figure against the sum of its predecessors' last year, said so, or marked not
     * comparable with the reason. A commune that existed then is left to the annex.
     */
    List<String> reformedUnits(Unit unit, YearMonth period) {
        YearMonth lastPeriod = period.minusYears(1);
        String lastYear = String.valueOf(lastPeriod.getYear());
        List<String> sentences = new ArrayList<>();
        for (Unit commune : catalog.children(unit, period)) {
            if (!commune.kind().isLocalGovernment() || commune.validOn(lastPeriod.atEndOfMonth())) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (Indicator indicator : catalog.indicators()) {
                if (!indicator.valueType().isNumeric() || indicator.rollup() == vn.giaoban.catalog.Rollup.NONE) {
                    continue;
                }
                Optional<BigDecimal> now = figures.figure(commune.key(), indicator.code(), period, Measure.CUMULATIVE);
                if (now.isEmpty()) {
                    continue;
                }
                Lineage.Earlier before = earlier(commune, indicator, lastPeriod);
                StringBuilder text = new StringBuilder(indicator.shortName()).append(' ')
                        .append(figure(now.get(), indicator)).append(' ').append(indicator.unitOfMeasure());
                if (!before.comparable()) {
                    text.append(", không so sánh được với cùng kỳ năm ").append(lastYear).append(": ")
                            .append(before.notComparable());
                } else {
                    BigDecimal previous = before.value().get();
                    text.append(", cùng kỳ năm ").append(lastYear).append(' ')
                            .append(Lineage.explanation(before, indicator)).append(" là ")
                            .append(Lineage.figure(previous, indicator)).append(' ').append(indicator.unitOfMeasure());
                    BigDecimal change = now.get().subtract(previous);
                    if (change.signum() == 0) {
                        text.append(", bằng cùng kỳ");
                    } else {
                        text.append(", ").append(change.signum() > 0 ? "tăng " : "giảm ")
                                .append(Lineage.figure(change.abs(), indicator)).append(' ')
                                .append(indicator.unitOfMeasure());
                        if (previous.signum() != 0) {
                            text.append(" (").append(percent(change.abs(), previous, indicator.percentDecimals()))
                                    .append("%)");
                        }
                    }
                }
                parts.add(text.toString());
            }
            if (!parts.isEmpty()) {
                sentences.add(commune.name() + " (thành lập từ " + DAY.format(commune.validFrom()) + "): "
                        + String.join("; ", parts) + ".");
            }
        }
        return sentences;
    }

    /** A unit's cumulative figure a year earlier: its own, or its predecessors' by their shares. */
    private Lineage.Earlier earlier(Unit unit, Indicator indicator, YearMonth lastPeriod) {
        return lineage.earlier(unit, indicator, lastPeriod,
                u -> figures.figure(u.key(), indicator.code(), lastPeriod, Measure.CUMULATIVE));
    }

    private static String level(UnitKind kind) {
        return switch (kind) {
            case PROVINCE -> "cấp tỉnh";
            case DISTRICT -> "cấp huyện";
            default -> "cấp xã";
        };
    }
}
