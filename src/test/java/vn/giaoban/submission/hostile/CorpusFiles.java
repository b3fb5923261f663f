package vn.giaoban.submission.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the files of the hostile corpus: the BM03-DT report as units fill it in (POI), the same
 * report as a hand-made package (every XML part written here, so that it can be made hostile), and
 * the byte-level helpers for broken ones.
 */
final class CorpusFiles {

    static final String TITLE = "BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ";
    static final String PERIOD = "Tháng 10 năm 2022";
    static final String[] HEADER = {"Chỉ tiêu", "Tháng 10", "Lũy kế từ đầu năm"};
    static final String RECEIVED = "Số đơn thư tiếp nhận";
    static final String RESOLVED = "Số đơn thư đã giải quyết";

    private CorpusFiles() {
    }

    /** The four figures of a report: this month and since January, received and resolved. */
    record Figures(int receivedMonth, int receivedCumulative, int resolvedMonth, int resolvedCumulative) {

        static Figures of(int seed) {
            return new Figures(10 + seed, 100 + seed, seed, 90 + seed);
        }

        Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("DT_TIEP_NHAN/MONTH", Integer.toString(receivedMonth));
            values.put("DT_TIEP_NHAN/CUMULATIVE", Integer.toString(receivedCumulative));
            values.put("DT_DA_GIAI_QUYET/MONTH", Integer.toString(resolvedMonth));
            values.put("DT_DA_GIAI_QUYET/CUMULATIVE", Integer.toString(resolvedCumulative));
            return values;
        }
    }

    // --- workbooks written by POI, as Excel would ------------------------------------------------

    /** Title on rows 1-2, header on row 4, the two indicators on rows 5-6 (Excel's numbering). */
    static void reportRows(Sheet sheet, Figures f) {
        row(sheet, 0, TITLE);
        row(sheet, 1, PERIOD);
        row(sheet, 3, (Object[]) HEADER);
        row(sheet, 4, RECEIVED, f.receivedMonth(), f.receivedCumulative());
        row(sheet, 5, RESOLVED, f.resolvedMonth(), f.resolvedCumulative());
    }

    static Row row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (value != null) {
                row.createCell(i).setCellValue(value.toString());
            }
        }
        return row;
    }

    static byte[] xlsx(Consumer<XSSFWorkbook> content) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            content.accept(workbook);
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] reportXlsx(Figures f) {
        return xlsx(workbook -> reportRows(workbook.createSheet("Báo cáo"), f));
    }

    static byte[] bytes(Workbook workbook) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    // --- CSV ---------------------------------------------------------------------------------------

    static String reportCsv(Figures f, char delimiter) {
        String d = String.valueOf(delimiter);
        return TITLE + "\r\n" + PERIOD + "\r\n\r\n" + String.join(d, HEADER) + "\r\n"
                + RECEIVED + d + f.receivedMonth() + d + f.receivedCumulative() + "\r\n"
                + RESOLVED + d + f.resolvedMonth() + d + f.resolvedCumulative() + "\r\n";
    }

    /**
     * Vietnamese in Windows-1258 as old tools write it: the letter with its shape (â, ơ, ư...)
     * precomposed, the tone mark as a combining character after it.
     */
    static byte[] windows1258(String text) throws IOException {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < decomposed.length()) {
            StringBuilder letter = new StringBuilder().append(decomposed.charAt(i++));
            StringBuilder tones = new StringBuilder();
            while (i < decomposed.length() && Character.getType(decomposed.charAt(i)) == Character.NON_SPACING_MARK) {
                char mark = decomposed.charAt(i++);
                if (mark == '\u0302' || mark == '\u0306' || mark == '\u031B') {
                    letter.append(mark);
                } else {
                    tones.append(mark);
                }
            }
            out.append(Normalizer.normalize(letter, Normalizer.Form.NFC)).append(tones);
        }
        ByteBuffer encoded = Charset.forName("windows-1258").newEncoder()
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .encode(CharBuffer.wrap(out));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // --- packages written by hand ------------------------------------------------------------------

    /** What a zip entry holds, written as the zip is written so that a large part is never in memory. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;

        static Content of(String xml) {
            return out -> out.write(xml.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A minimal .xlsx: one sheet of inline strings and numbers; every part can be replaced. */
    static final class HandXlsx {
        private String prolog = "";
        private final List<String> rows = new ArrayList<>();
        private Content sheet;
        private Content sharedStrings;
        private Content styles;
        private String workbook;

        static HandXlsx report(Figures f) {
            HandXlsx xlsx = new HandXlsx();
            xlsx.rows.add(row(1, text("A1", TITLE)));
            xlsx.rows.add(row(2, text("A2", PERIOD)));
            xlsx.rows.add(row(4, text("A4", HEADER[0]) + text("B4", HEADER[1]) + text("C4", HEADER[2])));
            xlsx.rows.add(row(5, text("A5", RECEIVED) + number("B5", f.receivedMonth())
                    + number("C5", f.receivedCumulative())));
            xlsx.rows.add(row(6, text("A6", RESOLVED) + number("B6", f.resolvedMonth())
                    + number("C6", f.resolvedCumulative())));
            return xlsx;
        }

        static String row(int number, String cells) {
            return "<row r=\"" + number + "\">" + cells + "</row>";
        }

        static String text(String ref, String text) {
            return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
        }

        static String number(String ref, int value) {
            return "<c r=\"" + ref + "\"><v>" + value + "</v></c>";
        }

        /** Text between the XML declaration and the root element: where a DTD goes. */
        HandXlsx prolog(String prolog) {
            this.prolog = prolog;
            return this;
        }

        HandXlsx rows(List<String> rows) {
            this.rows.clear();
            this.rows.addAll(rows);
            return this;
        }

        HandXlsx addRow(String row) {
            rows.add(row);
            return this;
        }

        HandXlsx sheet(Content sheet) {
            this.sheet = sheet;
            return this;
        }

        HandXlsx sharedStrings(Content sharedStrings) {
            this.sharedStrings = sharedStrings;
            return this;
        }

        HandXlsx styles(Content styles) {
            this.styles = styles;
            return this;
        }

        HandXlsx workbook(String workbook) {
            this.workbook = workbook;
            return this;
        }

        static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
        static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        static final String RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

        /** The sheet's XML: the prolog, then the rows in sheetData. */
        String sheetXml() {
            return DECLARATION + prolog + "<worksheet xmlns=\"" + MAIN + "\"><sheetData>" + String.join("", rows)
                    + "</sheetData></worksheet>";
        }

        Map<String, Content> entries() {
            Map<String, Content> entries = new LinkedHashMap<>();
            StringBuilder types = new StringBuilder(DECLARATION
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            StringBuilder rels = new StringBuilder(DECLARATION
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + RELS + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>");
            if (sharedStrings != null) {
                types.append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
                rels.append("<Relationship Id=\"rId2\" Type=\"" + RELS + "/sharedStrings\" Target=\"sharedStrings.xml\"/>");
            }
            if (styles != null) {
                types.append("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
                rels.append("<Relationship Id=\"rId3\" Type=\"" + RELS + "/styles\" Target=\"styles.xml\"/>");
            }
            entries.put("[Content_Types].xml", Content.of(types.append("</Types>").toString()));
            entries.put("_rels/.rels", Content.of(DECLARATION
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + RELS + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>"));
            entries.put("xl/workbook.xml", Content.of(workbook != null ? workbook : DECLARATION
                    + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELS + "\"><sheets>"
                    + "<sheet name=\"Báo cáo\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            entries.put("xl/_rels/workbook.xml.rels", Content.of(rels.append("</Relationships>").toString()));
            entries.put("xl/worksheets/sheet1.xml", sheet != null ? sheet : Content.of(sheetXml()));
            if (sharedStrings != null) {
                entries.put("xl/sharedStrings.xml", sharedStrings);
            }
            if (styles != null) {
                entries.put("xl/styles.xml", styles);
            }
            return entries;
        }

        void write(Path file) throws IOException {
            zip(file, entries());
        }
    }

    static void zip(Path file, Map<String, Content> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, Content> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                entry.getValue().writeTo(zip);
                zip.closeEntry();
            }
        }
    }

    /** A stored (not compressed) entry first, as OpenDocument requires for its mimetype. */
    static void zipWithStoredFirst(Path file, String name, byte[] stored, Map<String, Content> rest) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            ZipEntry entry = new ZipEntry(name);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(stored.length);
            entry.setCompressedSize(stored.length);
            CRC32 crc = new CRC32();
            crc.update(stored);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(stored);
            zip.closeEntry();
            for (Map.Entry<String, Content> other : rest.entrySet()) {
                zip.putNextEntry(new ZipEntry(other.getKey()));
                other.getValue().writeTo(zip);
                zip.closeEntry();
            }
        }
    }

    /** Text that deflate cannot shrink much: a bomb check must not be what stops it. */
    static String noise(Random random, int length) {
        String letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệ0123456789 ";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(letters.charAt(random.nextInt(letters.length())));
        }
        return text.toString();
    }

    /** Nested entities, each ten of the one before: 10^levels copies of "lol" if ever expanded. */
    static String billionLaughs(int levels) {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= levels; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10));
            dtd.append("\">");
        }
        return dtd.append("]>\n").toString();
    }
}
