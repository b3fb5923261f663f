package vn.giaoban.submission.internal.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.giaoban.text.VietnameseText;

/**
 * Reads .xlsx by pulling each sheet's XML with StAX: POI's usermodel holds the whole workbook in
 * memory and its SAX sheet handler formats every cell, about four times slower (STACK.md). POI
 * opens the package (with its zip-bomb limits on); the workbook, shared strings, styles and sheets
 * are read here, with StAX that refuses DTDs, so that nothing in the file is expanded or loaded
 * whole without a limit.
 */
final class XlsxTableSource implements TableSource {

    static final String NOT_EXCEL = "Tệp không đọc được: không phải tệp Excel hợp lệ.";
    static final String BINARY_WORKBOOK =
            "Tệp không đọc được: tệp Excel dạng nhị phân (.xlsb) chưa được hỗ trợ, hãy lưu lại dạng .xlsx.";
    static final String DAMAGED = "Tệp không đọc được: tệp Excel bị hỏng";
    static final String DAMAGED_ZIP = "Tệp không đọc được: tệp Excel bị hỏng hoặc bị cắt cụt (không giải nén được)."
            + " Đề nghị lưu lại bằng Excel rồi gửi lại.";
    static final String ZIP_BOMB = "Tệp không đọc được: tệp nén bất thường (\"%s\" giải nén ra lớn gấp hơn %s lần),"
            + " có thể là tệp độc hại nên không được mở. Đề nghị lưu lại bằng Excel rồi gửi lại.";
    static final String PART_TOO_LARGE = "Tệp không đọc được: thành phần \"%s\" của tệp Excel giải nén ra hơn %s MB,"
            + " vượt quá giới hạn; biểu báo cáo không lớn như vậy. Đề nghị chỉ gửi trang tính báo cáo.";
    static final String TOO_MANY_PARTS = "Tệp không đọc được: tệp Excel chứa hơn %s thành phần, vượt quá giới hạn;"
            + " tệp bị hỏng hoặc bị can thiệp.";
    static final String XML_DTD = "Tệp không đọc được: tệp Excel chứa khai báo DTD/thực thể XML (trong %s), điều Excel"
            + " không bao giờ ghi; tệp bị can thiệp nên không được đọc.";
    static final String TOO_MANY_STRINGS = "Tệp không đọc được: bảng chữ dùng chung của tệp Excel quá lớn (hơn %s MB"
            + " bộ nhớ); biểu báo cáo không cần nhiều chữ như vậy. Đề nghị chỉ gửi trang tính báo cáo.";
    static final String TOO_MANY_STYLES = "Tệp không đọc được: tệp Excel có hơn %s kiểu định dạng ô, vượt quá giới"
            + " hạn của Excel; tệp bị hỏng hoặc bị can thiệp.";
    static final String SHARED_STRING_TOO_LONG = "Tệp không đọc được: chữ dùng chung số %s của tệp Excel dài hơn %s"
            + " ký tự, giới hạn của một ô Excel; tệp bị hỏng hoặc bị can thiệp.";
    static final String TOO_MANY_SHEETS = "Tệp không đọc được: tệp Excel khai báo hơn %s trang tính; tệp bị hỏng"
            + " hoặc bị can thiệp.";

