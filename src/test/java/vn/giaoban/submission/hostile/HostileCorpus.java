package vn.giaoban.submission.hostile;

import static vn.giaoban.submission.hostile.CorpusFiles.HEADER;
import static vn.giaoban.submission.hostile.CorpusFiles.PERIOD;
import static vn.giaoban.submission.hostile.CorpusFiles.RECEIVED;
import static vn.giaoban.submission.hostile.CorpusFiles.RESOLVED;
import static vn.giaoban.submission.hostile.CorpusFiles.TITLE;
import static vn.giaoban.submission.hostile.CorpusFiles.HandXlsx.number;
import static vn.giaoban.submission.hostile.CorpusFiles.HandXlsx.row;
import static vn.giaoban.submission.hostile.CorpusFiles.HandXlsx.text;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import vn.giaoban.submission.hostile.CorpusFiles.Content;
import vn.giaoban.submission.hostile.CorpusFiles.Figures;
import vn.giaoban.submission.hostile.CorpusFiles.HandXlsx;

/**
 * The broken, hostile and odd files of issue 3, each with what must become of it: accepted with
 * exactly these values (indicator/measure → number), or rejected with a reason containing this
 * phrase. Every file is a BM03-DT report of October 2022 from one of the 17 communes and towns,
 * so that only what is wrong with it decides its fate.
 */
final class HostileCorpus {

    static final List<String> FOLDERS = List.of("06124", "06127", "06133", "06136", "06139", "06142", "06148",
            "06151", "06154", "06157", "06160", "06163", "06166", "06172", "06175", "06178", "06181");

    /** @param values for an accepted file, its values; null for a rejected one */
    record Case(String folder, String name, Map<String, String> values, String phrase, Writer writer) {

        boolean accepted() {
            return values != null;
        }

        Path path(Path inbox) {
            return inbox.resolve(folder).resolve(name);
        }

        @Override
        public String toString() {
            return folder + "/" + name + (accepted() ? " → accepted " + values : " → rejected: " + phrase);
        }
    }

    @FunctionalInterface
    interface Writer {
        void write(Path file) throws Exception;
    }

    private final List<Case> cases = new ArrayList<>();

    List<Case> cases() {
        return cases;
    }

    /** Writes every file into {@code inbox/<folder>/}. */
    void write(Path inbox) throws Exception {
        for (Case c : cases) {
            Path file = c.path(inbox);
            Files.createDirectories(file.getParent());
            c.writer().write(file);
        }
    }

    private void accepted(String name, Map<String, String> values, Writer writer) {
        cases.add(new Case(FOLDERS.get(cases.size() % FOLDERS.size()), name, values, null, writer));
    }

    private void rejected(String name, String phrase, Writer writer) {
        cases.add(new Case(FOLDERS.get(cases.size() % FOLDERS.size()), name, null, phrase, writer));
    }

    private static Writer bytes(byte[] content) {
        return file -> Files.write(file, content);
    }

    private static Map<String, String> values(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return values;
    }

    static HostileCorpus build() {
        HostileCorpus corpus = new HostileCorpus();
        corpus.hostile();
        corpus.broken();
        corpus.odd();
        return corpus;
    }

    // --- hostile: made to exhaust or to leak ---------------------------------------------------------

