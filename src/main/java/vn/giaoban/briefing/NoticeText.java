package vn.giaoban.briefing;

import java.util.Locale;
import java.util.regex.Pattern;

import vn.giaoban.text.VietnameseText;

/** How the renderers put the model's text on the page, the same in the PDF and the DOCX. */
final class NoticeText {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    /** Three numbers or more joined by hyphens: a list of criteria, "1-2-3-4-7". */
    private static final Pattern NUMBER_LIST = Pattern.compile("\\d+(?:-\\d+){2,}");

    private NoticeText() {
    }

    /** NFC, trimmed, never null. */
    static String text(String text) {
        return text == null ? "" : VietnameseText.nfc(text).strip();
    }

    /** Upper case as Vietnamese writes it: "ỦY BAN NHÂN DÂN". */
    static String upper(String text) {
        return text(text).toUpperCase(VIETNAMESE);
    }

    /**
     * Whether a paragraph is justified: not when it holds a list of numbers joined by hyphens
     * ("(5-6-8-17-19)"), which is kept on one line (it must read back whole) and would leave the line
     * before it stretched with wide gaps. Such a paragraph is aligned left, in the PDF and the DOCX alike.
     */
    static boolean justified(String text) {
        return !NUMBER_LIST.matcher(text).find();
    }

    /** "- " before an item that has no dash of its own. */
    static String dashed(String text) {
        if (text.isEmpty() || text.startsWith("-") || text.startsWith("\u2013")) {
            return text;
        }
        return "- " + text;
    }
}
