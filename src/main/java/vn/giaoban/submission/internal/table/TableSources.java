package vn.giaoban.submission.internal.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.giaoban.text.Messages;
import vn.giaoban.text.VietnameseNumbers;

/**
 * Opens a submitted file by what its bytes are, not by its name: units rename workbooks to
 * {@code .csv}, save CSV as {@code .xls}, and mail attachments lose their extension.
 *
 * <p>Every file is read through once before it is handed out ({@link #open}): a damaged, hostile
 * or oversized file is refused whole, with the reason the unit reads, before any row of it is
 * taken. Each reader stops at its own limits (below and in each reader), so that no file, however
 * made, costs more than bounded time and memory.
 */
public final class TableSources {

    // the sentences a unit reads about a file that cannot be read: keys of the feedback bundle (feedback.read.*)
    static final String EMPTY_FILE = "feedback.read.empty-file";
    static final String MISSING_FILE = "feedback.read.missing-file";
    static final String IO_FAILURE = "feedback.read.io-failure";
    static final String TOO_LARGE = "feedback.read.too-large";
    static final String PDF = "feedback.read.pdf";
    static final String WEB_PAGE = "feedback.read.web-page";
    static final String TOO_MANY_ROWS = "feedback.read.too-many-rows";
    static final String TOO_MANY_COLUMNS = "feedback.read.too-many-columns";
    static final String TOO_MANY_CELLS = "feedback.read.too-many-cells";
    static final String CELL_TOO_LONG = "feedback.read.cell-too-long";

    /**
     * The largest file read at all. A monthly report is tens of kilobytes; a million-row workbook
     * is about 47 MB, far beyond any report, and still read in seconds. Larger files are refused
     * before a byte of them is parsed, so that time stays bounded whatever the format.
     */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    /** Excel's own limit (XFD): a cell beyond it was not written by a spreadsheet program. */
    static final int MAX_COLUMNS = 16_384;
    /** Excel's own limit of rows per sheet. */
    static final int MAX_ROWS = 1_048_576;
    /**
     * Each cell is in its own column, so a row holds no more cells than there are columns; a row
     * of a million {@code <c>} elements would otherwise be held whole in memory.
     */
    static final int MAX_CELLS_PER_ROW = MAX_COLUMNS;
    /** Excel's limit of characters in one cell: a multi-megabyte cell was not typed in Excel. */
    static final int MAX_CELL_CHARS = 32_767;

    private static final Logger log = LoggerFactory.getLogger(TableSources.class);
    /** Enough of the beginning to tell the formats apart, an OpenDocument zip's mimetype included. */
    private static final int HEAD_BYTES = 512;
    private static final byte[] ZIP = {0x50, 0x4B};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
            (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OPEN_DOCUMENT_MIMETYPE =
            "mimetypeapplication/vnd.oasis.opendocument".getBytes(StandardCharsets.US_ASCII);
    private static final String[] MARKUP = {"<!doctype", "<html", "<?xml", "<table", "<head", "<body", "<meta", "<!--"};

    private TableSources() {
    }

    /**
     * @param fallbackCharset the encoding a CSV without BOM is read in when it is not valid UTF-8
     *                        (Windows-1258 for files saved by Vietnamese Windows)
     */
    public static TableSource open(Path file, Charset fallbackCharset) throws UnreadableFileException {
        return open(file, fallbackCharset, ReadLimits.DEFAULTS);
    }

    /** @param limits how large a file is read, and where a large .xlsx's shared strings are kept */
    public static TableSource open(Path file, Charset fallbackCharset, ReadLimits limits)
            throws UnreadableFileException {
        return open(file, fallbackCharset, limits, Long.MAX_VALUE);
    }

    /**
     * As {@link #open(Path, Charset, ReadLimits)}, but a file above {@value #VETTED_UP_TO} bytes (a list
     * of a hundred thousand rows) is not read through first: reading it is the night's largest cost,
     * and damage found part-way through reaches the caller as its iterator's exception, with the same
     * reason ({@link #reason(UncheckedIOException)}), which the submission reader turns into the file's
     * rejection. The caller must not act on what it read before that exception.
     */
    public static TableSource stream(Path file, Charset fallbackCharset, ReadLimits limits) throws UnreadableFileException {
        return open(file, fallbackCharset, limits, VETTED_UP_TO);
    }

    private static TableSource open(Path file, Charset fallbackCharset, ReadLimits limits, long vettedUpTo)
            throws UnreadableFileException {
        byte[] head;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            head = in.readNBytes(HEAD_BYTES);
        } catch (NoSuchFileException e) {
            throw new UnreadableFileException(say(MISSING_FILE), e);
        } catch (IOException e) {
            throw new UnreadableFileException(say(IO_FAILURE), e);
        }
        if (head.length == 0) {
            throw new UnreadableFileException(say(EMPTY_FILE));
        }
        if (size > limits.maxFileBytes()) {
            throw new UnreadableFileException(say(TOO_LARGE, megabytes(size),
                    megabytes(limits.maxFileBytes())));
        }
        if (isZip(head)) {
            XlsxPackage.checkPackage(file, limits);
            if (startsWith(head, 30, OPEN_DOCUMENT_MIMETYPE)) {
                return readThrough(size > vettedUpTo, () -> OdsTableSource.open(file));
            }
            return readThrough(size > vettedUpTo, () -> XlsxTableSource.open(file, limits));
        }
        if (startsWith(head, OLE2)) {
            return readThrough(size > vettedUpTo, () -> XlsTableSource.open(file));
        }
        if (startsWith(head, PDF_MAGIC)) {
            throw new UnreadableFileException(say(PDF));
        }
        if (isMarkup(head)) {
            throw new UnreadableFileException(say(WEB_PAGE));
        }
        return readThrough(size > vettedUpTo, () -> CsvTableSource.open(file, fallbackCharset));
    }

