package vn.giaoban.submission.internal.table;

import static vn.giaoban.submission.internal.table.TableSources.say;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.giaoban.text.LegacyVietnamese;
import vn.giaoban.text.VietnameseText;

/**
 * The parts of an .xlsx around its sheets: the workbook (which sheets, in which order, hidden or
 * not), the relationships that name their parts, the shared strings and the styles; and the StAX
 * helpers the sheets are read with. Every part is pulled with StAX that refuses DTDs, so that nothing
 * in the file is expanded or loaded whole without a limit.
 */
final class XlsxWorkbook {

    static final String NOT_EXCEL = "feedback.read.xlsx.not-excel";
    static final String BINARY_WORKBOOK = "feedback.read.xlsx.binary-workbook";
    static final String MISSING_SHEET = "feedback.read.xlsx.missing-sheet";
    static final String XML_DTD = "feedback.read.xlsx.xml-dtd";
    static final String TOO_MANY_STRINGS = "feedback.read.xlsx.too-many-strings";
    static final String TOO_MANY_STYLES = "feedback.read.xlsx.too-many-styles";
    static final String SHARED_STRING_TOO_LONG = "feedback.read.xlsx.shared-string-too-long";
    static final String TOO_MANY_SHEETS = "feedback.read.xlsx.too-many-sheets";

    /** Each sheet is its own part, so a workbook cannot have more sheets than parts. */
    static final int MAX_SHEETS = XlsxPackage.MAX_PARTS;
    /** Excel's own limit on distinct cell formats (64,000), rounded up. */
    static final int MAX_CELL_STYLES = 65_536;
    /**
     * The shared strings are the one table held whole (a cell names its text by index). They may
     * take an eighth of the heap (32 MB under -Xmx256m), counted as Java holds them: a String's
     * header and two bytes per char. A report's table holds a few hundred strings.
     */
    static final int SHARED_STRINGS_HEAP_FRACTION = 8;
    private static final long STRING_OVERHEAD_BYTES = 48;

    private static final Logger log = LoggerFactory.getLogger(XlsxWorkbook.class);
    static final XMLInputFactory XML = secureFactory();

    /** A worksheet in workbook order, with its visibility, which only workbook.xml holds. */
    record SheetPart(String name, boolean hidden, PackagePart part) {
    }

    private XlsxWorkbook() {
    }

