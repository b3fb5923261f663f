package vn.giaoban.submission.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.giaoban.text.VietnameseText;

/**
 * Reads .xlsx by pulling each sheet's XML with StAX: POI's usermodel holds the whole workbook in
 * memory and its SAX sheet handler formats every cell, about four times slower (STACK.md). POI
 * still opens the package, the shared strings and the styles, and keeps its zip-bomb limits.
 */
final class XlsxTableSource implements TableSource {

    static final String NOT_EXCEL = "Tệp không đọc được: không phải tệp Excel hợp lệ.";
    static final String BINARY_WORKBOOK =
            "Tệp không đọc được: tệp Excel dạng nhị phân (.xlsb) chưa được hỗ trợ, hãy lưu lại dạng .xlsx.";
    static final String DAMAGED = "Tệp không đọc được: tệp Excel bị hỏng";

    private static final Logger log = LoggerFactory.getLogger(XlsxTableSource.class);
    private static final XMLInputFactory XML = secureFactory();

    private final Path file;
    private final OPCPackage pkg;
    private final SharedStrings strings;
    private final boolean[] dateStyles;
    private final Map<String, Boolean> hiddenSheets;
    private final XSSFReader.SheetIterator sheets;
    private Rows rows;

    private XlsxTableSource(Path file, OPCPackage pkg, SharedStrings strings, boolean[] dateStyles,
            Map<String, Boolean> hiddenSheets, XSSFReader.SheetIterator sheets) {
        this.file = file;
        this.pkg = pkg;
        this.strings = strings;
        this.dateStyles = dateStyles;
        this.hiddenSheets = hiddenSheets;
        this.sheets = sheets;
    }

