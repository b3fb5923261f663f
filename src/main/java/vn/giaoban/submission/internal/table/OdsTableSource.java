package vn.giaoban.submission.internal.table;

import static vn.giaoban.submission.internal.table.TableSources.say;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.giaoban.text.LegacyVietnamese;
import vn.giaoban.text.LegacyVietnamese.Encoding;
import vn.giaoban.text.VietnameseText;

/**
 * Reads LibreOffice's OpenDocument spreadsheets (.ods) by pulling {@code content.xml} with StAX, one
 * row at a time, as the .xlsx reader pulls a sheet. What ODF does differently is handled here:
 * rows and cells are written once with a repeat count ({@code table:number-rows-repeated}: LibreOffice
 * ends every sheet with one empty row repeated to the millionth), merged ranges leave covered cells
 * that hold a column's place, and a cell's value is in attributes by its value type while its text is
 * paragraphs of spans and counted spaces. Empty repeats only move the row or column counter; repeats
 * with content are expanded within {@link #MAX_REPEATED_CELLS}, so that a few bytes cannot ask for
 * billions of cells.
 */
final class OdsTableSource implements TableSource, LegacyFonts {

    static final String TOO_MANY_REPEATED = "feedback.read.ods.too-many-repeated";
    static final String DAMAGED_SHEET = "feedback.read.ods.damaged-sheet";

    /**
     * Cells made by repeating a cell or row that has content, per file: a report repeats a few
     * (a column of zeros), a tampered file a billion from one element.
     */
    static final long MAX_REPEATED_CELLS = 1_000_000;
    /** Day 0 of Excel's serial dates, which the readers take date cells as. */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final String CALCEXT = "calcext";

    private static final Logger log = LoggerFactory.getLogger(OdsTableSource.class);

    private final Path file;
    private final ZipFile zip;
    private final OdsPackage.Styles styles;
    private Rows rows;

    private OdsTableSource(Path file, ZipFile zip, OdsPackage.Styles styles) {
        this.file = file;
        this.zip = zip;
        this.styles = styles;
    }

    /** The zip was vetted by {@link XlsxPackage#checkPackage} before. */
    static OdsTableSource open(Path file) throws UnreadableFileException {
        ZipFile zip;
        try {
            zip = OdsPackage.open(file);
        } catch (IOException e) {
            throw new UnreadableFileException(say(OdsPackage.DAMAGED), e);
        }
        try {
            OdsPackage.check(zip);
            return new OdsTableSource(file, zip, OdsPackage.styles(zip));
        } catch (UnreadableFileException e) {
            closeQuietly(zip);
            throw e;
        } catch (IOException | XMLStreamException | RuntimeException e) {
            closeQuietly(zip);
            log.warn("cannot open {} as .ods: {}", file, e.toString());
            throw new UnreadableFileException(say(OdsPackage.DAMAGED), e);
        }
    }

    /** Some cell style draws its text with an old Vietnamese font. */
    @Override
    public boolean hasLegacyFonts() {
        return styles.hasLegacyFonts();
    }

    @Override
    public Iterator<SheetRow> rows() {
        if (rows != null) {
            throw new IllegalStateException("rows() can be called once");
        }
        rows = new Rows();
        return rows;
    }