    private void hostile() {
        Random random = new Random(20221027);

        rejected("Don thu T10-2022 zip bomb.xlsx", "tệp nén bất thường", file -> {
            HandXlsx xlsx = HandXlsx.report(Figures.of(1));
            String xml = xlsx.sheetXml();
            int end = xml.indexOf("</sheetData>");
            xlsx.sheet(out -> {
                out.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
                byte[] spaces = new byte[1024 * 1024];
                Arrays.fill(spaces, (byte) ' ');
                for (int i = 0; i < 40; i++) {
                    out.write(spaces); // 40 MB of blanks: about 40 KB deflated
                }
                out.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
            }).write(file);
        });

        rejected("Don thu T10-2022 XXE trong trang tinh.xlsx", "khai báo DTD", file -> HandXlsx.report(Figures.of(2))
                .prolog("<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n")
                .addRow(row(7, "<c r=\"A7\" t=\"inlineStr\"><is><t>&xxe;</t></is></c>"))
                .write(file));

        rejected("Don thu T10-2022 billion laughs chu dung chung.xlsx", "khai báo DTD", file -> HandXlsx
                .report(Figures.of(3))
                .sharedStrings(Content.of(HandXlsx.DECLARATION + CorpusFiles.billionLaughs(9)
                        + "<sst xmlns=\"" + HandXlsx.MAIN + "\"><si><t>&lol9;</t></si></sst>"))
                .addRow(row(7, "<c r=\"A7\" t=\"s\"><v>0</v></c>"))
                .write(file));

        rejected("Don thu T10-2022 billion laughs workbook.xlsx", "khai báo DTD", file -> HandXlsx
                .report(Figures.of(4))
                .workbook(HandXlsx.DECLARATION + CorpusFiles.billionLaughs(9) + "<workbook xmlns=\"" + HandXlsx.MAIN
                        + "\" xmlns:r=\"" + HandXlsx.RELS + "\"><sheets><sheet name=\"&lol9;\" sheetId=\"1\""
                        + " r:id=\"rId1\"/></sheets></workbook>")
                .write(file));

        rejected("Don thu T10-2022 XXE trong styles.xlsx", "khai báo DTD", file -> HandXlsx.report(Figures.of(5))
                .styles(Content.of(HandXlsx.DECLARATION
                        + "<!DOCTYPE styleSheet [<!ENTITY x SYSTEM \"http://127.0.0.1:9/x\">]>"
                        + "<styleSheet xmlns=\"" + HandXlsx.MAIN + "\"><numFmts count=\"1\"><numFmt numFmtId=\"164\""
                        + " formatCode=\"&x;\"/></numFmts></styleSheet>"))
                .write(file));

        rejected("Don thu T10-2022 cot XFE.xlsx", "vượt quá 16.384 cột", file -> HandXlsx.report(Figures.of(6))
                .addRow(row(7, number("XFE7", 1)))
                .write(file));

        rejected("Don thu T10-2022 mot trieu o.xlsx", "có hơn 16.384 ô", file -> {
            HandXlsx xlsx = HandXlsx.report(Figures.of(7));
            String xml = xlsx.sheetXml();
            int end = xml.indexOf("</sheetData>");
            xlsx.sheet(out -> {
                out.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
                out.write("<row r=\"7\">".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 1_000_000; i++) {
                    out.write(("<c s=\"" + random.nextInt(100_000) + "\"/>").getBytes(StandardCharsets.US_ASCII));
                }
                out.write("</row>".getBytes(StandardCharsets.US_ASCII));
                out.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
            }).write(file);
        });

        rejected("Don thu T10-2022 o 5 MB.xlsx", "dài hơn 32.767 ký tự", file -> HandXlsx.report(Figures.of(8))
                .addRow(row(7, text("A7", "Ghi chú") + text("B7", CorpusFiles.noise(random, 5 * 1024 * 1024))))
                .write(file));

        rejected("Don thu T10-2022 chu dung chung 5 MB.xlsx", "chữ dùng chung số 1", file -> HandXlsx
                .report(Figures.of(9))
                .sharedStrings(Content.of(HandXlsx.DECLARATION + "<sst xmlns=\"" + HandXlsx.MAIN + "\"><si><t>"
                        + CorpusFiles.noise(random, 5 * 1024 * 1024) + "</t></si></sst>"))
                .write(file));

        // 600,000 strings: 29 MB as Java holds them, more than an eighth of a 256 MB heap
        rejected("Don thu T10-2022 bang chu dung chung lon.xlsx", "bảng chữ dùng chung", file -> HandXlsx
                .report(Figures.of(10))
                .sharedStrings(out -> {
                    out.write((HandXlsx.DECLARATION + "<sst xmlns=\"" + HandXlsx.MAIN + "\">")
                            .getBytes(StandardCharsets.UTF_8));
                    for (int i = 0; i < 600_000; i++) {
                        out.write(("<si><t>" + (10_000_000 + random.nextInt(90_000_000)) + "</t></si>")
                                .getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("</sst>".getBytes(StandardCharsets.US_ASCII));
                })
                .write(file));

        rejected("Don thu T10-2022 70000 kieu o.xlsx", "kiểu định dạng ô", file -> HandXlsx.report(Figures.of(11))
                .styles(out -> {
                    out.write((HandXlsx.DECLARATION + "<styleSheet xmlns=\"" + HandXlsx.MAIN + "\"><cellXfs>")
                            .getBytes(StandardCharsets.UTF_8));
                    for (int i = 0; i < 70_000; i++) {
                        out.write(("<xf numFmtId=\"" + random.nextInt(200) + "\" fontId=\"" + random.nextInt(1000)
                                + "\"/>").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("</cellXfs></styleSheet>".getBytes(StandardCharsets.US_ASCII));
                })
                .write(file));

        rejected("Don thu T10-2022 dong 1048577.xlsx", "vượt quá 1.048.576 dòng", file -> HandXlsx
                .report(Figures.of(12))
                .addRow(row(1_048_577, number("B1048577", 5)))
                .write(file));

        rejected("Don thu T10-2022 qua lon.xlsx", "tệp quá lớn", file -> {
            try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
                sparse.write(new byte[] {'P', 'K', 3, 4});
                sparse.setLength(70L * 1024 * 1024);
            }
        });

        rejected("Don thu T10-2022 ky tu NUL.csv", "ký tự rỗng (NUL) ở dòng 6", file -> {
            String csv = CorpusFiles.reportCsv(Figures.of(14), ',');
            Files.write(file, CorpusFiles.utf8(csv.replace("đã giải quyết", "đã gi\u0000ải quyết")));
        });

        rejected("Don thu T10-2022 dong 10 MB.csv", "dài hơn 1.048.576 ký tự", file -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(CorpusFiles.utf8(CorpusFiles.reportCsv(Figures.of(15), ',') + "Ghi chú,"));
                byte[] line = new byte[1024 * 1024];
                Arrays.fill(line, (byte) 'x');
                for (int i = 0; i < 10; i++) {
                    out.write(line);
                }
                out.write(CorpusFiles.utf8("\r\n"));
            }
        });

        rejected("Don thu T10-2022 ngoac kep khong dong.csv", "thiếu dấu \" đóng", file -> {
            StringBuilder csv = new StringBuilder(CorpusFiles.reportCsv(Figures.of(16), ','));
            csv.append("\"Ghi chú: ");
            for (int i = 0; i < 40_000; i++) {
                csv.append(CorpusFiles.noise(random, 50)).append("\r\n");
            }
            Files.write(file, CorpusFiles.utf8(csv.toString()));
        });

        rejected("Don thu T10-2022 20000 cot.csv", "vượt quá 16.384 cột", file -> Files.write(file, CorpusFiles.utf8(
                CorpusFiles.reportCsv(Figures.of(17), ',') + "Ghi chú" + ",x".repeat(20_000) + "\r\n")));
    }

    // --- broken: damaged, protected, or not a spreadsheet at all -------------------------------------

    private void broken() {
        rejected("Don thu T10-2022 mat khau.xlsx", "được đặt mật khẩu", file -> {
            try (POIFSFileSystem fs = new POIFSFileSystem()) {
                Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
                encryptor.confirmPassword("mat-khau");
                try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = encryptor.getDataStream(fs)) {
                    CorpusFiles.reportRows(workbook.createSheet("Báo cáo"), Figures.of(20));
                    workbook.write(out);
                }
                try (OutputStream out = Files.newOutputStream(file)) {
                    fs.writeFilesystem(out);
                }
            }
        });

        rejected("Don thu T10-2022 mat khau.xls", "được đặt mật khẩu", file -> {
            Biff8EncryptionKey.setCurrentUserPassword("mat-khau");
            try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
                CorpusFiles.reportRows(workbook.createSheet("Báo cáo"), Figures.of(21));
                workbook.write(out);
            } finally {
                Biff8EncryptionKey.setCurrentUserPassword(null);
            }
        });

