package vn.giaoban.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseTextTest {

    @Test
    void composesDecomposedText() {
        // given "Tổng" as a Mac or a Windows-1258 decoder writes it
        String decomposed = Normalizer.normalize("Tổng", Normalizer.Form.NFD);
        assertThat(decomposed).hasSizeGreaterThan("Tổng".length());
        // when
        String composed = VietnameseText.nfc(decomposed);
        // then
        assertThat(composed).isEqualTo("Tổng").hasSize(4);
        assertThat(Normalizer.isNormalized(composed, Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void leavesComposedTextAndNullAlone() {
        String composed = "Đơn vị tính";
        assertThat(VietnameseText.nfc(composed)).isSameAs(composed);
        assertThat(VietnameseText.nfc(null)).isNull();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "'  Lũy KẾ  từ đầu năm '|luy ke tu dau nam",
            "Đơn vị tính|don vi tinh",
            "ĐƠN VỊ TÍNH|don vi tinh",
            "Tỷ lệ (%)|ty le %",
            "Thực hiện/Kế hoạch|thuc hien ke hoach",
            "''|''",
    })
    void foldsHeadingsToOneKey(String text, String expected) {
        assertThat(VietnameseText.fold(text)).isEqualTo(expected);
    }

    @Test
    void foldsDecomposedAndComposedSpellingsAlike() {
        // given the same heading typed on two machines
        String composed = "Lũy kế từ đầu năm";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        // when / then
        assertThat(VietnameseText.fold(decomposed)).isEqualTo(VietnameseText.fold(composed));
        assertThat(VietnameseText.fold(null)).isEmpty();
    }
}
