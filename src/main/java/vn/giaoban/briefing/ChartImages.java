package vn.giaoban.briefing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.category.DefaultCategoryDataset;

import vn.giaoban.text.VietnameseText;

/**
 * Draws a {@link Briefing.Chart} as a PNG with JFreeChart, for the DOCX annex. The chart's title is
 * not drawn in the picture: the document writes it as a paragraph above, where the office can edit
 * it. Text is drawn with the Liberation Serif shipped in {@code fonts/} (Times New Roman metrics,
 * every Vietnamese glyph), numbers in the Vietnamese style ({@code 94.533}, {@code 116,7}).
 */
final class ChartImages {

    /** Size of the drawing, in points: the text width of the A4 page with the decree's margins. */
    static final int WIDTH_POINTS = 453;
    static final int HEIGHT_POINTS = 255;
    /** Pixels per point of the PNG: 3 gives 216 dpi, sharp in print. */
    private static final int SCALE = 3;

    private static final Color[] PALETTE = {new Color(0x1F, 0x4E, 0x79), new Color(0xC0, 0x50, 0x4D),
            new Color(0x7F, 0x7F, 0x7F), new Color(0x9B, 0xBB, 0x59), new Color(0xE4, 0x9B, 0x2F),
            new Color(0x4B, 0xAC, 0xC6)};

    private static final Font REGULAR = load("fonts/LiberationSerif-Regular.ttf", Font.PLAIN);
    private static final Font BOLD = load("fonts/LiberationSerif-Bold.ttf", Font.BOLD);

    private ChartImages() {
    }

    /** Whether JFreeChart can be loaded (it comes with jasperreports-charts). */
    static boolean available() {
        try {
            Class.forName("org.jfree.chart.JFreeChart", false, ChartImages.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The chart as PNG bytes, {@link #WIDTH_POINTS} x {@link #HEIGHT_POINTS} points at 216 dpi. */
    static byte[] png(Briefing.Chart chart) throws IOException {
        JFreeChart drawn = chart(chart);
        BufferedImage image = new BufferedImage(WIDTH_POINTS * SCALE, HEIGHT_POINTS * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(SCALE, SCALE);
            drawn.draw(g, new Rectangle2D.Double(0, 0, WIDTH_POINTS, HEIGHT_POINTS));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("No PNG writer in this Java runtime");
        }
        return out.toByteArray();
    }

    private static JFreeChart chart(Briefing.Chart chart) {
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
        drawn.setBackgroundPaint(Color.WHITE);
        drawn.setAntiAlias(true);
        drawn.setTextAntiAlias(true);
        LegendTitle legend = drawn.getLegend();
        if (legend != null) {
            legend.setItemFont(REGULAR.deriveFont(10.5f));
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }

        CategoryPlot plot = drawn.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xBF, 0xBF, 0xBF));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setDomainGridlinesVisible(false);

        NumberFormat figures = vietnameseFormat();
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setNumberFormatOverride(figures);
        range.setLabelFont(REGULAR.deriveFont(10.5f));
        range.setTickLabelFont(REGULAR.deriveFont(10f));
        range.setAutoRangeIncludesZero(!line);
        range.setUpperMargin(0.12);

        CategoryAxis domain = plot.getDomainAxis();
        domain.setTickLabelFont(REGULAR.deriveFont(10f));
        domain.setLabelFont(REGULAR.deriveFont(10.5f));
        domain.setMaximumCategoryLabelLines(2);
        if (data.getColumnCount() > 8) {
            domain.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }

        StandardCategoryItemLabelGenerator labels = new StandardCategoryItemLabelGenerator("{2}", figures);
        if (line) {
            LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
            for (int i = 0; i < data.getRowCount(); i++) {
                renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
                renderer.setSeriesStroke(i, new BasicStroke(1.75f));
                renderer.setSeriesShapesVisible(i, true);
            }
            if (data.getColumnCount() <= 12) {
                renderer.setDefaultItemLabelGenerator(labels);
                renderer.setDefaultItemLabelsVisible(true);
                renderer.setDefaultItemLabelFont(REGULAR.deriveFont(8.5f));
            }
        } else {
            BarRenderer renderer = (BarRenderer) plot.getRenderer();
            renderer.setBarPainter(new StandardBarPainter());
            renderer.setShadowVisible(false);
            renderer.setDrawBarOutline(false);
            renderer.setItemMargin(0.05);
            renderer.setMaximumBarWidth(0.12);
            for (int i = 0; i < data.getRowCount(); i++) {
                renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            }
            renderer.setDefaultItemLabelGenerator(labels);
            renderer.setDefaultItemLabelsVisible(true);
            renderer.setDefaultItemLabelFont(BOLD.deriveFont(8.5f));
        }
        return drawn;
    }

    /** "94.533", "116,7": dot between thousands, comma before decimals, at most two decimals. */
    private static NumberFormat vietnameseFormat() {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi-VN"));
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        return new DecimalFormat("#,##0.##", symbols);
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