    static XlsxTableSource open(Path file) throws UnreadableFileException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            log.warn("{} is a zip but not an Office package: {}", file, e.toString());
            throw new UnreadableFileException(NOT_EXCEL, e);
        }
        try {
            checkIsWorkbook(pkg, file);
            XSSFReader reader = new XSSFReader(pkg);
            SharedStrings strings = new ReadOnlySharedStringsTable(pkg, false);
            boolean[] dateStyles = dateStyles(reader.getStylesTable());
            Map<String, Boolean> hidden;
            try (InputStream workbook = reader.getWorkbookData()) {
                hidden = hiddenSheets(workbook);
            }
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            return new XlsxTableSource(file, pkg, strings, dateStyles, hidden, sheets);
        } catch (UnreadableFileException e) {
            pkg.revert();
            throw e;
        } catch (EncryptedDocumentException e) {
            pkg.revert();
            throw new UnreadableFileException(XlsTableSource.ENCRYPTED, e);
        } catch (Exception e) {
            pkg.revert();
            log.warn("cannot open workbook {}: {}", file, e.toString());
            throw new UnreadableFileException(NOT_EXCEL, e);
        }
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
                rows.closeSheet();
            }
        } finally {
            pkg.revert();
        }
    }

    /** A .docx or .pptx is a zip of the same kind: only a spreadsheet's main part will do. */
    private static void checkIsWorkbook(OPCPackage pkg, Path file) throws UnreadableFileException {
        PackageRelationshipCollection main = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (main.isEmpty()) {
            main = pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT);
        }
        PackagePart part = main.isEmpty() ? null : pkg.getPart(main.getRelationship(0));
        String type = part == null ? "" : part.getContentType().toLowerCase(Locale.ROOT);
        if (type.contains("sheet.binary")) {
            throw new UnreadableFileException(BINARY_WORKBOOK);
        }
        if (!type.contains("spreadsheetml") && !type.contains("ms-excel")) {
            log.warn("{} is an Office package but its main part is {}", file, type);
            throw new UnreadableFileException(NOT_EXCEL);
        }
    }

    /** Per cellXfs index: does the cell's number format show a date (an Excel serial number)? */
    private static boolean[] dateStyles(StylesTable styles) {
        if (styles == null) {
            return new boolean[0];
        }
        boolean[] dates = new boolean[styles.getNumCellStyles()];
        for (int i = 0; i < dates.length; i++) {
            XSSFCellStyle style = styles.getStyleAt(i);
            dates[i] = style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
        }
        return dates;
    }

    /** XSSFReader lists every sheet but not its visibility, which only workbook.xml holds. */
    private static Map<String, Boolean> hiddenSheets(InputStream workbook) throws XMLStreamException {
        Map<String, Boolean> hidden = new HashMap<>();
        XMLStreamReader xml = XML.createXMLStreamReader(workbook);
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "sheet".equals(xml.getLocalName())) {
                    String state = xml.getAttributeValue(null, "state");
                    hidden.put(xml.getAttributeValue(null, "name"),
                            "hidden".equals(state) || "veryHidden".equals(state));
                }
            }
        } finally {
            xml.close();
        }
        return hidden;
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Pulls rows from one sheet at a time; the next sheet is opened only when this one ends. */
    private final class Rows implements Iterator<SheetRow> {

        private SheetRow next;
        private boolean finished;
        private InputStream sheetStream;
        private XMLStreamReader xml;
        private String sheetName;
        private boolean sheetHidden;
        private int lastRow;

        @Override
        public boolean hasNext() {
            if (next == null && !finished) {
                try {
                    next = advance();
                } catch (XMLStreamException | IOException | RuntimeException e) {
                    closeQuietly();
                    finished = true;
                    log.warn("sheet '{}' of {} is damaged: {}", sheetName, file, e.toString());
                    throw new UncheckedIOException(new IOException(
                            DAMAGED + " (trang tính \"" + sheetName + "\").", e));
                }
                finished = next == null;
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

        private SheetRow advance() throws XMLStreamException, IOException {
            while (true) {
                if (xml == null) {
                    if (!sheets.hasNext()) {
                        return null;
                    }
                    sheetStream = sheets.next();
                    sheetName = VietnameseText.nfc(sheets.getSheetName());
                    sheetHidden = hiddenSheets.getOrDefault(sheets.getSheetName(), false);
                    lastRow = 0;
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
        private SheetRow nextRow() throws XMLStreamException {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                    SheetRow row = readRow();
                    if (row != null) {
                        return row;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "sheetData".equals(xml.getLocalName())) {
                    return null;
                }
            }
            return null;
        }

        private SheetRow readRow() throws XMLStreamException {
            String r = xml.getAttributeValue(null, "r");
            int number = r == null ? lastRow + 1 : Integer.parseInt(r.trim());
            lastRow = number;
            boolean hidden = sheetHidden || isTrue(xml.getAttributeValue(null, "hidden"));
            List<SheetCell> cells = new ArrayList<>();
            int lastColumn = -1;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if ("c".equals(xml.getLocalName())) {
                        String ref = xml.getAttributeValue(null, "r");
                        int column = ref == null ? lastColumn + 1 : column(ref);
                        lastColumn = column;
                        SheetCell cell = readCell(column, ref == null ? TableSources.columnName(column) + number : ref);
                        if (cell != null) {
                            cells.add(cell);
                        }
                    } else {
                        skipElement();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                    break;
                }
            }
            return cells.isEmpty() ? null : new SheetRow(sheetName, number, hidden, List.copyOf(cells));
        }

        /** The cell type and style decide how the text of {@code <v>} is read. */
        private SheetCell readCell(int column, String reference) throws XMLStreamException {
            String type = xml.getAttributeValue(null, "t");
            String style = xml.getAttributeValue(null, "s");
            String value = null;
            String inline = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "v" -> value = xml.getElementText();
                        case "is" -> inline = readInlineString();
                        default -> skipElement();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "c".equals(xml.getLocalName())) {
                    break;
                }
            }
            if (type == null || "n".equals(type)) {
                return number(column, reference, value, style);
            }
            return switch (type) {
                case "s" -> text(column, reference, CellKind.TEXT, sharedString(value));
                case "inlineStr" -> text(column, reference, CellKind.TEXT, inline != null ? inline : value);
                case "b" -> value == null || value.isBlank() ? null
                        : text(column, reference, CellKind.BOOLEAN, isTrue(value.trim()) ? "TRUE" : "FALSE");
                case "e" -> text(column, reference, CellKind.ERROR, value);
                default -> text(column, reference, CellKind.TEXT, value); // "str", and "d" (ISO dates)
            };
        }

        private SheetCell number(int column, String reference, String value, String style) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String written = value.trim();
            BigDecimal number;
            try {
                number = new BigDecimal(written);
            } catch (NumberFormatException e) {
                return text(column, reference, CellKind.TEXT, written);
            }
            if (number.scale() < 0) {
                number = number.setScale(0);
            }
            return new SheetCell(column, reference, CellKind.NUMBER, written, number, isDateStyle(style));
        }

        private SheetCell text(int column, String reference, CellKind kind, String text) {
            if (TableSources.isBlank(text)) {
                return null;
            }
            return new SheetCell(column, reference, kind, VietnameseText.nfc(text), null, false);
        }

        private String sharedString(String index) {
            if (index == null || index.isBlank()) {
                return null;
            }
            return strings.getItemAt(Integer.parseInt(index.trim())).getString();
        }

        /** {@code <is>} holds a plain {@code <t>} or rich-text runs; phonetic guides are not text. */
        private String readInlineString() throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "t" -> text.append(xml.getElementText());
                        case "rPh", "phoneticPr", "rPr" -> skipElement();
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

        private void skipElement() throws XMLStreamException {
            int depth = 1;
            while (depth > 0 && xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }

        private boolean isDateStyle(String style) {
            if (style == null || style.isEmpty()) {
                return dateStyles.length > 0 && dateStyles[0];
            }
            int index = Integer.parseInt(style.trim());
            return index >= 0 && index < dateStyles.length && dateStyles[index];
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
            } catch (IOException e) {
                log.debug("closing a damaged sheet failed", e);
            }
        }
    }

    private static boolean isTrue(String flag) {
        return "1".equals(flag) || "true".equalsIgnoreCase(flag);
    }

    /** 0-based column of a reference such as {@code F12} or {@code $AB$3}. */
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
        }
        return column - 1;
    }

    /** OOXML writes control characters as {@code _x000D_}; POI decodes shared strings, not inline ones. */
    static String decodeEscapes(String text) {
        if (text.indexOf("_x") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (i + 7 <= text.length() && text.charAt(i) == '_' && text.charAt(i + 1) == 'x'
                    && text.charAt(i + 6) == '_' && isHex(text, i + 2, i + 6)) {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 7;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
