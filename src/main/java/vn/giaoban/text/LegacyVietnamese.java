package vn.giaoban.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vietnamese typed in the 8-bit font encodings that came before Unicode, turned into Unicode.
 * (Longer than most files here: the two encodings' letter tables and the statistics that tell them from
 * Unicode are one subject, and each half reads the other's tables.)
 *
 * <p>Before Unicode was made the standard for government documents (TCVN 6909:2001, Decision
 * 72/2002/QĐ-TTg), Vietnamese was typed with fonts that drew Vietnamese letters in place of the
 * Windows code page's accented letters and symbols. Two families outlived the rest and still turn up
 * in old templates that offices copy from year to year:
 * <ul>
 * <li><b>TCVN3</b> (also called ABC, after the keyboard program that shipped it): the VN3 subset of
 * the national standard TCVN 5712:1993, drawn by the fonts whose names begin with a dot
 * ({@code .VnTime}, {@code .VnArial}, {@code .VnCentury Schoolbook}…). One byte per letter; VN3 has
 * the 67 lower-case letters but, of the capitals, only Ă Â Ê Ô Ơ Ư Đ. Capitals with a tone are typed
 * with the companion fonts whose names end in "H" ({@code .VnTimeH}, {@code .VnArialH}): they draw
 * every code, the lower-case letters' included, as a capital. So the same bytes are "ổ" in
 * {@code .VnTime} and "Ổ" in {@code .VnTimeH}, and an {@code H} font's text is converted and then
 * put in upper case. (VN1, the full TCVN 5712 that GNU libiconv and glibc call TCVN, also puts
 * capitals in the control and 0x80-0x9F positions and combining marks at 0xB0-0xB4; the ABC fonts
 * do not use them, so neither does this class: those positions hold ordinary punctuation there.)
 * <li><b>VNI</b> (VNI Software's {@code VNI-Times}, {@code VNI-Helve}…, common in the South): a
 * letter is the base letter followed by a mark byte ("Xaõ" is "Xã", "Toång" is "Tổng"); a few
 * letters are one byte of their own (ñ đ, ô ơ, ö ư, and the i's and ỵ).
 * </ul>
 * Excel keeps such a cell's characters as the Windows-1252 characters of its bytes, so a reader sees
 * "Tæng thu ng©n s¸ch" (TCVN3) or "Toång thu ngaân saùch" (VNI) for "Tổng thu ngân sách". Every letter
 * byte of both encodings is at 0xA1-0xFE, where Windows-1252 and Latin-1 agree, so a character below
 * U+0100 is the byte.
 *
 * <p>How to use it: when the cell's font is known, {@link #fromFontName(String)} says the encoding and
 * {@link #toUnicode(String, Encoding)} converts the cell. When it is not (a CSV, a style without a
 * font), {@link #detect(Collection)} looks at the sheet's text cells and answers only on strong
 * evidence, and {@link #convertIfLegacy(String, Encoding)} converts each cell that reads as
 * Vietnamese only once converted. Genuine Unicode Vietnamese is never converted: a cell holding a
 * Vietnamese letter beyond Latin-1 (ă, đ, ơ, ư, ổ…) or a combining tone mark is already Unicode.
 */
public final class LegacyVietnamese {

    /** The legacy encodings, as their fonts name them. */
    public enum Encoding {
        /** TCVN 5712:1993 VN3, the ABC fonts ({@code .VnTime}). */
        TCVN3("TCVN3"),
        /** TCVN3 drawn by a capitals font ({@code .VnTimeH}): converted, then upper case. */
        TCVN3_CAPITALS("TCVN3"),
        /** VNI's fonts ({@code VNI-Times}). */
        VNI("VNI");

        private final String label;

        Encoding(String label) {
            this.label = label;
        }

        /** The name people know it by, for what users read ("chữ mã TCVN3 đã được chuyển sang Unicode"). */
        public String label() {
            return label;
        }
    }

    /** At most this many cells with non-ASCII text are looked at by {@link #detect}. */
    static final int MAX_SAMPLED_CELLS = 400;
    /** At most this many cells of any kind are walked through by {@link #detect}. */
    static final int MAX_SCANNED_CELLS = 5_000;
    /** Only the start of a long cell is looked at by {@link #detect}. */
    static final int MAX_SAMPLED_CHARS = 200;
    /** Fewer cells that read better converted than as they are decide nothing. */
    static final int MIN_CONVERTED_CELLS = 3;

    /** TCVN3 byte (as a char below U+0100) to its letter; 0 where the byte is not a VN3 letter. */
    private static final char[] TCVN3 = new char[256];

    /** VNI bytes that are a letter of their own (Ì Í ì í are themselves and are not listed). */
    private static final char[] VNI_SINGLE = new char[256];

    /** VNI base letters: a e o u y ơ ư (ơ and ư are themselves the bytes ô and ö), lower case first. */
    private static final String VNI_BASES = "aeouy\u00f4\u00f6AEOUY\u00d4\u00d6";
    /** The same bases as Unicode letters. */
    private static final String VNI_BASE_LETTERS = "aeouyơưAEOUYƠƯ";

    /**
     * A VNI mark byte (lower case; the upper-case mark is 0x20 below it) and what it adds to the
     * base letter, as combining characters: a shape (circumflex, breve) and a tone.
     */
    private record VniMark(char mark, String shape, String tone) {
    }

    private static final String CIRCUMFLEX = "\u0302";
    private static final String BREVE = "\u0306";

    private static final VniMark[] VNI_MARKS = {
            new VniMark('\u00f9', "", "\u0301"), new VniMark('\u00f8', "", "\u0300"),
            new VniMark('\u00fb', "", "\u0309"), new VniMark('\u00f5', "", "\u0303"),
            new VniMark('\u00ef', "", "\u0323"),
            new VniMark('\u00e2', CIRCUMFLEX, ""), new VniMark('\u00e1', CIRCUMFLEX, "\u0301"),
            new VniMark('\u00e0', CIRCUMFLEX, "\u0300"), new VniMark('\u00e5', CIRCUMFLEX, "\u0309"),
            new VniMark('\u00e3', CIRCUMFLEX, "\u0303"), new VniMark('\u00e4', CIRCUMFLEX, "\u0323"),
            new VniMark('\u00ea', BREVE, ""), new VniMark('\u00e9', BREVE, "\u0301"),
            new VniMark('\u00e8', BREVE, "\u0300"), new VniMark('\u00fa', BREVE, "\u0309"),
            new VniMark('\u00fc', BREVE, "\u0303"), new VniMark('\u00eb', BREVE, "\u0323"),
    };

    /** A byte's index in VNI_BASES, -1 when it is not a base letter. */
    private static final byte[] VNI_BASE_INDEX = new byte[256];

    /** VNI base index (VNI_BASES) and mark (byte & 0x1F) to the letter; 0 where they do not combine. */
    private static final char[][] VNI_PAIRS = new char[VNI_BASES.length()][32];

    static {
        // VN3: the seven capitals it has and their lower case at 0xA1-0xAE, then each vowel's five
        // tones (grave, hook, tilde, acute, dot below) in runs; 0xAF-0xB4, 0xBA, 0xBF-0xC5, 0xCD,
        // 0xD9-0xDB, 0xE0 and 0xF0 are not VN3 letters
        tcvn3(0xA1, "ĂÂÊÔƠƯĐăâêôơưđ");
        tcvn3(0xB5, "àảãáạ");
        tcvn3(0xBB, "ằẳẵắ");
        tcvn3(0xC6, "ặầẩẫấậè");
        tcvn3(0xCE, "ẻẽéẹềểễếệìỉ");
        tcvn3(0xDC, "ĩíịò");
        tcvn3(0xE1, "ỏõóọồổỗốộờởỡớợù");
        tcvn3(0xF1, "ủũúụừửữứựỳỷỹýỵ");

        // VNI: đ, ơ, ư and the toned i's and ỵ are one byte; every other letter is a base and a mark
        // (y takes the dot below as a mark too, though VNI's own ỵ is "î")
        vniSingle("\u00d1\u00f1\u00d4\u00f4\u00d6\u00f6\u00d3\u00f3\u00d2\u00f2\u00c6\u00e6\u00ce\u00ee",
                "ĐđƠơƯưĨĩỊịỈỉỴỵ");
        Arrays.fill(VNI_BASE_INDEX, (byte) -1);
        for (int base = 0; base < VNI_BASES.length(); base++) {
            VNI_BASE_INDEX[VNI_BASES.charAt(base)] = (byte) base;
            char letter = VNI_BASE_LETTERS.charAt(base);
            char lower = Character.toLowerCase(letter);
            for (VniMark mark : VNI_MARKS) {
                boolean fits = mark.shape().isEmpty()
                        || mark.shape().equals(CIRCUMFLEX) && (lower == 'a' || lower == 'e' || lower == 'o')
                        || mark.shape().equals(BREVE) && lower == 'a';
                if (fits) {
                    String composed = Normalizer.normalize(letter + mark.shape() + mark.tone(), Normalizer.Form.NFC);
                    VNI_PAIRS[base][mark.mark() & 0x1F] = composed.charAt(0);
                }
            }
        }
    }

    private static void tcvn3(int firstByte, String letters) {
        for (int i = 0; i < letters.length(); i++) {
            TCVN3[firstByte + i] = letters.charAt(i);
        }
    }

    private static void vniSingle(String bytes, String letters) {
        for (int i = 0; i < bytes.length(); i++) {
            VNI_SINGLE[bytes.charAt(i)] = letters.charAt(i);
        }
    }

    private LegacyVietnamese() {
    }

    /**
     * The encoding a font draws, by its family name as the workbook's styles give it (".VnTime",
     * "VNI-Times"; case-insensitive; quotes and a fallback list as in an .ods style are allowed).
     * The ABC fonts all begin with a dot and the capitals fonts among them end in "H"; VNI's begin
     * with "VNI-". Any other font is Unicode (empty).
     */
    public static Optional<Encoding> fromFontName(String fontName) {
        if (fontName == null) {
            return Optional.empty();
        }
        String name = fontName.strip();
        int comma = name.indexOf(',');
        if (comma >= 0) {
            name = name.substring(0, comma).strip();
        }
        if (name.length() >= 2 && (name.charAt(0) == '\'' || name.charAt(0) == '"')
                && name.charAt(name.length() - 1) == name.charAt(0)) {
            name = name.substring(1, name.length() - 1).strip();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith(".vn") && lower.length() > 3) {
            return Optional.of(lower.endsWith("h") ? Encoding.TCVN3_CAPITALS : Encoding.TCVN3);
        }
        if (lower.startsWith("vni-") || lower.startsWith("vni ") || lower.startsWith("vni_")) {
            return Optional.of(Encoding.VNI);
        }
        return Optional.empty();
    }

    /**
     * The text as the font showed it, in Unicode NFC: for a cell whose font is known to be a legacy
     * one. A text that already holds Unicode Vietnamese (a letter beyond Latin-1 or a combining
     * tone mark: pasted from elsewhere) is returned as it is, since no legacy font's text can hold
     * one; so is a text that the encoding leaves unchanged.
     */
    public static String toUnicode(String text, Encoding encoding) {
        if (text == null || text.isEmpty() || encoding == null || unicodeVietnamese(text)) {
            return text;
        }
        String converted = switch (encoding) {
            case TCVN3 -> tcvn3(text);
            case TCVN3_CAPITALS -> tcvn3(text).toUpperCase(Locale.ROOT);
            case VNI -> vni(text);
        };
        return converted.equals(text) ? text : VietnameseText.nfc(converted);
    }

    /**
     * The cell's text converted when the encoding was detected rather than read from its font:
     * only when the text reads as Vietnamese once converted and did not before (more of its words
     * are Vietnamese syllables, and most of them are), so that a heading typed in Unicode on the
     * same sheet, a code or a foreign name is left alone. Empty when the cell stays as it is.
     * A TCVN3 cell whose other letters are all capitals is taken to have been typed for a
     * capitals font and is put in upper case.
     */
    public static Optional<String> convertIfLegacy(String text, Encoding encoding) {
        if (text == null || encoding == null || ascii(text) || unicodeVietnamese(text)) {
            return Optional.empty();
        }
        String converted = switch (encoding) {
            case TCVN3, TCVN3_CAPITALS -> tcvn3(text);
            case VNI -> vni(text);
        };
        if (converted.equals(text) || !readsBetter(text, converted)) {
            return Optional.empty();
        }
        if (encoding == Encoding.TCVN3_CAPITALS || encoding == Encoding.TCVN3 && asciiCapitals(text)) {
            converted = converted.toUpperCase(Locale.ROOT);
        }
        return Optional.of(VietnameseText.nfc(converted));
    }

    /**
     * The legacy encoding a sheet's text cells were typed in, when no font says so; empty unless
     * the evidence is strong. At most {@value #MAX_SAMPLED_CELLS} cells with non-ASCII text (of the
     * first {@value #MAX_SCANNED_CELLS}) are looked at. An encoding is chosen when at least
     * {@value #MIN_CONVERTED_CELLS} cells read as Vietnamese only once converted, when they are most
     * of the cells the encoding would change, when they outnumber the cells already in Unicode
     * Vietnamese, and when the text holds characters the encoding uses for Vietnamese and ordinary
     * text hardly ever does (TCVN3's "©", "¸", "µ"…; VNI's vowel followed by a mark byte). ASCII,
     * Unicode Vietnamese and Western European text (é, ü, ñ in names) never qualify: their words
     * do not become Vietnamese syllables once converted.
     */
    public static Optional<Encoding> detect(Collection<String> texts) {
        if (texts == null || texts.isEmpty()) {
            return Optional.empty();
        }
        Evidence tcvn3 = new Evidence();
        Evidence vni = new Evidence();
        int unicodeCells = 0;
        int sampled = 0;
        int scanned = 0;
        for (String text : texts) {
            if (scanned++ >= MAX_SCANNED_CELLS || sampled >= MAX_SAMPLED_CELLS) {
                break;
            }
            if (text == null || ascii(text)) {
                continue;
            }
            sampled++;
            String sample = text.length() > MAX_SAMPLED_CHARS ? text.substring(0, MAX_SAMPLED_CHARS) : text;
            if (unicodeVietnamese(sample)) {
                unicodeCells++;
                continue;
            }
            tcvn3.add(sample, tcvn3(sample), tcvn3Signs(sample));
            vni.add(sample, vni(sample), vniSigns(sample));
        }
        boolean isTcvn3 = tcvn3.strong(unicodeCells);
        boolean isVni = vni.strong(unicodeCells);
        if (isTcvn3 && isVni) {
            if (tcvn3.betterCells == vni.betterCells) {
                return Optional.empty();
            }
            return Optional.of(tcvn3.betterCells > vni.betterCells ? Encoding.TCVN3 : Encoding.VNI);
        }
        if (isTcvn3) {
            return Optional.of(Encoding.TCVN3);
        }
        return isVni ? Optional.of(Encoding.VNI) : Optional.empty();
    }

    /** What one encoding makes of the sampled cells. */
    private static final class Evidence {
        int changedCells;
        int betterCells;
        int signs;

        void add(String text, String converted, int signsInText) {
            if (converted.equals(text)) {
                return;
            }
            changedCells++;
            if (readsBetter(text, converted)) {
                betterCells++;
                signs += signsInText;
            }
        }

        boolean strong(int unicodeCells) {
            return betterCells >= MIN_CONVERTED_CELLS
                    && betterCells * 10 >= changedCells * 7
                    && betterCells > unicodeCells
                    && signs >= MIN_CONVERTED_CELLS;
        }
    }

    private static String tcvn3(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char letter = c < 256 ? TCVN3[c] : 0;
            if (letter != 0 && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(letter != 0 ? letter : c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String vni(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean changed = false;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            int base = vniBase(c);
            if (base >= 0 && i + 1 < length) {
                char mark = text.charAt(i + 1);
                char letter = mark >= 0xC0 && mark < 0x100 ? VNI_PAIRS[base][mark & 0x1F] : 0;
                if (letter != 0) {
                    out.append(letter);
                    i++;
                    changed = true;
                    continue;
                }
            }
            char single = c < 256 ? VNI_SINGLE[c] : 0;
            if (single != 0) {
                out.append(single);
                changed = true;
            } else {
                out.append(c);
            }
        }
        return changed ? out.toString() : text;
    }

    private static int vniBase(char c) {
        return c < 256 ? VNI_BASE_INDEX[c] : -1;
    }

    /** TCVN3's letters that Latin-1 shows as symbols (¨©ª«¬®, µ¶·¸¹, »¼½¾): rare in real text. */
    private static int tcvn3Signs(String text) {
        int signs = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0xA1 && c <= 0xBE && TCVN3[c] != 0) {
                signs++;
            }
        }
        return signs;
    }

    /** VNI's vowel followed by a mark byte: in real text an accented letter hardly ever follows a vowel. */
    private static int vniSigns(String text) {
        int signs = 0;
        for (int i = 0; i + 1 < text.length(); i++) {
            int base = vniBase(text.charAt(i));
            char mark = text.charAt(i + 1);
            if (base >= 0 && mark >= 0xC0 && mark < 0x100 && VNI_PAIRS[base][mark & 0x1F] != 0) {
                signs++;
            }
        }
        return signs;
    }

    /** A Vietnamese letter beyond Latin-1, or a combining tone mark: the text is Unicode already. */
    static boolean unicodeVietnamese(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x100) {
                continue;
            }
            if (c >= 0x1EA0 && c <= 0x1EF9 || c >= 0x0300 && c <= 0x0323) {
                return true;
            }
            switch (c) {
                case 'Ă', 'ă', 'Đ', 'đ', 'Ĩ', 'ĩ', 'Ũ', 'ũ', 'Ơ', 'ơ', 'Ư', 'ư':
                    return true;
                default:
                    break;
            }
        }
        return false;
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** At least two ASCII letters and none of them lower case: typed for a capitals font. */
    private static boolean asciiCapitals(String text) {
        int capitals = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') {
                return false;
            }
            if (c >= 'A' && c <= 'Z') {
                capitals++;
            }
        }
        return capitals >= 2;
    }

    /**
     * True when the converted text has more Vietnamese syllables among its non-ASCII words than the
     * original, and at least three quarters of those words are syllables.
     */
    static boolean readsBetter(String original, String converted) {
        int before = syllables(original)[0];
        int[] after = syllables(converted);
        return after[0] > before && after[0] * 4 >= after[1] * 3;
    }

    /**
     * {Vietnamese syllables, words} among the words of two characters or more holding a non-ASCII
     * character. A word is a run of letters and of Latin-1's upper half (where the legacy encodings
     * put their letters), so "ng©n" is one word before conversion.
     */
    private static int[] syllables(String text) {
        int valid = 0;
        int words = 0;
        int start = -1;
        boolean nonAscii = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean wordChar = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                    || c > 0xA0 && c < 0x100 && c != 0xD7 && c != 0xF7
                    || c >= 0x100 && (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK);
            if (wordChar) {
                if (start < 0) {
                    start = i;
                    nonAscii = false;
                }
                nonAscii |= c >= 0x80;
            } else if (start >= 0) {
                // a one-letter word tells nothing: VNI's "ó" is French "où"
                if (nonAscii && i - start > 1) {
                    words++;
                    if (syllable(text.substring(start, i))) {
                        valid++;
                    }
                }
                start = -1;
            }
        }
        return new int[] {valid, words};
    }

    private static final String INITIAL = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?";
    /** Vowel groups that end in a glide or in ia/ua/ưa: nothing follows them. */
    private static final String OPEN = "iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|uya|uyu"
            + "|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu";
    /** Vowel groups that may take a final consonant. */
    private static final String NUCLEUS = "uyê|oă|oa|oe|oo|uâ|uê|uô|uơ|ươ|iê|yê|uy|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y";
    private static final Pattern SYLLABLE = Pattern.compile(
            INITIAL + "(?:(?:" + OPEN + ")|(?:" + NUCLEUS + ")(ch|ng|nh|c|m|n|p|t)?)");

    /**
     * A Vietnamese syllable: an initial consonant, a vowel group and a final, with at most one tone
     * mark, and after a stop (-c, -ch, -p, -t) only the acute or the dot below.
     */
    static boolean syllable(String word) {
        String decomposed = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder bare = new StringBuilder(decomposed.length());
        char tone = 0;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323') {
                if (tone != 0) {
                    return false;
                }
                tone = c;
            } else {
                bare.append(c);
            }
        }
        Matcher matcher = SYLLABLE.matcher(Normalizer.normalize(bare, Normalizer.Form.NFC));
        if (!matcher.matches()) {
            return false;
        }
        String fin = matcher.group(1);
        boolean stop = "c".equals(fin) || "ch".equals(fin) || "p".equals(fin) || "t".equals(fin);
        return !stop || tone == '\u0301' || tone == '\u0323';
    }
}
