package vn.giaoban.template;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a template as an OpenDocument spreadsheet (.ods), the format LibreOffice Calc saves by
 * default, for offices that work in it. The layout is the one {@link TemplateSheet} lays out (held in
 * memory, never saved as .xlsx): its cells, merged ranges, bold headings, column widths and the
 * yellow cells left unprotected on a protected sheet; the identity goes into {@code meta.xml} as
 * user-defined properties, which {@code TemplateMetadata} reads back. The ODF package is written
 * here, with no office program: the {@code mimetype} entry stored first and uncompressed (how a
 * reader recognises the format), then the manifest, content, styles and meta parts.
 */
final class OdsTemplate {

    static final String MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";
    private static final String NAMESPACES = " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
            + " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
            + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
            + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
            + " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
            + " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""
            + " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
            + " office:version=\"1.3\"";
    /** A character of Excel's column width unit, in centimetres (Times New Roman 12 pt, near enough). */
    private static final double CM_PER_CHARACTER = 0.2;

    private OdsTemplate() {
    }

    /** The workbook's sheets as an .ods, with {@code properties} as meta.xml's user-defined properties. */
    static void write(XSSFWorkbook workbook, String title, Map<String, String> properties, OutputStream out)
            throws IOException {
        Map<String, String> columnStyles = new LinkedHashMap<>();
        StringBuilder tables = new StringBuilder();
        for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
            tables.append(table(workbook.getSheetAt(s), columnStyles));
        }
        ZipOutputStream zip = new ZipOutputStream(out);
        stored(zip, "mimetype", MIMETYPE.getBytes(StandardCharsets.US_ASCII));
        deflated(zip, "META-INF/manifest.xml", manifest());
        deflated(zip, "content.xml", content(columnStyles, tables));
        deflated(zip, "styles.xml", styles());
        deflated(zip, "meta.xml", meta(title, properties));
        zip.finish();
    }

    private static String table(XSSFSheet sheet, Map<String, String> columnStyles) {
        int lastColumn = 0;
        for (Row row : sheet) {
            lastColumn = Math.max(lastColumn, row.getLastCellNum());
        }
        StringBuilder xml = new StringBuilder();
        xml.append("<table:table table:name=\"").append(escape(sheet.getSheetName())).append('"')
                .append(sheet.getProtect() ? " table:protected=\"true\"" : "").append('>');
        for (int c = 0; c < lastColumn; c++) {
            String width = String.format(java.util.Locale.ROOT, "%.2fcm",
                    sheet.getColumnWidth(c) / 256.0 * CM_PER_CHARACTER);
            String style = columnStyles.computeIfAbsent(width, w -> "co" + (columnStyles.size() + 1));
            xml.append("<table:table-column table:style-name=\"").append(style)
                    .append("\" table:default-cell-style-name=\"Default\"/>");
        }
        List<CellRangeAddress> merged = new ArrayList<>(sheet.getMergedRegions());
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            xml.append("<table:table-row>");
            if (row == null) {
                xml.append("<table:table-cell/>");
            } else {
                for (int c = 0; c < Math.max(1, lastColumn); c++) {
                    xml.append(cell(row, r, c, merged));
                }
            }
            xml.append("</table:table-row>");
        }
        return xml.append("</table:table>").toString();
    }

    private static String cell(Row row, int r, int c, List<CellRangeAddress> merged) {
        for (CellRangeAddress range : merged) {
            if (range.isInRange(r, c) && (range.getFirstRow() != r || range.getFirstColumn() != c)) {
                return "<table:covered-table-cell/>";
            }
        }
        StringBuilder xml = new StringBuilder("<table:table-cell");
        Cell cell = row.getCell(c);
        if (cell != null) {
            xml.append(" table:style-name=\"").append(styleName(cell.getCellStyle(), row.getSheet().getWorkbook()))
                    .append('"');
        }
        for (CellRangeAddress range : merged) {
            if (range.getFirstRow() == r && range.getFirstColumn() == c) {
                xml.append(" table:number-columns-spanned=\"").append(range.getLastColumn() - range.getFirstColumn() + 1)
                        .append("\" table:number-rows-spanned=\"").append(range.getLastRow() - range.getFirstRow() + 1)
                        .append('"');
            }
        }
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return xml.append("/>").toString();
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            String number = java.math.BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            return xml.append(" office:value-type=\"float\" office:value=\"").append(number).append("\"><text:p>")
                    .append(number).append("</text:p></table:table-cell>").toString();
        }
        String text = cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : cell.toString();
        xml.append(" office:value-type=\"string\">");
        for (String line : text.split("\n", -1)) {
            xml.append("<text:p>").append(paragraph(line)).append("</text:p>");
        }
        return xml.append("</table:table-cell>").toString();
    }

    /** ODF collapses runs of spaces: the second and later of a run are written as {@code text:s}. */
    private static String paragraph(String line) {
        StringBuilder xml = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            char ch = line.charAt(i);
            if (ch == ' ' && (i == 0 || line.charAt(i - 1) == ' ')) {
                int run = 0;
                while (i < line.length() && line.charAt(i) == ' ') {
                    run++;
                    i++;
                }
                xml.append("<text:s text:c=\"").append(run).append("\"/>");
                continue;
            }
            xml.append(escape(String.valueOf(ch)));
            i++;
        }
        return xml.toString();
    }

    /** Bold or not, and whether the unit types into it (unlocked, yellow): the styles a template needs. */
    private static String styleName(CellStyle style, org.apache.poi.ss.usermodel.Workbook workbook) {
        boolean bold = workbook.getFontAt(style.getFontIndex()).getBold();
        if (!style.getLocked()) {
            return "ceInput";
        }
        return bold ? "ceBold" : "Default";
    }

    private static byte[] content(Map<String, String> columnStyles, StringBuilder tables) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content")
                .append(NAMESPACES).append(">");
        xml.append("<office:font-face-decls><style:font-face style:name=\"").append(TemplateWriter.FONT)
                .append("\" svg:font-family=\"&apos;").append(TemplateWriter.FONT)
                .append("&apos;\" style:font-family-generic=\"roman\"/></office:font-face-decls>");
        xml.append("<office:automatic-styles>");
        columnStyles.forEach((width, name) -> xml.append("<style:style style:name=\"").append(name)
                .append("\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"")
                .append(width).append("\"/></style:style>"));
        xml.append("<style:style style:name=\"ceBold\" style:family=\"table-cell\" style:parent-style-name=\"Default\">"
                + "<style:text-properties fo:font-weight=\"bold\"/></style:style>");
        xml.append("<style:style style:name=\"ceInput\" style:family=\"table-cell\" style:parent-style-name=\"Default\">"
                + "<style:table-cell-properties fo:background-color=\"#ffff99\" style:cell-protect=\"none\"/></style:style>");
        xml.append("</office:automatic-styles><office:body><office:spreadsheet>").append(tables)
                .append("</office:spreadsheet></office:body></office:document-content>");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] styles() {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-styles" + NAMESPACES + ">"
                + "<office:font-face-decls><style:font-face style:name=\"" + TemplateWriter.FONT
                + "\" svg:font-family=\"&apos;" + TemplateWriter.FONT + "&apos;\" style:font-family-generic=\"roman\"/>"
                + "</office:font-face-decls><office:styles>"
                + "<style:default-style style:family=\"table-cell\"><style:text-properties style:font-name=\""
                + TemplateWriter.FONT + "\" fo:font-size=\"12pt\"/></style:default-style>"
                + "<style:style style:name=\"Default\" style:family=\"table-cell\"/>"
                + "</office:styles></office:document-styles>").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] meta(String title, Map<String, String> properties) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-meta")
                .append(NAMESPACES).append("><office:meta><meta:generator>giaoban</meta:generator><dc:title>")
                .append(escape(title)).append("</dc:title>");
        properties.forEach((name, value) -> xml.append("<meta:user-defined meta:name=\"").append(escape(name))
                .append("\">").append(escape(value)).append("</meta:user-defined>"));
        return xml.append("</office:meta></office:document-meta>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] manifest() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
                + " manifest:version=\"1.3\"><manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\""
                + " manifest:media-type=\"" + MIMETYPE + "\"/>");
        for (String part : List.of("content.xml", "styles.xml", "meta.xml")) {
            xml.append("<manifest:file-entry manifest:full-path=\"").append(part)
                    .append("\" manifest:media-type=\"text/xml\"/>");
        }
        return xml.append("</manifest:manifest>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void deflated(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** XML text and attribute values; characters XML 1.0 cannot hold are dropped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
