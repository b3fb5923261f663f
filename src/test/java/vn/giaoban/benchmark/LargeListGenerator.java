package vn.giaoban.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a large BM03-DS list (the petitions a commune received and resolved this year, one row
 * each) as .xlsx and as CSV: the same rows in both, from a seed, so the same seed gives the same
 * bytes. The file is a valid submission of Thị trấn Na Sầm (06124) for October 2022 under the
 * sample catalog: title lines as the communes write them, the header, the rows, a total line and
 * the signatures.
 *
 * <p>The .xlsx is written part by part through a zip stream, in constant memory: the words that
 * repeat (names, statuses, most subjects) are a fixed vocabulary at the head of the shared strings;
 * each address, and a subject with its plot number, is a string of its own, numbered as it is
 * written into the sheet and written again, in the same order, from the same seed, into the shared
 * strings. Nothing of a million rows is held.
 */
public final class LargeListGenerator {

    public static final long DEFAULT_SEED = 20_221_031L;
    public static final int DEFAULT_ROWS = 1_000_000;
    /** The commune (its inbox folder) and the month the list is for. */
    public static final String UNIT_CODE = "06124";
    public static final YearMonth PERIOD = YearMonth.of(2022, 10);
    /** The file's name as the communes send it, without its extension. */
    public static final String FILE_NAME = "BM03-DS_Danh sach don thu_T10_2022";
    public static final List<String> HEADINGS = List.of("STT", "Ngày tiếp nhận", "Họ tên người gửi", "Địa chỉ",
            "Nội dung", "Tình trạng", "Ngày giải quyết");
    /** Title lines, the header and the blank line among them: the first record is on row 8. */
    public static final int FIRST_RECORD_ROW = 8;

    private static final int COLUMNS = HEADINGS.size();
    private static final LocalDate YEAR_START = PERIOD.atDay(1).withDayOfYear(1);
    private static final LocalDate PERIOD_START = PERIOD.atDay(1);
    private static final LocalDate PERIOD_END = PERIOD.atEndOfMonth();
    private static final int DAYS = (int) (PERIOD_END.toEpochDay() - YEAR_START.toEpochDay() + 1);
    /** Excel's serial 0 (the 1900 system, with its phantom 29 February 1900, for every date after it). */
    private static final long EXCEL_EPOCH_DAY = LocalDate.of(1899, 12, 30).toEpochDay();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** A fixed time for every zip entry: the same seed must give the same bytes. */
    private static final long ZIP_TIME = LocalDate.of(2022, 10, 31).atStartOfDay()
            .toInstant(java.time.ZoneOffset.UTC).toEpochMilli();

