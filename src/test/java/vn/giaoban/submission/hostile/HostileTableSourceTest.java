package vn.giaoban.submission.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.giaoban.submission.hostile.CorpusFiles.HandXlsx.number;
import static vn.giaoban.submission.hostile.CorpusFiles.HandXlsx.row;
import static vn.giaoban.submission.hostile.CorpusFiles.HandXlsx.text;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.giaoban.submission.hostile.CorpusFiles.Content;
import vn.giaoban.submission.hostile.CorpusFiles.Figures;
import vn.giaoban.submission.hostile.CorpusFiles.HandXlsx;
import vn.giaoban.submission.internal.table.SheetRow;
import vn.giaoban.submission.internal.table.TableSource;
import vn.giaoban.submission.internal.table.TableSources;
import vn.giaoban.submission.internal.table.UnreadableFileException;

/**
 * Each limit of the readers, on both of its sides: what Excel can write is read, one step beyond
 * is refused whole with the reason the unit reads, quickly and without expanding anything.
 */
class HostileTableSourceTest {

    private static final Charset WINDOWS_1258 = Charset.forName("windows-1258");
    private static final Duration QUICKLY = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private final Random random = new Random(3);

    // --- every format --------------------------------------------------------------------------

    @Test
    void refusesAFileLargerThan64MegabytesBeforeReadingIt() throws Exception {
        Path file = sparse("lon.csv", "a,b\n", 65L * 1024 * 1024);
        assertRefused(file, "tệp quá lớn (65 MB, tối đa 64 MB)");
    }

    @Test
    void namesWhatAFileIsWhenItIsNoSpreadsheet() throws Exception {
        assertRefused(write("a.xls", CorpusFiles.utf8("\uFEFF  <!DOCTYPE html><html><body><table></table>")),
                "trang web (HTML)");
        assertRefused(write("b.xls", CorpusFiles.utf8("<?xml version=\"1.0\"?><?mso-application progid=\"Excel.Sheet\"?>")),
                "trang web (HTML) hoặc tệp XML");
        assertRefused(write("c.xlsx", CorpusFiles.utf8("%PDF-1.4\n...")), "tệp PDF");
        assertRefused(write("d.csv", new byte[0]), "tệp rỗng");
    }

    // --- .xlsx: the package --------------------------------------------------------------------

