package vn.giaoban.files;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * File names giaoban makes from the names units give their files (an archived copy, a feedback file, a
 * temporary file beside an output): a file system takes at most 255 bytes of UTF-8 in one name, and a unit's
 * name may already use them all (a Vietnamese letter takes two or three).
 */
public final class FileNames {

    /** The most bytes of one name on the file systems giaoban runs on (ext4, XFS, NTFS through SMB). */
    public static final int MAX_BYTES = 255;

    private FileNames() {
    }

    /**
     * {@code stem + suffix}, or, when that is longer than {@code maxBytes}, the stem cut at a character followed by
     * "…" and six hexadecimal digits of its whole (two long names that begin alike stay apart), then the suffix.
     */
    public static String fit(String stem, String suffix, int maxBytes) {
        if (bytes(stem) + bytes(suffix) <= maxBytes) {
            return stem + suffix;
        }
        String mark = "…" + HexFormat.of().formatHex(sha256(stem), 0, 3);
        int room = maxBytes - bytes(suffix) - bytes(mark);
        StringBuilder cut = new StringBuilder();
        int used = 0;
        for (int i = 0; i < stem.length(); ) {
            int codePoint = stem.codePointAt(i);
            int size = bytes(new String(Character.toChars(codePoint)));
            if (used + size > room) {
                break;
            }
            cut.appendCodePoint(codePoint);
            used += size;
            i += Character.charCount(codePoint);
        }
        return cut + mark + suffix;
    }

    /** {@link #fit(String, String, int)} within {@link #MAX_BYTES}. */
    public static String fit(String stem, String suffix) {
        return fit(stem, suffix, MAX_BYTES);
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