    private static final List<String> TITLE = List.of("UBND THỊ TRẤN NA SẦM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Số: 71/DS-UBND", "Độc lập - Tự do - Hạnh phúc", "Na Sầm, ngày 31 tháng 10 năm 2022",
            "DANH SÁCH ĐƠN THƯ TIẾP NHẬN, GIẢI QUYẾT", "Tháng 10 năm 2022 (lũy kế từ ngày 01/01/2022)",
            "Người lập", "CHỦ TỊCH");
    private static final String[] SURNAMES = {"Nguyễn", "Hoàng", "Lương", "Nông", "Vy", "Lộc", "Chu", "Triệu", "Hà",
        "Bế", "Lăng", "Mã", "Đinh", "Dương", "Lý", "Trần", "Phùng", "Hứa", "Đàm", "Lâm"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Minh", "Thanh", "Ngọc", "Hữu", "Thu"};
    private static final String[] GIVEN = {"Bảo", "Dung", "Đạt", "Hải", "Huế", "Khải", "Lệ", "Minh", "Nam", "Oanh",
        "Phú", "Quý", "Sen", "Tâm", "Uyên", "Vinh", "An", "Bình", "Cường", "Diệp", "Giang", "Hạnh", "Hùng", "Khánh",
        "Lan", "Long", "Mai", "Nga", "Phương", "Quân", "Sơn", "Thảo", "Thắng", "Trang", "Tuấn", "Vân", "Xuân",
        "Yến", "Chiến", "Đông"};
    private static final String[] HAMLETS = {"thôn Nà Pàn", "thôn Khòn Pịt", "thôn Bản Thẩm", "thôn Nà Làng",
        "thôn Pò Mục", "thôn Kéo Coong", "khối Ga", "khối Tân Thanh", "khối Trần Hưng Đạo", "khối Nà Sầm",
        "thôn Nà Hin", "thôn Bản Trại", "thôn Pác Luông", "thôn Kéo Nọi", "thôn Khun Pinh", "thôn Nà Riềng"};
    private static final String[] STREETS = {"đường Hoàng Văn Thụ", "đường Lê Lợi", "đường Trần Hưng Đạo",
        "đường Hùng Vương", "phố Ga", "phố Chợ", "đường Nguyễn Du", "đường Lý Thường Kiệt"};
    private static final String[] SUBJECTS = {"Tranh chấp đất đai", "Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
        "Khiếu nại về bồi thường giải phóng mặt bằng", "Phản ánh ô nhiễm môi trường", "Đề nghị hỗ trợ hộ nghèo",
        "Tố cáo vi phạm trật tự xây dựng", "Phản ánh việc chia tài sản thừa kế", "Đề nghị xem xét chế độ chính sách",
        "Phản ánh tiếng ồn của cơ sở sản xuất", "Khiếu nại quyết định xử phạt vi phạm hành chính",
        "Đề nghị sửa chữa đường giao thông nông thôn", "Phản ánh tình trạng lấn chiếm hành lang giao thông"};
    /** Subjects that name the plot they are about: each is a string of its own. */
    private static final String[] PLOT_SUBJECTS = {"Tranh chấp đất đai", "Khiếu nại về bồi thường giải phóng mặt bằng",
        "Đề nghị cấp giấy chứng nhận quyền sử dụng đất"};
    private static final String[] STATUSES = {"Đã giải quyết", "Đã GQ", "Đang giải quyết", "Đang xác minh"};

    /** What the catalog's aggregations of BM03-DS must count in the generated list. */
    public record Expected(int rows, int receivedThisYear, int receivedThisMonth, int resolvedThisYear,
            int resolvedThisMonth) {
    }

    private LargeListGenerator() {
    }

    /** {@code inbox/06124/BM03-DS_Danh sach don thu_T10_2022.<extension>}: where the scan would find it. */
    public static Path inboxFile(Path inbox, String extension) {
        return inbox.resolve(UNIT_CODE).resolve(FILE_NAME + "." + extension);
    }

    /**
     * Usage: {@code LargeListGenerator [--rows N] [--seed S] [--out <inbox folder>] [--format xlsx|csv|both]};
     * writes {@code <out>/06124/BM03-DS_Danh sach don thu_T10_2022.xlsx} and {@code .csv}.
     */
    public static void main(String[] args) throws IOException {
        int rows = DEFAULT_ROWS;
        long seed = DEFAULT_SEED;
        Path out = Path.of("target/benchmarks/inbox");
        String format = "both";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i].replace("_", ""));
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--format" -> format = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (!format.equals("csv")) {
            long start = System.nanoTime();
            Expected expected = writeXlsx(inboxFile(out, "xlsx"), rows, seed);
            System.out.printf("%s: %,d rows in %.1f s, %s%n", inboxFile(out, "xlsx"), rows,
                    (System.nanoTime() - start) / 1e9, expected);
        }
        if (!format.equals("xlsx")) {
            long start = System.nanoTime();
            Expected expected = writeCsv(inboxFile(out, "csv"), rows, seed);
            System.out.printf("%s: %,d rows in %.1f s, %s%n", inboxFile(out, "csv"), rows,
                    (System.nanoTime() - start) / 1e9, expected);
        }
    }

    /** One row of the list; the generator reuses one instance. */
    private static final class Row {
        int number;
        long received;
        int sender;
        String address;
        int subject;
        String plotSubject;
        int status;
        long resolved;
    }

    /** The rows, in order: the receipt dates run through the year as in a register. */
    private static final class Rows {
        private final SplittableRandom random;
        private final int total;
        private final Row row = new Row();
        private final StringBuilder text = new StringBuilder(96);
        private int next;

        Rows(long seed, int total) {
            this.random = new SplittableRandom(seed);
            this.total = total;
        }

        Row next() {
            Row r = row;
            r.number = ++next;
            r.received = YEAR_START.toEpochDay() + (long) (r.number - 1) * DAYS / total;
            r.sender = random.nextInt(SURNAMES.length * MIDDLE.length * GIVEN.length);
            text.setLength(0);
            if (random.nextInt(3) == 0) {
                text.append("Số ").append(1 + random.nextInt(300)).append(", ")
                        .append(STREETS[random.nextInt(STREETS.length)]).append(", khối ")
                        .append(1 + random.nextInt(12));
            } else {
                text.append("Nhà số ").append(1 + random.nextInt(2_000)).append(", tổ ").append(1 + random.nextInt(60))
                        .append(", ").append(HAMLETS[random.nextInt(HAMLETS.length)]);
            }
            r.address = text.append(", thị trấn Na Sầm, huyện Văn Lãng").toString();
            if (random.nextInt(10) < 3) {
                r.subject = -1;
                r.plotSubject = PLOT_SUBJECTS[random.nextInt(PLOT_SUBJECTS.length)] + " (thửa đất số "
                        + (1 + random.nextInt(900)) + ", tờ bản đồ số " + (1 + random.nextInt(80)) + ")";
            } else {
                r.subject = random.nextInt(SUBJECTS.length);
                r.plotSubject = null;
            }
            int roll = random.nextInt(100);
            r.status = roll < 55 ? 0 : roll < 70 ? 1 : roll < 90 ? 2 : 3;
            r.resolved = -1;
            int days = 3 + random.nextInt(43);
            if (r.status < 2) {
                if (r.received + days <= PERIOD_END.toEpochDay()) {
                    r.resolved = r.received + days;
                } else {
                    r.status = 2; // not yet resolved at the month's end
                }
            }
            return r;
        }

        String sender(Row r) {
            int given = r.sender % GIVEN.length;
            int middle = r.sender / GIVEN.length % MIDDLE.length;
            int surname = r.sender / GIVEN.length / MIDDLE.length;
            return SURNAMES[surname] + " " + MIDDLE[middle] + " " + GIVEN[given];
        }
    }

    /** Counts what the aggregations count, as the rows go by. */
    private static final class Counter {
        private int rows;
        private int receivedThisMonth;
        private int resolvedThisYear;
        private int resolvedThisMonth;

        void add(Row r) {
            rows++;
            if (r.received >= PERIOD_START.toEpochDay()) {
                receivedThisMonth++;
            }
            if (r.status < 2 && r.resolved >= 0) {
                resolvedThisYear++;
                if (r.resolved >= PERIOD_START.toEpochDay()) {
                    resolvedThisMonth++;
                }
            }
        }

        Expected expected() {
            return new Expected(rows, rows, receivedThisMonth, resolvedThisYear, resolvedThisMonth);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // CSV: as Excel saves "CSV UTF-8": a BOM, commas, CRLF, dates as the cells show them
    // ---------------------------------------------------------------------------------------------

    public static Expected writeCsv(Path file, int rows, long seed) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Rows source = new Rows(seed, rows);
        Counter counter = new Counter();
        try (OutputStream out = Files.newOutputStream(file);
                Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            csv.write('\uFEFF');
            csvLine(csv, TITLE.get(0), "", "", TITLE.get(1), "", "", "");
            csvLine(csv, TITLE.get(2), "", "", TITLE.get(3), "", "", "");
            csvLine(csv, "", "", "", TITLE.get(4), "", "", "");
            csvLine(csv, "", "", "", "", "", "", "");
            csvLine(csv, TITLE.get(5), "", "", "", "", "", "");
            csvLine(csv, TITLE.get(6), "", "", "", "", "", "");
            csvLine(csv, HEADINGS.toArray(String[]::new));
            for (int n = 0; n < rows; n++) {
                Row r = source.next();
                counter.add(r);
                csvLine(csv, Integer.toString(r.number), DAY.format(LocalDate.ofEpochDay(r.received)), source.sender(r),
                        r.address, r.subject < 0 ? r.plotSubject : SUBJECTS[r.subject], STATUSES[r.status],
                        r.resolved < 0 ? "" : DAY.format(LocalDate.ofEpochDay(r.resolved)));
            }
            csvLine(csv, "", "Tổng cộng: " + rows + " đơn", "", "", "", "", "");
            csvLine(csv, "", "", "", "", "", "", "");
            csvLine(csv, TITLE.get(7), "", "", "", TITLE.get(8), "", "");
        }
        return counter.expected();
    }

    private static void csvLine(Writer csv, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                csv.write(',');
            }
            String field = fields[i];
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0) {
                csv.write('"');
                csv.write(field.replace("\"", "\"\""));
                csv.write('"');
            } else {
                csv.write(field);
            }
        }
        csv.write("\r\n");
    }

    // ---------------------------------------------------------------------------------------------
    // .xlsx: the parts a spreadsheet program writes, streamed
    // ---------------------------------------------------------------------------------------------

    /** Shared strings: the vocabulary first (titles, headings, names, subjects, statuses), then one per unique text. */
    private static final class Vocabulary {
        final List<String> strings = new ArrayList<>();
        final Map<String, Integer> index = new HashMap<>();

        Vocabulary() {
            TITLE.forEach(this::add);
            HEADINGS.forEach(this::add);
            for (String surname : SURNAMES) {
                for (String middle : MIDDLE) {
                    for (String given : GIVEN) {
                        add(surname + " " + middle + " " + given);
                    }
                }
            }
            for (String subject : SUBJECTS) {
                add(subject);
            }
            for (String status : STATUSES) {
                add(status);
            }
        }

        private void add(String text) {
            index.putIfAbsent(text, strings.size());
            if (strings.size() == index.get(text)) {
                strings.add(text);
            }
        }

        int of(String text) {
            return index.get(text);
        }
    }

    public static Expected writeXlsx(Path file, int rows, long seed) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Vocabulary vocabulary = new Vocabulary();
        Counter counter = new Counter();
        String total = "Tổng cộng: " + rows + " đơn";
        int uniqueStrings;
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file), StandardCharsets.UTF_8)) {
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            Writer xml = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
            part(zip, xml, "[Content_Types].xml", CONTENT_TYPES);
            part(zip, xml, "_rels/.rels", ROOT_RELS);
            part(zip, xml, "docProps/app.xml", APP);
            part(zip, xml, "xl/workbook.xml", WORKBOOK);
            part(zip, xml, "xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
            part(zip, xml, "xl/styles.xml", STYLES);

            zip.putNextEntry(entry("xl/worksheets/sheet1.xml"));
            uniqueStrings = sheet(xml, vocabulary, counter, new Rows(seed, rows), rows, total);
            xml.flush();
            zip.closeEntry();

            zip.putNextEntry(entry("xl/sharedStrings.xml"));
            sharedStrings(xml, vocabulary, new Rows(seed, rows), rows, total, uniqueStrings);
            xml.flush();
            zip.closeEntry();
        }
        return counter.expected();
    }

    /** Writes the sheet; returns how many strings it numbered beyond the vocabulary. */
    private static int sheet(Writer xml, Vocabulary vocabulary, Counter counter, Rows source, int rows, String total)
            throws IOException {
        int lastRow = FIRST_RECORD_ROW + rows + 2;
        xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<dimension ref=\"A1:G" + lastRow + "\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
                + "<sheetFormatPr defaultRowHeight=\"15\"/><cols>"
                + "<col min=\"1\" max=\"1\" width=\"8\" customWidth=\"1\"/>"
                + "<col min=\"2\" max=\"2\" width=\"14\" customWidth=\"1\"/>"
                + "<col min=\"3\" max=\"4\" width=\"28\" customWidth=\"1\"/>"
                + "<col min=\"5\" max=\"5\" width=\"48\" customWidth=\"1\"/>"
                + "<col min=\"6\" max=\"7\" width=\"16\" customWidth=\"1\"/></cols><sheetData>");
        xml.write("<row r=\"1\">");
        stringCell(xml, 'A', 1, 2, vocabulary.of(TITLE.get(0)));
        stringCell(xml, 'D', 1, 2, vocabulary.of(TITLE.get(1)));
        xml.write("</row><row r=\"2\">");
        stringCell(xml, 'A', 2, 0, vocabulary.of(TITLE.get(2)));
        stringCell(xml, 'D', 2, 2, vocabulary.of(TITLE.get(3)));
        xml.write("</row><row r=\"3\">");
        stringCell(xml, 'D', 3, 0, vocabulary.of(TITLE.get(4)));
        xml.write("</row><row r=\"5\">");
        stringCell(xml, 'A', 5, 2, vocabulary.of(TITLE.get(5)));
        xml.write("</row><row r=\"6\">");
        stringCell(xml, 'A', 6, 0, vocabulary.of(TITLE.get(6)));
        xml.write("</row><row r=\"7\">");
        for (int c = 0; c < COLUMNS; c++) {
            stringCell(xml, (char) ('A' + c), 7, 2, vocabulary.of(HEADINGS.get(c)));
        }
        xml.write("</row>");
        int next = vocabulary.strings.size();
        for (int n = 0; n < rows; n++) {
            Row r = source.next();
            counter.add(r);
            int row = FIRST_RECORD_ROW + n;
            xml.write("<row r=\"");
            xml.write(Integer.toString(row));
            xml.write("\">");
            numberCell(xml, 'A', row, 0, r.number);
            numberCell(xml, 'B', row, 1, r.received - EXCEL_EPOCH_DAY);
            stringCell(xml, 'C', row, 0, vocabulary.of(source.sender(r)));
            stringCell(xml, 'D', row, 0, next++);
            stringCell(xml, 'E', row, 0, r.subject < 0 ? next++ : vocabulary.of(SUBJECTS[r.subject]));
            stringCell(xml, 'F', row, 0, vocabulary.of(STATUSES[r.status]));
            if (r.resolved >= 0) {
                numberCell(xml, 'G', row, 1, r.resolved - EXCEL_EPOCH_DAY);
            }
            xml.write("</row>");
        }
        int totalRow = FIRST_RECORD_ROW + rows;
        xml.write("<row r=\"" + totalRow + "\">");
        stringCell(xml, 'B', totalRow, 2, next++);
        xml.write("</row><row r=\"" + lastRow + "\">");
        stringCell(xml, 'A', lastRow, 2, vocabulary.of(TITLE.get(7)));
        stringCell(xml, 'E', lastRow, 2, vocabulary.of(TITLE.get(8)));
        xml.write("</row></sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\""
                + " header=\"0.3\" footer=\"0.3\"/></worksheet>");
        return next - vocabulary.strings.size();
    }

    private static void stringCell(Writer xml, char column, int row, int style, int index) throws IOException {
        xml.write("<c r=\"");
        xml.write(column);
        xml.write(Integer.toString(row));
        xml.write(style == 0 ? "\" t=\"s\"><v>" : "\" s=\"" + style + "\" t=\"s\"><v>");
        xml.write(Integer.toString(index));
        xml.write("</v></c>");
    }

    private static void numberCell(Writer xml, char column, int row, int style, long value) throws IOException {
        xml.write("<c r=\"");
        xml.write(column);
        xml.write(Integer.toString(row));
        xml.write(style == 0 ? "\"><v>" : "\" s=\"" + style + "\"><v>");
        xml.write(Long.toString(value));
        xml.write("</v></c>");
    }

    /** The vocabulary, then the unique strings in the order the sheet numbered them, regenerated from the seed. */
    private static void sharedStrings(Writer xml, Vocabulary vocabulary, Rows source, int rows, String total,
            int uniqueStrings) throws IOException {
        int count = vocabulary.strings.size() + uniqueStrings;
        xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + count
                + "\" uniqueCount=\"" + count + "\">");
        for (String text : vocabulary.strings) {
            sharedString(xml, text);
        }
        for (int n = 0; n < rows; n++) {
            Row r = source.next();
            sharedString(xml, r.address);
            if (r.subject < 0) {
                sharedString(xml, r.plotSubject);
            }
        }
        sharedString(xml, total);
        xml.write("</sst>");
    }

    private static void sharedString(Writer xml, String text) throws IOException {
        xml.write("<si><t>");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> xml.write("&amp;");
                case '<' -> xml.write("&lt;");
                case '>' -> xml.write("&gt;");
                default -> xml.write(c);
            }
        }
        xml.write("</t></si>");
    }

    private static void part(ZipOutputStream zip, Writer xml, String name, String content) throws IOException {
        zip.putNextEntry(entry(name));
        xml.write(content);
        xml.flush();
        zip.closeEntry();
    }

    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(ZIP_TIME);
        return entry;
    }

    private static final String XML_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    private static final String CONTENT_TYPES = XML_HEAD
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
            + "<Override PartName=\"/docProps/app.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
            + "</Types>";
    private static final String ROOT_RELS = XML_HEAD
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Target=\"xl/workbook.xml\""
            + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\"/>"
            + "<Relationship Id=\"rId2\" Target=\"docProps/app.xml\""
            + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\"/>"
            + "</Relationships>";
    private static final String APP = XML_HEAD
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
            + "<Application>Microsoft Excel</Application></Properties>";
    private static final String WORKBOOK = XML_HEAD
            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
            + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<workbookPr/><bookViews><workbookView/></bookViews>"
            + "<sheets><sheet name=\"Danh sách\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    private static final String WORKBOOK_RELS = XML_HEAD
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\""
            + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\"/>"
            + "<Relationship Id=\"rId2\" Target=\"styles.xml\""
            + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\"/>"
            + "<Relationship Id=\"rId3\" Target=\"sharedStrings.xml\""
            + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\"/>"
            + "</Relationships>";
    /** Style 0 plain, 1 a date (dd/mm/yyyy), 2 bold. */
    private static final String STYLES = XML_HEAD
            + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
            + "<fonts count=\"2\"><font><sz val=\"12\"/><name val=\"Times New Roman\"/></font>"
            + "<font><b/><sz val=\"12\"/><name val=\"Times New Roman\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>";
}
