package vn.giaoban.submission.internal.table;

import static vn.giaoban.submission.internal.table.TableSources.say;

import static vn.giaoban.submission.internal.table.XlsxWorkbook.XML;
import static vn.giaoban.submission.internal.table.XlsxWorkbook.appendText;
import static vn.giaoban.submission.internal.table.XlsxWorkbook.decodeEscapes;
import static vn.giaoban.submission.internal.table.XlsxWorkbook.parseIndex;
import static vn.giaoban.submission.internal.table.XlsxWorkbook.isDtd;

import static vn.giaoban.submission.internal.table.XlsxWorkbook.skipElement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.giaoban.submission.internal.table.XlsxWorkbook.SheetPart;
import vn.giaoban.text.LegacyVietnamese;
import vn.giaoban.text.LegacyVietnamese.Encoding;
import vn.giaoban.text.VietnameseText;

/**
 * Pulls rows from one sheet at a time; the next sheet is opened only when this one ends. This is
 * the loop a million-row list goes through seven million times: a cell costs its {@code SheetCell}
 * and, for a number, its text and value; nothing else is allocated per cell (the address is
 * written out only for a message, the value's text is gathered in one reused buffer, a shared
 * string's index is read from that buffer).
 *
 * <p>Just over 400 lines on purpose: the per-cell helpers below (integer, index, column letters) are this
 * loop's and are read with it; the package, workbook and shared strings are {@link XlsxPackage}'s and
 * {@link XlsxWorkbook}'s.
 */
final class XlsxSheetRows extends LookaheadRows {

    private static final Logger log = LoggerFactory.getLogger(XlsxSheetRows.class);

    private final Path file;
    private final SharedStrings strings;
    private final boolean[] dateStyles;
    /** Per style, the old Vietnamese font encoding its font draws; null (no work per cell) when none does. */
    private final Encoding[] legacyStyles;
    private final Iterator<SheetPart> remaining;
    private final StringBuilder value = new StringBuilder(64);
    private final Supplier<String> tooLong = this::cellTooLong;
    private String lastStyle;
    private boolean lastStyleIsDate;
    private final List<SheetCell> cells = new ArrayList<>();
    private InputStream sheetStream;
    private XMLStreamReader xml;
    private String sheetName;
    private boolean sheetHidden;
    private int lastRow;
    private int cellRow;
    private int cellColumn;

    XlsxSheetRows(Path file, List<SheetPart> sheets, SharedStrings strings, boolean[] dateStyles,
            Encoding[] legacyStyles) {
        this.file = file;
        this.remaining = sheets.iterator();
        this.strings = strings;
        this.dateStyles = dateStyles;
        this.legacyStyles = legacyStyles;
    }

    @Override
    protected SheetRow computeNext() {
        try {
            return advance();
        } catch (UnreadableFileException e) {
            closeQuietly();
            log.warn("sheet '{}' of {} is refused: {}", sheetName, file, e.getMessage());
            throw TableSources.unreadable(e.getMessage(), e);
        } catch (XMLStreamException | IOException | RuntimeException e) {
            closeQuietly();
            log.warn("sheet '{}' of {} is damaged: {}", sheetName, file, e.toString());
            throw TableSources.unreadable(say("feedback.read.xlsx.damaged-sheet", sheetName), e);
        }
    }

    private SheetRow advance() throws XMLStreamException, IOException, UnreadableFileException {
        while (true) {
            if (xml == null) {
                if (!remaining.hasNext()) {
                    return null;
                }
                SheetPart sheet = remaining.next();
                sheetName = sheet.name();
                sheetHidden = sheet.hidden();
                lastRow = 0;
                sheetStream = sheet.part().getInputStream();
                xml = XML.createXMLStreamReader(sheetStream);
            }
            SheetRow row = nextRow();
            if (row != null) {
                return row;
            }
            closeSheet();
        }
    }