        rejected("Don thu T10-2022 bi cat cut.xlsx", "bị cắt cụt", file -> {
            byte[] whole = CorpusFiles.reportXlsx(Figures.of(22));
            Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        });

        rejected("Don thu T10-2022 zip hong.xlsx", "bị hỏng", file -> {
            byte[] bytes = CorpusFiles.reportXlsx(Figures.of(23));
            byte[] name = "xl/worksheets/sheet1.xml".getBytes(StandardCharsets.US_ASCII);
            int at = indexOf(bytes, name) + name.length + 40; // inside the sheet's deflated bytes
            for (int i = at; i < at + 32; i++) {
                bytes[i] ^= (byte) 0x5A;
            }
            Files.write(file, bytes);
        });

        rejected("Don thu T10-2022 bi cat cut.xls", "bị hỏng", file -> {
            byte[] whole;
            try (HSSFWorkbook workbook = new HSSFWorkbook()) {
                CorpusFiles.reportRows(workbook.createSheet("Báo cáo"), Figures.of(24));
                whole = CorpusFiles.bytes(workbook);
            }
            Files.write(file, Arrays.copyOf(whole, whole.length * 3 / 5 + 7));
        });

        rejected("Don thu T10-2022 trang web.xls", "trang web (HTML)", bytes(CorpusFiles.utf8(
                "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta charset=\"utf-8\"></head><body>"
                        + "<table><tr><td>" + TITLE + "</td></tr><tr><td>" + PERIOD + "</td></tr>"
                        + "<tr><td>" + RECEIVED + "</td><td>3</td><td>30</td></tr></table></body></html>")));

