package vn.giaoban.submission.internal.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static vn.giaoban.submission.internal.table.OdsFiles.content;
import static vn.giaoban.submission.internal.table.OdsFiles.row;
import static vn.giaoban.submission.internal.table.OdsFiles.table;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LibreOffice's .ods, written here as the ODF specification lays it out; hostile ones refused with their reason. */
class OdsTableSourceTest {

    @TempDir
    Path dir;

    @Test
    void readsValueTypesSpacesSpansAndRepeatsAsTheFileStoresThem() throws Exception {
        // given a sheet with every value type, a paragraph of spans and counted spaces, a merged range's
        // covered cells, a repeated cell with content and a hidden row
        String rows = "<table:table-row>"
                + "<table:table-cell office:value-type=\"string\" table:number-columns-spanned=\"2\"><text:p>UBND <text:span>xã</text:span><text:s text:c=\"2\"/>Tân Mỹ</text:p><text:p>dòng hai</text:p>"
                + "<office:annotation><text:p>ghi chú không phải chữ của ô</text:p></office:annotation></table:table-cell>"
                + "<table:covered-table-cell/>"
                + "<table:table-cell office:value-type=\"float\" office:value=\"94533\"><text:p>94.533</text:p></table:table-cell>"
                + "</table:table-row>"
                + "<table:table-row table:number-rows-repeated=\"2\"><table:table-cell table:number-columns-repeated=\"2\"/>"
                + "<table:table-cell office:value-type=\"percentage\" office:value=\"0.1671\"><text:p>16,71%</text:p></table:table-cell></table:table-row>"
                + "<table:table-row table:visibility=\"collapse\">"
                + "<table:table-cell office:value-type=\"currency\" office:currency=\"VND\" office:value=\"1234.5\"><text:p>1.234,5 ₫</text:p></table:table-cell>"
                + "<table:table-cell office:value-type=\"date\" office:date-value=\"2022-10-23\"><text:p>23/10/2022</text:p></table:table-cell>"
                + "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"true\"><text:p>TRUE</text:p></table:table-cell>"
                + "<table:table-cell office:value-type=\"float\" office:value=\"0\" table:number-columns-repeated=\"3\"><text:p>0</text:p></table:table-cell>"
                + "<table:table-cell office:value-type=\"string\" calcext:value-type=\"error\"><text:p>#DIV/0!</text:p></table:table-cell>"
                + "</table:table-row>";
        Path file = OdsFiles.write(dir.resolve("bao-cao.ods"), content("", table("Biểu 1", rows)));

        List<SheetRow> read = rows(file);

        assertThat(read).extracting(SheetRow::sheet, SheetRow::number, SheetRow::hidden)
                .containsExactly(tuple("Biểu 1", 1, false), tuple("Biểu 1", 2, false), tuple("Biểu 1", 3, false),
                        tuple("Biểu 1", 4, true));
        assertThat(read.get(0).cells()).extracting(SheetCell::reference, SheetCell::kind, SheetCell::text)
                .containsExactly(tuple("A1", CellKind.TEXT, "UBND xã  Tân Mỹ\ndòng hai"),
                        tuple("C1", CellKind.NUMBER, "94533"));
        assertThat(read.get(1).cells()).extracting(SheetCell::reference, SheetCell::number)
                .containsExactly(tuple("C2", new BigDecimal("0.1671")));
        assertThat(read.get(2).cells()).extracting(SheetCell::reference).containsExactly("C3");
        assertThat(read.get(3).cells()).extracting(SheetCell::reference, SheetCell::kind, SheetCell::text,
                SheetCell::date).containsExactly(
                        tuple("A4", CellKind.NUMBER, "1234.5", false),
                        tuple("B4", CellKind.NUMBER, "44857", true),
                        tuple("C4", CellKind.BOOLEAN, "TRUE", false),
                        tuple("D4", CellKind.NUMBER, "0", false),
                        tuple("E4", CellKind.NUMBER, "0", false),
                        tuple("F4", CellKind.NUMBER, "0", false),
                        tuple("G4", CellKind.ERROR, "#DIV/0!", false));
    }

    @Test
    void readsSheetsInOrderAndMarksAHiddenSheet() throws Exception {
        // given two tables, the second styled as not displayed
        String styles = "<style:style style:name=\"ta2\" style:family=\"table\"><style:table-properties table:display=\"false\"/></style:style>";
        String tables = table("Một", row("a")) + table("Hai", row("b")).replace("table:name=\"Hai\"",
                "table:name=\"Hai\" table:style-name=\"ta2\"");
        Path file = OdsFiles.write(dir.resolve("hai.ods"), content(styles, tables));

        assertThat(rows(file)).extracting(SheetRow::sheet, SheetRow::hidden)
                .containsExactly(tuple("Một", false), tuple("Hai", true));
    }

    @Test
    void aTrailingRepeatedEmptyRowOfAMillionCostsNothing() throws Exception {
        // given LibreOffice's trailing row repeated 1,048,000 times, with 1,024 repeated empty cells
        Path file = OdsFiles.write(dir.resolve("trailing.ods"), content("", table("S", row("x", 1))));

        long started = System.nanoTime();
        List<SheetRow> read = rows(file);

        assertThat(read).hasSize(1);
        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    }

