package vn.giaoban.briefing;

import static vn.giaoban.briefing.NoticeText.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import vn.giaoban.text.VietnameseNumbers;

/**
 * A chart's figures as a table: the annex workbook's sheet for each chart, and the DOCX's stand-in for
 * a chart it cannot draw (without JFreeChart).
 */
final class ChartFigures {

    private ChartFigures() {
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
