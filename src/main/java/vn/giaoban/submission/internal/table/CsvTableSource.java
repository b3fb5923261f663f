package vn.giaoban.submission.internal.table;

import static vn.giaoban.submission.internal.table.TableSources.say;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
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
import vn.giaoban.text.LegacyVietnamese;
import vn.giaoban.text.VietnameseText;

/**
 * Reads CSV and Excel's "Unicode text" as one sheet. Units save from Excel under Vietnamese
 * regional settings (';' between fields), as "Unicode text" (UTF-16LE, tabs) or from old tools in
 * Windows-1258, so the encoding and the delimiter are found from the bytes, never assumed. Every
 * cell stays TEXT: the caller parses figures with {@link vn.giaoban.text.VietnameseNumbers}.
 *
 * <p>The encoding (and the pass that refuses what is not text) is {@link CsvEncoding}'s; the
 * delimiter, the parsing and the record limit while parsing are here.
 */
final class CsvTableSource implements TableSource {

    static final String RECORD_TOO_LONG = "feedback.read.csv.record-too-long";

    /**
     * The longest record read. A report's line is under a thousand characters; Commons CSV holds
     * a record whole and has no limit of its own, so a 10 MB line (or a quote never closed) is
     * refused here, before it is buffered.
     */
    static final int MAX_RECORD_CHARS = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(CsvTableSource.class);
    static final int SAMPLE_CHARS = 64 * 1024;
    private static final int SAMPLE_RECORDS = 20;
    private static final char[] DELIMITERS = {'\t', ';', ','};
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

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
            CsvEncoding.Scan scan = CsvEncoding.detect(in, file, fallbackCharset);
            Charset charset = scan.charset();
            boolean composed = scan.composed();
            if (!charset.name().startsWith("UTF") && typedInLegacyFont(file)) {
                // TCVN3 or VNI bytes: read as the Windows-1252 characters the legacy tables are written for
                // (Windows-1258 would turn some of them into combining marks and Vietnamese letters)
                log.debug("{} holds text typed in an old Vietnamese font encoding", file);
                charset = WINDOWS_1252;
                composed = true;
            }
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
            return new CsvTableSource(sheetName(file), parser, composed);
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
     * Stops reading at a record longer than {@link #MAX_RECORD_CHARS}, whatever the file became
     * since it was scanned: Commons CSV would buffer it whole.
     */
    private static final class RecordLimitReader extends FilterReader {
        private final CsvEncoding.RecordLength record = new CsvEncoding.RecordLength();
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

    /**
     * The file's first bytes, read as Windows-1252 and split at line ends and delimiters, are text
     * typed in TCVN3 or VNI ({@link LegacyVietnamese#detect}). Only asked of a file that is not UTF-8.
     */
    private static boolean typedInLegacyFont(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SAMPLE_CHARS);
        }
        List<String> fields = new ArrayList<>();
        for (String field : new String(head, WINDOWS_1252).split("[\\r\\n;,\\t]+")) {
            String text = field.strip();
            if (text.length() > 1 && text.startsWith("\"") && text.endsWith("\"")) {
                text = text.substring(1, text.length() - 1);
            }
            if (!text.isEmpty()) {
                fields.add(text);
            }
        }
        return LegacyVietnamese.detect(fields).isPresent();
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
