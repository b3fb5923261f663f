package vn.giaoban.briefing;

import static vn.giaoban.briefing.NoticeText.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import vn.giaoban.text.Messages;
import vn.giaoban.text.VietnameseNumbers;

/**
 * A chart's figures as a table: the annex workbook's sheet for each chart, and the DOCX's stand-in for
 * a chart it cannot draw (without JFreeChart).
 */
final class ChartFigures {

    /** Fewer points than this and a chart says nothing a sentence or a small table would not: it is not drawn. */
    static final int MIN_POINTS = 3;

    private ChartFigures() {
    }

    /**
     * The points a chart would draw: the months at which a line has a value (a month of several series is
     * one point of the trend), the bars of a bar chart.
     */
    static int points(Briefing.Chart chart) {
        Set<String> categories = new LinkedHashSet<>();
        int bars = 0;
        for (Briefing.Series s : chart.series()) {
            if (s != null) {
                for (Briefing.Point point : s.points()) {
                    if (point != null && point.value() != null) {
                        categories.add(text(point.category()));
                        bars++;
                    }
                }
            }
        }
        return chart.kind() == Briefing.ChartKind.LINE ? categories.size() : bars;
    }

    /** Whether the chart is drawn: at least {@value #MIN_POINTS} points. */
    static boolean drawable(Briefing.Chart chart) {
        return chart != null && chart.kind() != null && points(chart) >= MIN_POINTS;
    }

    /**
     * The annex as the PDF, the DOCX and the workbook show it: a chart of fewer than {@value #MIN_POINTS}
     * points becomes a small table of its figures, after the other tables, with a sentence saying why.
     */
    static Briefing.Annex readable(Briefing.Annex annex) {
        if (annex == null || annex.charts().stream().allMatch(c -> c == null || drawable(c))) {
            return annex;
        }
        List<Briefing.Table> tables = new ArrayList<>(annex.tables());
        List<Briefing.Chart> charts = new ArrayList<>();
        for (Briefing.Chart chart : annex.charts()) {
            if (chart == null || drawable(chart)) {
                charts.add(chart);
                continue;
            }
            Briefing.Table figures = table(chart);
            List<List<String>> rows = figures.rows().stream()
                    .filter(row -> row.stream().skip(1).anyMatch(value -> !value.isEmpty())).toList();
            String note = Messages.defaults().get("cli.chart-too-few-points", points(chart), MIN_POINTS);
            tables.add(new Briefing.Table(figures.title(), figures.columns(), figures.numeric(), rows,
                    figures.note() == null || figures.note().isBlank() ? note
                            : "Đơn vị tính: " + figures.note() + ". " + note));
        }
        return new Briefing.Annex(annex.title(), tables, charts);
    }

    /** The chart's figures as a table, categories down, one column a series, at most two decimals. */
    static Briefing.Table table(Briefing.Chart chart) {
        Set<String> categories = new LinkedHashSet<>();
        List<Briefing.Series> series = chart.series().stream().filter(Objects::nonNull).toList();
        for (Briefing.Series s : series) {
            for (Briefing.Point point : s.points()) {
                if (point != null) {
                    categories.add(text(point.category()));
                }
            }
        }
        List<String> columns = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        columns.add(chart.kind() == Briefing.ChartKind.LINE ? "Thời gian" : "Nội dung");
        numeric.add(false);
        List<Map<String, String>> bySeries = new ArrayList<>();
        for (Briefing.Series s : series) {
            columns.add(text(s.name()));
            numeric.add(true);
            Map<String, String> values = new LinkedHashMap<>();
            for (Briefing.Point point : s.points()) {
                if (point != null && point.value() != null) {
                    values.put(text(point.category()), VietnameseNumbers.formatAtMost(point.value(), 2));
                }
            }
            bySeries.add(values);
        }
        List<List<String>> rows = new ArrayList<>();
        for (String category : categories) {
            List<String> row = new ArrayList<>();
            row.add(category);
            for (Map<String, String> values : bySeries) {
                row.add(values.getOrDefault(category, ""));
            }
            rows.add(row);
        }
        return new Briefing.Table(chart.title(), columns, numeric, rows, text(chart.valueAxis()));
    }
}
