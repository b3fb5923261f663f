package vn.giaoban.briefing;

import java.util.Locale;

import vn.giaoban.text.VietnameseText;

/** How the renderers put the model's text on the page, the same in the PDF and the DOCX. */
final class NoticeText {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

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

    /** "- " before an item that has no dash of its own. */
    static String dashed(String text) {
        if (text.isEmpty() || text.startsWith("-") || text.startsWith("\u2013")) {
            return text;
        }
        return "- " + text;
    }
}
