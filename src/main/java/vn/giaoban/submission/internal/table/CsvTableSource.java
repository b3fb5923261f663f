package vn.giaoban.submission.internal.table;

import static vn.giaoban.submission.internal.table.TableSources.say;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.giaoban.text.VietnameseText;

/**
 * Reads CSV and Excel's "Unicode text" as one sheet. Units save from Excel under Vietnamese
 * regional settings (';' between fields), as "Unicode text" (UTF-16LE, tabs) or from old tools in
 * Windows-1258, so the encoding and the delimiter are found from the bytes, never assumed. Every
 * cell stays TEXT: the caller parses figures with {@link vn.giaoban.text.VietnameseNumbers}.
 */
final class CsvTableSource implements TableSource {

    static final String UNKNOWN_ENCODING = "feedback.read.csv.unknown-encoding";
    static final String NOT_TEXT = "feedback.read.csv.not-text";
    static final String NUL_CHARACTER = "feedback.read.csv.nul-character";
    static final String RECORD_TOO_LONG = "feedback.read.csv.record-too-long";

    /**
     * The longest record read. A report's line is under a thousand characters; Commons CSV holds
     * a record whole and has no limit of its own, so a 10 MB line (or a quote never closed) is
     * refused here, before it is buffered.
     */
    static final int MAX_RECORD_CHARS = 1024 * 1024;
    /**
     * Text files hold almost no control characters; a file where more than one character in a
     * hundred is one (tab, line ends and form feed aside) is binary, whatever it decodes as.
     */
    static final int MAX_CONTROL_CHARS_PERCENT = 1;

    private static final Logger log = LoggerFactory.getLogger(CsvTableSource.class);
    private static final int SAMPLE_CHARS = 64 * 1024;
    private static final int SAMPLE_RECORDS = 20;
    private static final char[] DELIMITERS = {'\t', ';', ','};

    private final String sheetName;
    private final CSVParser parser;
    /** Every character of the file was found NFC when it was scanned: its cells need no normalizing. */
    private final boolean composed;
    private boolean used;

    private CsvTableSource(String sheetName, CSVParser parser, boolean composed) {
        this.sheetName = sheetName;
        this.parser = parser;
        this.composed = composed;
    }

