package vn.giaoban.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chart of 1 or 2 points says nothing a small table would not: it is not drawn, in the PDF, the DOCX or
 * the workbook. From 3 points it is, with a value axis of round steps that covers every point.
 */
class ChartPointsTest {

    private static final BriefingRenderer pdf = new BriefingRenderer();
    private static final DocxRenderer docx = new DocxRenderer();

    @TempDir
    Path folder;

    @Test
    void chartsOfOneAndTwoPointsAreTablesWithASentenceChartsOfThreeAndTwelveAreDrawn() throws IOException {
        // given four trends of the revenue, with 1, 2, 3 and 12 months of data (the others have none)
        Briefing.Annex annex = new Briefing.Annex("PHỤ LỤC", List.of(),
                List.of(trend(1), trend(2), trend(3), trend(12)));
        Briefing briefing = AnnexSamples.notice(true, annex);

        // when the PDF and the DOCX are written
        Path written = pdf.renderPdf(briefing, folder.resolve("points.pdf"));
        Path word = docx.renderDocx(briefing, folder.resolve("points.docx"));

        // then the two short ones are tables with the sentence, the two others charts, in both documents
        String text;
        try (PDDocument document = Loader.loadPDF(written.toFile())) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(text).contains(title(1), title(2), title(3), title(12),
                "Chưa vẽ biểu đồ: mới có 1 điểm số liệu, cần ít nhất 3.",
                "Chưa vẽ biểu đồ: mới có 2 điểm số liệu, cần ít nhất 3.", "94.533");
        try (InputStream in = Files.newInputStream(word); XWPFDocument document = new XWPFDocument(in)) {
            assertThat(document.getCharts()).hasSize(2);
            assertThat(document.getTables()).hasSizeGreaterThanOrEqualTo(2);
            String all = document.getTables().stream().map(t -> t.getText()).reduce("", String::concat);
            assertThat(all).contains("94.533");
        }
        assertThat(ChartFigures.readable(annex).charts()).extracting(Briefing.Chart::title)
                .containsExactly(title(3), title(12));
    }

    @Test
    void theValueAxisCoversEveryPointWithRoundSteps() {
        for (int months : List.of(1, 2, 3, 12)) {
            Briefing.Chart chart = trend(months);
            CategoryPlot plot = ChartImages.chart(chart).getCategoryPlot();
            NumberAxis axis = (NumberAxis) plot.getRangeAxis();
            double max = chart.series().get(0).points().stream().filter(p -> p.value() != null)
                    .mapToDouble(p -> p.value().doubleValue()).max().orElseThrow();
            assertThat(axis.getUpperBound()).as("%d points", months).isGreaterThanOrEqualTo(max);
            assertThat(axis.getLowerBound()).isZero();
            double step = axis.getTickUnit().getSize();
            assertThat(round(step)).as("step %s", step).isTrue();
            assertThat(axis.getUpperBound() / step).as("whole steps").isEqualTo(Math.rint(axis.getUpperBound() / step));
            assertThat(axis.getUpperBound() / step).as("about five steps").isBetween(2.0, 10.0);
        }
        // a single value is not left at the top edge with one tick repeated: 0 to 100.000 by 20.000
        assertThat(ChartStyle.valueAxis(94_533, 94_533, false)).containsExactly(0, 100_000, 20_000);
        assertThat(ChartStyle.valueAxis(0, 32, true)).containsExactly(0, 40, 10);
        assertThat(ChartStyle.valueAxis(-3, 4, false)).containsExactly(-4, 4, 2);
    }

    private static boolean round(double step) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(step)));
        double factor = step / magnitude;
        return List.of(1.0, 2.0, 2.5, 5.0).stream().anyMatch(f -> Math.abs(f - factor) < 1e-9);
    }

    private static String title(int months) {
        return "Tổng thu NSNN, " + months + " tháng có số liệu";
    }

    /** The revenue over twelve months, the last {@code months} of which have a figure. */
    private static Briefing.Chart trend(int months) {
        long[] cumulative = {85_565, 95_435, 7_905, 15_120, 23_480, 32_150, 41_020, 50_870, 61_200, 73_640, 86_121, 94_533};
        String[] names = {"11/2021", "12/2021", "01/2022", "02/2022", "03/2022", "04/2022", "05/2022", "06/2022",
                "07/2022", "08/2022", "09/2022", "10/2022"};
        List<Briefing.Point> points = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            points.add(new Briefing.Point(names[i], i >= 12 - months ? BigDecimal.valueOf(cumulative[i]) : null));
        }
        return new Briefing.Chart(title(months), Briefing.ChartKind.LINE, "triệu đồng",
                List.of(new Briefing.Series("Tổng thu NSNN", points)));
    }
}
