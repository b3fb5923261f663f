package vn.giaoban.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** The {@code Content-Disposition} of a download: the Vietnamese name for browsers that read it, ASCII for the rest. */
final class Downloads {

    private Downloads() {
    }

    static String attachment(String fileName) {
        return disposition("attachment", fileName);
    }

    static String inline(String fileName) {
        return disposition("inline", fileName);
    }

    private static String disposition(String type, String fileName) {
        String ascii = Normalizer.normalize(fileName, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('đ', 'd').replace('Đ', 'D').replaceAll("[^A-Za-z0-9._ -]", "_");
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
