package vn.giaoban.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.giaoban.text.LegacyVietnamese.Encoding;

/** The fonts and the mapping, checked against the independent table in {@link LegacyLetters}. */
class LegacyVietnameseTest {

    private static final String VOWELS = "aăâeêioôơuưy";
    private static final String[] TONES = {"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"};

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            ".VnTime|TCVN3",
            ".vntime|TCVN3",
            ".VnArial|TCVN3",
            ".VnCentury Schoolbook|TCVN3",
            "' .VnTime '|TCVN3",
            "'''.VnTime'', serif'|TCVN3",
            ".VnTimeH|TCVN3_CAPITALS",
            ".VNTIMEH|TCVN3_CAPITALS",
            ".VnArialH|TCVN3_CAPITALS",
            ".VnArial NarrowH|TCVN3_CAPITALS",
            "VNI-Times|VNI",
            "vni-times|VNI",
            "VNI-Helve|VNI",
            "VNI-Helve-Condense|VNI",
    })
    void knowsTheLegacyFontsByName(String fontName, Encoding expected) {
        assertThat(LegacyVietnamese.fromFontName(fontName)).contains(expected);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"Times New Roman", "Arial", "Calibri", "Liberation Serif", "VnTime?", ".", "", "  ",
            "Vni", "Cambria Math"})
    void takesEveryOtherFontForUnicode(String fontName) {
        assertThat(LegacyVietnamese.fromFontName(fontName)).isEmpty();
        assertThat(LegacyVietnamese.fromFontName(null)).isEmpty();
    }

    @Test
    void theIndependentTableHoldsAllTheLetters() {
        // given the table shipped with the tests
        List<LegacyLetters.Row> rows = LegacyLetters.ROWS;
        // then it has the 134 precomposed letters, 67 of each case, the capitals with a tone in H fonts only
        assertThat(rows).hasSize(134);
        assertThat(rows).filteredOn(row -> Character.isUpperCase(row.letter())).hasSize(67);
        assertThat(rows).filteredOn(LegacyLetters.Row::capitalsFontOnly)
                .allMatch(row -> Character.isUpperCase(row.letter())).hasSize(60);
    }

    @Test
    void convertsEveryTcvn3LetterOfTheTable() {
        for (LegacyLetters.Row row : LegacyLetters.ROWS) {
            String code = String.valueOf(row.tcvn3());
            if (row.capitalsFontOnly()) {
                // a .VnTimeH font draws the lower case's byte as this capital
                assertThat(LegacyVietnamese.toUnicode(code, Encoding.TCVN3_CAPITALS)).as("%s", row)
                        .isEqualTo(String.valueOf(row.letter()));
                assertThat(LegacyVietnamese.toUnicode(code, Encoding.TCVN3)).as("%s", row)
                        .isEqualTo(String.valueOf(row.letter()).toLowerCase(Locale.ROOT));
            } else {
                assertThat(LegacyVietnamese.toUnicode(code, Encoding.TCVN3)).as("%s", row)
                        .isEqualTo(String.valueOf(row.letter()));
                assertThat(LegacyVietnamese.toUnicode(code, Encoding.TCVN3_CAPITALS)).as("%s", row)
                        .isEqualTo(String.valueOf(row.letter()).toUpperCase(Locale.ROOT));
            }
        }
    }

    @Test
    void mapsNoTcvn3ByteTheTableDoesNotHave() {
        // given the bytes the table gives a letter
        Set<Character> letters = new HashSet<>();
        Set<Character> bytes = new HashSet<>();
        for (LegacyLetters.Row row : LegacyLetters.ROWS) {
            letters.add(row.letter());
            bytes.add(row.tcvn3());
        }
        // then every other byte is left as it is, and each changed byte becomes a table letter
        for (char c = 0; c < 0x100; c++) {
            String converted = LegacyVietnamese.toUnicode(String.valueOf(c), Encoding.TCVN3);
            if (bytes.contains(c)) {
                assertThat(converted).as("byte %02X", (int) c).hasSize(1);
                assertThat(letters).as("byte %02X", (int) c).contains(converted.charAt(0));
            } else {
                assertThat(converted).as("byte %02X", (int) c).isEqualTo(String.valueOf(c));
            }
        }
    }

    @Test
    void convertsEveryVniLetterOfTheTable() {
        for (LegacyLetters.Row row : LegacyLetters.ROWS) {
            assertThat(LegacyVietnamese.toUnicode(row.vni(), Encoding.VNI)).as("%s", row)
                    .isEqualTo(String.valueOf(row.letter()));
        }
    }

    @Test
    void makesNoVniLetterTheTableDoesNotSpell() {
        // given the table's VNI spelling of every letter
        Set<String> spellings = new HashSet<>();
        for (LegacyLetters.Row row : LegacyLetters.ROWS) {
            spellings.add(row.vni() + "=" + row.letter());
        }
        List<String> strays = new ArrayList<>();
        // when every single byte and every pair of a letter and an upper-half byte of one case is converted
        for (char first = 0x20; first < 0x100; first++) {
            String single = LegacyVietnamese.toUnicode(String.valueOf(first), Encoding.VNI);
            if (!single.equals(String.valueOf(first)) && !spellings.contains(first + "=" + single)) {
                strays.add(first + "=" + single);
            }
            for (char second = 0xC0; second < 0x100; second++) {
                boolean sameCase = Character.isUpperCase(first) == Character.isUpperCase(second);
                String pair = "" + first + second;
                String converted = LegacyVietnamese.toUnicode(pair, Encoding.VNI);
                if (sameCase && converted.length() == 1 && !spellings.contains(pair + "=" + converted)) {
                    strays.add(pair + "=" + converted);
                }
            }
        }
        // then the only letters the table does not spell are y with the dot below written as a mark
        // (VNI has ỵ as a byte of its own, "î"; the mark is accepted too)
        assertThat(strays).containsExactlyInAnyOrder("y\u00ef=ỵ", "Y\u00cf=Ỵ");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("vowelsWithTones")
    void convertsTheTwelveVowelsWithTheFiveTones(String letter) {
        String lower = letter.toLowerCase(Locale.ROOT);
        String upper = letter.toUpperCase(Locale.ROOT);
        assertThat(LegacyVietnamese.toUnicode(LegacyLetters.tcvn3(lower), Encoding.TCVN3)).isEqualTo(lower);
        assertThat(LegacyVietnamese.toUnicode(LegacyLetters.tcvn3Capitals(upper), Encoding.TCVN3_CAPITALS))
                .isEqualTo(upper);
        assertThat(LegacyVietnamese.toUnicode(LegacyLetters.vni(lower), Encoding.VNI)).isEqualTo(lower);
        assertThat(LegacyVietnamese.toUnicode(LegacyLetters.vni(upper), Encoding.VNI)).isEqualTo(upper);
    }

    static Stream<String> vowelsWithTones() {
        return VOWELS.chars().boxed().flatMap(vowel -> Stream.of(TONES)
                .map(tone -> Normalizer.normalize((char) vowel.intValue() + tone, Normalizer.Form.NFC)));
    }

    @Test
    void givesOneCodePointPerLetterForEveryVowelAndTone() {
        assertThat(vowelsWithTones()).hasSize(72).allMatch(letter -> letter.length() == 1);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Tổng thu ngân sách nhà nước", "Phạm pháp hình sự", "Đơn vị",
            "Xã Trùng Khánh, huyện Văn Lãng", "Giải ngân vốn đầu tư công lũy kế đến tháng 10/2022",
            "Công tác giải quyết đơn thư: đã giải quyết 219/243 đơn, đạt 90,1%"})
    void convertsPhrasesTypedWithTheNormalFonts(String phrase) {
        // given the phrase as a .VnTime and a VNI-Times cell would hold it
        String tcvn3 = LegacyLetters.tcvn3(phrase);
        String vni = LegacyLetters.vni(phrase);
        assertThat(tcvn3).isNotEqualTo(phrase);
        // when / then
        assertThat(LegacyVietnamese.toUnicode(tcvn3, Encoding.TCVN3)).isEqualTo(phrase);
        assertThat(LegacyVietnamese.toUnicode(vni, Encoding.VNI)).isEqualTo(phrase);
        assertThat(Normalizer.isNormalized(LegacyVietnamese.toUnicode(vni, Encoding.VNI), Normalizer.Form.NFC))
                .isTrue();
    }

    @Test
    void convertsCapitalsWithTonesThroughTheCapitalsFonts() {
        // given "Ủy ban" can not be typed in a .VnTime font: offices type the heading in .VnTimeH
        String heading = "ỦY BAN NHÂN DÂN XÃ TRÙNG KHÁNH";
        String typed = LegacyLetters.tcvn3Capitals(heading);
        // then the capitals font's bytes are the lower-case letters'
        assertThat(typed).isEqualTo("ñY BAN NH\u00a2N D\u00a2N X\u00b7 TR\u00efNG KH\u00b8NH");
        assertThat(LegacyVietnamese.toUnicode(typed, Encoding.TCVN3_CAPITALS)).isEqualTo(heading);
        // and what the office types in lower case there shows, and is read, as capitals
        assertThat(LegacyVietnamese.toUnicode("\u00f1y ban nh\u00a9n d\u00a9n x\u00b7", Encoding.TCVN3_CAPITALS))
                .isEqualTo("ỦY BAN NHÂN DÂN XÃ");
        // VNI has every capital in one font
        assertThat(LegacyVietnamese.toUnicode(LegacyLetters.vni("Ủy ban nhân dân xã Trùng Khánh"), Encoding.VNI))
                .isEqualTo("Ủy ban nhân dân xã Trùng Khánh");
        assertThat(LegacyVietnamese.toUnicode(LegacyLetters.vni(heading), Encoding.VNI)).isEqualTo(heading);
    }

    @Test
    void readsTheExamplesOfTheIssue() {
        assertThat(LegacyVietnamese.toUnicode("Tæng thu", Encoding.TCVN3)).isEqualTo("Tổng thu");
        assertThat(LegacyVietnamese.toUnicode("Xaõ", Encoding.VNI)).isEqualTo("Xã");
        assertThat(LegacyVietnamese.toUnicode("Toång thu ngaân saùch", Encoding.VNI)).isEqualTo("Tổng thu ngân sách");
        assertThat(LegacyVietnamese.toUnicode("Tr\u00adêng", Encoding.TCVN3)).isEqualTo("Trường");
    }

    @Test
    void keepsWhatIsNotALetter() {
        // given Windows-1252 punctuation, digits and the bytes VN3 leaves free (VN1's extra capitals
        // and combining marks, which the ABC fonts do not draw)
        String text = LegacyLetters.tcvn3("Năm") + " 2021 \u2013 2022: \u201c94.533\u201d \u20ac 25\u00b0 \u00b1 \u00c0\u00c5\u00ff";
        // then only the letter is converted
        assertThat(LegacyVietnamese.toUnicode(text, Encoding.TCVN3))
                .isEqualTo("Năm 2021 \u2013 2022: \u201c94.533\u201d \u20ac 25\u00b0 \u00b1 \u00c0\u00c5\u00ff");
        assertThat(LegacyVietnamese.toUnicode("2021 \u2013 2022, 25%", Encoding.VNI)).isEqualTo("2021 \u2013 2022, 25%");
    }

    @Test
    void convertsACellByTheFontOfItsStyle() {
        // given a cell whose style names a legacy font, as a reader finds it
        String fontName = ".VnTime";
        String text = LegacyLetters.tcvn3("Thu tiền sử dụng đất");
        // when
        String read = LegacyVietnamese.fromFontName(fontName)
                .map(encoding -> LegacyVietnamese.toUnicode(text, encoding))
                .orElse(text);
        // then
        assertThat(read).isEqualTo("Thu tiền sử dụng đất");
    }

    @Test
    void leavesUnicodeVietnameseAndPlainTextAlone() {
        for (Encoding encoding : List.of(Encoding.TCVN3, Encoding.VNI)) {
            for (String text : List.of("Tổng thu ngân sách nhà nước", "Đơn vị", "Phạm pháp hình sự", "BM03-DT",
                    "NSNN_THU", "94.533", "")) {
                assertThat(LegacyVietnamese.toUnicode(text, encoding)).as("%s %s", encoding, text).isSameAs(text);
            }
        }
        assertThat(LegacyVietnamese.toUnicode(null, Encoding.TCVN3)).isNull();
        // a Unicode heading pasted into a .VnTimeH cell is not made capitals behind the office's back
        assertThat(LegacyVietnamese.toUnicode("Tổng thu", Encoding.TCVN3_CAPITALS)).isEqualTo("Tổng thu");
    }
}
