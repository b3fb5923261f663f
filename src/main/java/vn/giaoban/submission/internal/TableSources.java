package vn.giaoban.submission.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Opens a submitted file by what its bytes are, not by its name: units rename workbooks to
 * {@code .csv}, save CSV as {@code .xls}, and mail attachments lose their extension.
 */
public final class TableSources {

    static final String EMPTY_FILE = "Tệp không đọc được: tệp rỗng.";
    static final String MISSING_FILE = "Tệp không đọc được: không tìm thấy tệp.";
    static final String IO_FAILURE = "Tệp không đọc được: lỗi khi đọc tệp.";

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
            (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private TableSources() {
    }

    /**
     * @param fallbackCharset the encoding a CSV without BOM is read in when it is not valid UTF-8
     *                        (Windows-1258 for files saved by Vietnamese Windows)
     */
    public static TableSource open(Path file, Charset fallbackCharset) throws UnreadableFileException {
        byte[] head = new byte[OLE2.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new UnreadableFileException(MISSING_FILE, e);
        } catch (IOException e) {
            throw new UnreadableFileException(IO_FAILURE, e);
        }
        if (read == 0) {
            throw new UnreadableFileException(EMPTY_FILE);
        }
        if (startsWith(head, read, ZIP)) {
            return XlsxTableSource.open(file);
        }
        if (startsWith(head, read, OLE2)) {
            return XlsTableSource.open(file);
        }
        return CsvTableSource.open(file, fallbackCharset);
    }

    private static boolean startsWith(byte[] head, int read, byte[] magic) {
        return read >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    /** Excel's column letters for a 0-based index: 0 is A, 25 is Z, 26 is AA. */
    static String columnName(int column) {
        StringBuilder name = new StringBuilder(3);
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            name.append((char) ('A' + (n - 1) % 26));
        }
        return name.reverse().toString();
    }

    /** A cell holding only spaces (no-break ones included) counts as empty, as a person sees it. */
    static boolean isBlank(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }
}