    @Test
    void refusesAZipBombAtItsRatioWithoutExpandingIt() throws Exception {
        // given a part that expands a thousand times: 200 MB of zeros
        Path file = dir.resolve("bomb.xlsx");
        Map<String, Content> entries = new LinkedHashMap<>(HandXlsx.report(Figures.of(1)).entries());
        entries.put("xl/media/image1.png", out -> {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                out.write(zeros);
            }
        });
        CorpusFiles.zip(file, entries);
        // when / then
        assertRefusedQuickly(file, "giải nén ra lớn gấp hơn 100 lần");
    }

    @Test
    void refusesAPartThatExpandsBeyond32Megabytes() throws Exception {
        // given 33 MB of digits: they compress less than ten times, so no ratio stops them
        Path file = dir.resolve("lon.xlsx");
        Map<String, Content> entries = new LinkedHashMap<>(HandXlsx.report(Figures.of(1)).entries());
        entries.put("xl/media/data.bin", out -> {
            byte[] digits = new byte[1024 * 1024];
            for (int i = 0; i < 33; i++) {
                for (int j = 0; j < digits.length; j++) {
                    digits[j] = (byte) ('0' + random.nextInt(10));
                }
                out.write(digits);
            }
        });
        CorpusFiles.zip(file, entries);
        // when / then
        assertRefused(file, "\"xl/media/data.bin\" của tệp bảng tính giải nén ra hơn 32 MB");
    }

    @Test
    void refusesRelationshipsLargerThanAMegabyteBeforePoiParsesThem() throws Exception {
        Path file = dir.resolve("rels.xlsx");
        Map<String, Content> entries = new LinkedHashMap<>(HandXlsx.report(Figures.of(1)).entries());
        entries.put("xl/worksheets/_rels/sheet1.xml.rels", out -> {
            out.write((HandXlsx.DECLARATION + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                    + "relationships\">").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 30_000; i++) {
                out.write(("<Relationship Id=\"rId" + random.nextInt() + "\" Type=\"" + HandXlsx.RELS
                        + "/hyperlink\" Target=\"http://x/" + random.nextInt() + "\" TargetMode=\"External\"/>")
                        .getBytes(StandardCharsets.UTF_8));
            }
            out.write("</Relationships>".getBytes(StandardCharsets.UTF_8));
        });
        CorpusFiles.zip(file, entries);
        assertRefused(file, "giải nén ra hơn 1 MB");
    }

    @Test
    void refusesMoreThanAThousandParts() throws Exception {
        Path file = dir.resolve("nhieu.xlsx");
        Map<String, Content> entries = new LinkedHashMap<>(HandXlsx.report(Figures.of(1)).entries());
        for (int i = 0; i < 1_000; i++) {
            entries.put("xl/media/image" + i + ".png", Content.of("x"));
        }
        CorpusFiles.zip(file, entries);
        assertRefused(file, "chứa hơn 1.000 thành phần");
    }

    @Test
    void refusesAPartWhoseChecksumFails() throws Exception {
        // given a sheet stored uncompressed, one digit changed after the checksum was written
        Path file = dir.resolve("crc.xlsx");
        HandXlsx xlsx = HandXlsx.report(Figures.of(1));
        Map<String, Content> entries = new LinkedHashMap<>(xlsx.entries());
        entries.remove("xl/worksheets/sheet1.xml");
        CorpusFiles.zipWithStoredFirst(file, "xl/worksheets/sheet1.xml", xlsx.sheetXml().getBytes(StandardCharsets.UTF_8),
                entries);
        byte[] bytes = Files.readAllBytes(file);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        bytes[latin.indexOf("<v>101</v>") + 3] = '7';
        Files.write(file, bytes);
        // when / then
        assertRefused(file, "bị hỏng hoặc bị cắt cụt");
    }

    // --- .xlsx: the XML ------------------------------------------------------------------------

    @Test
    void refusesBillionLaughsWithoutExpandingThem() throws Exception {
        // given 10^10 copies of "lol" if the entities were ever expanded: 30 GB
        Path file = dir.resolve("lol.xlsx");
        HandXlsx.report(Figures.of(1)).prolog(CorpusFiles.billionLaughs(10))
                .addRow(row(7, "<c r=\"A7\" t=\"inlineStr\"><is><t>&lol10;</t></is></c>")).write(file);
        // when / then
        assertRefusedQuickly(file, "khai báo DTD/thực thể XML (trong trang tính \"Báo cáo\")");
    }

    @Test
    void neverReadsAnExternalEntity() throws Exception {
        // given a sheet that asks for a local file's content in a cell
        Path secret = Files.writeString(dir.resolve("secret.txt"), "BI-MAT-KHONG-DUOC-DOC");
        Path file = dir.resolve("xxe.xlsx");
        HandXlsx.report(Figures.of(1))
                .prolog("<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n")
                .addRow(row(7, "<c r=\"A7\" t=\"inlineStr\"><is><t>&xxe;</t></is></c>")).write(file);
        // when / then
        assertThatThrownBy(() -> TableSources.open(file, WINDOWS_1258))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("khai báo DTD")
                .hasMessageNotContaining("BI-MAT");
    }

    @Test
    void refusesADtdInTheSharedStringsTheStylesAndTheWorkbook() throws Exception {
        String dtd = "<!DOCTYPE x [<!ENTITY e \"e\">]>";
        Path strings = dir.resolve("strings.xlsx");
        HandXlsx.report(Figures.of(1)).sharedStrings(Content.of(HandXlsx.DECLARATION + dtd + "<sst xmlns=\""
                + HandXlsx.MAIN + "\"><si><t>&e;</t></si></sst>")).write(strings);
        Path styles = dir.resolve("styles.xlsx");
        HandXlsx.report(Figures.of(1)).styles(Content.of(HandXlsx.DECLARATION + dtd + "<styleSheet xmlns=\""
                + HandXlsx.MAIN + "\"/>")).write(styles);
        Path workbook = dir.resolve("workbook.xlsx");
        HandXlsx.report(Figures.of(1)).workbook(HandXlsx.DECLARATION + dtd + "<workbook xmlns=\"" + HandXlsx.MAIN
                + "\" xmlns:r=\"" + HandXlsx.RELS + "\"><sheets><sheet name=\"&e;\" sheetId=\"1\" r:id=\"rId1\"/>"
                + "</sheets></workbook>").write(workbook);

        assertRefused(strings, "(trong sharedStrings.xml)");
        assertRefused(styles, "(trong styles.xml)");
        assertRefused(workbook, "(trong workbook.xml)");
    }

    @Test
    void readsColumnXfdAndRefusesTheColumnAfterIt() throws Exception {
        Path last = dir.resolve("xfd.xlsx");
        HandXlsx.report(Figures.of(1)).addRow(row(7, number("XFD7", 5))).write(last);
        Path beyond = dir.resolve("xfe.xlsx");
        HandXlsx.report(Figures.of(1)).addRow(row(7, number("XFE7", 5))).write(beyond);

        assertThat(readAll(last).get(5).cells()).singleElement()
                .satisfies(cell -> assertThat(cell.reference()).isEqualTo("XFD7"));
        assertRefused(beyond, "có ô ở cột thứ 16.385, vượt quá 16.384 cột");
    }

    @Test
    void refusesAColumnWhoseLettersWouldOverflow() throws Exception {
        Path file = dir.resolve("zzz.xlsx");
        HandXlsx.report(Figures.of(1)).addRow(row(7, number("ZZZZZZZZZZZZZZZZ7", 5))).write(file);
        assertRefused(file, "vượt quá 16.384 cột");
    }

    @Test
    void refusesARowOfMoreCellsThanColumns() throws Exception {
        // given 16,385 cells that all claim to be A7 (styles vary, or it would compress like a bomb)
        StringBuilder cells = new StringBuilder();
        for (int i = 0; i < 16_385; i++) {
            cells.append("<c r=\"A7\" s=\"").append(random.nextInt(100_000)).append("\"/>");
        }
        Path file = dir.resolve("o.xlsx");
        HandXlsx.report(Figures.of(1)).addRow(row(7, cells.toString())).write(file);
        assertRefused(file, "dòng 7 của trang tính \"Báo cáo\" có hơn 16.384 ô");
    }

    @Test
    void readsRow1048576AndRefusesTheRowAfterIt() throws Exception {
        Path last = dir.resolve("last.xlsx");
        HandXlsx.report(Figures.of(1)).addRow(row(1_048_576, number("A1048576", 5))).write(last);
        Path beyond = dir.resolve("beyond.xlsx");
        HandXlsx.report(Figures.of(1)).addRow(row(1_048_577, number("A1048577", 5))).write(beyond);
        Path absurd = dir.resolve("absurd.xlsx");
        HandXlsx.report(Figures.of(1)).rows(List.of(
                "<row r=\"99999999999999999999\"><c r=\"A1\"><v>1</v></c></row>")).write(absurd);

        assertThat(readAll(last)).last().satisfies(row -> assertThat(row.number()).isEqualTo(1_048_576));
        assertRefused(beyond, "có dòng số 1.048.577, vượt quá 1.048.576 dòng");
        assertRefused(absurd, "vượt quá 1.048.576 dòng");
    }

    @Test
    void readsACellOf32767CharactersAndRefusesOneMore() throws Exception {
        String longest = CorpusFiles.noise(random, 32_767).replace(' ', 'x');
        Path inline = dir.resolve("inline.xlsx");
        HandXlsx.report(Figures.of(1)).addRow(row(7, text("B7", longest))).write(inline);
        Path inlineBeyond = dir.resolve("inline-beyond.xlsx");
        HandXlsx.report(Figures.of(1)).addRow(row(7, text("B7", longest + "x"))).write(inlineBeyond);
        Path value = dir.resolve("value.xlsx");
        HandXlsx.report(Figures.of(1)).addRow(row(7, "<c r=\"B7\" t=\"str\"><v>" + longest + "x</v></c>")).write(value);
        Path shared = dir.resolve("shared.xlsx");
        HandXlsx.report(Figures.of(1)).sharedStrings(Content.of(HandXlsx.DECLARATION + "<sst xmlns=\"" + HandXlsx.MAIN
                + "\"><si><t>ngắn</t></si><si><r><t>" + longest + "</t></r><r><t>x</t></r></si></sst>")).write(shared);

        assertThat(readAll(inline).get(5).cells().get(0).text()).hasSize(32_767);
        assertRefused(inlineBeyond, "ô B7 của trang tính \"Báo cáo\" dài hơn 32.767 ký tự");
        assertRefused(value, "ô B7 của trang tính \"Báo cáo\" dài hơn 32.767 ký tự");
        assertRefused(shared, "chữ dùng chung số 2 của tệp Excel dài hơn 32.767 ký tự");
    }

    @Test
    void refusesAMultiMegabyteCellQuickly() throws Exception {
        Path file = dir.resolve("cell.xlsx");
        String text = CorpusFiles.noise(random, 8 * 1024 * 1024);
        HandXlsx.report(Figures.of(1)).addRow(row(7, text("B7", text))).write(file);
        assertRefusedQuickly(file, "dài hơn 32.767 ký tự");
    }

    @Test
    void refusesMoreCellStylesThanExcelAllows() throws Exception {
        Path file = dir.resolve("styles.xlsx");
        HandXlsx.report(Figures.of(1)).styles(out -> {
            out.write((HandXlsx.DECLARATION + "<styleSheet xmlns=\"" + HandXlsx.MAIN + "\"><cellXfs>")
                    .getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 65_537; i++) {
                out.write(("<xf numFmtId=\"" + random.nextInt(200) + "\" fontId=\"" + random.nextInt(1000) + "\"/>")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            out.write("</cellXfs></styleSheet>".getBytes(StandardCharsets.US_ASCII));
        }).write(file);
        assertRefused(file, "hơn 65.536 kiểu định dạng ô");
    }

    @Test
    void refusesAWorkbookThatDeclaresMoreThanAThousandSheets() throws Exception {
        // given 1,001 sheets that are all the same part: reading it 1,001 times is the attack
        Path file = dir.resolve("sheets.xlsx");
        StringBuilder sheets = new StringBuilder();
        for (int i = 0; i <= 1_000; i++) {
            sheets.append("<sheet name=\"S").append(i).append("\" sheetId=\"").append(i + 1).append("\" r:id=\"rId1\"/>");
        }
        HandXlsx.report(Figures.of(1)).workbook(HandXlsx.DECLARATION + "<workbook xmlns=\"" + HandXlsx.MAIN
                + "\" xmlns:r=\"" + HandXlsx.RELS + "\"><sheets>" + sheets + "</sheets></workbook>").write(file);
        assertRefused(file, "khai báo hơn 1.000 trang tính");
    }

    @Test
    void refusesASharedStringIndexOutsideTheTable() throws Exception {
        Path file = dir.resolve("index.xlsx");
        HandXlsx.report(Figures.of(1)).sharedStrings(Content.of(HandXlsx.DECLARATION + "<sst xmlns=\"" + HandXlsx.MAIN
                + "\"><si><t>a</t></si></sst>")).addRow(row(7, "<c r=\"A7\" t=\"s\"><v>5</v></c>")).write(file);
        assertRefused(file, "ô A7 của trang tính \"Báo cáo\" trỏ tới chữ không có trong tệp");
    }

    @Test
    void readsTextSplitIntoCdataAndCharacterReferences() throws Exception {
        Path file = dir.resolve("cdata.xlsx");
        HandXlsx.report(Figures.of(1)).addRow(row(7, text("A7", "Gh<![CDATA[i ch]]>&#250; &amp; <![CDATA[<ok>]]>")))
                .write(file);
        assertThat(readAll(file).get(5).cells().get(0).text()).isEqualTo("Ghi chú & <ok>");
    }

    // --- .xls ---------------------------------------------------------------------------------

    @Test
    void refusesAnXlsLargerThan16Megabytes() throws Exception {
        Path file = dir.resolve("lon.xls");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.write(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                    (byte) 0xE1});
            sparse.setLength(17L * 1024 * 1024);
        }
        assertRefused(file, "tệp .xls lớn hơn 16 MB");
    }

    // --- CSV ----------------------------------------------------------------------------------

    @Test
    void refusesACsvWithANulCharacterNamingItsLine() throws Exception {
        // given a report with one NUL in it: too few control characters to call it binary
        String csv = CorpusFiles.reportCsv(Figures.of(1), ',').replace("tiếp nhận", "tiếp\u0000nhận");
        assertRefused(write("nul.csv", CorpusFiles.utf8(csv)), "ký tự rỗng (NUL) ở dòng 5");
    }

    @Test
    void refusesBinaryGarbage() throws Exception {
        byte[] garbage = new byte[4096];
        random.nextBytes(garbage);
        garbage[0] = 'x';
        assertRefused(write("rac.csv", garbage), "không phải tệp Excel hay CSV");
    }

    @Test
    void readsARecordOfAMegabyteAndRefusesOneCharacterMore() throws Exception {
        // given records of 1,048,576 and 1,048,577 characters, made of cells within Excel's limit
        String cells = ("x".repeat(31_999) + ",").repeat(33);
        String longest = cells.substring(0, 1_048_576 - 1) + "y";
        Path fits = write("vua.csv", CorpusFiles.utf8("a,b\n" + longest + "\nc,d\n"));
        Path beyond = write("qua.csv", CorpusFiles.utf8("a,b\n" + longest + "z\nc,d\n"));

        assertThat(readAll(fits)).hasSize(3);
        assertRefused(beyond, "dòng 2 của tệp CSV dài hơn 1.048.576 ký tự");
    }

    @Test
    void refusesA10MegabyteLineAndAQuoteNeverClosedQuickly() throws Exception {
        Path line = dir.resolve("dong.csv");
        try (OutputStream out = Files.newOutputStream(line)) {
            out.write(CorpusFiles.utf8("a,b\n"));
            byte[] x = new byte[1024 * 1024];
            java.util.Arrays.fill(x, (byte) 'x');
            for (int i = 0; i < 10; i++) {
                out.write(x);
            }
        }
        StringBuilder unclosed = new StringBuilder("a,b\n\"c,");
        for (int i = 0; i < 30_000; i++) {
            unclosed.append(CorpusFiles.noise(random, 60)).append('\n');
        }
        Path quote = write("ngoac.csv", CorpusFiles.utf8(unclosed.toString()));

        assertRefusedQuickly(line, "dòng 2 của tệp CSV dài hơn 1.048.576 ký tự");
        assertRefusedQuickly(quote, "thiếu dấu \" đóng");
    }

    @Test
    void refusesTheSameLineInUtf16() throws Exception {
        // given the BOM decides the encoding, the file is still scanned
        String text = "a\tb\n" + "x".repeat(1_100_000) + "\n";
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 2);
        System.arraycopy(body, 0, all, 2, body.length);
        assertRefused(write("utf16.csv", all), "dài hơn 1.048.576 ký tự");
    }

    @Test
    void reads16384ColumnsAndRefusesOneMore() throws Exception {
        Path fits = write("rong.csv", CorpusFiles.utf8("a\n" + "x,".repeat(16_383) + "y\n"));
        Path beyond = write("qua-rong.csv", CorpusFiles.utf8("a\n" + "x,".repeat(16_384) + "y\n"));

        assertThat(readAll(fits).get(1).cells()).hasSize(16_384);
        assertRefused(beyond, "có ô ở cột thứ 16.385, vượt quá 16.384 cột");
    }

    @Test
    void refusesACsvCellLongerThanExcelAllows() throws Exception {
        Path file = write("o.csv", CorpusFiles.utf8("a,b\nc,\"" + "x".repeat(32_768) + "\"\n"));
        assertRefused(file, "ô B2 của trang tính \"o\" dài hơn 32.767 ký tự");
    }

    @Test
    void refusesACsvOfMoreRowsThanExcelAllows() throws Exception {
        Path file = write("dong.csv", CorpusFiles.utf8("x\n".repeat(1_048_577)));
        assertRefused(file, "có dòng số 1.048.577, vượt quá 1.048.576 dòng");
    }

    // --- helpers ------------------------------------------------------------------------------

    private void assertRefused(Path file, String phrase) {
        assertThatThrownBy(() -> TableSources.open(file, WINDOWS_1258))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("Tệp không đọc được")
                .hasMessageContaining(phrase);
    }

    private void assertRefusedQuickly(Path file, String phrase) {
        long started = System.nanoTime();
        assertRefused(file, phrase);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICKLY);
    }

    private static List<SheetRow> readAll(Path file) throws UnreadableFileException, IOException {
        List<SheetRow> rows = new ArrayList<>();
        try (TableSource source = TableSources.open(file, WINDOWS_1258)) {
            Iterator<SheetRow> it = source.rows();
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private Path sparse(String name, String head, long length) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.write(head.getBytes(StandardCharsets.UTF_8));
            sparse.setLength(length);
        }
        return file;
    }
}
