package vn.giaoban.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import vn.giaoban.briefing.NoticeTrace.Derivation;
import vn.giaoban.briefing.NoticeTrace.Paragraph;
import vn.giaoban.briefing.NoticeTrace.Segment;
import vn.giaoban.catalog.SentencePattern;

/** The marks that carry a figure through the catalog's sentence patterns, and what comes out of them. */
class TracerTest {

    private final Tracer tracer = new Tracer(null, null, null);

    @Test
    void aMarkedFigureGoesThroughTheCatalogsPatternAndComesOutAsTheSentenceAndItsSegments() {
        // given a figure and a percentage of it marked in a sentence's slots
        Tracer.Node revenue = new Tracer.Node(Derivation.VALUE, "Tổng thu", BigDecimal.valueOf(94533), null, null,
                List.of(), List.of());
        Tracer.Node target = new Tracer.Node(Derivation.TARGET, "Dự toán tỉnh giao", BigDecimal.valueOf(81000), "81.000",
                "chỉ tiêu giao trong danh mục, targets.csv", List.of(), List.of());
        Tracer.Node attained = tracer.ratio("Tổng thu so với dự toán tỉnh giao", revenue.shownAs("94.533"), target, 2);
        SentencePattern pattern = SentencePattern.parse("{Indicator} được {value}[ {uom}][, đạt {attainments|, đạt }].");

        // when the sentence is filled and cut
        String marked = pattern.fill(Map.of("Indicator", "Tổng thu NSNN", "value", tracer.mark(revenue, "94.533"),
                "uom", "triệu đồng", "attainments", List.of(tracer.mark(attained, "116,71") + "% dự toán tỉnh giao")))
                .orElseThrow();
        Paragraph paragraph = tracer.paragraph("I.1", 2, marked);

        // then the text is the unmarked sentence, word for word, and each figure is a segment with its id
        String expected = "Tổng thu NSNN được 94.533 triệu đồng, đạt 116,71% dự toán tỉnh giao.";
        assertThat(Tracer.plain(marked)).isEqualTo(expected);
        assertThat(paragraph.text()).isEqualTo(expected);
        assertThat(paragraph.segments()).containsExactly(new Segment("Tổng thu NSNN được ", null),
                new Segment("94.533", "so-1"), new Segment(" triệu đồng, đạt ", null), new Segment("116,71", "so-2"),
                new Segment("% dự toán tỉnh giao.", null));
        NoticeTrace.Figure percentage = tracer.figures().get(1);
        assertThat(percentage.place()).isEqualTo("Mục I.1, đoạn 2");
        assertThat(percentage.value()).isEqualByComparingTo("116.71");
        assertThat(percentage.how()).isEqualTo("94.533 / 81.000 × 100");
        assertThat(percentage.parts()).extracting(NoticeTrace.Figure::id, NoticeTrace.Figure::place)
                .containsExactly(Tuple.tuple("so-2-1", "tử số"),
                        Tuple.tuple("so-2-2", "mẫu số"));
    }

    @Test
    void aCharacterOfThePrivateUseAreaInWhatAUnitWroteIsKeptAsText() {
        String written = "Ký hiệu \uE000 và \uE0001\uE001 lạ";
        assertThat(Tracer.plain(written)).isEqualTo(written);
        assertThat(tracer.paragraph("I.2", 1, written).segments()).allMatch(s -> !s.isFigure());
    }
}