        rejected("Don thu T10-2022 tep PDF.xlsx", "tệp PDF", bytes(concat(
                CorpusFiles.utf8("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\n"),
                new byte[] {0, 1, 2, 3, (byte) 0xFF, (byte) 0xFE, 0, 0}, CorpusFiles.utf8("\n%%EOF\n"))));

        rejected("Don thu T10-2022 rong.csv", "tệp rỗng", bytes(new byte[0]));

        rejected("Don thu T10-2022 OpenDocument mat khau.xlsx", "(.ods) được đặt mật khẩu", file -> CorpusFiles.zipWithStoredFirst(file,
                "mimetype", "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII),
                Map.of("META-INF/manifest.xml", Content.of("<manifest:manifest xmlns:manifest="
                        + "\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"><manifest:file-entry"
                        + " manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"><manifest:encryption-data"
                        + " manifest:checksum=\"x\"/></manifest:file-entry></manifest:manifest>"),
                        "content.xml", Content.of("<office:document-content xmlns:office="
                        + "\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>"))));

        rejected("Don thu T10-2022 van ban Word.xlsx", "không phải tệp Excel hợp lệ", file -> {
            try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
                document.createParagraph().createRun().setText(TITLE + " " + PERIOD);
                document.write(out);
            }
        });

        rejected("Don thu T10-2022 nhi phan.xlsx", ".xlsb", file -> CorpusFiles.zip(file, Map.of(
                "[Content_Types].xml", Content.of(HandXlsx.DECLARATION
                        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Override PartName=\"/xl/workbook.bin\" ContentType=\"application/vnd.ms-excel.sheet.binary.macroEnabled.main\"/>"
                        + "</Types>"),
                "_rels/.rels", Content.of(HandXlsx.DECLARATION
                        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"" + HandXlsx.RELS + "/officeDocument\" Target=\"xl/workbook.bin\"/>"
                        + "</Relationships>"),
                "xl/workbook.bin", out -> out.write(new byte[] {(byte) 0x83, 1, 0, (byte) 0x80, 1, 0}))));

        rejected("Don thu T10-2022 OLE2 khong phai Excel.xls", "không phải tệp Excel hợp lệ", file -> {
            try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
                fs.createDocument(new ByteArrayInputStream(new byte[4096]), "WordDocument");
                fs.writeFilesystem(out);
            }
        });

        rejected("Don thu T10-2022 rac nhi phan.csv", "không phải tệp Excel hay CSV", file -> {
            byte[] garbage = new byte[64 * 1024];
            new Random(7).nextBytes(garbage);
            garbage[0] = 1;
            Files.write(file, garbage);
        });
    }

    // --- odd but valid: what real offices send ----------------------------------------------------------

    private void odd() {
        Figures xlsxAsCsv = Figures.of(31);
        accepted("Don thu T10-2022 Excel dat ten csv.csv", xlsxAsCsv.values(),
                bytes(CorpusFiles.reportXlsx(xlsxAsCsv)));

        Figures utf16 = Figures.of(32);
        accepted("Don thu T10-2022 UTF-16BE.csv", utf16.values(), bytes(concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                CorpusFiles.reportCsv(utf16, '\t').getBytes(StandardCharsets.UTF_16BE))));

        Figures legacy = Figures.of(33);
        accepted("Don thu T10-2022 Windows-1258.csv", legacy.values(),
                file -> Files.write(file, CorpusFiles.windows1258(CorpusFiles.reportCsv(legacy, ';'))));

        Figures hidden = Figures.of(34);
        accepted("Don thu T10-2022 trang an.xlsx", hidden.values(), bytes(CorpusFiles.xlsx(workbook -> {
            CorpusFiles.row(workbook.createSheet("Hướng dẫn"), 0, "Điền số liệu vào trang tính kế tiếp.");
            CorpusFiles.reportRows(workbook.createSheet("Báo cáo"), hidden);
            workbook.setSheetHidden(1, true);
        })));

        accepted("Don thu T10-2022 cong thuc.xlsx", values("DT_TIEP_NHAN/MONTH", "5", "DT_TIEP_NHAN/CUMULATIVE", "135",
                "DT_DA_GIAI_QUYET/MONTH", "4", "DT_DA_GIAI_QUYET/CUMULATIVE", "120"),
                bytes(CorpusFiles.xlsx(workbook -> formulas(workbook, "2+3", "SUM(100,35)", "B5-1", "C5-15"))));

        accepted("Don thu T10-2022 o loi.xlsx", values("DT_TIEP_NHAN/CUMULATIVE", "136",
                "DT_DA_GIAI_QUYET/MONTH", "6"),
                bytes(CorpusFiles.xlsx(workbook -> formulas(workbook, "1/0", "136", "6", "NA()"))));

        accepted("Don thu T10-2022 chu noi dong.xlsx", values("DT_TIEP_NHAN/MONTH", "1005",
                "DT_TIEP_NHAN/CUMULATIVE", "12345", "DT_DA_GIAI_QUYET/MONTH", "7", "DT_DA_GIAI_QUYET/CUMULATIVE", "1000"),
                file -> HandXlsx.report(Figures.of(37)).rows(List.of(
                        row(1, text("A1", TITLE)),
                        row(2, text("A2", "<![CDATA[" + PERIOD + "]]>")),
                        row(4, text("A4", HEADER[0]) + text("B4", HEADER[1]) + text("C4", "Lũy kế <![CDATA[từ đầu]]> n&#259;m")),
                        row(5, text("A5", "<![CDATA[Số đơn thư ]]>tiếp nhận") + text("B5", "1.0&#48;5")
                                + text("C5", "12.345")),
                        row(6, text("A6", RESOLVED) + text("B6", "<![CDATA[7]]>") + text("C6", "1.000"))))
                        .write(file));

        accepted("Don thu T10-2022 so dang chu.xlsx", values("DT_TIEP_NHAN/MONTH", "1234",
                "DT_TIEP_NHAN/CUMULATIVE", "12345", "DT_DA_GIAI_QUYET/MONTH", "1230", "DT_DA_GIAI_QUYET/CUMULATIVE", "11000"),
                bytes(CorpusFiles.xlsx(workbook -> {
                    Sheet sheet = workbook.createSheet("Báo cáo");
                    CorpusFiles.reportRows(sheet, Figures.of(38));
                    CorpusFiles.row(sheet, 4, RECEIVED, "1.234", "12.345");
                    CorpusFiles.row(sheet, 5, RESOLVED, "1.230", "11.000");
                })));

        // 44835 is 1 October 2022 as an Excel date: a date where a count belongs is not taken
        accepted("Don thu T10-2022 ngay dang so.xlsx", values("DT_TIEP_NHAN/CUMULATIVE", "139",
                "DT_DA_GIAI_QUYET/MONTH", "9", "DT_DA_GIAI_QUYET/CUMULATIVE", "129"),
                bytes(CorpusFiles.xlsx(workbook -> {
                    Sheet sheet = workbook.createSheet("Báo cáo");
                    CorpusFiles.reportRows(sheet, new Figures(0, 139, 9, 129));
                    CellStyle date = workbook.createCellStyle();
                    date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
                    sheet.getRow(4).getCell(1).setCellValue(44835);
                    sheet.getRow(4).getCell(1).setCellStyle(date);
                })));

        Figures fifty = Figures.of(40);
        accepted("Don thu T10-2022 50 trang trong.xlsx", fifty.values(), bytes(CorpusFiles.xlsx(workbook -> {
            for (int i = 1; i <= 50; i++) {
                workbook.createSheet("Trang " + i);
            }
            CorpusFiles.reportRows(workbook.createSheet("Báo cáo"), fifty);
        })));

        Figures xls = Figures.of(41);
        accepted("Don thu T10-2022 Excel 97.xls", xls.values(), file -> {
            try (HSSFWorkbook workbook = new HSSFWorkbook()) {
                CorpusFiles.reportRows(workbook.createSheet("Báo cáo"), xls);
                Files.write(file, CorpusFiles.bytes(workbook));
            }
        });

        accepted("Don thu T10-2022 Excel 97 cong thuc.xls", values("DT_TIEP_NHAN/MONTH", "9",
                "DT_TIEP_NHAN/CUMULATIVE", "142", "DT_DA_GIAI_QUYET/CUMULATIVE", "95"), file -> {
            try (HSSFWorkbook workbook = new HSSFWorkbook()) {
                formulas(workbook, "4+5", "142", "1/0", "95");
                Files.write(file, CorpusFiles.bytes(workbook));
            }
        });

        accepted("Don thu T10-2022 khong dia chi o.xlsx", values("DT_TIEP_NHAN/MONTH", "43",
                "DT_TIEP_NHAN/CUMULATIVE", "143", "DT_DA_GIAI_QUYET/MONTH", "33", "DT_DA_GIAI_QUYET/CUMULATIVE", "133"),
                file -> HandXlsx.report(Figures.of(43)).rows(List.of(
                        "<row>" + bare(TITLE) + "</row>",
                        "<row>" + bare(PERIOD) + "</row>",
                        "<row>" + bare(HEADER[0]) + bare(HEADER[1]) + bare(HEADER[2]) + "</row>",
                        "<row>" + bare(RECEIVED) + "<c><v>43</v></c><c><v>143</v></c></row>",
                        "<row>" + bare(RESOLVED) + "<c><v>33</v></c><c><v>133</v></c></row>")).write(file));

        accepted("Don thu T10-2022 cham phay.csv", values("DT_TIEP_NHAN/MONTH", "44",
                "DT_TIEP_NHAN/CUMULATIVE", "1005", "DT_DA_GIAI_QUYET/MONTH", "34", "DT_DA_GIAI_QUYET/CUMULATIVE", "1000"),
                bytes(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, CorpusFiles.utf8(
                        CorpusFiles.reportCsv(new Figures(44, 0, 34, 0), ';')
                                .replace(";44;0", ";44;\"1.005\"").replace(";34;0", ";34;1.000")))));

        Figures big = Figures.of(45);
        accepted("Don thu T10-2022 ghi chu dai.xlsx", big.values(), bytes(CorpusFiles.xlsx(workbook -> {
            Sheet sheet = workbook.createSheet("Báo cáo");
            CorpusFiles.reportRows(sheet, big);
            // a long note within Excel's limit of a cell, and 5,000 rows of notes below the table
            CorpusFiles.row(sheet, 7, "Ghi chú", null, null, "ý kiến ".repeat(4_000));
            for (int i = 8; i < 5_008; i++) {
                CorpusFiles.row(sheet, i, "Nội dung theo dõi thêm " + i);
            }
        })));
    }

    /** The report with formulas: Excel keeps each formula's last result beside it. */
    private static void formulas(Workbook workbook, String receivedMonth, String receivedCumulative,
            String resolvedMonth, String resolvedCumulative) {
        Sheet sheet = workbook.createSheet("Báo cáo");
        CorpusFiles.row(sheet, 0, TITLE);
        CorpusFiles.row(sheet, 1, PERIOD);
        CorpusFiles.row(sheet, 3, (Object[]) HEADER);
        Row received = CorpusFiles.row(sheet, 4, RECEIVED);
        received.createCell(1).setCellFormula(receivedMonth);
        received.createCell(2).setCellFormula(receivedCumulative);
        Row resolved = CorpusFiles.row(sheet, 5, RESOLVED);
        resolved.createCell(1).setCellFormula(resolvedMonth);
        resolved.createCell(2).setCellFormula(resolvedCumulative);
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
    }

    private static String bare(String text) {
        return "<c t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