    /** A .docx or .pptx is a zip of the same kind: only a spreadsheet's main part will do. */
    static PackagePart workbookPart(OPCPackage pkg, Path file) throws Exception {
        PackageRelationshipCollection main = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (main.isEmpty()) {
            main = pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT);
        }
        PackagePart part = main.isEmpty() ? null : pkg.getPart(main.getRelationship(0));
        String type = part == null ? "" : part.getContentType().toLowerCase(Locale.ROOT);
        if (type.contains("sheet.binary")) {
            throw new UnreadableFileException(say(BINARY_WORKBOOK));
        }
        if (!type.contains("spreadsheetml") && !type.contains("ms-excel")) {
            log.warn("{} is an Office package but its main part is {}", file, type);
            throw new UnreadableFileException(say(NOT_EXCEL));
        }
        return part;
    }

    /** The worksheets in workbook order, with their visibility, which only workbook.xml holds. */
    static List<SheetPart> sheets(InputStream in, PackagePart workbook) throws Exception {
        List<SheetPart> sheets = new ArrayList<>();
        int declared = 0;
        XMLStreamReader xml = XML.createXMLStreamReader(in);
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                refuseDtd(xml, event, "workbook.xml");
                if (event != XMLStreamConstants.START_ELEMENT || !"sheet".equals(xml.getLocalName())) {
                    continue;
                }
                // counted as declared: a million entries naming one sheet part would read it a million times
                if (++declared > MAX_SHEETS) {
                    throw new UnreadableFileException(say(TOO_MANY_SHEETS, TableSources.count(MAX_SHEETS)));
                }
                String name = xml.getAttributeValue(null, "name");
                String state = xml.getAttributeValue(null, "state");
                PackageRelationship rel = relationshipId(xml).map(workbook::getRelationship).orElse(null);
                if (rel == null || rel.getTargetMode() == TargetMode.EXTERNAL
                        || !rel.getRelationshipType().endsWith("/worksheet")) {
                    continue; // a chart sheet or a dialog sheet holds no cells
                }
                PackagePart part = workbook.getRelatedPart(rel);
                if (part == null) {
                    throw new UnreadableFileException(say(MISSING_SHEET, name));
                }
                sheets.add(new SheetPart(VietnameseText.nfc(name == null ? "" : name),
                        "hidden".equals(state) || "veryHidden".equals(state), part));
            }
        } finally {
            xml.close();
        }
        return sheets;
    }

    /** {@code r:id}, in whichever namespace (transitional or strict) the file uses. */
    private static Optional<String> relationshipId(XMLStreamReader xml) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String namespace = xml.getAttributeNamespace(i);
            if ("id".equals(xml.getAttributeLocalName(i)) && namespace != null && !namespace.isEmpty()) {
                return Optional.of(xml.getAttributeValue(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The shared strings table, held whole within its memory budget, or past {@code offHeapAbove}
     * bytes in a memory-mapped file; rich-text runs joined, phonetic guides left out, {@code _x000D_}
     * escapes decoded as POI does, in NFC once here rather than at every cell that names them.
     */
    static SharedStrings sharedStrings(InputStream in, long offHeapAbove)
            throws XMLStreamException, UnreadableFileException, IOException {
        long budget = Runtime.getRuntime().maxMemory() / SHARED_STRINGS_HEAP_FRACTION;
        SharedStrings.Builder strings = new SharedStrings.Builder(budget, offHeapAbove, STRING_OVERHEAD_BYTES);
        XMLStreamReader xml = XML.createXMLStreamReader(in);
        try (strings) {
            StringBuilder text = null;
            while (xml.hasNext()) {
                int event = xml.next();
                refuseDtd(xml, event, "sharedStrings.xml");
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "si" -> text = new StringBuilder();
                        case "t" -> {
                            if (text != null) {
                                int index = strings.count();
                                appendText(xml, text, () -> say(SHARED_STRING_TOO_LONG,
                                        TableSources.count(index + 1L), TableSources.count(TableSources.MAX_CELL_CHARS)));
                            }
                        }
                        case "rPh", "phoneticPr", "rPr" -> skipElement(xml);
                        default -> {
                            // <r> holds <rPr> and <t>
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "si".equals(xml.getLocalName()) && text != null) {
                    String string = text.isEmpty() ? "" : VietnameseText.nfc(decodeEscapes(text.toString()));
                    if (!strings.add(string)) {
                        throw new UnreadableFileException(say(TOO_MANY_STRINGS,
                                TableSources.count(budget / (1024 * 1024))));
                    }
                    text = null;
                }
            }
            return strings.build();
        } finally {
            xml.close();
        }
    }

    /**
     * Per cellXfs index: does the cell's number format show a date (an Excel serial number), and which
     * old Vietnamese font encoding does its font draw ({@code legacy} null when no font is one)?
     */
    record CellStyles(boolean[] dates, LegacyVietnamese.Encoding[] legacy) {
        static final CellStyles NONE = new CellStyles(new boolean[0], null);
    }

    /** The styles part's number formats and fonts, per cellXfs index. */
    static CellStyles cellStyles(InputStream in) throws XMLStreamException, UnreadableFileException {
        Map<Integer, String> formats = new HashMap<>();
        List<Integer> cellFormats = new ArrayList<>();
        List<String> fonts = new ArrayList<>();
        List<Integer> cellFonts = new ArrayList<>();
        XMLStreamReader xml = XML.createXMLStreamReader(in);
        try {
            boolean inCellXfs = false;
            boolean inFonts = false;
            boolean inFont = false;
            while (xml.hasNext()) {
                int event = xml.next();
                refuseDtd(xml, event, "styles.xml");
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "numFmt" -> {
                            if (formats.size() >= MAX_CELL_STYLES) {
                                throw new UnreadableFileException(say(TOO_MANY_STYLES,
                                        TableSources.count(MAX_CELL_STYLES)));
                            }
                            Integer id = parseIndex(xml.getAttributeValue(null, "numFmtId"));
                            if (id != null) {
                                formats.put(id, xml.getAttributeValue(null, "formatCode"));
                            }
                        }
                        case "cellXfs" -> inCellXfs = true;
                        case "xf" -> {
                            if (inCellXfs) {
                                if (cellFormats.size() >= MAX_CELL_STYLES) {
                                    throw new UnreadableFileException(say(TOO_MANY_STYLES,
                                            TableSources.count(MAX_CELL_STYLES)));
                                }
                                Integer id = parseIndex(xml.getAttributeValue(null, "numFmtId"));
                                cellFormats.add(id == null ? 0 : id);
                                Integer font = parseIndex(xml.getAttributeValue(null, "fontId"));
                                cellFonts.add(font == null ? 0 : font);
                            }
                        }
                        case "fonts" -> inFonts = true;
                        case "font" -> {
                            if (inFonts) {
                                if (fonts.size() >= MAX_CELL_STYLES) {
                                    throw new UnreadableFileException(say(TOO_MANY_STYLES,
                                            TableSources.count(MAX_CELL_STYLES)));
                                }
                                fonts.add(null);
                                inFont = true;
                            }
                        }
                        case "name" -> {
                            if (inFont) {
                                fonts.set(fonts.size() - 1, xml.getAttributeValue(null, "val"));
                            }
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "cellXfs" -> inCellXfs = false;
                        case "fonts" -> inFonts = false;
                        case "font" -> inFont = false;
                        default -> {
                        }
                    }
                }
            }
        } finally {
            xml.close();
        }
        boolean[] dates = new boolean[cellFormats.size()];
        for (int i = 0; i < dates.length; i++) {
            int id = cellFormats.get(i);
            String format = formats.containsKey(id) ? formats.get(id) : BuiltinFormats.getBuiltinFormat(id);
            dates[i] = DateUtil.isADateFormat(id, format);
        }
        return new CellStyles(dates, legacyFonts(fonts, cellFonts));
    }

    /** Per cellXfs index, the legacy encoding its font draws; null when no cell style has such a font. */
    private static LegacyVietnamese.Encoding[] legacyFonts(List<String> fonts, List<Integer> cellFonts) {
        LegacyVietnamese.Encoding[] legacy = null;
        for (int i = 0; i < cellFonts.size(); i++) {
            int font = cellFonts.get(i);
            LegacyVietnamese.Encoding encoding = font < fonts.size()
                    ? LegacyVietnamese.fromFontName(fonts.get(font)).orElse(null) : null;
            if (encoding != null) {
                if (legacy == null) {
                    legacy = new LegacyVietnamese.Encoding[cellFonts.size()];
                }
                legacy[i] = encoding;
            }
        }
        return legacy;
    }

    /**
     * Excel never writes a DTD. With DTD support off the parser would stop at the first entity
     * reference anyway; refusing the declaration itself names what is wrong.
     */
    static void refuseDtd(XMLStreamReader xml, int event, String part) throws UnreadableFileException {
        if (isDtd(event)) {
            throw new UnreadableFileException(say(XML_DTD, part));
        }
    }

    static boolean isDtd(int event) {
        return event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE
                || event == XMLStreamConstants.ENTITY_DECLARATION;
    }

    /**
     * DTDs and external entities off (no XXE, no billion laughs); text not coalesced, so that a
     * cell's text arrives in chunks and is refused past its limit instead of held whole.
     */
    private static XMLInputFactory secureFactory() {
        // Aalto, named rather than found on the class path: the JDK's parser or Woodstox take twice as long per sheet
        XMLInputFactory factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    /**
     * Appends the text of the current element up to its end tag, at most {@link
     * TableSources#MAX_CELL_CHARS} characters; child elements are not text.
     */
    static void appendText(XMLStreamReader xml, StringBuilder text, Supplier<String> tooLong)
            throws XMLStreamException, UnreadableFileException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 1) {
                        if (text.length() + xml.getTextLength() > TableSources.MAX_CELL_CHARS) {
                            throw new UnreadableFileException(tooLong.get());
                        }
                        text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD ->
                        throw new UnreadableFileException(say(XML_DTD, say("feedback.read.xlsx.in-a-cell")));
                default -> {
                }
            }
        }
    }

    static void skipElement(XMLStreamReader xml) throws XMLStreamException {
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

    /** A non-negative index as the file writes it, or null when it is not one. */
    static Integer parseIndex(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.trim();
        if (digits.isEmpty() || digits.length() > 9) {
            return null;
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = Character.digit(digits.charAt(i), 10);
            if (digit < 0) {
                return null;
            }
            value = value * 10 + digit;
        }
        return value;
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