    static CsvTableSource open(Path file, Charset fallbackCharset) throws UnreadableFileException {
        BOMInputStream in = null;
        try {
            in = BOMInputStream.builder()
                    .setPath(file)
                    .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE)
                    .setInclude(false)
                    .get();
            Scan scan = charset(in, file, fallbackCharset);
            Charset charset = scan.charset();
            BufferedReader reader = new BufferedReader(new RecordLimitReader(new InputStreamReader(in, charset)),
                    SAMPLE_CHARS + 1);
            char delimiter = detectDelimiter(reader);
            log.debug("reading {} as {} separated by '{}'", file, charset, delimiter == '\t' ? "\\t" : delimiter);
            CSVFormat format = CSVFormat.DEFAULT.builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false) // keeps record numbers equal to Excel's row numbers
                    .setLenientEof(true)
                    .setTrailingData(true)
                    .get();
            CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get();
            return new CsvTableSource(sheetName(file), parser, scan.composed());
        } catch (UnreadableFileException e) {
            closeQuietly(in);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(in);
            log.warn("cannot read {} as text: {}", file, e.toString());
            throw new UnreadableFileException(say(TableSources.IO_FAILURE), e);
        }
    }

    @Override
    public Iterator<SheetRow> rows() {
        if (used) {
            throw new IllegalStateException("rows() can be called once");
        }
        used = true;
        Iterator<CSVRecord> records = parser.iterator();
        return new LookaheadRows() {
            @Override
            protected SheetRow computeNext() {
                try {
                    while (records.hasNext()) {
                        SheetRow row = toSheetRow(records.next());
                        if (row != null) {
                            return row;
                        }
                    }
                    return null;
                } catch (UncheckedIOException e) {
                    if (e.getCause() instanceof TableSources.Unreadable) {
                        throw e;
                    }
                    if (findUnreadable(e) instanceof TableSources.Unreadable unreadable) {
                        throw TableSources.unreadable(unreadable.getMessage(), e);
                    }
                    throw TableSources.unreadable(say(TableSources.IO_FAILURE), e);
                } catch (RuntimeException e) {
                    log.warn("cannot read {}: {}", sheetName, e.toString());
                    throw TableSources.unreadable(say(TableSources.IO_FAILURE), e);
                }
            }
        };
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** Commons CSV wraps what the reader throws; the sentence is somewhere in the causes. */
    private static Throwable findUnreadable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TableSources.Unreadable) {
                return t;
            }
        }
        return null;
    }

    private SheetRow toSheetRow(CSVRecord record) {
        long recordNumber = record.getRecordNumber();
        if (recordNumber > TableSources.MAX_ROWS) {
            throw TableSources.unreadable(say(TableSources.TOO_MANY_ROWS, sheetName,
                    TableSources.count(recordNumber), TableSources.count(TableSources.MAX_ROWS)));
        }
        if (record.size() > TableSources.MAX_COLUMNS) {
            throw TableSources.unreadable(say(TableSources.TOO_MANY_COLUMNS, sheetName,
                    TableSources.count(record.size()), TableSources.count(TableSources.MAX_COLUMNS)));
        }
        int number = (int) recordNumber;
        List<SheetCell> cells = new ArrayList<>();
        for (int column = 0; column < record.size(); column++) {
            String value = record.get(column);
            if (value.length() > TableSources.MAX_CELL_CHARS) {
                throw TableSources.unreadable(say(TableSources.CELL_TOO_LONG,
                        TableSources.columnName(column) + number, sheetName,
                        TableSources.count(TableSources.MAX_CELL_CHARS)));
            }
            if (!TableSources.isBlank(value)) {
                cells.add(new SheetCell(column, number, CellKind.TEXT, composed ? value : VietnameseText.nfc(value),
                        null, false));
            }
        }
        return cells.isEmpty() ? null : new SheetRow(sheetName, number, false, List.copyOf(cells));
    }

    /**
     * A BOM decides; otherwise strict UTF-8 if every byte decodes, else the fallback if every byte
     * decodes under it. This reads the file once more, at constant memory, because a single
     * Windows-1258 byte late in the file is enough to make it not UTF-8; the same pass refuses
     * binary content, NUL characters and records beyond {@link #MAX_RECORD_CHARS}.
     */
    private static Scan charset(BOMInputStream in, Path file, Charset fallback)
            throws IOException, UnreadableFileException {
        ByteOrderMark bom = in.getBOM();
        List<Charset> candidates = new ArrayList<>();
        if (bom != null) {
            candidates.add(Charset.forName(bom.getCharsetName()));
        } else {
            candidates.add(StandardCharsets.UTF_8);
            if (fallback != null && !fallback.equals(StandardCharsets.UTF_8)) {
                candidates.add(fallback);
            }
        }
        for (Charset candidate : candidates) {
            Scan scan = candidate == StandardCharsets.UTF_8 ? scanUtf8(file, bom != null) : scan(file, candidate, bom != null);
            switch (scan.result()) {
                case MALFORMED -> {
                    continue;
                }
                case BINARY -> throw new UnreadableFileException(say(NOT_TEXT));
                case NUL -> throw new UnreadableFileException(say(NUL_CHARACTER,
                        TableSources.count(scan.line())));
                case TOO_LONG -> throw new UnreadableFileException(say(RECORD_TOO_LONG,
                        TableSources.count(scan.line()), TableSources.count(MAX_RECORD_CHARS)));
                case TEXT -> {
                    if (candidate != StandardCharsets.UTF_8) {
                        log.debug("{} is not UTF-8, read as {}", file, candidate);
                    }
                    return scan.in(candidate);
                }
            }
        }
        if (bom == null && looksBinary(file)) {
            throw new UnreadableFileException(say(NOT_TEXT));
        }
        log.warn("{} decodes neither as UTF-8 nor as {}", file, fallback);
        throw new UnreadableFileException(say(UNKNOWN_ENCODING, fallback == null ? "?" : fallback.name()));
    }

    private enum Decoded { TEXT, MALFORMED, BINARY, NUL, TOO_LONG }

    /** @param line the first line with a NUL character, or the line too long */
    /**
     * @param composed no character outside those {@link VietnameseText#nfc} knows to be NFC without
     *                 the normalizer (a Mac's decomposed accents, Windows-1258's combining marks)
     */
    private record Scan(Decoded result, long line, boolean composed, Charset charset) {
        Scan(Decoded result, long line) {
            this(result, line, false, null);
        }

        Scan in(Charset charset) {
            return new Scan(result, line, composed, charset);
        }
    }

    /** Decodes the whole file strictly, watching for what a text report never holds. */
    private static Scan scan(Path file, Charset charset, boolean skipBom) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        TextWatch watch = new TextWatch();
        try (InputStream in = skipBom
                ? BOMInputStream.builder().setPath(file)
                        .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE)
                        .setInclude(false).get()
                : Files.newInputStream(file)) {
            while (true) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                boolean end = read < 0;
                if (!end) {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
                CoderResult result;
                do {
                    result = decoder.decode(bytes, chars, end);
                    if (result.isError()) {
                        return new Scan(Decoded.MALFORMED, 0);
                    }
                    if (!watch.accept(chars)) {
                        return new Scan(Decoded.TOO_LONG, watch.line);
                    }
                } while (result.isOverflow());
                bytes.compact();
                if (end) {
                    if (decoder.flush(chars).isError()) {
                        return new Scan(Decoded.MALFORMED, 0);
                    }
                    if (!watch.accept(chars)) {
                        return new Scan(Decoded.TOO_LONG, watch.line);
                    }
                    if (watch.controls * 100 > (long) MAX_CONTROL_CHARS_PERCENT * Math.max(watch.chars, 1)) {
                        return new Scan(Decoded.BINARY, 0);
                    }
                    return watch.nulLine > 0 ? new Scan(Decoded.NUL, watch.nulLine)
                            : new Scan(Decoded.TEXT, 0, watch.composed, null);
                }
            }
        }
    }

    /**
     * {@link #scan} for UTF-8, on the bytes: every byte below 0x80 is the ASCII character it encodes
     * and no byte of a longer sequence is below 0x80, so the watch sees the same line ends, quotes
     * and control characters without decoding the text, and a sequence counts as the one char (two
     * for a 4-byte one, a surrogate pair) it decodes to. Malformed is what Java's strict decoder
     * refuses: a stray continuation byte, an overlong form, a surrogate, a code point beyond
     * U+10FFFF, a sequence cut short, at the end of the file too.
     */
    private static Scan scanUtf8(Path file, boolean skipBom) throws IOException {
        // TextWatch's and RecordLength's state in locals: this loop runs once per byte of the file
        long chars = 0;
        long line = 1;
        long controls = 0;
        long nulLine = 0;
        boolean quoted = false;
        int length = 0;
        boolean composed = true;
        byte[] buffer = new byte[64 * 1024 + 4];
        try (InputStream in = skipBom
                ? BOMInputStream.builder().setPath(file).setByteOrderMarks(ByteOrderMark.UTF_8).setInclude(false).get()
                : Files.newInputStream(file)) {
            int carried = 0;
            while (true) {
                int read = in.read(buffer, carried, buffer.length - 4 - carried);
                if (read < 0) {
                    if (carried > 0) {
                        return new Scan(Decoded.MALFORMED, 0);
                    }
                    break;
                }
                int end = carried + read;
                int i = 0;
                while (i < end) {
                    int b = buffer[i];
                    if (b >= 0) {
                        i++;
                        chars++;
                        if (b == '"') {
                            quoted = !quoted;
                        } else if (b < 0x20) {
                            if (b == '\n') {
                                line++;
                            } else if (b != '\t' && b != '\r' && b != '\f') {
                                controls++;
                                if (b == 0 && nulLine == 0) {
                                    nulLine = line;
                                }
                            }
                            if (!quoted && (b == '\n' || b == '\r')) {
                                length = 0;
                                continue;
                            }
                        }
                        if (++length > MAX_RECORD_CHARS) {
                            return new Scan(Decoded.TOO_LONG, line);
                        }
                        continue;
                    }
                    int lead = b & 0xFF;
                    int sequence = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                            : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
                    if (sequence == 0) {
                        return new Scan(Decoded.MALFORMED, 0);
                    }
                    if (i + sequence > end) {
                        break; // the rest of the sequence is in the next read
                    }
                    int second = buffer[i + 1] & 0xFF;
                    int low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
                    int high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
                    if (second < low || second > high) {
                        return new Scan(Decoded.MALFORMED, 0);
                    }
                    for (int k = 2; k < sequence; k++) {
                        if ((buffer[i + k] & 0xC0) != 0x80) {
                            return new Scan(Decoded.MALFORMED, 0);
                        }
                    }
                    // U+0300 and above, but for Latin Extended Additional (E1 B8 80 to E1 BB BF): as VietnameseText.nfc sees it
                    if (sequence == 2 ? lead >= 0xCC : sequence == 4 || lead != 0xE1 || second < 0xB8 || second > 0xBB) {
                        composed = false;
                    }
                    // one char, or a surrogate pair: neither is a quote, a line end or a control character
                    int decoded = sequence == 4 ? 2 : 1;
                    chars += decoded;
                    length += decoded;
                    if (length > MAX_RECORD_CHARS) {
                        return new Scan(Decoded.TOO_LONG, line);
                    }
                    i += sequence;
                }
                carried = end - i;
                System.arraycopy(buffer, i, buffer, 0, carried);
            }
        }
        if (controls * 100 > (long) MAX_CONTROL_CHARS_PERCENT * Math.max(chars, 1)) {
            return new Scan(Decoded.BINARY, 0);
        }
        return nulLine > 0 ? new Scan(Decoded.NUL, nulLine) : new Scan(Decoded.TEXT, 0, composed, null);
    }

    /** Counts what a pass over the decoded text sees: lines, records' lengths, control characters. */
    private static final class TextWatch {
        private final RecordLength record = new RecordLength();
        private long line = 1;
        private long chars;
        private long controls;
        private long nulLine;
        private boolean composed = true;

        /** False when a record is longer than allowed. */
        boolean accept(CharBuffer buffer) {
            buffer.flip();
            try {
                for (int i = buffer.position(); i < buffer.limit(); i++) {
                    if (!accept(buffer.get(i))) {
                        return false;
                    }
                }
                return true;
            } finally {
                buffer.clear();
            }
        }

        boolean accept(char c) {
            chars++;
            if (c >= 0x300 && (c < 0x1E00 || c > 0x1EFF)) {
                composed = false;
            }
            if (c == '\n') {
                line++;
            } else if (c < 0x20 && c != '\t' && c != '\r' && c != '\f') {
                controls++;
                if (c == 0 && nulLine == 0) {
                    nulLine = line;
                }
            }
            return record.accept(c);
        }
    }

    /**
     * The length of the current record, a quoted field's line breaks inside it; a quote toggles,
     * so RFC 4180's doubled quote inside a quoted field leaves it quoted.
     */
    private static final class RecordLength {
        private boolean quoted;
        private int length;

        boolean accept(char c) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                length = 0;
                return true;
            }
            return ++length <= MAX_RECORD_CHARS;
        }
    }

    /**
     * Stops reading at a record longer than {@link #MAX_RECORD_CHARS}, whatever the file became
     * since it was scanned: Commons CSV would buffer it whole.
     */
    private static final class RecordLimitReader extends FilterReader {
        private final RecordLength record = new RecordLength();
        private long line = 1;

        RecordLimitReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                check((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset, end = offset + n; i < end; i++) {
                char c = buffer[i];
                if (c >= ' ' && c != '"') {
                    // the usual character: neither a quote nor a line end, what check does for it, inline
                    if (++record.length > MAX_RECORD_CHARS) {
                        check(c);
                    }
                } else {
                    check(c);
                }
            }
            return n;
        }

        private void check(char c) throws IOException {
            if (c == '\n') {
                line++;
            }
            if (!record.accept(c)) {
                throw new TableSources.Unreadable(say(RECORD_TOO_LONG, TableSources.count(line),
                        TableSources.count(MAX_RECORD_CHARS)), null);
            }
        }
    }

    /** NULs or many control bytes at the start: a binary file, whichever encoding failed. */
    private static boolean looksBinary(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SAMPLE_CHARS);
        }
        int controls = 0;
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                controls++;
            }
        }
        return controls * 100 > MAX_CONTROL_CHARS_PERCENT * Math.max(head.length, 1);
    }

    /**
     * The delimiter that splits the first records into the same number of fields: a Vietnamese
     * decimal comma inside a ';'-separated file appears in some records only, the ';' in all.
     */
    static char detectDelimiter(BufferedReader reader) throws IOException {
        reader.mark(SAMPLE_CHARS);
        char[] sample = new char[SAMPLE_CHARS];
        int length = 0;
        int read;
        while (length < sample.length && (read = reader.read(sample, length, sample.length - length)) > 0) {
            length += read;
        }
        reader.reset();
        List<int[]> counts = countPerRecord(sample, length);
        char best = ',';
        int bestScore = 0;
        for (int d = 0; d < DELIMITERS.length; d++) {
            int score = consistency(counts, d);
            if (score > bestScore) {
                best = DELIMITERS[d];
                bestScore = score;
            }
        }
        return best;
    }

    /** For each non-empty record in the sample, how often each candidate delimiter appears outside quotes. */
    private static List<int[]> countPerRecord(char[] sample, int length) {
        List<int[]> records = new ArrayList<>();
        int[] current = new int[DELIMITERS.length];
        boolean quoted = false;
        boolean empty = true;
        for (int i = 0; i < length && records.size() < SAMPLE_RECORDS; i++) {
            char c = sample[i];
            if (c == '"') {
                quoted = !quoted;
                empty = false;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (!empty) {
                    records.add(current);
                }
                current = new int[DELIMITERS.length];
                empty = true;
            } else {
                empty = false;
                for (int d = 0; d < DELIMITERS.length; d++) {
                    if (!quoted && c == DELIMITERS[d]) {
                        current[d]++;
                    }
                }
            }
        }
        if (!empty && records.size() < SAMPLE_RECORDS) {
            records.add(current);
        }
        return records;
    }

    /** How many sampled records hold the delimiter's most frequent non-zero count. */
    private static int consistency(List<int[]> records, int d) {
        int bestCount = 0;
        int bestRecords = 0;
        for (int[] candidate : records) {
            int count = candidate[d];
            if (count == 0) {
                continue;
            }
            int same = 0;
            for (int[] other : records) {
                if (other[d] == count) {
                    same++;
                }
            }
            if (same > bestRecords || (same == bestRecords && count > bestCount)) {
                bestRecords = same;
                bestCount = count;
            }
        }
        return bestRecords;
    }

    private static String sheetName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return VietnameseText.nfc(dot > 0 ? name.substring(0, dot) : name);
    }

    private static void closeQuietly(InputStream in) {
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException e) {
            log.debug("closing {} failed", in, e);
        }
    }
}
