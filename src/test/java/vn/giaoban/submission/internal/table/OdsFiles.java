package vn.giaoban.submission.internal.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Minimal OpenDocument spreadsheets written by hand, as the ODF specification lays them out. */
public final class OdsFiles {

    public static final String NAMESPACES = " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
            + " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
            + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
            + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
            + " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
            + " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""
            + " xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\""
            + " office:version=\"1.3\"";
    public static final String MANIFEST = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
            + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>"
            + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
            + "</manifest:manifest>";

    private OdsFiles() {
    }

    /** content.xml around the given tables, with the given automatic styles. */
    public static String content(String automaticStyles, String tables) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content" + NAMESPACES + ">"
                + "<office:automatic-styles>" + automaticStyles + "</office:automatic-styles>"
                + "<office:body><office:spreadsheet>" + tables + "</office:spreadsheet></office:body>"
                + "</office:document-content>";
    }

    /** A row of cells as LibreOffice writes them: a string for text, a Number for a float, null for an empty cell. */
    public static String row(Object... cells) {
        StringBuilder row = new StringBuilder("<table:table-row>");
        for (Object cell : cells) {
            if (cell == null) {
                row.append("<table:table-cell/>");
            } else if (cell instanceof Number number) {
                row.append("<table:table-cell office:value-type=\"float\" office:value=\"").append(number)
                        .append("\" calcext:value-type=\"float\"><text:p>").append(number).append("</text:p></table:table-cell>");
            } else {
                row.append("<table:table-cell office:value-type=\"string\" calcext:value-type=\"string\"><text:p>")
                        .append(escape(cell.toString())).append("</text:p></table:table-cell>");
            }
        }
        return row.append("</table:table-row>").toString();
    }

    public static String table(String name, String... rows) {
        return "<table:table table:name=\"" + escape(name) + "\"><table:table-column table:number-columns-repeated=\"8\"/>"
                + String.join("", rows)
                + "<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>"
                + "</table:table>";
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** An .ods: mimetype stored first, the manifest, content.xml and the other entries given. */
    public static Path write(Path file, String contentXml) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("META-INF/manifest.xml", MANIFEST);
        entries.put("content.xml", contentXml);
        return write(file, entries);
    }

    public static Path write(Path file, Map<String, String> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            byte[] mimetype = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
            ZipEntry entry = new ZipEntry("mimetype");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(mimetype);
            zip.closeEntry();
            for (Map.Entry<String, String> part : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }
}