    @Override
    public void close() throws IOException {
        try {
            if (rows != null) {
                rows.closeXml();
            }
        } finally {
            zip.close();
        }
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            log.debug("closing {} failed", zip.getName(), e);
        }
    }

    private final class Rows extends LookaheadRows {

        private InputStream in;
        private XMLStreamReader xml;
        private final List<SheetCell> cells = new ArrayList<>();
        private final StringBuilder text = new StringBuilder(64);
        private String sheetName;
        private boolean sheetHidden;
        /** The 1-based number of the next row in this sheet; a long, since repeats may run past any limit. */
        private long nextRow;
        private long repeatedCells;
        /** A row with content repeated: its cells, and how many more times it is given out. */
        private List<SheetCell> repeating;
        private boolean repeatingHidden;
        private long repeatsLeft;
        /** The columns' default cell styles of this sheet, as ranges: only kept when a style has a legacy font. */
        private final List<long[]> columnStyleRanges = new ArrayList<>();
        private final List<String> columnStyles = new ArrayList<>();
        private long nextColumn;

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
                throw TableSources.unreadable(sheetName == null ? say(OdsPackage.DAMAGED)
                        : say(DAMAGED_SHEET, sheetName), e);
            }
        }

        private SheetRow advance() throws XMLStreamException, IOException, UnreadableFileException {
            if (xml == null && in == null) {
                in = zip.getInputStream(zip.getEntry("content.xml"));
                xml = XlsxWorkbook.XML.createXMLStreamReader(in);
            }
            if (repeatsLeft > 0) {
                return repeatRow();
            }
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "table" -> startTable();
                        case "table-column" -> column();
                        case "table-row" -> {
                            SheetRow row = readRow();
                            if (row != null) {
                                return row;
                            }
                        }
                        case "shapes", "named-expressions", "database-ranges", "forms", "annotation" -> XlsxWorkbook.skipElement(xml);
                        default -> {
                            // table:table-row-group, table:table-header-rows, table:table-rows hold rows
                        }
                    }
                } else if (XlsxWorkbook.isDtd(event)) {
                    throw new UnreadableFileException(say(OdsPackage.XML_DTD, "content.xml"));
                }
            }
            return null;
        }

        private void startTable() {
            String name = OdsPackage.attribute(xml, "name");
            String style = OdsPackage.attribute(xml, "style-name");
            sheetName = VietnameseText.nfc(name == null ? "" : name);
            sheetHidden = style != null && styles.hiddenTables().contains(style);
            nextRow = 1;
            columnStyleRanges.clear();
            columnStyles.clear();
            nextColumn = 0;
        }

        private void column() throws UnreadableFileException {
            long repeat = repeat(OdsPackage.attribute(xml, "number-columns-repeated"));
            String style = OdsPackage.attribute(xml, "default-cell-style-name");
            if (styles.hasLegacyFonts() && style != null && styles.legacyCellStyles().containsKey(style)
                    && columnStyles.size() < TableSources.MAX_COLUMNS) {
                columnStyleRanges.add(new long[] {nextColumn, nextColumn + repeat});
                columnStyles.add(style);
            }
            nextColumn += repeat;
        }

        private SheetRow readRow() throws XMLStreamException, UnreadableFileException {
            long repeat = repeat(OdsPackage.attribute(xml, "number-rows-repeated"));
            String visibility = OdsPackage.attribute(xml, "visibility");
            boolean hidden = sheetHidden || "collapse".equals(visibility) || "filter".equals(visibility);
            long number = nextRow;
            nextRow += repeat;
            cells.clear();
            long column = 0;
            int elements = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if ("table-cell".equals(name) || "covered-table-cell".equals(name)) {
                        if (++elements > TableSources.MAX_CELLS_PER_ROW) {
                            throw new UnreadableFileException(say(TableSources.TOO_MANY_CELLS,
                                    TableSources.count(Math.min(number, TableSources.MAX_ROWS)), sheetName,
                                    TableSources.count(TableSources.MAX_CELLS_PER_ROW)));
                        }
                        long columns = repeat(OdsPackage.attribute(xml, "number-columns-repeated"));
                        if ("covered-table-cell".equals(name)) {
                            XlsxWorkbook.skipElement(xml);
                        } else {
                            readCell(column, columns, number);
                        }
                        column += columns;
                    } else {
                        XlsxWorkbook.skipElement(xml);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "table-row".equals(xml.getLocalName())) {
                    break;
                } else if (XlsxWorkbook.isDtd(event)) {
                    throw new UnreadableFileException(say(OdsPackage.XML_DTD, "content.xml"));
                }
            }
            if (cells.isEmpty()) {
                return null; // an empty row, however often repeated, costs nothing
            }
            checkRowNumber(number);
            List<SheetCell> row = List.copyOf(cells);
            if (repeat > 1) {
                countRepeated((repeat - 1) * row.size());
                repeating = row;
                repeatingHidden = hidden;
                repeatsLeft = repeat - 1;
            }
            return new SheetRow(sheetName, (int) number, hidden, row);
        }

        /** The next copy of a repeated row with content. */
        private SheetRow repeatRow() throws UnreadableFileException {
            long number = nextRow - repeatsLeft;
            repeatsLeft--;
            checkRowNumber(number);
            List<SheetCell> copy = new ArrayList<>(repeating.size());
            for (SheetCell cell : repeating) {
                copy.add(new SheetCell(cell.column(), (int) number, cell.kind(), cell.text(), cell.number(), cell.date(),
                        cell.convertedFrom()));
            }
            return new SheetRow(sheetName, (int) number, repeatingHidden, List.copyOf(copy));
        }

        private void checkRowNumber(long number) throws UnreadableFileException {
            if (number > TableSources.MAX_ROWS) {
                repeatsLeft = 0;
                throw new UnreadableFileException(say(TableSources.TOO_MANY_ROWS, sheetName,
                        TableSources.count(number), TableSources.count(TableSources.MAX_ROWS)));
            }
        }

        private void countRepeated(long count) throws UnreadableFileException {
            repeatedCells += count;
            if (repeatedCells > MAX_REPEATED_CELLS) {
                throw new UnreadableFileException(say(TOO_MANY_REPEATED, sheetName,
                        TableSources.count(MAX_REPEATED_CELLS)));
            }
        }

        /** One {@code table:table-cell}, repeated {@code columns} times from {@code column}. */
        private void readCell(long column, long columns, long row) throws XMLStreamException, UnreadableFileException {
            String valueType = null;
            String calcType = null;
            String value = null;
            String dateValue = null;
            String timeValue = null;
            String booleanValue = null;
            String stringValue = null;
            String style = null;
            for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
                String name = xml.getAttributeLocalName(i);
                switch (name) {
                    case "value-type" -> {
                        String namespace = xml.getAttributeNamespace(i);
                        if (namespace != null && namespace.contains(CALCEXT)) {
                            calcType = xml.getAttributeValue(i);
                        } else if (valueType == null) {
                            valueType = xml.getAttributeValue(i);
                        }
                    }
                    case "value" -> value = xml.getAttributeValue(i);
                    case "date-value" -> dateValue = xml.getAttributeValue(i);
                    case "time-value" -> timeValue = xml.getAttributeValue(i);
                    case "boolean-value" -> booleanValue = xml.getAttributeValue(i);
                    case "string-value" -> stringValue = xml.getAttributeValue(i);
                    case "style-name" -> style = xml.getAttributeValue(i);
                    default -> {
                    }
                }
            }
            boolean textual = valueType == null || "string".equals(valueType) || "error".equals(calcType);
            String cellText = textual ? cellText(column, row) : skipContent();
            if (cellText == null && stringValue != null && textual) {
                cellText = stringValue;
            }
            SheetCell cell = cell((int) Math.min(column, Integer.MAX_VALUE), (int) Math.min(row, Integer.MAX_VALUE),
                    valueType, calcType, value, dateValue, timeValue, booleanValue, cellText, style);
            if (cell == null) {
                return;
            }
            if (column + columns > TableSources.MAX_COLUMNS) {
                throw new UnreadableFileException(say(TableSources.TOO_MANY_COLUMNS, sheetName,
                        TableSources.count(column + columns), TableSources.count(TableSources.MAX_COLUMNS)));
            }
            cells.add(cell);
            if (columns > 1) {
                countRepeated(columns - 1);
                for (long c = column + 1; c < column + columns; c++) {
                    cells.add(new SheetCell((int) c, cell.row(), cell.kind(), cell.text(), cell.number(), cell.date(),
                            cell.convertedFrom()));
                }
            }
        }

        private SheetCell cell(int column, int row, String valueType, String calcType, String value, String dateValue,
                String timeValue, String booleanValue, String cellText, String style) throws UnreadableFileException {
            if ("error".equals(calcType)) {
                return TableSources.isBlank(cellText) ? null
                        : new SheetCell(column, row, CellKind.ERROR, VietnameseText.nfc(cellText.strip()), null, false);
            }
            if (valueType == null || "string".equals(valueType)) {
                if (TableSources.isBlank(cellText)) {
                    return null;
                }
                String nfc = VietnameseText.nfc(cellText);
                Encoding encoding = legacyEncoding(style, column);
                if (encoding != null) {
                    String unicode = LegacyVietnamese.toUnicode(nfc, encoding);
                    if (!unicode.equals(nfc)) {
                        return new SheetCell(column, row, CellKind.TEXT, unicode, null, false, encoding);
                    }
                }
                return new SheetCell(column, row, CellKind.TEXT, nfc, null, false);
            }
            switch (valueType) {
                case "float", "percentage", "currency" -> {
                    return number(column, row, value, false);
                }
                case "date" -> {
                    return date(column, row, dateValue);
                }
                case "time" -> {
                    return time(column, row, timeValue);
                }
                case "boolean" -> {
                    return booleanValue == null ? null : new SheetCell(column, row, CellKind.BOOLEAN,
                            "true".equalsIgnoreCase(booleanValue.strip()) ? "TRUE" : "FALSE", null, false);
                }
                default -> {
                    return TableSources.isBlank(cellText) ? null
                            : new SheetCell(column, row, CellKind.TEXT, VietnameseText.nfc(cellText), null, false);
                }
            }
        }

        private SheetCell number(int column, int row, String value, boolean date) throws UnreadableFileException {
            if (value == null || value.isBlank()) {
                return null;
            }
            String written = value.strip();
            BigDecimal number = XlsxSheetRows.integer(written);
            if (number == null) {
                try {
                    number = new BigDecimal(written);
                } catch (NumberFormatException e) {
                    throw new UnreadableFileException(say(DAMAGED_SHEET, sheetName), e);
                }
                if (number.scale() < 0) {
                    number = number.setScale(0);
                }
            }
            return new SheetCell(column, row, CellKind.NUMBER, written, number, date);
        }

        /** A date as Excel's serial number, as the .xlsx and .xls readers give a date cell. */
        private SheetCell date(int column, int row, String dateValue) throws UnreadableFileException {
            if (dateValue == null || dateValue.isBlank()) {
                return null;
            }
            try {
                String written = dateValue.strip();
                int t = written.indexOf('T');
                LocalDate day = LocalDate.parse(t < 0 ? written : written.substring(0, t));
                BigDecimal serial = BigDecimal.valueOf(ChronoUnit.DAYS.between(EXCEL_EPOCH, day));
                if (t >= 0) {
                    LocalTime time = LocalTime.parse(written.substring(t + 1));
                    if (time.toSecondOfDay() > 0) {
                        serial = serial.add(BigDecimal.valueOf(time.toSecondOfDay())
                                .divide(BigDecimal.valueOf(86_400), 10, RoundingMode.HALF_UP).stripTrailingZeros());
                    }
                }
                return new SheetCell(column, row, CellKind.NUMBER, serial.toPlainString(), serial, true);
            } catch (DateTimeParseException e) {
                throw new UnreadableFileException(say(DAMAGED_SHEET, sheetName), e);
            }
        }

        /** A time of day ({@code PT08H30M00S}) as the fraction of a day Excel stores. */
        private SheetCell time(int column, int row, String timeValue) throws UnreadableFileException {
            if (timeValue == null || timeValue.isBlank()) {
                return null;
            }
            try {
                Duration duration = Duration.parse(timeValue.strip());
                BigDecimal days = BigDecimal.valueOf(duration.toMillis())
                        .divide(BigDecimal.valueOf(86_400_000L), 10, RoundingMode.HALF_UP).stripTrailingZeros();
                if (days.scale() < 0) {
                    days = days.setScale(0);
                }
                return new SheetCell(column, row, CellKind.NUMBER, days.toPlainString(), days, true);
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new UnreadableFileException(say(DAMAGED_SHEET, sheetName), e);
            }
        }

        /** The cell's style, else its column's default style, names an old Vietnamese font. */
        private Encoding legacyEncoding(String style, int column) {
            if (!styles.hasLegacyFonts()) {
                return null;
            }
            if (style != null) {
                return styles.legacyCellStyles().get(style);
            }
            for (int i = 0; i < columnStyleRanges.size(); i++) {
                long[] range = columnStyleRanges.get(i);
                if (column >= range[0] && column < range[1]) {
                    return styles.legacyCellStyles().get(columnStyles.get(i));
                }
            }
            return styles.legacyCellStyles().get("Default");
        }

        /**
         * The cell's paragraphs joined by line ends: {@code text:span} and {@code text:a} hold text,
         * {@code text:s} is {@code text:c} spaces, {@code text:tab} and {@code text:line-break} what they
         * say; a comment ({@code office:annotation}) or a drawing is not the cell's text. Null when the
         * cell has no paragraph.
         */
        private String cellText(long column, long row) throws XMLStreamException, UnreadableFileException {
            text.setLength(0);
            int paragraphs = 0;
            int depth = 1;
            while (depth > 0 && xml.hasNext()) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = xml.getLocalName();
                        switch (name) {
                            case "p", "h" -> {
                                if (paragraphs++ > 0) {
                                    text.append('\n');
                                }
                                depth++;
                            }
                            case "s" -> {
                                long spaces = Math.min(repeat(OdsPackage.attribute(xml, "c")), TableSources.MAX_CELL_CHARS + 1L);
                                checkLength(spaces, column, row);
                                for (long i = 0; i < spaces; i++) {
                                    text.append(' ');
                                }
                                XlsxWorkbook.skipElement(xml);
                            }
                            case "tab" -> {
                                text.append('\t');
                                XlsxWorkbook.skipElement(xml);
                            }
                            case "line-break" -> {
                                text.append('\n');
                                XlsxWorkbook.skipElement(xml);
                            }
                            case "annotation", "frame", "custom-shape", "table", "note", "ruby-text" ->
                                    XlsxWorkbook.skipElement(xml);
                            default -> depth++; // a span, a link, a field: their text is the cell's
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (depth > 1) {
                            checkLength(xml.getTextLength(), column, row);
                            text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        }
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD ->
                            throw new UnreadableFileException(say(OdsPackage.XML_DTD, "content.xml"));
                    default -> {
                    }
                }
            }
            return paragraphs == 0 ? null : text.toString();
        }

        private void checkLength(long adding, long column, long row) throws UnreadableFileException {
            if (text.length() + adding > TableSources.MAX_CELL_CHARS) {
                throw new UnreadableFileException(say(TableSources.CELL_TOO_LONG,
                        TableSources.columnName((int) Math.min(column, TableSources.MAX_COLUMNS)) + row, sheetName,
                        TableSources.count(TableSources.MAX_CELL_CHARS)));
            }
        }

        /** A number's or a date's cell: its paragraphs are only the value as shown. */
        private String skipContent() throws XMLStreamException {
            XlsxWorkbook.skipElement(xml);
            return null;
        }

        /** A repeat count as written, at least 1; absurd counts are kept (as longs) for the limits to judge. */
        private long repeat(String written) throws UnreadableFileException {
            if (written == null) {
                return 1;
            }
            String digits = written.strip();
            if (digits.isEmpty() || digits.length() > 12) {
                throw new UnreadableFileException(say(DAMAGED_SHEET, sheetName));
            }
            long value = 0;
            for (int i = 0; i < digits.length(); i++) {
                int digit = Character.digit(digits.charAt(i), 10);
                if (digit < 0) {
                    throw new UnreadableFileException(say(DAMAGED_SHEET, sheetName));
                }
                value = value * 10 + digit;
            }
            return Math.max(value, 1);
        }

        void closeXml() throws IOException {
            try {
                if (xml != null) {
                    xml.close();
                }
            } catch (XMLStreamException e) {
                throw new IOException(e);
            } finally {
                xml = null;
                if (in != null) {
                    in.close();
                }
            }
        }

        private void closeQuietly() {
            try {
                closeXml();
            } catch (IOException | UncheckedIOException e) {
                log.debug("closing a damaged .ods failed", e);
            }
        }
    }
}
