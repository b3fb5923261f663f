package vn.giaoban.submission.internal.table;

import static vn.giaoban.submission.internal.table.TableSources.say;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.giaoban.text.LegacyVietnamese;
import vn.giaoban.text.LegacyVietnamese.Encoding;

/**
 * The parts of an OpenDocument spreadsheet around its tables: the mimetype (a text document is refused),
 * the manifest (an encrypted package is refused: its content is ciphertext), and the styles, read
 * only for what the cells need: which cell styles draw their text with an old Vietnamese font, and
 * which table styles hide their sheet. The zip itself is vetted by {@link XlsxPackage} before this
 * class opens it; every part is pulled with the same StAX that refuses DTDs.
 */
final class OdsPackage {

    static final String ENCRYPTED = "feedback.read.ods.encrypted";
    static final String NOT_SPREADSHEET = "feedback.read.ods.not-spreadsheet";
    static final String DAMAGED = "feedback.read.ods.damaged";
    static final String XML_DTD = "feedback.read.ods.xml-dtd";

    static final String SPREADSHEET_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";
    /** Style parents followed at most this deep: a loop of parents in a tampered file ends here. */
    private static final int MAX_PARENT_DEPTH = 16;

    /** What the styles say, for the cells and the tables. */
    record Styles(Map<String, Encoding> legacyCellStyles, java.util.Set<String> hiddenTables) {
        boolean hasLegacyFonts() {
            return !legacyCellStyles.isEmpty();
        }
    }

    private OdsPackage() {
    }

    /** Refuses a package that is not a spreadsheet, or whose parts are encrypted. */
    static void check(ZipFile zip) throws UnreadableFileException, IOException, XMLStreamException {
        ZipEntry mimetype = zip.getEntry("mimetype");
        if (mimetype != null) {
            try (InputStream in = zip.getInputStream(mimetype)) {
                String type = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
                if (!type.startsWith(SPREADSHEET_MIMETYPE)) {
                    throw new UnreadableFileException(say(NOT_SPREADSHEET));
                }
            }
        }
        ZipEntry manifest = zip.getEntry("META-INF/manifest.xml");
        if (manifest != null) {
            try (InputStream in = zip.getInputStream(manifest)) {
                XMLStreamReader xml = XlsxWorkbook.XML.createXMLStreamReader(in);
                try {
                    while (xml.hasNext()) {
                        int event = xml.next();
                        refuseDtd(event, "manifest.xml");
                        if (event == XMLStreamConstants.START_ELEMENT && "encryption-data".equals(xml.getLocalName())) {
                            throw new UnreadableFileException(say(ENCRYPTED));
                        }
                    }
                } finally {
                    xml.close();
                }
            }
        }
        if (zip.getEntry("content.xml") == null) {
            throw new UnreadableFileException(say(DAMAGED));
        }
    }

    /**
     * The styles of styles.xml and the automatic styles at the head of content.xml (read up to the
     * body, which stays for the rows' own pass).
     */
    static Styles styles(ZipFile zip) throws UnreadableFileException, IOException, XMLStreamException {
        Map<String, String> fontFamilies = new HashMap<>();
        Map<String, String> fonts = new HashMap<>();
        Map<String, String> parents = new HashMap<>();
        java.util.Set<String> hiddenTables = new java.util.HashSet<>();
        for (String part : new String[] {"styles.xml", "content.xml"}) {
            ZipEntry entry = zip.getEntry(part);
            if (entry == null) {
                continue;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                readStyles(in, part, fontFamilies, fonts, parents, hiddenTables);
            }
        }
        Map<String, Encoding> legacy = new HashMap<>();
        for (String style : parents.keySet()) {
            String font = null;
            String current = style;
            for (int depth = 0; current != null && depth < MAX_PARENT_DEPTH && font == null; depth++) {
                font = fonts.get(current);
                current = parents.get(current);
            }
            if (font != null) {
                String family = fontFamilies.getOrDefault(font, font);
                LegacyVietnamese.fromFontName(family).ifPresent(encoding -> legacy.put(style, encoding));
            }
        }
        return new Styles(Map.copyOf(legacy), java.util.Set.copyOf(hiddenTables));
    }

    private static void readStyles(InputStream in, String part, Map<String, String> fontFamilies,
            Map<String, String> fonts, Map<String, String> parents, java.util.Set<String> hiddenTables)
            throws XMLStreamException, UnreadableFileException {
        XMLStreamReader xml = XlsxWorkbook.XML.createXMLStreamReader(in);
        try {
            String style = null;
            String family = null;
            while (xml.hasNext()) {
                int event = xml.next();
                refuseDtd(event, part);
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "body" -> {
                            return; // content.xml's tables are the rows' pass
                        }
                        case "font-face" -> {
                            String name = attribute(xml, "name");
                            String fontFamily = attribute(xml, "font-family");
                            if (name != null && fontFamily != null && fontFamilies.size() < XlsxWorkbook.MAX_CELL_STYLES) {
                                fontFamilies.put(name, fontFamily);
                            }
                        }
                        case "style", "default-style" -> {
                            style = "default-style".equals(xml.getLocalName()) ? "" : attribute(xml, "name");
                            family = attribute(xml, "family");
                            if (style != null && "table-cell".equals(family)) {
                                if (parents.size() >= XlsxWorkbook.MAX_CELL_STYLES) {
                                    throw new UnreadableFileException(say(XlsxWorkbook.TOO_MANY_STYLES,
                                            TableSources.count(XlsxWorkbook.MAX_CELL_STYLES)));
                                }
                                String parent = attribute(xml, "parent-style-name");
                                parents.put(style, parent == null && !style.isEmpty() ? "" : parent);
                            }
                        }
                        case "text-properties" -> {
                            if (style != null && "table-cell".equals(family)) {
                                String font = attribute(xml, "font-name");
                                if (font == null) {
                                    font = attribute(xml, "font-family");
                                }
                                if (font != null) {
                                    fonts.put(style, font);
                                }
                            }
                        }
                        case "table-properties" -> {
                            if (style != null && "table".equals(family) && "false".equals(attribute(xml, "display"))) {
                                hiddenTables.add(style);
                            }
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT
                        && ("style".equals(xml.getLocalName()) || "default-style".equals(xml.getLocalName()))) {
                    style = null;
                    family = null;
                }
            }
        } finally {
            xml.close();
        }
    }

    /** The first attribute of that local name, in whichever namespace. */
    static String attribute(XMLStreamReader xml, String localName) {
        for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
            if (localName.equals(xml.getAttributeLocalName(i))) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    static void refuseDtd(int event, String part) throws UnreadableFileException {
        if (XlsxWorkbook.isDtd(event)) {
            throw new UnreadableFileException(say(XML_DTD, part));
        }
    }

    static ZipFile open(Path file) throws IOException {
        return new ZipFile(file.toFile());
    }
}
