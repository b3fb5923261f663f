package vn.giaoban.submission.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.io.input.BoundedInputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity a generated template carries as custom document properties
 * ({@code docProps/custom.xml}): form, unit, period and template version. It only confirms what
 * the visible title block says: LibreOffice, WPS and online spreadsheets may drop or keep stale
 * hidden parts, so its absence is normal and it never identifies a file on its own.
 *
 * @param formCode        e.g. {@code BM03-DT}
 * @param unitCode        the unit's code, e.g. {@code 06172}
 * @param period          the reporting period
 * @param templateVersion the layout version of the template that wrote it, e.g. {@code 1}
 */
public record TemplateMetadata(String formCode, String unitCode, YearMonth period, String templateVersion) {

    /** The names of the custom properties a template carries (written by {@code vn.giaoban.template.TemplateWriter}). */
    public static final String FORM = "giaoban.form";
    public static final String UNIT = "giaoban.unit";
    public static final String PERIOD = "giaoban.period";
    public static final String TEMPLATE_VERSION = "giaoban.template-version";

    private static final Logger log = LoggerFactory.getLogger(TemplateMetadata.class);
    /** custom.xml of a template is well under 2 KB; anything larger is not ours and is not read further. */
    private static final long MAX_PART_BYTES = 64 * 1024;
    private static final int MAX_VALUE_CHARS = 200;
    private static final XMLInputFactory XML = secureFactory();

