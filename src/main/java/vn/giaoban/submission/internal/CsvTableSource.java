package vn.giaoban.submission.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import java.util.NoSuchElementException;
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

    static final String UNKNOWN_ENCODING =
            "Tệp không đọc được: không nhận ra bảng mã ký tự (không phải UTF-8, cũng không phải %s).";
    static final String NOT_TEXT = "Tệp không đọc được: không phải tệp Excel hay CSV.";

    private static final Logger log = LoggerFactory.getLogger(CsvTableSource.class);
    private static final int SAMPLE_CHARS = 64 * 1024;
    private static final int SAMPLE_RECORDS = 20;
    private static final char[] DELIMITERS = {'\t', ';', ','};

    private final String sheetName;
    private final CSVParser parser;
    private boolean used;

    private CsvTableSource(String sheetName, CSVParser parser) {
        this.sheetName = sheetName;
        this.parser = parser;
    }

    static CsvTableSource open(Path file, Charset fallbackCharset) throws UnreadableFileException {
        BOMInputStream in = null;
        try {
            in = BOMInputStream.builder()
                    .setPath(file)
                    .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE)
                    .setInclude(false)
                    .get();
            Charset charset = charset(in, file, fallbackCharset);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), SAMPLE_CHARS + 1);
            char delimiter = detectDelimiter(reader);
            log.debug("reading {} as {} separated by '{}'", file, charset, delimiter == '\t' ? "\\t" : delimiter);
            CSVFormat format = CSVFormat.DEFAULT.builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false) // keeps record numbers equal to Excel's row numbers
                    .setLenientEof(true)
                    .setTrailingData(true)
                    .get();
            CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get();
            return new CsvTableSource(sheetName(file), parser);
        } catch (UnreadableFileException e) {
            closeQuietly(in);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(in);
            log.warn("cannot read {} as text: {}", file, e.toString());
            throw new UnreadableFileException(TableSources.IO_FAILURE, e);
        }
    }

    @Override
    public Iterator<SheetRow> rows() {
        if (used) {
            throw new IllegalStateException("rows() can be called once");
        }
        used = true;
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            private SheetRow next;

            @Override
            public boolean hasNext() {
                while (next == null && records.hasNext()) {
                    next = toSheetRow(records.next());
                }
                return next != null;
            }

            @Override
            public SheetRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SheetRow row = next;
                next = null;
                return row;
            }
        };
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private SheetRow toSheetRow(CSVRecord record) {
        int number = Math.toIntExact(record.getRecordNumber());
        List<SheetCell> cells = new ArrayList<>();
        for (int column = 0; column < record.size(); column++) {
            String value = record.get(column);
            if (!TableSources.isBlank(value)) {
                cells.add(new SheetCell(column, TableSources.columnName(column) + number, CellKind.TEXT,
                        VietnameseText.nfc(value), null, false));
            }
        }
        return cells.isEmpty() ? null : new SheetRow(sheetName, number, false, List.copyOf(cells));
    }

    /**
     * A BOM decides; otherwise strict UTF-8 if every byte decodes, else the fallback if every byte
     * decodes under it. This reads the file once more, at constant memory, because a single
     * Windows-1258 byte late in the file is enough to make it not UTF-8.
     */
    private static Charset charset(BOMInputStream in, Path file, Charset fallback)
            throws IOException, UnreadableFileException {
        ByteOrderMark bom = in.getBOM();
        if (bom != null) {
            return Charset.forName(bom.getCharsetName());
        }
        Charset[] candidates = {StandardCharsets.UTF_8, fallback};
        for (Charset candidate : candidates) {
            if (candidate == null) {
                continue;
            }
            Decoded decoded = decodesStrictly(file, candidate);
            if (decoded == Decoded.BINARY) {
                throw new UnreadableFileException(NOT_TEXT);
            }
            if (decoded == Decoded.TEXT) {
                if (candidate != StandardCharsets.UTF_8) {
                    log.debug("{} is not UTF-8, read as {}", file, candidate);
                }
                return candidate;
            }
        }
        log.warn("{} decodes neither as UTF-8 nor as {}", file, fallback);
        throw new UnreadableFileException(String.format(UNKNOWN_ENCODING, fallback == null ? "?" : fallback.name()));
    }

    private enum Decoded { TEXT, MALFORMED, BINARY }

    /** Text files hold no NUL characters; one means a binary file (or UTF-16 without its BOM). */
    private static Decoded decodesStrictly(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        try (InputStream in = Files.newInputStream(file)) {
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
                        return Decoded.MALFORMED;
                    }
                    if (hasNul(chars)) {
                        return Decoded.BINARY;
                    }
                } while (result.isOverflow());
                bytes.compact();
                if (end) {
                    return decoder.flush(chars).isError() ? Decoded.MALFORMED : Decoded.TEXT;
                }
            }
        }
    }

    private static boolean hasNul(CharBuffer chars) {
        chars.flip();
        boolean nul = false;
        for (int i = chars.position(); i < chars.limit() && !nul; i++) {
            nul = chars.get(i) == '\0';
        }
        chars.clear();
        return nul;
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
