package vn.giaoban.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The PDF's and the DOCX's annex tables share the text width by one rule, whatever their unit. */
class ColumnFittingTest {

    /** Needs and wants of a seven-column table, in points: an indicator's name, figures, percentages. */
    private static final double[] NEEDED = {70, 40, 40, 40, 34, 34, 40};
    private static final double[] WANTED = {260, 48, 52, 52, 40, 40, 48};

    @Test
    void givesTheSameProportionsInPointsAndInTwips() {
        // given the same table measured in points (PDF) and in twips (DOCX, 20 a point)
        int[] points = ColumnFitting.roundDown(ColumnFitting.share(NEEDED, WANTED, 453), 453);
        double[] neededTwips = IntStream.range(0, NEEDED.length).mapToDouble(c -> NEEDED[c] * 20).toArray();
        double[] wantedTwips = IntStream.range(0, WANTED.length).mapToDouble(c -> WANTED[c] * 20).toArray();
        int[] twips = ColumnFitting.roundNearest(ColumnFitting.share(neededTwips, wantedTwips, 453 * 20), 453 * 20);
        // then both fill the width and give each column the same share, to the rounding (the PDF rounds
        // down and gives the widest column what that left: less than a point a column)
        assertThat(IntStream.of(points).sum()).isEqualTo(453);
        assertThat(IntStream.of(twips).sum()).isEqualTo(453 * 20);
        for (int c = 0; c < points.length; c++) {
            assertThat(points[c] / 453.0).as("column %d", c).isCloseTo(twips[c] / (453.0 * 20), within(points.length / 453.0));
        }
    }

    @Test
    void sharesTheSpareWidthByWantsOrByHowMuchAColumnWouldGrow() {
        // everything fits: in proportion to the wants
        double[] roomy = ColumnFitting.share(new double[] {10, 10}, new double[] {30, 10}, 80);
        assertThat(roomy).containsExactly(60, 20);
        // not everything fits: the needs, then the rest to the column that would wrap
        double[] tight = ColumnFitting.share(new double[] {10, 10}, new double[] {100, 10}, 60);
        assertThat(tight).containsExactly(50, 10);
        // not even the needs fit: they shrink in proportion
        double[] cramped = ColumnFitting.share(new double[] {30, 10}, new double[] {40, 20}, 20);
        assertThat(cramped).containsExactly(15, 5);
    }

    @Test
    void thePdfAndTheDocxGiveTheSampleTablesTheirWidestColumnAlike() {
        AnnexTableLayout layout = new AnnexTableLayout();
        for (Briefing.Table table : AnnexSamples.annex().tables()) {
            int columns = table.columns().size();
            List<Integer> points = layout.widths(table.columns(), table.rows(), AnnexTableLayout.fontSize(columns));
            int[] twips = DocxAnnex.columnWidths(table, columns);
            int widestPdf = points.indexOf(points.stream().mapToInt(Integer::intValue).max().orElseThrow());
            int widestDocx = IntStream.range(0, columns).reduce((a, b) -> twips[b] > twips[a] ? b : a).orElseThrow();
            assertThat(widestDocx).as(table.title()).isEqualTo(widestPdf);
        }
    }
}