    /**
     * A part may expand to at most a hundred times its compressed size (POI's default, kept):
     * spreadsheet XML compresses 10 to 20 times, a zip bomb thousands of times.
     */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** The ratio is judged only past this size: tiny parts of repeated XML compress very well. */
    static final long GRACE_PART_BYTES = 100 * 1024;
    /**
     * The most one part may expand to. 32 MB of sheet XML is about 120,000 rows of six columns,
     * a hundred times the largest report; it also bounds what one attribute, comment or text the
     * XML parser holds whole (twice that in chars) under a 256 MB heap.
     */
    static final long MAX_PART_BYTES = 32L * 1024 * 1024;
    /** All parts together, expanded: bounds the time a package costs to check and read twice. */
    static final long MAX_PACKAGE_BYTES = 128L * 1024 * 1024;
    /**
     * The parts POI reads as a DOM when it opens a package (content types, relationships, core
     * properties) list a few parts each; a DOM costs ten times its XML, so these stay small.
     */
    static final long MAX_INDEX_PART_BYTES = 1024L * 1024;
    /** POI's default count of zip entries, kept: a workbook with every feature has a few hundred. */
    static final int MAX_PARTS = 1000;
    /** Each sheet is its own part, so a workbook cannot have more sheets than parts. */
    static final int MAX_SHEETS = MAX_PARTS;
    /** Excel's own limit on distinct cell formats (64,000), rounded up. */
    static final int MAX_CELL_STYLES = 65_536;
    /**
     * The shared strings are the one table held whole (a cell names its text by index). They may
     * take an eighth of the heap (32 MB under -Xmx256m), counted as Java holds them: a String's
     * header and two bytes per char. A report's table holds a few hundred strings.
     */
    static final int SHARED_STRINGS_HEAP_FRACTION = 8;
    private static final long STRING_OVERHEAD_BYTES = 48;

    private static final Logger log = LoggerFactory.getLogger(XlsxTableSource.class);
    private static final XMLInputFactory XML = secureFactory();

    static {
        // POI's protections, set explicitly so that nothing else in the process loosens them.
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setGraceEntrySize(GRACE_PART_BYTES);
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
        ZipSecureFile.setMaxFileCount(MAX_PARTS);
    }

    private final Path file;
    private final OPCPackage pkg;
    private final SharedStrings strings;
    private final boolean[] dateStyles;
    private final List<SheetPart> sheets;
    private Rows rows;

    private record SheetPart(String name, boolean hidden, PackagePart part) {
    }

    private XlsxTableSource(Path file, OPCPackage pkg, SharedStrings strings, boolean[] dateStyles,
            List<SheetPart> sheets) {
        this.file = file;
        this.pkg = pkg;
        this.strings = strings;
        this.dateStyles = dateStyles;
        this.sheets = sheets;
    }