    @Test
    void refusesARowWithContentRepeatedBeyondTheLimit() throws Exception {
        // given one row of content repeated a million times, 16,384 cells wide
        String rows = "<table:table-row table:number-rows-repeated=\"1000000\"><table:table-cell office:value-type=\"float\""
                + " office:value=\"1\" table:number-columns-repeated=\"16384\"/></table:table-row>";
        Path file = OdsFiles.write(dir.resolve("repeats.ods"), content("", "<table:table table:name=\"S\">" + rows + "</table:table>"));

        assertThatThrownBy(() -> TableSources.open(file, StandardCharsets.UTF_8))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("lặp lại ô có nội dung");
    }

    @Test
    void refusesContentBeyondExcelsRowsAndColumns() throws Exception {
        String pastRows = "<table:table table:name=\"S\"><table:table-row table:number-rows-repeated=\"1048576\"><table:table-cell/></table:table-row>"
                + row("trễ") + "</table:table>";
        Path rowsFile = OdsFiles.write(dir.resolve("rows.ods"), content("", pastRows));
        String pastColumns = "<table:table table:name=\"S\"><table:table-row><table:table-cell table:number-columns-repeated=\"16384\"/>"
                + "<table:table-cell office:value-type=\"string\"><text:p>xa</text:p></table:table-cell></table:table-row></table:table>";
        Path columnsFile = OdsFiles.write(dir.resolve("columns.ods"), content("", pastColumns));

        assertThatThrownBy(() -> TableSources.open(rowsFile, StandardCharsets.UTF_8)).hasMessageContaining("1.048.576 dòng");
        assertThatThrownBy(() -> TableSources.open(columnsFile, StandardCharsets.UTF_8)).hasMessageContaining("16.384 cột");
    }

    @Test
    void refusesADtdAndAnExternalEntity() throws Exception {
        // given content.xml declaring an external entity (XXE) and using it in a cell
        Path secret = Files.writeString(dir.resolve("secret.txt"), "mật");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]>"
                + content("", table("S", row("&s;"))).substring("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".length());
        Path file = OdsFiles.write(dir.resolve("xxe.ods"), xxe.replace("&amp;s;", "&s;"));

        assertThatThrownBy(() -> TableSources.open(file, StandardCharsets.UTF_8))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("DTD");
    }

    @Test
    void refusesAnEncryptedOdsWithTheReason() throws Exception {
        // given a manifest whose content.xml entry carries encryption data, as LibreOffice saves with a password
        String manifest = OdsFiles.MANIFEST.replace("<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>",
                "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\" manifest:size=\"100\">"
                        + "<manifest:encryption-data manifest:checksum-type=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k\" manifest:checksum=\"x\">"
                        + "<manifest:algorithm manifest:algorithm-name=\"http://www.w3.org/2001/04/xmlenc#aes256-cbc\" manifest:initialisation-vector=\"x\"/>"
                        + "</manifest:encryption-data></manifest:file-entry>");
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("META-INF/manifest.xml", manifest);
        entries.put("content.xml", "\u0001\u0002 ciphertext");
        Path file = OdsFiles.write(dir.resolve("mat-khau.ods"), entries);

        assertThatThrownBy(() -> TableSources.open(file, StandardCharsets.UTF_8))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(TableSources.say(OdsPackage.ENCRYPTED));
    }

    @Test
    void refusesAZipBombOds() throws Exception {
        // given content.xml of 50 MB of spaces, compressing to a few kilobytes
        Path file = dir.resolve("bomb.ods");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            ZipEntry mimetype = new ZipEntry("mimetype");
            byte[] type = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(type.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(type);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(type);
            zip.putNextEntry(new ZipEntry("content.xml"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 50; i++) {
                zip.write(spaces);
            }
        }

        assertThatThrownBy(() -> TableSources.open(file, StandardCharsets.UTF_8))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("giải nén ra lớn gấp");
    }

    @Test
    void refusesATextDocument() throws Exception {
        Path file = dir.resolve("van-ban.ods");
        Files.write(OdsFiles.write(file, content("", table("S", row("a")))),
                new byte[0], java.nio.file.StandardOpenOption.APPEND);
        byte[] bytes = Files.readAllBytes(file);
        // the same package, with a text document's mimetype (same length: "text" is padded to "sheet")
        String latin = new String(bytes, StandardCharsets.ISO_8859_1)
                .replaceFirst("opendocument\\.spreadsheet", "opendocument.text       ");
        Path text = dir.resolve("van-ban-2.ods");
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("content.xml", content("", table("S", row("a"))));
        writeWithMimetype(text, "application/vnd.oasis.opendocument.text", entries);

        assertThat(latin).isNotEmpty();
        assertThatThrownBy(() -> TableSources.open(text, StandardCharsets.UTF_8))
                .hasMessage(TableSources.say(OdsPackage.NOT_SPREADSHEET));
    }

    private static void writeWithMimetype(Path file, String type, Map<String, String> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            byte[] bytes = type.getBytes(StandardCharsets.US_ASCII);
            ZipEntry mimetype = new ZipEntry("mimetype");
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(bytes.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(bytes);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(bytes);
            for (Map.Entry<String, String> part : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static List<SheetRow> rows(Path file) throws Exception {
        try (TableSource source = TableSources.open(file, StandardCharsets.UTF_8)) {
            List<SheetRow> rows = new ArrayList<>();
            for (Iterator<SheetRow> it = source.rows(); it.hasNext(); ) {
                rows.add(it.next());
            }
            return rows;
        }
    }
}
