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
        if (composed(text)) {
            return text;
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * True when the text is NFC without asking the normalizer, which costs more than reading the
     * cell: every character below U+0300 (ASCII, Latin-1, "đ", "ơ", "ư") and in Latin Extended
     * Additional (U+1E00-U+1EFF, Vietnamese's precomposed "ổ", "ạ") is NFC, and none of them
     * composes with a neighbour; a combining mark or anything else is left to the normalizer.
     */
    private static boolean composed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x300 && (c < 0x1E00 || c > 0x1EFF)) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * The key two spellings of one heading or name share: lower case, without diacritics ("đ" is
     * "d"), punctuation other than {@code %} turned to spaces, runs of white space folded to one.
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        // ASCII is its own NFD: a list's numbers and dates skip the normalizer
        String decomposed = ascii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFD);
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
