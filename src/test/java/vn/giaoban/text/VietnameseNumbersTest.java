package vn.giaoban.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VietnameseNumbersTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "0|0",
            "16|16",
            "94.533|94533",
            "94 533|94533",
            "1 234 567|1234567",
            "1.234,5|1234.5",
            "116,71|116.71",
            "1.234.567|1234567",
            "1.234.567,89|1234567.89",
            "1,234,567|1234567",
            "1,234.5|1234.5",
            "1,234,567.25|1234567.25",
            "12.5|12.5",
            "12,5|12.5",
            "0.123|0.123",
            "1234.567|1234.567",
            "1234,567|1234.567",
            "1 234,5|1234.5",
            "-4|-4",
            "+4|4",
            "(5)|-5",
            "( 1.234,5 )|-1234.5",
            "'  42\t'|42",
            "1000|1000",
            "1,50|1.5",
    })
    void readsNumbersWrittenEitherWay(String text, String expected) {
        // given a number as a person or a spreadsheet wrote it
        // when
        ParsedNumber parsed = VietnameseNumbers.parse(text);
        // then
        assertThat(parsed.value()).isEqualByComparingTo(expected);
        assertThat(parsed.value().toPlainString()).isEqualTo(expected);
        assertThat(parsed.percent()).isFalse();
    }

    @Test
    void trimsNoBreakAndNarrowNoBreakSpaces() {
        // given
        String text = "\u00A0\u202F94\u00A0533\u202F";
        // when
        ParsedNumber parsed = VietnameseNumbers.parse(text);
        // then
        assertThat(parsed.value()).isEqualByComparingTo("94533");
        assertThat(parsed.ambiguous()).isFalse();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}%")
    @CsvSource(delimiter = '|', value = {
            "116,71%|116.71",
            "116,71 %|116.71",
            "-4,5%|-4.5",
            "(3%)|-3",
            "100%|100",
    })
    void keepsAPercentAsWritten(String text, String expected) {
        // given a percentage
        // when
        ParsedNumber parsed = VietnameseNumbers.parse(text);
        // then the value is the figure, not the ratio
        assertThat(parsed.value()).isEqualByComparingTo(expected);
        assertThat(parsed.percent()).isTrue();
    }

    @Test
    void readsOneDotAndThreeDigitsAsThousandsAndFlagsIt() {
        // given a shape that English writers use for a decimal
        // when
        ParsedNumber parsed = VietnameseNumbers.parse("1.234");
        // then the Vietnamese reading wins, flagged
        assertThat(parsed.value()).isEqualByComparingTo("1234");
        assertThat(parsed.ambiguous()).isTrue();
    }

    @Test
    void readsOneCommaAndThreeDigitsAsDecimalAndFlagsIt() {
        // given a shape that English writers use for thousands
        // when
        ParsedNumber parsed = VietnameseNumbers.parse("1,234");
        // then the Vietnamese reading wins, flagged
        assertThat(parsed.value()).isEqualByComparingTo("1.234");
        assertThat(parsed.ambiguous()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"94.533", "-1.234", "1.234%", "999,999"})
    void flagsEveryAmbiguousShape(String text) {
        assertThat(VietnameseNumbers.parse(text).ambiguous()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234", "12.5", "1.234,5", "1,234.5", "1.234.567", "0.123", "1234.567", "94 533"})
    void doesNotFlagUnambiguousShapes(String text) {
        assertThat(VietnameseNumbers.parse(text).ambiguous()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "-", "+", "%", "()", "12a", "a12", "1.2.3,4,5", "1.2.3", "1,23,456", "1..2",
            "1.", "1,", "1e5", "--5", "(-5)", "1 23", "12 345 6", "1.234,5,6", "1,234.5.6", "1.234 ,5", "1 234.567.890"})
    void rejectsWhatIsNotANumber(String text) {
        assertThatThrownBy(() -> VietnameseNumbers.parse(text))
                .isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("không phải là số");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> VietnameseNumbers.parse(null))
                .isInstanceOf(NumberFormatException.class)
                .hasMessage("không phải là số");
    }

    @ParameterizedTest(name = "[{index}] {0} with {1} decimals -> {2}")
    @CsvSource(delimiter = '|', value = {
            "94533|0|94.533",
            "116.7074|2|116,71",
            "90.123|1|90,1",
            "16|0|16",
            "-4|0|-4",
            "1234567.891|2|1.234.567,89",
            "0.005|2|0,01",
            "-0.004|2|0,00",
            "2.5|0|3",
            "-2.5|0|-3",
            "16|2|16,00",
            "999.5|0|1.000",
            "-94533.25|1|-94.533,3",
    })
    void formatsTheVietnameseWay(String value, int decimals, String expected) {
        // given
        BigDecimal number = new BigDecimal(value);
        // when
        String formatted = VietnameseNumbers.format(number, decimals);
        // then
        assertThat(formatted).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} padded to {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "4|0|2|04",
            "12|0|2|12",
            "-4|0|2|-04",
            "4.5|1|3|004,5",
            "0|0|2|00",
    })
    void padsTheIntegerPart(String value, int decimals, int minDigits, String expected) {
        assertThat(VietnameseNumbers.format(new BigDecimal(value), decimals, minDigits)).isEqualTo(expected);
    }

    @Test
    void formatsLargeValuesWithoutScientificNotation() {
        // given a value whose scale is negative
        BigDecimal value = new BigDecimal("1E+7");
        // when / then
        assertThat(VietnameseNumbers.format(value, 0)).isEqualTo("10.000.000");
        assertThat(VietnameseNumbers.parse("10.000.000").value().toString()).isEqualTo("10000000");
    }

    @Test
    void parsesWhatItFormats() {
        // given
        BigDecimal value = new BigDecimal("-1234567.89");
        // when
        ParsedNumber parsed = VietnameseNumbers.parse(VietnameseNumbers.format(value, 2));
        // then
        assertThat(parsed.value()).isEqualByComparingTo(value);
        assertThat(parsed.ambiguous()).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0} with at most {1} decimals -> {2}")
    @CsvSource(delimiter = '|', value = {
            "94533|2|94.533",
            "116.70|2|116,7",
            "116.7074|2|116,71",
            "90.77|2|90,77",
            "1.999|2|2",
            "100E+1|2|1.000",
            "-0.004|2|0",
            "-1234.5|0|-1.235",
            "0.125|2|0,13",
    })
    void formatsWithAtMostSoManyDecimals(String value, int maxDecimals, String expected) {
        assertThat(VietnameseNumbers.formatAtMost(new BigDecimal(value), maxDecimals)).isEqualTo(expected);
    }

    @Test
    void formatsAsTheChartsDecimalFormatDidExceptAtExactHalves() {
        // given the pattern both chart paths used before, with the Vietnamese symbols
        NumberFormat before = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi-VN")));
        NumberFormat now = VietnameseNumbers.numberFormat(2);
        // when / then: axis ticks, item labels and figures of every size
        for (int i = -2000; i <= 2000; i++) {
            double tick = i * 0.05;
            assertThat(now.format(tick)).as("tick %s", tick).isEqualTo(before.format(tick == 0 ? 0.0 : tick));
            double big = i * 12_345.67;
            assertThat(now.format(big)).as("value %s", big).isEqualTo(before.format(big));
            assertThat(now.format((long) i * 1_000_003L)).isEqualTo(before.format((long) i * 1_000_003L));
            BigDecimal exact = BigDecimal.valueOf(i, 2).multiply(BigDecimal.valueOf(97));
            assertThat(now.format(exact)).as("value %s", exact).isEqualTo(before.format(exact));
        }
        // an exact half is rounded up, as every other figure of the briefing (DecimalFormat rounds it to even)
        assertThat(now.format(new BigDecimal("0.125"))).isEqualTo("0,13");
        assertThat(now.format(Double.NaN)).isEqualTo("NaN");
        assertThat(now.parse("94.533,5", new java.text.ParsePosition(0))).isEqualTo(new BigDecimal("94533.5"));
    }
}