    /**
     * Expands every entry once, counting, before POI parses any of it: a zip bomb, an oversized
     * part, too many parts or a zip cut off in transit is refused with its reason. The sizes are
     * the bytes really inflated, not the ones the zip's directory claims.
     */
    static void checkPackage(Path file, ReadLimits limits) throws UnreadableFileException {
        long fileSize;
        try {
            fileSize = Files.size(file);
        } catch (IOException e) {
            throw new UnreadableFileException(TableSources.IO_FAILURE, e);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_PARTS) {
                throw new UnreadableFileException(String.format(TOO_MANY_PARTS, TableSources.count(MAX_PARTS)));
            }
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                long limit = isIndexPart(entry.getName()) ? MAX_INDEX_PART_BYTES : limits.maxPartBytes();
                long compressed = Math.max(entry.getCompressedSize(), 1);
                long expanded = 0;
                CRC32 crc = new CRC32();
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        crc.update(buffer, 0, n);
                        expanded += n;
                        total += n;
                        if (expanded > GRACE_PART_BYTES && (double) compressed / expanded < MIN_INFLATE_RATIO
                                || total > GRACE_PART_BYTES && (double) fileSize / total < MIN_INFLATE_RATIO) {
                            log.warn("{}: entry {} expands over {} times ({} bytes from {})", file, entry.getName(),
                                    Math.round(1 / MIN_INFLATE_RATIO), expanded, compressed);
                            throw new UnreadableFileException(String.format(ZIP_BOMB, entry.getName(),
                                    TableSources.count(Math.round(1 / MIN_INFLATE_RATIO))));
                        }
                        if (expanded > limit || total > limits.maxPackageBytes()) {
                            log.warn("{}: entry {} expands beyond {} bytes", file, entry.getName(), limit);
                            throw new UnreadableFileException(String.format(PART_TOO_LARGE, entry.getName(),
                                    TableSources.count(Math.min(limit, limits.maxPackageBytes()) / (1024 * 1024))));
                        }
                    }
                }
                if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
                    // the zip's own checksum: bytes changed since Excel wrote them
                    log.warn("{}: entry {} fails its checksum", file, entry.getName());
                    throw new UnreadableFileException(DAMAGED_ZIP);
                }
            }
        } catch (UnreadableFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            log.warn("{} starts like a zip but cannot be expanded: {}", file, e.toString());
            throw new UnreadableFileException(e instanceof ZipException || e.getCause() instanceof ZipException
                    || e instanceof java.io.EOFException ? DAMAGED_ZIP : NOT_EXCEL, e);
        }
    }

    private static boolean isIndexPart(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".rels") || lower.equals("[content_types].xml") || lower.startsWith("docprops/");
    }

    static XlsxTableSource open(Path file, ReadLimits limits) throws UnreadableFileException {
        raisePoiPartLimit(limits.maxPartBytes());
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            log.warn("{} is a zip but not an Office package: {}", file, e.toString());
            throw new UnreadableFileException(NOT_EXCEL, e);
        }
        SharedStrings strings = SharedStrings.EMPTY;
        try {
            PackagePart workbook = workbookPart(pkg, file);
            boolean[] dateStyles = new boolean[0];
            for (PackageRelationship rel : workbook.getRelationships()) {
                String type = rel.getRelationshipType();
                if (rel.getTargetMode() == TargetMode.EXTERNAL) {
                    continue;
                }
                if (type.endsWith("/sharedStrings")) {
                    try (InputStream in = workbook.getRelatedPart(rel).getInputStream()) {
                        strings.close();
                        strings = sharedStrings(in, limits.sharedStringsOffHeapAbove());
                    }
                } else if (type.endsWith("/styles")) {
                    try (InputStream in = workbook.getRelatedPart(rel).getInputStream()) {
                        dateStyles = dateStyles(in);
                    }
                }
            }
            List<SheetPart> sheets;
            try (InputStream in = workbook.getInputStream()) {
                sheets = sheets(in, workbook);
            }
            return new XlsxTableSource(file, pkg, strings, dateStyles, sheets);
        } catch (UnreadableFileException e) {
            closeQuietly(strings);
            pkg.revert();
            throw e;
        } catch (Exception e) {
            closeQuietly(strings);
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
            closeQuietly(strings);
            pkg.revert();
        }
    }

    private static void closeQuietly(SharedStrings strings) {
        try {
            strings.close();
        } catch (IOException e) {
            log.debug("closing the shared strings failed", e);
        }
    }

    /**
     * POI's own entry limit is one setting for the whole process; the limit of each source is
     * checked by {@link #checkPackage} before POI opens it, so POI's is only raised to the largest
     * one configured, never lowered below it.
     */
    private static synchronized void raisePoiPartLimit(long maxPartBytes) {
        if (ZipSecureFile.getMaxEntrySize() < maxPartBytes) {
            ZipSecureFile.setMaxEntrySize(maxPartBytes);
        }
    }

    /** A .docx or .pptx is a zip of the same kind: only a spreadsheet's main part will do. */
    private static PackagePart workbookPart(OPCPackage pkg, Path file) throws Exception {
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
        return part;
    }

    /** The worksheets in workbook order, with their visibility, which only workbook.xml holds. */
    private static List<SheetPart> sheets(InputStream in, PackagePart workbook) throws Exception {
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
                    throw new UnreadableFileException(String.format(TOO_MANY_SHEETS, TableSources.count(MAX_SHEETS)));
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
                    throw new UnreadableFileException(DAMAGED + " (thiếu trang tính \"" + name + "\").");
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
                                appendText(xml, text, () -> String.format(SHARED_STRING_TOO_LONG,
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
                        throw new UnreadableFileException(String.format(TOO_MANY_STRINGS,
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

    /** Per cellXfs index: does the cell's number format show a date (an Excel serial number)? */
    static boolean[] dateStyles(InputStream in) throws XMLStreamException, UnreadableFileException {
        Map<Integer, String> formats = new HashMap<>();
        List<Integer> cellFormats = new ArrayList<>();
        XMLStreamReader xml = XML.createXMLStreamReader(in);
        try {
            boolean inCellXfs = false;
            while (xml.hasNext()) {
                int event = xml.next();
                refuseDtd(xml, event, "styles.xml");
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "numFmt" -> {
                            if (formats.size() >= MAX_CELL_STYLES) {
                                throw new UnreadableFileException(String.format(TOO_MANY_STYLES,
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
                                    throw new UnreadableFileException(String.format(TOO_MANY_STYLES,
                                            TableSources.count(MAX_CELL_STYLES)));
                                }
                                Integer id = parseIndex(xml.getAttributeValue(null, "numFmtId"));
                                cellFormats.add(id == null ? 0 : id);
                            }
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "cellXfs".equals(xml.getLocalName())) {
                    inCellXfs = false;
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
        return dates;
    }

    /**
     * Excel never writes a DTD. With DTD support off the parser would stop at the first entity
     * reference anyway; refusing the declaration itself names what is wrong.
     */
    private static void refuseDtd(XMLStreamReader xml, int event, String part) throws UnreadableFileException {
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE
                || event == XMLStreamConstants.ENTITY_DECLARATION) {
            throw new UnreadableFileException(String.format(XML_DTD, part));
        }
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
     * Pulls rows from one sheet at a time; the next sheet is opened only when this one ends. This is
     * the loop a million-row list goes through seven million times: a cell costs its {@code SheetCell}
     * and, for a number, its text and value; nothing else is allocated per cell (the address is
     * written out only for a message, the value's text is gathered in one reused buffer, a shared
     * string's index is read from that buffer).
     */
    private final class Rows extends LookaheadRows {

        private final Iterator<SheetPart> remaining = sheets.iterator();
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
                throw TableSources.unreadable(DAMAGED + " (trang tính \"" + sheetName + "\").", e);
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
                } else {
                    refuseDtd(xml, event, "trang tính \"" + sheetName + "\"");
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
                            throw new UnreadableFileException(String.format(TableSources.TOO_MANY_CELLS,
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
                            throw new UnreadableFileException(String.format(TableSources.TOO_MANY_COLUMNS, sheetName,
                                    column == Integer.MAX_VALUE ? "?" : TableSources.count(column + 1L),
                                    TableSources.count(TableSources.MAX_COLUMNS)));
                        }
                        if (column < 0) {
                            throw new UnreadableFileException(DAMAGED + " (ô \"" + ref + "\" ở trang tính \""
                                    + sheetName + "\").");
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
                throw new UnreadableFileException(DAMAGED + " (số dòng \"" + (digits.length() > 12
                        ? digits.substring(0, 12) + "…" : digits) + "\" ở trang tính \"" + sheetName + "\").");
            }
            if (number > TableSources.MAX_ROWS || digits.length() > 12) {
                throw new UnreadableFileException(String.format(TableSources.TOO_MANY_ROWS, sheetName,
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
                case "s" -> hasValue ? sharedText(column, row) : null;
                case "inlineStr" -> text(column, row, CellKind.TEXT, inline != null ? inline
                        : hasValue ? value.toString() : null);
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
                throw new UnreadableFileException(DAMAGED + " (ô " + cellReference() + " của trang tính \""
                        + sheetName + "\" trỏ tới chữ không có trong tệp).");
            }
            String text = strings.get(i);
            return TableSources.isBlank(text) ? null : new SheetCell(column, row, CellKind.TEXT, text, null, false);
        }

        private String cellReference() {
            return TableSources.columnName(cellColumn) + cellRow;
        }

        private String cellTooLong() {
            return String.format(TableSources.CELL_TOO_LONG, cellReference(), sheetName,
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

    /**
     * Appends the text of the current element up to its end tag, at most {@link
     * TableSources#MAX_CELL_CHARS} characters; child elements are not text.
     */
    private static void appendText(XMLStreamReader xml, StringBuilder text, Supplier<String> tooLong)
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
                        throw new UnreadableFileException(String.format(XML_DTD, "một ô"));
                default -> {
                }
            }
        }
    }

    private static void skipElement(XMLStreamReader xml) throws XMLStreamException {
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
    private static Integer parseIndex(String text) {
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
