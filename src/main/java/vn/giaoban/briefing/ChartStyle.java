package vn.giaoban.briefing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.text.NumberFormat;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextUtils;
import org.jfree.data.category.CategoryDataset;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;

import vn.giaoban.text.VietnameseNumbers;

/**
 * The look of every annex chart, the PDF's and the DOCX's: the palette, Vietnamese numbers on the value
 * axis and beside the bars ("94.533", "116,7"), flat bars without shadows, thicker lines, a light grid,
 * and values written beside the bars only when there are few ({@link #labelled}).
 *
 * <p>JasperReports applies it to the charts of {@code reports/briefing-annex.jrxml}, which names this
 * class as their customizer, after building them with the layout's fonts (the font extension's, so the
 * PDF embeds them). The DOCX's native charts ({@link DocxCharts}) take the same palette
 * ({@link #colour}), value axis ({@link #valueAxis}) and value labels ({@link #labelled}): a change
 * here changes both documents.
 */
public class ChartStyle implements JRChartCustomizer {

    /** The colour of series 0, 1, 2...; a seventh series takes the first colour again. */
    static final Color[] PALETTE = {new Color(0x1F4E79), new Color(0xC55A11), new Color(0x548235),
            new Color(0x7F6000), new Color(0x7030A0), new Color(0x404040)};

    /** More values than this (series × categories) and the bars carry no value labels: they would overlap. */
    static final int MAX_LABELLED_VALUES = 12;

    /** At most two decimals, as the tables show percentages ("116,71"). */
    private static final int DECIMALS = 2;

    private static final Color GRID = new Color(0xBFBFBF);

    static {
        // JFreeChart draws rotated labels (the value axis label, slanted months) through a TextLayout by
        // default, a workaround for old JREs that the PDF's Graphics2D can only fill as outlines: drawn
        // with drawString under a rotation instead, they are text in the embedded font like the others.
        // A JVM-wide JFreeChart setting; giaoban draws no other charts.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        apply(chart);
    }

    /** The colour of series {@code series}. */
    static Paint colour(int series) {
        return PALETTE[series % PALETTE.length];
    }

    /** Whether the values are written beside the bars: bar charts of at most {@value #MAX_LABELLED_VALUES} values. */
    static boolean labelled(boolean bars, int series, int categories) {
        return bars && series * categories <= MAX_LABELLED_VALUES;
    }

    /**
     * Styles a category chart whose fonts are already set: the value labels take the value axis's tick
     * font. Other plots only get the white background.
     */
    static void apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        if (!(chart.getPlot() instanceof CategoryPlot plot) || plot.getDataset() == null) {
            return;
        }
        CategoryDataset dataset = plot.getDataset();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setRangeGridlinesVisible(true);
        NumberFormat format = VietnameseNumbers.numberFormat(DECIMALS);
        boolean labels = plot.getRenderer() instanceof BarRenderer
                && labelled(true, dataset.getRowCount(), dataset.getColumnCount());
        if (plot.getRangeAxis() instanceof NumberAxis axis) {
            if (wholeNumbers(dataset)) {
                axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(NoticeText.VIETNAMESE));
            }
            axis.setNumberFormatOverride(format);
            // the axis the DOCX's native charts are given too: round steps, every point within the gridlines
            double[] extent = extent(dataset);
            double[] range = valueAxis(extent[0], extent[1], labels);
            axis.setAutoRange(false);
            axis.setRange(range[0], range[1]);
            axis.setTickUnit(new NumberTickUnit(range[2], format));
        }
        CategoryAxis categories = plot.getDomainAxis();
        categories.setLowerMargin(0.02);
        categories.setUpperMargin(0.02);
        if (dataset.getColumnCount() > 8) {
            // twelve months ("11/2021" ... "10/2022") do not fit side by side in 453 pt
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        } else {
            categories.setMaximumCategoryLabelLines(3);
        }
        CategoryItemRenderer renderer = plot.getRenderer();
        for (int s = 0; s < dataset.getRowCount(); s++) {
            renderer.setSeriesPaint(s, colour(s));
        }
        if (renderer instanceof BarRenderer bars) {
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setItemMargin(0.05);
            if (labelled(true, dataset.getRowCount(), dataset.getColumnCount())) {
                bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format));
                bars.setDefaultItemLabelFont(plot.getRangeAxis().getTickLabelFont());
                bars.setDefaultItemLabelsVisible(true);
            }
        }
        if (renderer instanceof LineAndShapeRenderer lines) {
            for (int s = 0; s < dataset.getRowCount(); s++) {
                lines.setSeriesStroke(s, new BasicStroke(2f));
            }
        }
    }

    /**
     * The value axis of a chart whose values run from {@code min} to {@code max}: from 0 (or below the
     * lowest value, when one is negative) to the first round step above the highest, in about five
     * steps of 1, 2, 2.5 or 5 times a power of ten, so that every point lies within the gridlines. With
     * value labels over the bars, a step more when the tallest bar would touch the top.
     *
     * @return {lower, upper, step}
     */
    static double[] valueAxis(double min, double max, boolean labels) {
        double lower = Math.min(0, min);
        double top = Math.max(0, max);
        if (top - lower <= 0) {
            return new double[] {0, 1, 0.2};
        }
        double raw = (top - lower) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = 10 * magnitude;
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            if (factor * magnitude >= raw - 1e-9 * raw) {
                step = factor * magnitude;
                break;
            }
        }
        if (step < 1 && wholeNumberSteps(min, max)) {
            step = 1;
        }
        lower = Math.floor(lower / step) * step;
        double upper = Math.ceil(top / step - 1e-9) * step;
        if (labels && upper - top < step * 0.25) {
            upper += step;
        }
        return new double[] {lower, upper, step};
    }

    private static boolean wholeNumberSteps(double min, double max) {
        return min == Math.rint(min) && max == Math.rint(max);
    }

    /** The dataset's lowest and highest values; {0, 0} when it has none. */
    static double[] extent(CategoryDataset dataset) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int row = 0; row < dataset.getRowCount(); row++) {
            for (int column = 0; column < dataset.getColumnCount(); column++) {
                Number value = dataset.getValue(row, column);
                if (value != null) {
                    min = Math.min(min, value.doubleValue());
                    max = Math.max(max, value.doubleValue());
                }
            }
        }
        return min > max ? new double[] {0, 0} : new double[] {min, max};
    }

    private static boolean wholeNumbers(CategoryDataset dataset) {
        for (int row = 0; row < dataset.getRowCount(); row++) {
            for (int column = 0; column < dataset.getColumnCount(); column++) {
                Number value = dataset.getValue(row, column);
                if (value != null && value.doubleValue() != Math.rint(value.doubleValue())) {
                    return false;
                }
            }
        }
        return true;
    }
}
