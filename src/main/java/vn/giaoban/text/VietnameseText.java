package vn.giaoban.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text as people type it: NFC for storage and display, folded (no case, no diacritics, single
 * spaces) for matching names and headings that were typed by other hands.
 */
public final class VietnameseText {

    private VietnameseText() {
    }

    /** Canonical composition: a Mac's NFD "ổ" becomes one code point, so fonts place the accents. */
    public static String nfc(String text) {
        if (text == null) {
            return null;
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * The key two spellings of one heading or name share: lower case, without diacritics ("đ" is
     * "d"), punctuation other than {@code %} turned to spaces, runs of white space folded to one.
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        boolean space = true;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 'đ' || c == 'Đ') {
                c = 'd';
            }
            if (Character.isLetterOrDigit(c) || c == '%') {
                folded.append(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                folded.append(' ');
                space = true;
            }
        }
        int end = folded.length();
        if (end > 0 && folded.charAt(end - 1) == ' ') {
            folded.setLength(end - 1);
        }
        return folded.toString().toLowerCase(Locale.ROOT);
    }
}