    /**
     * Reads the identity from an .xlsx's custom properties, opening the package read-only and
     * touching nothing but {@code docProps/custom.xml}. Empty when the file is not an OOXML
     * package, has no custom properties, lacks one of form, unit and period, or cannot be read.
     */
    public static Optional<TemplateMetadata> read(Path xlsx) {
        if (!isZip(xlsx)) {
            return Optional.empty();
        }
        Optional<Map<String, String>> openDocument = openDocumentProperties(xlsx);
        if (openDocument.isPresent()) {
            return of(openDocument.get());
        }
        if (!mayHaveCustomProperties(xlsx)) {
            return Optional.empty();
        }
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ);
        } catch (Exception | LinkageError e) {
            log.debug("{} has no readable package for template metadata: {}", xlsx, e.toString());
            return Optional.empty();
        }
        try {
            PackageRelationshipCollection relationships =
                    pkg.getRelationshipsByType(PackageRelationshipTypes.CUSTOM_PROPERTIES);
            if (relationships.isEmpty()) {
                return Optional.empty();
            }
            PackagePart part = pkg.getPart(relationships.getRelationship(0));
            if (part == null) {
                return Optional.empty();
            }
            Map<String, String> properties;
            try (InputStream in = BoundedInputStream.builder().setInputStream(part.getInputStream())
                    .setMaxCount(MAX_PART_BYTES).get()) {
                properties = properties(in);
            }
            return of(properties);
        } catch (Exception e) {
            log.debug("template metadata of {} not readable: {}", xlsx, e.toString());
            return Optional.empty();
        } finally {
            pkg.revert();
        }
    }

    /**
     * Whether the package's own relationships could name custom properties: most files that units send were
     * not made from a giaoban template, and opening the whole package (content types, every part's
     * relationships) only to find no custom properties was a good part of reading a small workbook.
     * Anything unusual (no such entry, a large or UTF-16 relationships part) is left to the package reader.
     */
    private static boolean mayHaveCustomProperties(Path xlsx) {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            ZipEntry rels = zip.getEntry("_rels/.rels");
            if (rels == null || rels.getSize() < 0 || rels.getSize() > 1 << 20) {
                return true;
            }
            byte[] bytes;
            try (InputStream in = zip.getInputStream(rels)) {
                bytes = in.readNBytes(1 << 20);
            }
            boolean utf16 = bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                    || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE));
            return utf16 || new String(bytes, StandardCharsets.ISO_8859_1).contains(CUSTOM_PROPERTIES_TYPE);
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /**
     * An OpenDocument file's user-defined properties ({@code meta.xml}:
     * {@code <meta:user-defined meta:name="giaoban.form">BM03-DT</meta:user-defined>}), as the .ods
     * templates carry them and LibreOffice keeps them; empty when the zip is not an OpenDocument package.
     */
    private static Optional<Map<String, String>> openDocumentProperties(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype == null) {
                return Optional.empty();
            }
            String type;
            try (InputStream in = zip.getInputStream(mimetype)) {
                type = new String(in.readNBytes(100), StandardCharsets.US_ASCII);
            }
            if (!type.startsWith("application/vnd.oasis.opendocument")) {
                return Optional.empty();
            }
            ZipEntry meta = zip.getEntry("meta.xml");
            if (meta == null) {
                return Optional.of(Map.of());
            }
            try (InputStream in = BoundedInputStream.builder().setInputStream(zip.getInputStream(meta))
                    .setMaxCount(MAX_PART_BYTES).get()) {
                return Optional.of(userDefined(in));
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            log.debug("template metadata of {} not readable: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private static Map<String, String> userDefined(InputStream in) throws XMLStreamException {
        Map<String, String> properties = new HashMap<>();
        XMLStreamReader xml = XML.createXMLStreamReader(in);
        try {
            String name = null;
            StringBuilder value = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    return Map.of();
                }
                if (event == XMLStreamConstants.START_ELEMENT && "user-defined".equals(xml.getLocalName())) {
                    String candidate = null;
                    for (int i = 0; i < xml.getAttributeCount(); i++) {
                        if ("name".equals(xml.getAttributeLocalName(i))) {
                            candidate = xml.getAttributeValue(i);
                        }
                    }
                    name = candidate != null && candidate.startsWith("giaoban.") ? candidate : null;
                    value = new StringBuilder();
                } else if (event == XMLStreamConstants.CHARACTERS && name != null) {
                    if (value.length() < MAX_VALUE_CHARS) {
                        value.append(xml.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "user-defined".equals(xml.getLocalName())) {
                    if (name != null) {
                        properties.putIfAbsent(name, value.toString());
                    }
                    name = null;
                }
            }
        } finally {
            xml.close();
        }
        return properties;
    }

    /** The last path segment of the relationship type of custom properties, as every namespace spells it. */
    private static final String CUSTOM_PROPERTIES_TYPE = "custom-properties";

    /** A zip's local header: anything else (an .xls, a CSV, nothing) has no custom.xml to look for. */
    private static boolean isZip(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<TemplateMetadata> of(Map<String, String> properties) {
        String form = properties.get(FORM);
        String unit = properties.get(UNIT);
        String period = properties.get(PERIOD);
        if (isBlank(form) || isBlank(unit) || isBlank(period)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TemplateMetadata(form.trim(), unit.trim(), YearMonth.parse(period.trim()),
                    isBlank(properties.get(TEMPLATE_VERSION)) ? null : properties.get(TEMPLATE_VERSION).trim()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code <property name="giaoban.form"><vt:lpwstr>BM03-DT</vt:lpwstr></property>}: the text of
     * each giaoban property, whatever variant type a program rewrote it as.
     */
    private static Map<String, String> properties(InputStream in) throws XMLStreamException {
        Map<String, String> properties = new HashMap<>();
        XMLStreamReader xml = XML.createXMLStreamReader(in);
        try {
            String name = null;
            StringBuilder value = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if ("property".equals(xml.getLocalName())) {
                        String candidate = xml.getAttributeValue(null, "name");
                        name = candidate != null && candidate.startsWith("giaoban.") ? candidate : null;
                        value = new StringBuilder();
                    }
                } else if (event == XMLStreamConstants.CHARACTERS && name != null) {
                    if (value.length() < MAX_VALUE_CHARS) {
                        value.append(xml.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "property".equals(xml.getLocalName())) {
                    if (name != null) {
                        properties.putIfAbsent(name, value.toString());
                    }
                    name = null;
                    value = null;
                }
            }
        } finally {
            xml.close();
        }
        return properties;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
