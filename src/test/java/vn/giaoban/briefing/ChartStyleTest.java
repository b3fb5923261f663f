package vn.giaoban.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

/** The PDF's charts (JasperReports, customised by {@link ChartStyle}) and the DOCX's pictures look alike. */
class ChartStyleTest {

    @Test
    void theAnnexLayoutNamesTheSharedStyleAsItsChartCustomizer() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(BriefingRenderer.ANNEX_LAYOUT)) {
            String layout = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(layout).contains("customizerClass=\"" + ChartStyle.class.getName() + "\"")
                    .doesNotContain("BriefingRenderer$ChartStyle");
        }
    }

    @Test
    void pdfAndDocxChartsShareThePaletteTheLabelRuleAndTheNumbers() {
        for (Briefing.Chart chart : AnnexSamples.annex().charts()) {
            // given the chart as JasperReports hands it to the customizer, and the DOCX's picture
            JFreeChart pdf = asJasperBuildsIt(chart);
            new ChartStyle().customize(pdf, null);
            JFreeChart docx = ChartImages.chart(chart);
            CategoryPlot pdfPlot = pdf.getCategoryPlot();
            CategoryPlot docxPlot = docx.getCategoryPlot();
            int series = pdfPlot.getDataset().getRowCount();
            int categories = pdfPlot.getDataset().getColumnCount();
            assertThat(docxPlot.getDataset().getRowCount()).isEqualTo(series);
            // then the same colours for the same series
            for (int s = 0; s < series; s++) {
                assertThat(docxPlot.getRenderer().getSeriesPaint(s)).as("series %d of %s", s, chart.title())
                        .isEqualTo(pdfPlot.getRenderer().getSeriesPaint(s)).isEqualTo(ChartStyle.colour(s));
            }
            // the same labels: only on bar charts of few values
            boolean labelled = ChartStyle.labelled(chart.kind() == Briefing.ChartKind.BAR, series, categories);
            assertThat(labels(docxPlot.getRenderer())).as(chart.title()).isEqualTo(labels(pdfPlot.getRenderer()))
                    .isEqualTo(labelled);
            // the layout's 10 pt tick font (the PDF's comes from briefing-annex.jrxml), and Vietnamese numbers
            assertThat(docxPlot.getRangeAxis().getTickLabelFont().getSize2D()).isEqualTo(10f);
            assertThat(((NumberAxis) docxPlot.getRangeAxis()).getNumberFormatOverride().format(94533.0))
                    .isEqualTo(((NumberAxis) pdfPlot.getRangeAxis()).getNumberFormatOverride().format(94533.0))
                    .isEqualTo("94.533");
        }
    }

    @Test
    void labelsOnlyBarChartsOfAtMostTwelveValuesAndColoursASeventhSeriesLikeTheFirst() {
        assertThat(ChartStyle.labelled(true, 3, 4)).isTrue();
        assertThat(ChartStyle.labelled(true, 2, 7)).isFalse();
        assertThat(ChartStyle.labelled(false, 1, 3)).isFalse();
        assertThat(ChartStyle.colour(6)).isEqualTo(ChartStyle.colour(0));
        assertThat(ChartImages.WIDTH_POINTS).isEqualTo(453);
        assertThat(ChartImages.HEIGHT_POINTS).as("the PDF's chart height (briefing-annex.jrxml)").isEqualTo(260);
    }

    private static boolean labels(CategoryItemRenderer renderer) {
        return renderer.getDefaultItemLabelsVisible();
    }

    /** What JasperReports' default chart theme builds before customising (fonts aside). */
    private static JFreeChart asJasperBuildsIt(Briefing.Chart chart) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Briefing.Series series : chart.series()) {
            for (Briefing.Point point : series.points()) {
                if (point.value() != null) {
                    data.addValue(point.value(), NoticeText.text(series.name()), NoticeText.text(point.category()));
                }
            }
        }
        return chart.kind() == Briefing.ChartKind.LINE
                ? ChartFactory.createLineChart(null, null, chart.valueAxis(), data, PlotOrientation.VERTICAL, true, true, false)
                : ChartFactory.createBarChart(null, null, chart.valueAxis(), data, PlotOrientation.VERTICAL, true, true, false);
    }
}
