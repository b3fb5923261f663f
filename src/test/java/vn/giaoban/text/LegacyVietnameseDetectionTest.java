package vn.giaoban.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import vn.giaoban.text.LegacyVietnamese.Encoding;

/** Detection by the sheet's text when no font names the encoding (a CSV, a style without a font). */
class LegacyVietnameseDetectionTest {

    /** A BM01-NS sheet's text cells as a district office types them. */
    private static final List<String> REPORT = List.of(
            "Ủy ban nhân dân huyện Văn Lãng",
            "Báo cáo tình hình thu ngân sách nhà nước tháng 10 năm 2022",
            "Đơn vị tính: triệu đồng",
            "Chỉ tiêu",
            "Dự toán tỉnh giao",
            "Thực hiện đến ngày 23/10/2022",
            "Tổng thu ngân sách nhà nước trên địa bàn",
            "Thu từ khu vực doanh nghiệp nhà nước",
            "Thuế thu nhập cá nhân",
            "Lệ phí trước bạ",
            "Thu tiền sử dụng đất",
            "Người lập biểu",
            "Thủ trưởng đơn vị",
            "Xã Trùng Khánh",
            "Phạm pháp hình sự");

    /** What sits beside the words on every sheet: codes and numbers. */
    private static final List<String> CODES = List.of("BM01-NS", "NSNN_THU", "94.533", "116,71", "1", "2", "STT",
            "2022-10", "06160");

    @Test
    void detectsTcvn3ByItsCharacters() {
        // given the sheet typed with a .VnTime font, read without its styles
        List<String> cells = sheet(typedWith(REPORT, LegacyVietnameseDetectionTest::tcvn3Lowering), CODES);
        // when
        var detected = LegacyVietnamese.detect(cells);
        // then
        assertThat(detected).contains(Encoding.TCVN3);
        assertThat(LegacyVietnamese.convertIfLegacy(LegacyLetters.tcvn3("Tổng thu ngân sách nhà nước trên địa bàn"),
                Encoding.TCVN3)).contains("Tổng thu ngân sách nhà nước trên địa bàn");
    }

    @Test
    void detectsVniByItsCharacters() {
        List<String> cells = sheet(typedWith(REPORT, LegacyLetters::vni), CODES);

        assertThat(LegacyVietnamese.detect(cells)).contains(Encoding.VNI);
        for (String phrase : REPORT) {
            assertThat(LegacyVietnamese.convertIfLegacy(LegacyLetters.vni(phrase), Encoding.VNI)).contains(phrase);
        }
    }

    @Test
    void detectsFromAFewShortCells() {
        // given only the three names of a petitions list
        List<String> tcvn3 = List.of(LegacyLetters.tcvn3("Xã Trùng Khánh"), LegacyLetters.tcvn3("Xã Gia Miễn"),
                LegacyLetters.tcvn3("Xã Hồng Thái"), "06160", "06175");
        List<String> vni = List.of(LegacyLetters.vni("Xã Trùng Khánh"), LegacyLetters.vni("Xã Gia Miễn"),
                LegacyLetters.vni("Xã Hồng Thái"));
        // then
        assertThat(LegacyVietnamese.detect(tcvn3)).contains(Encoding.TCVN3);
        assertThat(LegacyVietnamese.detect(vni)).contains(Encoding.VNI);
    }

    @Test
    void decidesNothingOnTooLittle() {
        assertThat(LegacyVietnamese.detect(List.of(LegacyLetters.tcvn3("Tổng thu"), "BM01-NS"))).isEmpty();
        assertThat(LegacyVietnamese.detect(List.of(LegacyLetters.vni("Tổng thu"), LegacyLetters.vni("Đơn vị"))))
                .isEmpty();
        assertThat(LegacyVietnamese.detect(List.of())).isEmpty();
        assertThat(LegacyVietnamese.detect(null)).isEmpty();
    }

    @Test
    void neverDetectsUnicodeVietnamese() {
        // given the same sheet in Unicode, and cells that use Latin-1's letters only
        List<String> cells = sheet(REPORT, CODES, List.of("Tên xã", "Thái Bình", "Cà Mau", "Tây Ninh", "Bà Rịa",
                "Lào Cai", "Chi tiêu", "Tân Mỹ", "Hà Nội"));
        // then
        assertThat(LegacyVietnamese.detect(cells)).isEmpty();
        for (String text : cells) {
            assertThat(LegacyVietnamese.convertIfLegacy(text, Encoding.TCVN3)).as(text).isEmpty();
            assertThat(LegacyVietnamese.convertIfLegacy(text, Encoding.VNI)).as(text).isEmpty();
        }
    }

    @Test
    void neverDetectsLatin1OnlyVietnamese() {
        // given Unicode Vietnamese that happens to need no letter beyond Latin-1
        List<String> cells = List.of("Tên xã", "Thái Bình", "Cà Mau", "Tây Ninh", "Lào Cai", "Chi tiêu", "Bà Tân",
                "Thôn Nà Pò", "Bản Mới", "Hoàng Văn Thụ");
        assertThat(LegacyVietnamese.detect(cells)).isEmpty();
    }

