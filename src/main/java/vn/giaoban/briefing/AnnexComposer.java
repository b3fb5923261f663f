package vn.giaoban.briefing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.giaoban.briefing.Briefing.Annex;
import vn.giaoban.briefing.Briefing.Chart;
import vn.giaoban.briefing.Briefing.ChartKind;
import vn.giaoban.briefing.Briefing.Point;
import vn.giaoban.briefing.Briefing.Series;
import vn.giaoban.briefing.Briefing.Table;
import vn.giaoban.briefing.internal.Completeness;
import vn.giaoban.briefing.internal.FigureRepository;
import vn.giaoban.briefing.internal.FigureRepository.Total;
import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.Lineage;
import vn.giaoban.catalog.Measure;
import vn.giaoban.catalog.Office;
import vn.giaoban.catalog.Rollup;
import vn.giaoban.catalog.Target;
import vn.giaoban.catalog.TargetLevel;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.UnitKind;
import vn.giaoban.text.VietnameseNumbers;

/**
 * The annex after the notice: the tables a reader checks the sentences against, who reported and
 * when, and the charts. Every cell is worded here, in the notice's number format, so the PDF, the
 * DOCX and the XLSX show the same thing.
 */
final class AnnexComposer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String NONE = "—";

    private final Catalog catalog;
    private final FigureRepository figures;
    private final Lineage lineage;

    AnnexComposer(Catalog catalog, FigureRepository figures, Lineage lineage) {
        this.catalog = catalog;
        this.figures = figures;
        this.lineage = lineage;
    }

    Annex compose(Office office, YearMonth period, List<Completeness.Report> reports, boolean hasData) {
        Unit unit = office.unit();
        List<Table> tables = new ArrayList<>();
        List<Chart> charts = new ArrayList<>();
        boolean hasTargets = catalog.targets().stream()
                .anyMatch(t -> t.year() == period.getYear() && t.unitCode().equals(unit.code()));
        if (hasData) {
            if (hasTargets) {
                tables.add(targets(unit, period));
            }
            tables.add(totals(unit, period));
            petitionsByUnit(unit, period).ifPresent(tables::add);
            if (hasTargets) {
                charts.add(targetsChart(unit, period));
            }
            petitionsChart(unit, period).ifPresent(charts::add);
            trend(office, period).ifPresent(charts::add);
        }
        tables.add(completeness(period, reports));
        if (hasData) {
            sinceReform(unit, period).ifPresent(tables::add);
        }
        return new Annex("PHỤ LỤC", tables, charts);
    }

    /** The indicators that have targets this year, against each level's target. */
    private Table targets(Unit unit, YearMonth period) {
        List<List<String>> rows = new ArrayList<>();
        List<Indicator> planned = catalog.indicators().stream()
                .filter(i -> !catalog.targets(i.code(), period.getYear(), unit.code()).isEmpty()).toList();
        // one precision down each percentage column, the finest of its indicators'
        int percentDecimals = planned.stream().mapToInt(Indicator::percentDecimals).max().orElse(0);
        for (Indicator indicator : planned) {
            List<Target> targets = catalog.targets(indicator.code(), period.getYear(), unit.code());
            Optional<BigDecimal> value = figures.total(unit.key(), indicator.code(), period, Measure.CUMULATIVE)
                    .map(Total::value);
            List<String> row = new ArrayList<>(List.of(indicator.name(), indicator.unitOfMeasure(),
                    value.map(v -> NoticeFigures.figure(v, indicator)).orElse(NONE)));
            for (TargetLevel level : TargetLevel.values()) {
                Optional<Target> target = targets.stream().filter(t -> t.level() == level).findFirst();
                row.add(target.map(t -> NoticeFigures.figure(t.value(), indicator)).orElse(NONE));
                row.add(target.flatMap(t -> value.map(v -> NoticeFigures.percent(v, t.value(), percentDecimals) + "%"))
                        .orElse(NONE));
            }
            rows.add(row);
        }
        return new Table("Biểu 1. Các chỉ tiêu có kế hoạch năm " + period.getYear() + " (lũy kế đến tháng "
                + NoticeFigures.month(period) + ")",
                List.of("Chỉ tiêu", "Đơn vị tính", "Thực hiện", "Kế hoạch tỉnh giao", "% tỉnh giao",
                        "Kế hoạch huyện giao", "% huyện giao"),
                List.of(false, false, true, true, true, true, true), rows, null);
    }

    /** The level's figures this month, since January and a year earlier. */
    private Table totals(Unit unit, YearMonth period) {
        YearMonth lastYear = period.minusYears(1);
        List<List<String>> rows = new ArrayList<>();
        List<Indicator> additive = catalog.indicators().stream()
                .filter(i -> i.rollup() != Rollup.NONE && i.valueType().isNumeric()).toList();
        // one precision down the column ("16,00%" under "20,86%"), the finest of its indicators'
        int percentDecimals = additive.stream().mapToInt(Indicator::percentDecimals).max().orElse(0);
        List<String> partial = new ArrayList<>();
        for (Indicator indicator : additive) {
            Optional<Total> monthTotal = figures.total(unit.key(), indicator.code(), period, Measure.MONTH);
            Optional<BigDecimal> month = monthTotal.map(Total::value);
            // a month's sum that only some units below gave is never printed as if complete
            monthTotal.filter(t -> t.childrenExpected() > 0
                    && (t.childrenReported() < t.childrenExpected() || t.childrenDerived() > 0))
                    .ifPresent(t -> partial.add(indicator.name() + ": " + t.childrenReported() + "/" + t.childrenExpected()
                            + " đơn vị" + (t.childrenDerived() > 0 ? ", trong đó " + t.childrenDerived()
                                    + " đơn vị tính từ số lũy kế" : "")));
            Optional<BigDecimal> cumulative = total(unit, indicator, period, Measure.CUMULATIVE);
            Optional<BigDecimal> before = earlier(unit, indicator, lastYear).value();
            if (month.isEmpty() && cumulative.isEmpty()) {
                continue;
            }
            Optional<BigDecimal> change = cumulative.flatMap(c -> before.map(c::subtract));
            rows.add(List.of(indicator.name(), indicator.unitOfMeasure(), shown(month, indicator),
                    shown(cumulative, indicator), shown(before, indicator),
                    change.map(c -> (c.signum() > 0 ? "+" : "") + VietnameseNumbers.format(c, indicator.decimals()))
                            .orElse(NONE),
                    change.flatMap(c -> before.filter(b -> b.signum() != 0)
                            .map(b -> NoticeFigures.percent(c, b, percentDecimals) + "%")).orElse(NONE)));
        }
        return new Table("Biểu 2. Số liệu tổng hợp tháng " + NoticeFigures.month(period) + " và so với cùng kỳ năm "
                + lastYear.getYear(),
                List.of("Chỉ tiêu", "Đơn vị tính", "Tháng " + period.getMonthValue(), "Lũy kế",
                        "Cùng kỳ " + lastYear.getYear(), "Tăng (+), giảm (-)", "% so cùng kỳ"),
                List.of(false, false, true, true, true, true, true), rows,
                "Cùng kỳ là số liệu các đơn vị đã gửi cho tháng " + NoticeFigures.month(lastYear)
                        + ", không phải số do đơn vị tự ghi."
                        + (partial.isEmpty() ? "" : " Số tháng " + period.getMonthValue() + " chỉ gồm các đơn vị đã có"
                                + " số liệu tháng: " + String.join("; ", partial) + "."));
    }

    /** Petitions by commune and town, the district level's own first. */
    private Optional<Table> petitionsByUnit(Unit unit, YearMonth period) {
        Indicator received = catalog.indicator("DT_TIEP_NHAN");
        Indicator resolved = catalog.indicator("DT_DA_GIAI_QUYET");
        List<List<String>> rows = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        // the level's own row where it has its own petitions (Thanh tra huyện); a province's are its communes'
        if (unit.kind() == UnitKind.DISTRICT
                || figures.value(unit.key(), received.code(), period, Measure.CUMULATIVE).isPresent()) {
            units.add(unit);
        }
        units.addAll(localGovernments(unit, period));
        for (Unit each : units) {
            Optional<BigDecimal> in = figures.value(each.key(), received.code(), period, Measure.CUMULATIVE);
            Optional<BigDecimal> done = figures.value(each.key(), resolved.code(), period, Measure.CUMULATIVE);
            String name = !each.equals(unit) ? each.name()
                    : unit.kind() == UnitKind.DISTRICT ? "Cấp huyện (Thanh tra huyện)" : "Cấp tỉnh";
            rows.add(List.of(name, shown(in, received), shown(done, resolved),
                    in.flatMap(i -> done.filter(d -> i.signum() != 0)
                            .map(d -> NoticeFigures.percent(d, i, resolved.percentDecimals()) + "%")).orElse(NONE)));
        }
        if (rows.stream().allMatch(row -> row.get(1).equals(NONE))) {
            return Optional.empty();
        }
        return Optional.of(new Table("Biểu 3. Tiếp nhận, giải quyết đơn thư theo đơn vị (lũy kế đến tháng "
                + NoticeFigures.month(period) + ")", List.of("Đơn vị", "Tiếp nhận", "Đã giải quyết", "Tỷ lệ"),
                List.of(false, true, true, true), rows, null));
    }

    /** Every report owed for the period: on time, late, missing, or sent but refused. */
    private static Table completeness(YearMonth period, List<Completeness.Report> reports) {
        List<List<String>> rows = new ArrayList<>();
        for (Completeness.Report report : reports) {
            rows.add(List.of(report.unit().name(), report.form().code(), DAY.format(report.deadline()),
                    report.received() == null ? NONE : DAY.format(report.received()), report.status()));
        }
        return new Table("Biểu 4. Tình hình nộp báo cáo tháng " + NoticeFigures.month(period),
                List.of("Đơn vị", "Biểu", "Hạn nộp", "Ngày nộp", "Tình trạng"),
                List.of(false, false, false, false, false), rows,
                Completeness.count(reports).sentence() + " Ngày nộp là ngày sửa tệp lần cuối của bản được tiếp nhận"
                        + " đầu tiên, không trước khi kỳ báo cáo bắt đầu và không muộn hơn đêm nhận tệp.");
    }

    /**
     * Each commune and town against the same period last year, when some were formed since (the
     * 2025 reform): how last year's figure was formed (its own, the sum of its predecessors by their
     * shares) or why it cannot be compared. Only additive indicators; a status is never summed.
     */
    private Optional<Table> sinceReform(Unit unit, YearMonth period) {
        YearMonth lastYear = period.minusYears(1);
        List<Unit> communes = localGovernments(unit, period);
        if (communes.stream().allMatch(c -> c.validOn(lastYear.atEndOfMonth()))) {
            return Optional.empty();
        }
        List<List<String>> rows = new ArrayList<>();
        for (Unit commune : communes) {
            for (Indicator indicator : catalog.indicators()) {
                if (indicator.rollup() == Rollup.NONE || !indicator.valueType().isNumeric()) {
                    continue;
                }
                Optional<BigDecimal> now = figures.figure(commune.key(), indicator.code(), period, Measure.CUMULATIVE);
                if (now.isEmpty()) {
                    continue;
                }
                Lineage.Earlier before = earlier(commune, indicator, lastYear);
                String how = before.comparable()
                        ? (before.fromPredecessors() ? Lineage.explanation(before, indicator) : "số liệu của chính đơn vị")
                        : "không so sánh được: " + before.notComparable();
                rows.add(List.of(commune.name(), indicator.name(), shown(now, indicator),
                        before.value().map(v -> Lineage.figure(v, indicator)).orElse(NONE),
                        before.value().map(v -> now.get().subtract(v))
                                .map(c -> (c.signum() > 0 ? "+" : "") + Lineage.figure(c, indicator)).orElse(NONE),
                        how));
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Table("Biểu 5. Các xã, thị trấn so với cùng kỳ năm " + lastYear.getYear()
                + " (lũy kế đến tháng " + NoticeFigures.month(period) + ")",
                List.of("Đơn vị", "Chỉ tiêu", "Lũy kế", "Cùng kỳ " + lastYear.getYear(), "Tăng (+), giảm (-)",
                        "Cách tính cùng kỳ"),
                List.of(false, false, true, true, true, false), rows,
                "Cùng kỳ của xã thành lập sau tháng " + NoticeFigures.month(lastYear) + " là tổng số liệu các xã"
                        + " cũ hợp nhất vào nó, mỗi xã nhân với tỷ lệ phần chuyển về; khi thiếu tỷ lệ hoặc số liệu"
                        + " thì không so sánh được, không tính là 0."));
    }

    private Lineage.Earlier earlier(Unit unit, Indicator indicator, YearMonth lastYear) {
        return lineage.earlier(unit, indicator, lastYear,
                u -> figures.figure(u.key(), indicator.code(), lastYear, Measure.CUMULATIVE));
    }

    private Chart targetsChart(Unit unit, YearMonth period) {
        List<Point> done = new ArrayList<>();
        List<Point> province = new ArrayList<>();
        List<Point> district = new ArrayList<>();
        for (Indicator indicator : catalog.indicators()) {
            List<Target> targets = catalog.targets(indicator.code(), period.getYear(), unit.code());
            if (targets.isEmpty()) {
                continue;
            }
            String category = indicator.shortName();
            done.add(new Point(category, total(unit, indicator, period, Measure.CUMULATIVE).orElse(null)));
            targets.stream().filter(t -> t.level() == TargetLevel.TINH_GIAO).findFirst()
                    .ifPresent(t -> province.add(new Point(category, t.value())));
            targets.stream().filter(t -> t.level() == TargetLevel.HUYEN_GIAO).findFirst()
                    .ifPresent(t -> district.add(new Point(category, t.value())));
        }
        return new Chart("Thực hiện lũy kế so với kế hoạch năm " + period.getYear(), ChartKind.BAR, "triệu đồng",
                List.of(new Series("Thực hiện", done), new Series("Kế hoạch tỉnh giao", province),
                        new Series("Kế hoạch huyện giao", district)));
    }

    private Optional<Chart> petitionsChart(Unit unit, YearMonth period) {
        List<Point> received = new ArrayList<>();
        List<Point> resolved = new ArrayList<>();
        for (Unit commune : localGovernments(unit, period)) {
            String name = commune.name().replaceFirst("^(Xã|Thị trấn) ", "");
            figures.value(commune.key(), "DT_TIEP_NHAN", period, Measure.CUMULATIVE)
                    .ifPresent(v -> received.add(new Point(name, v)));
            figures.value(commune.key(), "DT_DA_GIAI_QUYET", period, Measure.CUMULATIVE)
                    .ifPresent(v -> resolved.add(new Point(name, v)));
        }
        if (received.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Chart("Đơn thư của các xã, thị trấn (lũy kế đến tháng " + NoticeFigures.month(period)
                + ")", ChartKind.BAR, "đơn", List.of(new Series("Tiếp nhận", received),
                        new Series("Đã giải quyết", resolved))));
    }

    /** The chosen indicator over the twelve months up to the period, where it was reported. */
    private Optional<Chart> trend(Office office, YearMonth period) {
        if (office.trendIndicator() == null) {
            return Optional.empty();
        }
        Unit unit = office.unit();
        Indicator indicator = catalog.indicator(office.trendIndicator());
        List<Point> points = new ArrayList<>();
        for (YearMonth month = period.minusMonths(11); !month.isAfter(period); month = month.plusMonths(1)) {
            YearMonth at = month;
            // the unit itself, never another unit that carried its code in another month; a level's total, a
            // commune's own figure
            Optional<BigDecimal> value = Optional.of(unit).filter(u -> u.validOn(at.atEndOfMonth()))
                    .flatMap(u -> figures.figure(u.key(), indicator.code(), at, Measure.CUMULATIVE));
            points.add(new Point(NoticeFigures.month(at), value.orElse(null)));
        }
        if (points.stream().allMatch(p -> p.value() == null)) {
            return Optional.empty();
        }
        return Optional.of(new Chart(indicator.shortName() + " lũy kế, 12 tháng đến tháng " + NoticeFigures.month(period),
                ChartKind.LINE, indicator.unitOfMeasure(), List.of(new Series(indicator.shortName(), points))));
    }

    private List<Unit> localGovernments(Unit unit, YearMonth period) {
        return catalog.children(unit, period).stream().filter(u -> u.kind() != UnitKind.DEPARTMENT).toList();
    }

    private Optional<BigDecimal> total(Unit unit, Indicator indicator, YearMonth period, Measure measure) {
        return figures.total(unit.key(), indicator.code(), period, measure).map(Total::value);
    }

    private static String shown(Optional<BigDecimal> value, Indicator indicator) {
        return value.map(v -> VietnameseNumbers.format(v, indicator.decimals())).orElse(NONE);
    }
}