    /** The next row with a value in this sheet, or null at the sheet's end. */
    private SheetRow nextRow() throws XMLStreamException, UnreadableFileException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if ("row".equals(xml.getLocalName())) {
                    SheetRow row = readRow();
                    if (row != null) {
                        return row;
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if ("sheetData".equals(xml.getLocalName())) {
                    return null;
                }
            } else if (isDtd(event)) {
                // the place is written out only when the sheet is refused, not at every event
                throw new UnreadableFileException(say(XlsxWorkbook.XML_DTD, say("feedback.read.xlsx.in-sheet", sheetName)));
            }
        }
        return null;
    }

    private SheetRow readRow() throws XMLStreamException, UnreadableFileException {
        String r = null;
        String hiddenFlag = null;
        // the first of each name, in whichever namespace, as getAttributeValue(null, name) finds it
        for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
            String name = xml.getAttributeLocalName(i);
            if (r == null && "r".equals(name)) {
                r = xml.getAttributeValue(i);
            } else if (hiddenFlag == null && "hidden".equals(name)) {
                hiddenFlag = xml.getAttributeValue(i);
            }
        }
        int number = r == null ? rowNumber(Integer.toString(lastRow + 1)) : rowNumber(r);
        lastRow = number;
        boolean hidden = sheetHidden || isTrue(hiddenFlag);
        cells.clear();
        int lastColumn = -1;
        int count = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if ("c".equals(xml.getLocalName())) {
                    if (++count > TableSources.MAX_CELLS_PER_ROW) {
                        throw new UnreadableFileException(say(TableSources.TOO_MANY_CELLS,
                                TableSources.count(number), sheetName,
                                TableSources.count(TableSources.MAX_CELLS_PER_ROW)));
                    }
                    String ref = null;
                    String type = null;
                    String style = null;
                    // equals, not a switch: a switch on a String hashes it, and the parser hands out new ones
                    for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
                        String name = xml.getAttributeLocalName(i);
                        if (ref == null && "r".equals(name)) {
                            ref = xml.getAttributeValue(i);
                        } else if (type == null && "t".equals(name)) {
                            type = xml.getAttributeValue(i);
                        } else if (style == null && "s".equals(name)) {
                            style = xml.getAttributeValue(i);
                        }
                    }
                    int column = ref == null ? lastColumn + 1 : column(ref);
                    if (column >= TableSources.MAX_COLUMNS) {
                        throw new UnreadableFileException(say(TableSources.TOO_MANY_COLUMNS, sheetName,
                                column == Integer.MAX_VALUE ? "?" : TableSources.count(column + 1L),
                                TableSources.count(TableSources.MAX_COLUMNS)));
                    }
                    if (column < 0) {
                        throw new UnreadableFileException(say("feedback.read.xlsx.damaged-cell", ref, sheetName));
                    }
                    lastColumn = column;
                    cellRow = number;
                    cellColumn = column;
                    SheetCell cell = readCell(column, number, type, style);
                    if (cell != null) {
                        cells.add(cell);
                    }
                } else {
                    skipElement(xml);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                break;
            }
        }
        return cells.isEmpty() ? null : new SheetRow(sheetName, number, hidden, List.copyOf(cells));
    }

    private int rowNumber(String r) throws UnreadableFileException {
        String digits = r.trim();
        long number = 0;
        for (int i = 0; i < digits.length() && i < 13; i++) {
            int digit = Character.digit(digits.charAt(i), 10);
            if (digit < 0) {
                number = -1;
                break;
            }
            number = number * 10 + digit;
        }
        if (number < 1) {
            throw new UnreadableFileException(say("feedback.read.xlsx.damaged-row",
                    digits.length() > 12 ? digits.substring(0, 12) + "…" : digits, sheetName));
        }
        if (number > TableSources.MAX_ROWS || digits.length() > 12) {
            throw new UnreadableFileException(say(TableSources.TOO_MANY_ROWS, sheetName,
                    digits.length() > 12 ? digits.substring(0, 12) + "…" : TableSources.count(number),
                    TableSources.count(TableSources.MAX_ROWS)));
        }
        return (int) number;
    }

    /** The cell type and style decide how the text of {@code <v>} is read. */
    private SheetCell readCell(int column, int row, String type, String style)
            throws XMLStreamException, UnreadableFileException {
        boolean hasValue = false;
        String inline = null;
        value.setLength(0);
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if ("v".equals(name)) {
                    value.setLength(0);
                    appendText(xml, value, tooLong);
                    hasValue = true;
                } else if ("is".equals(name)) {
                    inline = readInlineString();
                } else {
                    skipElement(xml);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && "c".equals(xml.getLocalName())) {
                break;
            }
        }
        if (type == null || "n".equals(type)) {
            return hasValue ? number(column, row, style) : null;
        }
        return switch (type) {
            case "s" -> hasValue ? legacy(sharedText(column, row), style) : null;
            case "inlineStr" -> legacy(text(column, row, CellKind.TEXT, inline != null ? inline
                    : hasValue ? value.toString() : null), style);
            case "b" -> !hasValue || isWhitespace(value) ? null
                    : text(column, row, CellKind.BOOLEAN, isTrue(value.toString().trim()) ? "TRUE" : "FALSE");
            case "e" -> text(column, row, CellKind.ERROR, hasValue ? value.toString() : null);
            default -> text(column, row, CellKind.TEXT, hasValue ? value.toString() : null); // "str", "d"
        };
    }

    /** A number as written: digits alone (the usual case) without BigDecimal's parser. */
    private SheetCell number(int column, int row, String style) {
        if (isWhitespace(value)) {
            return null;
        }
        String written = value.toString().trim();
        BigDecimal number = integer(written);
        if (number == null) {
            try {
                number = new BigDecimal(written);
            } catch (NumberFormatException e) {
                return text(column, row, CellKind.TEXT, written);
            }
            if (number.scale() < 0) {
                number = number.setScale(0);
            }
        }
        return new SheetCell(column, row, CellKind.NUMBER, written, number, isDateStyle(style));
    }

    /** A text cell whose style's font is .VnTime or VNI-Times, converted to Unicode. */
    private SheetCell legacy(SheetCell cell, String style) {
        if (legacyStyles == null || cell == null) {
            return cell;
        }
        Integer index = style == null || style.isEmpty() ? Integer.valueOf(0) : parseIndex(style);
        Encoding encoding = index != null && index < legacyStyles.length ? legacyStyles[index] : null;
        if (encoding == null) {
            return cell;
        }
        String unicode = LegacyVietnamese.toUnicode(cell.text(), encoding);
        return unicode.equals(cell.text()) ? cell : cell.converted(unicode, encoding);
    }

    private SheetCell text(int column, int row, CellKind kind, String text) {
        if (TableSources.isBlank(text)) {
            return null;
        }
        return new SheetCell(column, row, kind, VietnameseText.nfc(text), null, false);
    }

    /** The shared strings were put in NFC once, when they were read. */
    private SheetCell sharedText(int column, int row) throws UnreadableFileException {
        if (isWhitespace(value)) {
            return null;
        }
        int i = stringIndex(value);
        if (i < 0 || i >= strings.size()) {
            throw new UnreadableFileException(say("feedback.read.xlsx.missing-string", cellReference(), sheetName));
        }
        String text = strings.get(i);
        return TableSources.isBlank(text) ? null : new SheetCell(column, row, CellKind.TEXT, text, null, false);
    }

    private String cellReference() {
        return TableSources.columnName(cellColumn) + cellRow;
    }

    private String cellTooLong() {
        return say(TableSources.CELL_TOO_LONG, cellReference(), sheetName,
                TableSources.count(TableSources.MAX_CELL_CHARS));
    }

    /** {@code <is>} holds a plain {@code <t>} or rich-text runs; phonetic guides are not text. */
    private String readInlineString() throws XMLStreamException, UnreadableFileException {
        StringBuilder text = new StringBuilder();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "t" -> appendText(xml, text, this::cellTooLong);
                    case "rPh", "phoneticPr", "rPr" -> skipElement(xml);
                    default -> {
                        // <r> holds <rPr> and <t>
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && "is".equals(xml.getLocalName())) {
                break;
            }
        }
        return decodeEscapes(text.toString());
    }

    /** The last style asked about is remembered: a list's column has one style all the way down. */
    private boolean isDateStyle(String style) {
        if (style == null || style.isEmpty()) {
            return dateStyles.length > 0 && dateStyles[0];
        }
        if (style.equals(lastStyle)) {
            return lastStyleIsDate;
        }
        Integer index = parseIndex(style);
        lastStyle = style;
        lastStyleIsDate = index != null && index < dateStyles.length && dateStyles[index];
        return lastStyleIsDate;
    }

    void closeSheet() throws IOException {
        try {
            if (xml != null) {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            xml = null;
            if (sheetStream != null) {
                sheetStream.close();
                sheetStream = null;
            }
        }
    }

    private void closeQuietly() {
        try {
            closeSheet();
        } catch (IOException | UncheckedIOException e) {
            log.debug("closing a damaged sheet failed", e);
        }
    }

    /**
     * A whole number of at most 18 digits, optionally signed, as {@code new BigDecimal(text)} reads it
     * (scale 0), without its parser; null for anything else, which BigDecimal then reads.
     */
    static BigDecimal integer(String text) {
        int length = text.length();
        int start = length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        if (length == start || length - start > 18) {
            return null;
        }
        long value = 0;
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return BigDecimal.valueOf(text.charAt(0) == '-' ? -value : value);
    }

    /** Only white space, as {@link String#isBlank} sees it. */
    private static boolean isWhitespace(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A shared string's index as the file writes it (what {@link String#trim} removes allowed around
     * it), or -1 when it is not one: {@link #parseIndex} without the String.
     */
    private static int stringIndex(CharSequence text) {
        int from = 0;
        int to = text.length();
        while (from < to && text.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && text.charAt(to - 1) <= ' ') {
            to--;
        }
        if (from == to || to - from > 9) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(text.charAt(i), 10);
            if (digit < 0) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static boolean isTrue(String flag) {
        return "1".equals(flag) || "true".equalsIgnoreCase(flag);
    }

    /**
     * 0-based column of a reference such as {@code F12} or {@code $AB$3}; {@link Integer#MAX_VALUE}
     * when the letters name a column beyond any limit.
     */
    static int column(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                column = column * 26 + (c - 'a' + 1);
            } else if (c != '$') {
                break;
            }
            if (column > Integer.MAX_VALUE / 26 - 26) {
                return Integer.MAX_VALUE; // letters enough to overflow: far beyond any limit
            }
        }
        return column - 1;
    }
}
