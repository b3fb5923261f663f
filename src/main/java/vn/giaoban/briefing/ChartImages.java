package vn.giaoban.briefing;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.category.DefaultCategoryDataset;

import vn.giaoban.text.VietnameseText;

/**
 * A {@link Briefing.Chart} as the PDF's layout builds it with JFreeChart, with the Liberation Serif shipped
 * in {@code fonts/} and the look of {@link ChartStyle}: what the tests read the PDF's axes from, and the
 * size the DOCX's native charts ({@link DocxCharts}) take.
 */
final class ChartImages {

    /**
     * Size of the drawing, in points: the text width of the A4 page with the decree's margins, and the
     * height of the PDF's charts (briefing-annex.jrxml), so that both documents show the same chart.
     */
    static final int WIDTH_POINTS = 453;
    static final int HEIGHT_POINTS = 260;

    private static final Font REGULAR = load("fonts/LiberationSerif-Regular.ttf", Font.PLAIN);

    private ChartImages() {
    }

    /**
     * The chart as the PDF's layout builds it (JasperReports' default chart theme with the fonts of
     * {@code briefing-annex.jrxml}: legend and value axis label 11 pt, tick labels 10 pt, black), then
     * styled by {@link ChartStyle} like the PDF's.
     */
    static JFreeChart chart(Briefing.Chart chart) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Briefing.Series series : chart.series()) {
            if (series == null) {
                continue;
            }
            String name = text(series.name());
            for (Briefing.Point point : series.points()) {
                if (point == null || point.value() == null) {
                    continue;
                }
                data.addValue(point.value(), name, text(point.category()));
            }
        }
        String valueAxis = text(chart.valueAxis());
        boolean line = chart.kind() == Briefing.ChartKind.LINE;
        JFreeChart drawn = line
                ? ChartFactory.createLineChart(null, null, valueAxis, data, PlotOrientation.VERTICAL, true, false, false)
                : ChartFactory.createBarChart(null, null, valueAxis, data, PlotOrientation.VERTICAL, true, false, false);
        drawn.setAntiAlias(true);
        drawn.setTextAntiAlias(true);
        LegendTitle legend = drawn.getLegend();
        if (legend != null) {
            legend.setItemFont(REGULAR.deriveFont(11f));
            legend.setItemPaint(Color.BLACK);
        }
        CategoryPlot plot = drawn.getCategoryPlot();
        for (Axis axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
            axis.setLabelFont(REGULAR.deriveFont(11f));
            axis.setLabelPaint(Color.BLACK);
            axis.setTickLabelFont(REGULAR.deriveFont(10f));
            axis.setTickLabelPaint(Color.BLACK);
        }
        if (line) {
            // the layout's line charts: showShapes="true" showLines="true"
            LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
            renderer.setDefaultShapesVisible(true);
            renderer.setDefaultLinesVisible(true);
        }
        ChartStyle.apply(drawn);
        return drawn;
    }

    private static Font load(String resource, int style) {
        try (InputStream in = ChartImages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                // the file is already the bold (or regular) face: deriving a style would embolden it twice
                return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(10f);
            }
        } catch (IOException | FontFormatException e) {
            // fall back to the platform's serif below
        }
        return new Font(Font.SERIF, style, 10);
    }

    private static String text(String text) {
        return text == null ? "" : VietnameseText.nfc(text).strip();
    }
}
