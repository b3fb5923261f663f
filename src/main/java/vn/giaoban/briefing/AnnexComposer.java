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
import vn.giaoban.catalog.NoticeItem;
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

    /** The annex; each figure of its tables recorded in {@code tracer} with its place. */
    Annex compose(Office office, YearMonth period, List<Completeness.Report> reports, boolean hasData, Tracer tracer) {
        Unit unit = office.unit();
        List<Table> tables = new ArrayList<>();
        // each table's traced cells, in the tables' order: a table left out leaves its cells out
        List<Tracer.Cells> traced = new ArrayList<>();
        List<Chart> charts = new ArrayList<>();
        boolean hasTargets = catalog.targets().stream()
                .anyMatch(t -> t.year() == period.getYear() && t.unitCode().equals(unit.code()));
        List<NoticeItem> items = catalog.notice().stream()
                .filter(item -> item.section() == NoticeItem.Section.ANNEX && item.appliesTo(office)).toList();
        if (hasData) {
            if (hasTargets) {
                traced.add(tracer.cells());
                tables.add(targets(unit, period, tracer, traced.get(traced.size() - 1)));
            }
            traced.add(tracer.cells());
            tables.add(totals(unit, period, tracer, traced.get(traced.size() - 1)));
            for (NoticeItem item : items) {
                if (item.kind() == NoticeItem.Kind.BY_UNIT) {
                    Tracer.Cells cells = tracer.cells();
                    byUnit(item, unit, period, tracer, cells).ifPresent(table -> {
                        tables.add(table);
                        traced.add(cells);
                    });
                }
            }
            if (hasTargets) {
                charts.add(targetsChart(unit, period));
            }
            items.stream().filter(item -> item.kind() == NoticeItem.Kind.BY_UNIT_CHART)
                    .forEach(item -> byUnitChart(item, unit, period).ifPresent(charts::add));
            trend(office, period).ifPresent(charts::add);
        }
        tables.add(completeness(period, reports));
        traced.add(tracer.cells());
        if (hasData) {
            Tracer.Cells cells = tracer.cells();
            sinceReform(unit, period, tracer, cells).ifPresent(table -> {
                tables.add(table);
                traced.add(cells);
            });
        }
        for (int i = 0; i < traced.size(); i++) {
            tracer.table(i + 1, traced.get(i));
        }
        return new Annex("PHỤ LỤC", numbered(tables), charts);
    }

    /** "Biểu 1. ...", "Biểu 2. ...": the tables numbered in the order they are shown, whichever the office has. */
    private static List<Table> numbered(List<Table> tables) {
        List<Table> numbered = new ArrayList<>();
        for (Table table : tables) {
            numbered.add(new Table("Biểu " + (numbered.size() + 1) + ". " + table.title(), table.columns(),
                    table.numeric(), table.rows(), table.note()));
        }
        return numbered;
    }

    /** The indicators that have targets this year, against each level's target. */
    private Table targets(Unit unit, YearMonth period, Tracer tracer, Tracer.Cells cells) {
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
            Optional<Tracer.Node> done = value.isEmpty() ? Optional.empty()
                    : tracer.figure(unit, indicator, period, Measure.CUMULATIVE);
            cells.add(indicator.name(), "Thực hiện", row.get(2), done);
            for (TargetLevel level : TargetLevel.values()) {
                Optional<Target> target = targets.stream().filter(t -> t.level() == level).findFirst();
                row.add(target.map(t -> NoticeFigures.figure(t.value(), indicator)).orElse(NONE));
                Optional<Tracer.Node> plan = target.map(t -> tracer.target(t, indicator, unit));
                String[] columns = { "Kế hoạch tỉnh giao", "% tỉnh giao", "Kế hoạch huyện giao", "% huyện giao" };
                cells.add(indicator.name(), columns[2 * level.ordinal()], row.get(row.size() - 1), plan);
                row.add(target.flatMap(t -> value.map(v -> NoticeFigures.percent(v, t.value(), percentDecimals) + "%"))
                        .orElse(NONE));
                cells.add(indicator.name(), columns[2 * level.ordinal() + 1], row.get(row.size() - 1),
                        done.flatMap(d -> plan.filter(p -> p.value().signum() != 0).map(p -> tracer.ratio(
                                NoticeFigures.capitalise(indicator.shortName()) + " so với " + target.get().label() + ", "
                                        + unit.nameInSentence() + ", lũy kế đến tháng " + NoticeFigures.month(period)
                                        + " (%)", d, p, percentDecimals))));
            }
            rows.add(row);
        }
        return new Table("Các chỉ tiêu có kế hoạch năm " + period.getYear() + " (lũy kế đến tháng "
                + NoticeFigures.month(period) + ")",
                List.of("Chỉ tiêu", "Đơn vị tính", "Thực hiện", "Kế hoạch tỉnh giao", "% tỉnh giao",
                        "Kế hoạch huyện giao", "% huyện giao"),
                List.of(false, false, true, true, true, true, true), rows, null);
    }

    /** The level's figures this month, since January and a year earlier. */
    private Table totals(Unit unit, YearMonth period, Tracer tracer, Tracer.Cells cells) {
        YearMonth lastYear = period.minusYears(1);
        List<List<String>> rows = new ArrayList<>();
        List<Indicator> additive = catalog.indicators().stream()
                .filter(i -> i.rollup() != Rollup.NONE && i.valueType().isNumeric()).toList();
        // one precision down the column ("16,00%" under "20,86%"), the finest of its indicators'
        int percentDecimals = additive.stream().mapToInt(Indicator::percentDecimals).max().orElse(0);
        List<String> partial = new ArrayList<>();
        for (Indicator indicator : additive) {
            Optional<Total> monthTotal = figures.total(unit.key(), indicator.code(), period, Measure.MONTH);
            // a commune has no total: its own figures
            Optional<BigDecimal> month = monthTotal.map(Total::value)
                    .or(() -> figures.value(unit.key(), indicator.code(), period, Measure.MONTH));
            // a month's sum that only some units below gave is never printed as if complete
            monthTotal.filter(t -> t.childrenExpected() > 0
                    && (t.childrenReported() < t.childrenExpected() || t.childrenDerived() > 0))
                    .ifPresent(t -> partial.add(indicator.name() + ": " + t.childrenReported() + "/" + t.childrenExpected()
                            + " đơn vị" + (t.childrenDerived() > 0 ? ", trong đó " + t.childrenDerived()
                                    + " đơn vị tính từ số lũy kế" : "")));
            Optional<BigDecimal> cumulative = figures.figure(unit.key(), indicator.code(), period, Measure.CUMULATIVE);
            Optional<BigDecimal> before = earlier(unit, indicator, lastYear).value();
            if (month.isEmpty() && cumulative.isEmpty()) {
                continue;
            }
            Optional<BigDecimal> change = cumulative.flatMap(c -> before.map(c::subtract));
            List<String> row = List.of(indicator.name(), indicator.unitOfMeasure(), shown(month, indicator),
                    shown(cumulative, indicator), shown(before, indicator),
                    change.map(c -> (c.signum() > 0 ? "+" : "") + VietnameseNumbers.format(c, indicator.decimals()))
                            .orElse(NONE),
                    change.flatMap(c -> before.filter(b -> b.signum() != 0)
                            .map(b -> NoticeFigures.percent(c, b, percentDecimals) + "%")).orElse(NONE));
            rows.add(row);
            String name = indicator.name();
            cells.add(name, "Tháng " + period.getMonthValue(), row.get(2),
                    month.isEmpty() ? Optional.empty() : tracer.figure(unit, indicator, period, Measure.MONTH));
            Optional<Tracer.Node> now = cumulative.isEmpty() ? Optional.empty()
                    : tracer.figure(unit, indicator, period, Measure.CUMULATIVE);
            cells.add(name, "Lũy kế", row.get(3), now);
            Optional<Tracer.Node> then = tracer.earlier(unit, indicator, lastYear, earlier(unit, indicator, lastYear));
            cells.add(name, "Cùng kỳ " + lastYear.getYear(), row.get(4), then);
            Optional<Tracer.Node> difference = now.flatMap(n -> then.map(t -> tracer.difference(
                    name + ", " + unit.nameInSentence() + ", lũy kế so với cùng kỳ năm " + lastYear.getYear(), n, t,
                    indicator)));
            cells.add(name, "Tăng (+), giảm (-)", row.get(5), difference);
            cells.add(name, "% so cùng kỳ", row.get(6), difference.flatMap(d -> then.filter(t -> t.value().signum() != 0)
                    .map(t -> signedRatio(tracer, name + ", " + unit.nameInSentence() + ", % so với cùng kỳ năm "
                            + lastYear.getYear(), d, t, percentDecimals))));
        }
        return new Table("Số liệu tổng hợp tháng " + NoticeFigures.month(period) + " và so với cùng kỳ năm "
                + lastYear.getYear(),
                List.of("Chỉ tiêu", "Đơn vị tính", "Tháng " + period.getMonthValue(), "Lũy kế",
                        "Cùng kỳ " + lastYear.getYear(), "Tăng (+), giảm (-)", "% so cùng kỳ"),
                List.of(false, false, true, true, true, true, true), rows,
                "Cùng kỳ là số liệu các đơn vị đã gửi cho tháng " + NoticeFigures.month(lastYear)
                        + ", không phải số do đơn vị tự ghi."
                        + (partial.isEmpty() ? "" : " Số tháng " + period.getMonthValue() + " chỉ gồm các đơn vị đã có"
                                + " số liệu tháng: " + String.join("; ", partial) + "."));
    }

    /**
     * A line's figures by unit ({@code briefing.csv}, kind {@code by_unit}): the level's own row where it has
     * figures of its own (the district inspectorate's petitions; a province's are its communes'), then each
     * commune and town; with two figures, the second's share of the first.
     */
    private Optional<Table> byUnit(NoticeItem item, Unit unit, YearMonth period, Tracer tracer, Tracer.Cells cells) {
        List<Indicator> read = item.read(catalog);
        Indicator first = read.get(0);
        List<Unit> units = new ArrayList<>();
        if (unit.kind() == UnitKind.DISTRICT
                || figures.value(unit.key(), first.code(), period, Measure.CUMULATIVE).isPresent()) {
            units.add(unit);
        }
        units.addAll(localGovernments(unit, period));
        boolean share = read.size() == 2;
        List<List<String>> rows = new ArrayList<>();
        for (Unit each : units) {
            List<Optional<BigDecimal>> values = read.stream()
                    .map(i -> figures.value(each.key(), i.code(), period, Measure.CUMULATIVE)).toList();
            List<String> row = new ArrayList<>();
            row.add(!each.equals(unit) ? each.name()
                    : item.option().isEmpty() ? NoticeFigures.capitalise(ResultSentences.level(unit.kind())) : item.option());
            List<Optional<Tracer.Node>> nodes = new ArrayList<>();
            for (int i = 0; i < read.size(); i++) {
                row.add(shown(values.get(i), read.get(i)));
                Optional<Tracer.Node> node = each.equals(unit)
                        ? tracer.own(each, read.get(i), period, Measure.CUMULATIVE)
                        : tracer.reported(each, read.get(i), period, Measure.CUMULATIVE);
                nodes.add(node);
                cells.add(row.get(0), words(item, i, read.get(i)), row.get(row.size() - 1), node);
            }
            if (share) {
                Optional<BigDecimal> whole = values.get(0);
                Optional<BigDecimal> part = values.get(1);
                row.add(whole.flatMap(w -> part.filter(p -> w.signum() != 0)
                        .map(p -> NoticeFigures.percent(p, w, read.get(1).percentDecimals()) + "%")).orElse(NONE));
                String label = NoticeFigures.capitalise(read.get(1).shortName()) + " so với " + read.get(0).shortName()
                        + ", " + (each.equals(unit) ? row.get(0) : each.nameInSentence()) + ", lũy kế đến tháng "
                        + NoticeFigures.month(period) + " (%)";
                cells.add(row.get(0), "Tỷ lệ", row.get(row.size() - 1), nodes.get(1).flatMap(p -> nodes.get(0)
                        .filter(w -> w.value().signum() != 0)
                        .map(w -> tracer.ratio(label, p, w, read.get(1).percentDecimals()))));
            }
            rows.add(row);
        }
        if (rows.stream().allMatch(row -> row.subList(1, row.size()).stream().allMatch(NONE::equals))) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>(List.of("Đơn vị"));
        List<Boolean> numeric = new ArrayList<>(List.of(false));
        for (int i = 0; i < read.size(); i++) {
            columns.add(words(item, i, read.get(i)));
            numeric.add(true);
        }
        if (share) {
            columns.add("Tỷ lệ");
            numeric.add(true);
        }
        return item.pattern().fill(ResultSentences.common(unit, period))
                .map(title -> new Table(title, columns, numeric, rows, null));
    }

    /** How a line names its i-th figure: its words ("DT_TIEP_NHAN=Tiếp_nhận"), else the indicator's short name. */
    private static String words(NoticeItem item, int index, Indicator indicator) {
        String words = index < item.indicators().size() ? item.indicators().get(index).words() : null;
        return words != null ? words : NoticeFigures.capitalise(indicator.shortName());
    }

    /** Every report owed for the period: on time, late, missing, or sent but refused. */
    private static Table completeness(YearMonth period, List<Completeness.Report> reports) {
        List<List<String>> rows = new ArrayList<>();
        for (Completeness.Report report : reports) {
            rows.add(List.of(report.unit().name(), report.form().code(), DAY.format(report.deadline()),
                    report.received() == null ? NONE : DAY.format(report.received()), report.status()));
        }
        return new Table("Tình hình nộp báo cáo tháng " + NoticeFigures.month(period),
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
    private Optional<Table> sinceReform(Unit unit, YearMonth period, Tracer tracer, Tracer.Cells cells) {
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
                List<String> row = List.of(commune.name(), indicator.name(), shown(now, indicator),
                        before.value().map(v -> Lineage.figure(v, indicator)).orElse(NONE),
                        before.value().map(v -> now.get().subtract(v))
                                .map(c -> (c.signum() > 0 ? "+" : "") + Lineage.figure(c, indicator)).orElse(NONE),
                        how);
                rows.add(row);
                String where = commune.name() + " — " + indicator.name();
                Optional<Tracer.Node> nowNode = tracer.figure(commune, indicator, period, Measure.CUMULATIVE);
                Optional<Tracer.Node> thenNode = tracer.earlier(commune, indicator, lastYear, before);
                cells.add(where, "Lũy kế", row.get(2), nowNode);
                cells.add(where, "Cùng kỳ " + lastYear.getYear(), row.get(3), thenNode);
                cells.add(where, "Tăng (+), giảm (-)", row.get(4), nowNode.flatMap(n -> thenNode.map(t -> tracer.difference(
                        indicator.name() + ", " + commune.nameInSentence() + ", lũy kế so với cùng kỳ năm "
                                + lastYear.getYear(), n, t, indicator))));
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Table("Các xã, thị trấn so với cùng kỳ năm " + lastYear.getYear()
                + " (lũy kế đến tháng " + NoticeFigures.month(period) + ")",
                List.of("Đơn vị", "Chỉ tiêu", "Lũy kế", "Cùng kỳ " + lastYear.getYear(), "Tăng (+), giảm (-)",
                        "Cách tính cùng kỳ"),
                List.of(false, false, true, true, true, false), rows,
                "Cùng kỳ của xã thành lập sau tháng " + NoticeFigures.month(lastYear) + " là tổng số liệu các xã"
                        + " cũ hợp nhất vào nó, mỗi xã nhân với tỷ lệ phần chuyển về; khi thiếu tỷ lệ hoặc số liệu"
                        + " thì không so sánh được, không tính là 0."));
    }

    /** A change's percentage with its sign, as the totals table shows it ("-20,00%"). */
    private static Tracer.Node signedRatio(Tracer tracer, String label, Tracer.Node change, Tracer.Node before,
            int decimals) {
        Tracer.Node ratio = tracer.ratio(label + " (%)", change, before, decimals);
        return new Tracer.Node(ratio.derivation(), ratio.label(), change.value().signum() < 0 ? ratio.value().negate()
                : ratio.value(), ratio.shown(), ratio.how(), ratio.parts(), ratio.parts().isEmpty() ? List.of()
                        : ratio.sources());
    }

    private Lineage.Earlier earlier(Unit unit, Indicator indicator, YearMonth lastYear) {
        return lineage.earlier(unit, indicator, lastYear,
                u -> figures.figure(u.key(), indicator.code(), lastYear, Measure.CUMULATIVE));
    }

    private Chart targetsChart(Unit unit, YearMonth period) {
        List<Indicator> planned = new ArrayList<>();
        List<Point> done = new ArrayList<>();
        List<Point> province = new ArrayList<>();
        List<Point> district = new ArrayList<>();
        for (Indicator indicator : catalog.indicators()) {
            List<Target> targets = catalog.targets(indicator.code(), period.getYear(), unit.code());
            if (targets.isEmpty()) {
                continue;
            }
            planned.add(indicator);
            String category = indicator.shortName();
            done.add(new Point(category, total(unit, indicator, period, Measure.CUMULATIVE).orElse(null)));
            targets.stream().filter(t -> t.level() == TargetLevel.TINH_GIAO).findFirst()
                    .ifPresent(t -> province.add(new Point(category, t.value())));
            targets.stream().filter(t -> t.level() == TargetLevel.HUYEN_GIAO).findFirst()
                    .ifPresent(t -> district.add(new Point(category, t.value())));
        }
        return new Chart("Thực hiện lũy kế so với kế hoạch năm " + period.getYear(), ChartKind.BAR, axis(planned),
                List.of(new Series("Thực hiện", done), new Series("Kế hoạch tỉnh giao", province),
                        new Series("Kế hoạch huyện giao", district)));
    }

    /** A line's figures by commune and town, a bar for each figure ({@code briefing.csv}, kind {@code by_unit_chart}). */
    private Optional<Chart> byUnitChart(NoticeItem item, Unit unit, YearMonth period) {
        List<Indicator> read = item.read(catalog);
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            Indicator indicator = read.get(i);
            List<Point> points = new ArrayList<>();
            for (Unit commune : localGovernments(unit, period)) {
                String name = Office.placeName(commune.name());
                figures.value(commune.key(), indicator.code(), period, Measure.CUMULATIVE)
                        .ifPresent(v -> points.add(new Point(name, v)));
            }
            series.add(new Series(words(item, i, indicator), points));
        }
        if (series.isEmpty() || series.get(0).points().isEmpty()) {
            return Optional.empty();
        }
        return item.pattern().fill(ResultSentences.common(unit, period))
                .map(title -> new Chart(title, ChartKind.BAR, axis(read), series));
    }

    /** The value axis of a chart of these indicators: their unit of measure when they share one, else none. */
    private static String axis(List<Indicator> indicators) {
        List<String> units = indicators.stream().map(Indicator::unitOfMeasure).distinct().toList();
        return units.size() == 1 ? units.get(0) : "";
    }

    /** The chosen indicator over the twelve months up to the period, where it was reported. */
    private Optional<Chart> trend(Office office, YearMonth period) {
        if (office.trendIndicator() == null) {
            return Optional.empty();
        }
        Unit unit = office.unit();
        Indicator indicator = catalog.indicator(office.trendIndicator());
        List<Point> points = new ArrayList<>();
        boolean fromPredecessors = false;
        for (YearMonth month = period.minusMonths(11); !month.isAfter(period); month = month.plusMonths(1)) {
            YearMonth at = month;
            // the unit itself, never another unit that carried its code in another month (a level's total, a
            // commune's own figure); before a commune was formed, its predecessors' by their shares, as last year's
            // comparison takes them, or no point where a share is unknown
            Lineage.Earlier value = lineage.earlier(unit, indicator, at,
                    u -> figures.figure(u.key(), indicator.code(), at, Measure.CUMULATIVE));
            fromPredecessors |= value.fromPredecessors() && value.comparable();
            points.add(new Point(NoticeFigures.month(at), value.value().orElse(null)));
        }
        if (points.stream().allMatch(p -> p.value() == null)) {
            return Optional.empty();
        }
        String name = NoticeFigures.capitalise(indicator.shortName());
        String title = name + " lũy kế, 12 tháng đến tháng " + NoticeFigures.month(period)
                + (fromPredecessors ? " (trước ngày " + NoticeFigures.DAY.format(unit.validFrom())
                        + " tính theo các đơn vị cũ hợp nhất)" : "");
        return Optional.of(new Chart(title, ChartKind.LINE, indicator.unitOfMeasure(), List.of(new Series(name, points))));
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