    /** Files up to this size are read through once before {@link #stream} hands them out. */
    public static final long VETTED_UP_TO = 4L * 1024 * 1024;

    private interface Opener {
        TableSource open() throws UnreadableFileException;
    }

    /**
     * Reads the file once to the end, then opens it again for the caller. A limit met or damage
     * found part-way through becomes the file's rejection here, with its own reason, instead of an
     * exception in the middle of the caller's reading. A report is small: reading it twice costs
     * milliseconds; the limits bound what the largest file costs ({@link #stream} skips it for a
     * large one).
     */
    private static TableSource readThrough(boolean skip, Opener opener) throws UnreadableFileException {
        if (skip) {
            return new LegacyTextSource(opener.open());
        }
        try (TableSource vetting = opener.open()) {
            Iterator<SheetRow> rows = vetting.rows();
            while (rows.hasNext()) {
                rows.next();
            }
        } catch (UncheckedIOException e) {
            throw new UnreadableFileException(reason(e), e);
        } catch (IOException e) {
            throw new UnreadableFileException(say(IO_FAILURE), e);
        } catch (RuntimeException e) {
            log.warn("reading a file through failed", e);
            throw new UnreadableFileException(say(IO_FAILURE), e);
        }
        return new LegacyTextSource(opener.open());
    }

    /** The exception a reader's iterator throws: the sentence is the message and its cause's. */
    static UncheckedIOException unreadable(String vietnameseReason) {
        return new UncheckedIOException(vietnameseReason, new Unreadable(vietnameseReason, null));
    }

    static UncheckedIOException unreadable(String vietnameseReason, Throwable cause) {
        return new UncheckedIOException(vietnameseReason, new Unreadable(vietnameseReason, cause));
    }

    /** The Vietnamese sentence an iterator's exception carries, or the generic one. */
    public static String reason(UncheckedIOException e) {
        return e.getCause() instanceof Unreadable unreadable ? unreadable.getMessage() : say(IO_FAILURE);
    }

    /** Marks an IOException whose message is the sentence for the unit. */
    static final class Unreadable extends IOException {
        Unreadable(String vietnameseReason, Throwable cause) {
            super(vietnameseReason, cause);
        }
    }

    /**
     * The sentence {@code key} of the feedback bundle, in the shipped wording: the readers run where no
     * Spring context is (the benchmark, the vetting of a file), and only when a file is refused.
     */
    static String say(String key, Object... arguments) {
        return Messages.defaults().get(key, arguments);
    }

    /** 16384 as a person reads it here: {@code 16.384}. */
    static String count(long n) {
        return VietnameseNumbers.format(BigDecimal.valueOf(n), 0);
    }

    private static String megabytes(long bytes) {
        return VietnameseNumbers.format(BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024 * 1024)), 0);
    }

    /** A local file header, an empty archive's end record, or a spanned archive's marker. */
    private static boolean isZip(byte[] head) {
        return startsWith(head, ZIP) && head.length >= 4
                && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6 || head[2] == 7 && head[3] == 8);
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return startsWith(head, 0, magic);
    }

    private static boolean startsWith(byte[] head, int offset, byte[] magic) {
        return head.length >= offset + magic.length
                && Arrays.equals(head, offset, offset + magic.length, magic, 0, magic.length);
    }

    /** A web page or XML saved under a spreadsheet's name: its first non-blank text is a tag. */
    private static boolean isMarkup(byte[] head) {
        int start = startsWith(head, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}) ? 3 : 0;
        String text = new String(head, start, head.length - start, StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        for (String tag : MARKUP) {
            if (text.startsWith(tag)) {
                return true;
            }
        }
        return false;
    }

    /** Excel's column letters for a 0-based index: 0 is A, 25 is Z, 26 is AA. */
    public static String columnName(int column) {
        StringBuilder name = new StringBuilder(3);
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            name.append((char) ('A' + (n - 1) % 26));
        }
        return name.reverse().toString();
    }

    /** A cell holding only spaces (no-break ones included) counts as empty, as a person sees it. */
    static boolean isBlank(CharSequence text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // the usual first character, asked of no character table (5% of reading the million-row list's
            // cells): from '!' to U+167F only U+00A0 is a space
            if (c > ' ' && c < '\u1680' && c != '\u00A0') {
                return false;
            }
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }
}
