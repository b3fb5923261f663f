package vn.giaoban.submission.internal.table;

import static vn.giaoban.submission.internal.table.TableSources.say;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.List;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.giaoban.text.VietnameseText;

/**
 * Which encoding a CSV is in, decided by reading the whole file once before it is parsed: a BOM,
 * else strict UTF-8, else the configured fallback (Windows-1258). The same pass refuses what a text
 * report never holds (binary content, NUL characters, a record beyond its limit) and notes whether
 * every character is already NFC, so that {@link CsvTableSource} can skip normalizing its cells.
 */
final class CsvEncoding {

    static final String UNKNOWN_ENCODING = "feedback.read.csv.unknown-encoding";
    static final String NOT_TEXT = "feedback.read.csv.not-text";
    static final String NUL_CHARACTER = "feedback.read.csv.nul-character";
    /**
     * Text files hold almost no control characters; a file where more than one character in a
     * hundred is one (tab, line ends and form feed aside) is binary, whatever it decodes as.
     */
    static final int MAX_CONTROL_CHARS_PERCENT = 1;

    private static final Logger log = LoggerFactory.getLogger(CsvEncoding.class);

    private CsvEncoding() {
    }

    /**
     * A BOM decides; otherwise strict UTF-8 if every byte decodes, else the fallback if every byte
     * decodes under it. This reads the file once more, at constant memory, because a single
     * Windows-1258 byte late in the file is enough to make it not UTF-8; the same pass refuses
     * binary content, NUL characters and records beyond {@link CsvTableSource#MAX_RECORD_CHARS}.
     */
    static Scan detect(BOMInputStream in, Path file, Charset fallback)
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
                case TOO_LONG -> throw new UnreadableFileException(say(CsvTableSource.RECORD_TOO_LONG,
                        TableSources.count(scan.line()), TableSources.count(CsvTableSource.MAX_RECORD_CHARS)));
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
    record Scan(Decoded result, long line, boolean composed, Charset charset) {
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
                        if (++length > CsvTableSource.MAX_RECORD_CHARS) {
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
                    if (length > CsvTableSource.MAX_RECORD_CHARS) {
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
    static final class RecordLength {
        private boolean quoted;
        /** Read and counted inline by {@link CsvTableSource}'s reader for the usual character. */
        int length;

        boolean accept(char c) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                length = 0;
                return true;
            }
            return ++length <= CsvTableSource.MAX_RECORD_CHARS;
        }
    }

    /** NULs or many control bytes at the start: a binary file, whichever encoding failed. */
    private static boolean looksBinary(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(CsvTableSource.SAMPLE_CHARS);
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
}