    @Test
    void neverDetectsAsciiCodesAndNumbers() {
        List<String> cells = new ArrayList<>(CODES);
        cells.addAll(List.of("BM03-DT", "BM03-DS", "Tong thu NSNN", "Don vi tinh", "TNGT", "PPHS", "1.234",
                "23/10/2022", "   ", ""));
        cells.add(null);
        assertThat(LegacyVietnamese.detect(cells)).isEmpty();
    }

    @Test
    void neverDetectsWesternEuropeanText() {
        // given names and words in French, German, Spanish, Portuguese and Nordic spelling
        List<String> cells = List.of("José Martínez", "Müller", "François Dupré", "Peña", "Zürich", "Hélène Noël",
                "Señor Muñoz", "Björk Guðmundsdóttir", "São Paulo", "Straße", "Café crème", "Ångström", "Renée",
                "Thérèse", "Gérard Depardieu", "Größe", "Jürgen Möller", "Ñandú", "Citroën", "façade", "à la carte",
                "Île-de-France", "Málaga", "Córdoba", "Løkke", "Æsop", "naïve", "résumé", "déjà vu", "où", "né",
                "Crème brûlée", "Fête", "Hôtel", "Château", "Côte d'Ivoire", "Québec", "Jérôme", "Bogotá", "Perú");
        // then
        assertThat(LegacyVietnamese.detect(cells)).isEmpty();
        assertThat(LegacyVietnamese.detect(sheet(cells, CODES))).isEmpty();
        List<String> converted = new ArrayList<>();
        for (String text : cells) {
            LegacyVietnamese.convertIfLegacy(text, Encoding.TCVN3).ifPresent(c -> converted.add(text + "->" + c));
            LegacyVietnamese.convertIfLegacy(text, Encoding.VNI).ifPresent(c -> converted.add(text + "=>" + c));
        }
        assertThat(converted).isEmpty();
    }

    @Test
    void leavesAUnicodeHeadingAloneOnALegacySheet() {
        // given a giaoban template (Unicode headings) filled in with a .VnTime font
        List<String> cells = sheet(List.of("Chỉ tiêu", "Đơn vị tính", "Tên xã"),
                typedWith(REPORT, LegacyVietnameseDetectionTest::tcvn3Lowering));
        // when
        Encoding detected = LegacyVietnamese.detect(cells).orElseThrow();
        // then the headings stay as they are and the typed cells are converted
        assertThat(detected).isEqualTo(Encoding.TCVN3);
        assertThat(LegacyVietnamese.convertIfLegacy("Chỉ tiêu", detected)).isEmpty();
        assertThat(LegacyVietnamese.convertIfLegacy("Tên xã", detected)).isEmpty();
        assertThat(LegacyVietnamese.convertIfLegacy(LegacyLetters.tcvn3("Thuế thu nhập cá nhân"), detected))
                .contains("Thuế thu nhập cá nhân");
    }

    @Test
    void putsAHeadingTypedForACapitalsFontInCapitals() {
        // given a heading typed in .VnTimeH, read from a CSV: no font says it was a capitals font
        String typed = LegacyLetters.tcvn3Capitals("BÁO CÁO TỔNG HỢP");
        // then its capitals say so
        assertThat(LegacyVietnamese.convertIfLegacy(typed, Encoding.TCVN3)).contains("BÁO CÁO TỔNG HỢP");
    }

    @Test
    @Timeout(10)
    void looksAtABoundedNumberOfCells() {
        // given a million ASCII cells before the legacy ones
        List<String> cells = new ArrayList<>(Collections.nCopies(1_000_000, "12345"));
        cells.addAll(typedWith(REPORT, LegacyLetters::vni));
        // then only the first cells are walked through
        assertThat(LegacyVietnamese.detect(cells)).isEmpty();
        // and a sheet of a hundred thousand legacy cells is decided on a sample
        List<String> large = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            large.add(LegacyLetters.vni(REPORT.get(i % REPORT.size())) + " " + i);
        }
        long start = System.nanoTime();
        assertThat(LegacyVietnamese.detect(large)).contains(Encoding.VNI);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    /** TCVN3 has no capital with a tone: in a .VnTime cell "Ủy" is typed "ủy" and shown so. */
    private static String tcvn3Lowering(String phrase) {
        StringBuilder typed = new StringBuilder();
        for (char c : phrase.toCharArray()) {
            try {
                typed.append(LegacyLetters.tcvn3(String.valueOf(c)));
            } catch (IllegalArgumentException capitalWithTone) {
                typed.append(LegacyLetters.tcvn3(String.valueOf(Character.toLowerCase(c))));
            }
        }
        return typed.toString();
    }

    private static List<String> typedWith(List<String> phrases, UnaryOperator<String> encoding) {
        return phrases.stream().map(encoding).toList();
    }

    @SafeVarargs
    private static List<String> sheet(List<String>... parts) {
        List<String> cells = new ArrayList<>();
        for (List<String> part : parts) {
            cells.addAll(part);
        }
        return cells;
    }
}
