package vn.giaoban.samples;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the sample inbox of Văn Lãng district: the October 2021 and October 2022 submissions of
 * every unit, one folder per unit code, as the offices really send them (letterheads, merged
 * titles, headers on different rows, columns in different orders, numbers typed as text, CSV in
 * four encodings and dialects, signature blocks under the tables).
 *
 * <p>Everything is derived from the constants below, so a rerun writes the same bytes: workbook
 * metadata carries fixed dates and the zip entries of each .xlsx are rewritten with a fixed
 * timestamp (POI stamps them with the time of writing).
 *
 * <p>Usage: {@code SampleInboxGenerator [output folder]}, default {@code input-samples/van-lang}.
 */
public final class SampleInboxGenerator {

    private static final String CHXH = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    private static final String DOC_LAP = "Độc lập - Tự do - Hạnh phúc";
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2022, 10, 25, 0, 0);

    private final Path out;

    private SampleInboxGenerator(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "input-samples/van-lang");
        new SampleInboxGenerator(out).run();
    }

    private void run() throws IOException {
        clean();
        for (int year : new int[] {2021, 2022}) {
            writeBudget(year);
            writeInvestment(year);
            writePetitions(year);
            writePetitionLists(year);
            writePublicOrder(year);
            writeNewRuralCriteria(year);
        }
    }

    private void clean() throws IOException {
        cleanUnitFolders(out);
    }

    /** Removes what an earlier run wrote in a sample inbox (every unit folder), keeping the README. */
    static void cleanUnitFolders(Path out) throws IOException {
        Files.createDirectories(out);
        try (Stream<Path> folders = Files.list(out)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                try (Stream<Path> tree = Files.walk(folder)) {
                    for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // A sheet as a grid of styled values; written either as .xlsx or as CSV.
    // ------------------------------------------------------------------------------------------

    enum Style { PLAIN, LETTERHEAD, LETTERHEAD_SUB, TITLE, SUBTITLE, ITALIC_RIGHT, HEADER, TEXT, TEXT_BOLD, CENTER,
        NUMBER, NUMBER_BOLD, SIGNED, PERCENT, PERCENT_BOLD, SIGN_TITLE, SIGN_NAME, DATE }

    record Formula(String expression) {
    }

    record Value(Object value, Style style) {
    }

    static final class Grid {
        final String sheetName;
        final int width;
        final List<Value[]> rows = new ArrayList<>();
        final List<CellRangeAddress> merges = new ArrayList<>();
        final Map<Integer, Integer> widths = new TreeMap<>(); // sorted: Map.of iterates in a per-JVM order
        final List<String> extraSheets = new ArrayList<>();
        String hiddenListSheet;
        List<String> hiddenList;
        CellRangeAddress validatedRange;

        Grid(String sheetName, int width) {
            this.sheetName = sheetName;
            this.width = width;
        }

        int size() {
            return rows.size();
        }

        int newRow() {
            rows.add(new Value[width]);
            return rows.size() - 1;
        }

        Grid put(int row, int col, Object value, Style style) {
            while (rows.size() <= row) {
                newRow();
            }
            rows.get(row)[col] = new Value(value, style);
            return this;
        }

        Grid merge(int row, int firstCol, int lastCol) {
            if (lastCol > firstCol) {
                merges.add(new CellRangeAddress(row, row, firstCol, lastCol));
            }
            return this;
        }

        Grid mergeDown(int firstRow, int lastRow, int col) {
            merges.add(new CellRangeAddress(firstRow, lastRow, col, col));
            return this;
        }

        /** A text spanning columns {@code from..to} of a new row. */
        int line(String text, Style style, int from, int to) {
            int r = newRow();
            put(r, from, text, style);
            merge(r, from, to);
            return r;
        }

        /** The two-sided block of an administrative document: issuer left, national motto right. */
        void letterhead(String left, String leftSub, String rightSubOrNull) {
            int split = width <= 4 ? 2 : (width <= 6 ? 2 : 3);
            int r = newRow();
            put(r, 0, left, Style.LETTERHEAD).merge(r, 0, split - 1);
            put(r, split, CHXH, Style.LETTERHEAD).merge(r, split, width - 1);
            if (leftSub != null || rightSubOrNull != null) {
                r = newRow();
                if (leftSub != null) {
                    put(r, 0, leftSub, Style.LETTERHEAD_SUB).merge(r, 0, split - 1);
                }
                if (rightSubOrNull != null) {
                    put(r, split, rightSubOrNull, Style.LETTERHEAD_SUB).merge(r, split, width - 1);
                }
            }
        }

        int rightLine(String text) {
            int split = width <= 6 ? 2 : 3;
            int r = newRow();
            put(r, split, text, Style.ITALIC_RIGHT).merge(r, split, width - 1);
            return r;
        }
    }

    record Meta(String creator, LocalDateTime created, LocalDateTime modified) {
    }

    // ------------------------------------------------------------------------------------------
    // BM01-NS: Chi cục Thuế khu vực III
    // ------------------------------------------------------------------------------------------

    private void writeBudget(int year) throws IOException {
        boolean y22 = year == 2022;
        String asOf = y22 ? "23/10/2022" : "22/10/2021";
        Grid g = new Grid(y22 ? "Thu NSNN T10" : "Sheet1", 8);
        g.letterhead("CỤC THUẾ TỈNH LẠNG SƠN", "CHI CỤC THUẾ KHU VỰC III", DOC_LAP);
        if (y22) {
            g.newRow();
        }
        g.line("BÁO CÁO THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN HUYỆN VĂN LÃNG", Style.TITLE, 0, 7);
        g.line("(Số liệu đến ngày " + asOf + ")", Style.SUBTITLE, 0, 7);
        g.rightLine("Đơn vị tính: triệu đồng");
        int h = g.newRow();
        String[] header = {"STT", "Chỉ tiêu", "Dự toán tỉnh giao", "Dự toán huyện giao", "Thực hiện tháng 10",
            "Lũy kế đến " + asOf, "% so với DT tỉnh giao", "Ghi chú"};
        for (int c = 0; c < header.length; c++) {
            g.put(h, c, header[c], Style.HEADER);
        }
        if (y22) {
            int n = g.newRow();
            String[] numbers = {"A", "B", "1", "2", "3", "4", "5=4/1", "6"};
            for (int c = 0; c < numbers.length; c++) {
                g.put(n, c, numbers[c], Style.CENTER);
            }
        }
        // label, dự toán tỉnh, dự toán huyện, tháng, lũy kế
        Object[][] rows = y22
            ? new Object[][] {
                {"", "TỔNG THU NSNN TRÊN ĐỊA BÀN", 81000, 93400, 8412, 94533, "Vượt dự toán tỉnh, huyện giao"},
                {"1", "Thu nội địa", 56000, 65400, 5902, 65573, ""},
                {"-", "Thu từ khu vực DNNN", 2800, 3000, 265, 3120, "Trong thu nội địa"},
                {"-", "Thuế thu nhập cá nhân", 4500, 5000, 402, 5214, "Trong thu nội địa"},
                {"2", "Thu tiền sử dụng đất", 25000, 28000, 2510, 28960, ""}}
            : new Object[][] {
                {"", "Tổng thu ngân sách nhà nước trên địa bàn", 75000, 82000, 7120, 78215, ""},
                {"1", "Thu nội địa", 52000, 57000, 5020, 55305, ""},
                {"a", "Thu từ khu vực DNNN", 2600, 2800, 240, 2890, ""},
                {"b", "Thuế thu nhập cá nhân", 4000, 4300, 365, 4470, ""},
                {"2", "Thu tiền sử dụng đất", 23000, 25000, 2100, 22910, "Chưa đạt dự toán huyện giao"}};
        for (int i = 0; i < rows.length; i++) {
            Object[] v = rows[i];
            int r = g.newRow();
            boolean total = i == 0;
            int excelRow = r + 1;
            g.put(r, 0, v[0], Style.CENTER);
            g.put(r, 1, v[1], total ? Style.TEXT_BOLD : Style.TEXT);
            for (int c = 2; c <= 5; c++) {
                g.put(r, c, v[c], total ? Style.NUMBER_BOLD : Style.NUMBER);
            }
            g.put(r, 6, new Formula("IF(C" + excelRow + "=0,\"\",F" + excelRow + "/C" + excelRow + ")"),
                total ? Style.PERCENT_BOLD : Style.PERCENT);
            g.put(r, 7, v[6], Style.TEXT);
        }
        freeText(g, "III", "Kết quả nổi bật trong tháng", 2, 7, y22
            ? "Tăng cường đôn đốc thu hồi nợ đọng thuế, trong tháng thu được 1.250 triệu đồng tiền thuế nợ"
            : "Triển khai thu thuế qua hệ thống thanh toán điện tử tại 16/16 xã, thị trấn");
        freeText(g, "IV", "Khó khăn, vướng mắc", 2, 7, y22
            ? "Một số sắc thuế đạt thấp; nợ đọng thuế của một số doanh nghiệp kéo dài"
            : "Thu tiền sử dụng đất chưa đạt dự toán huyện giao");
        signature(g, 1, "Người lập biểu", y22 ? "KT. CHI CỤC TRƯỞNG" : "CHI CỤC TRƯỞNG",
            y22 ? "PHÓ CHI CỤC TRƯỞNG" : null, "Lương Thị Hằng", y22 ? "Hoàng Văn Khải" : "Nông Đức Thịnh", 5);
        g.widths.putAll(Map.of(0, 6, 1, 42, 2, 14, 3, 14, 4, 14, 5, 16, 6, 14, 7, 24));
        String name = y22 ? "BM01-NS_T10-2022.xlsx" : "Bao cao thu NSNN thang 10-2021.xlsx";
        xlsx(g, file("CCTKV3", name), new Meta("Chi cuc Thue KV III", at(year, 10, y22 ? 23 : 22, 16, 40),
            at(year, 10, y22 ? 24 : 22, 8, 5)));
    }

    // ------------------------------------------------------------------------------------------
    // BM02-DTC: Phòng Tài chính - Kế hoạch, two header rows under merged parents
    // ------------------------------------------------------------------------------------------

    private void writeInvestment(int year) throws IOException {
        boolean y22 = year == 2022;
        Grid g = new Grid(y22 ? "Giai ngan T10" : "Sheet1", 8);
        g.letterhead("UBND HUYỆN VĂN LÃNG", "PHÒNG TÀI CHÍNH - KẾ HOẠCH", DOC_LAP);
        int r = g.newRow();
        g.put(r, 0, y22 ? "Số: 412/BC-TCKH" : "Số: 386/BC-TCKH", Style.CENTER).merge(r, 0, 2);
        g.put(r, 3, "Văn Lãng, ngày " + (y22 ? 19 : 20) + " tháng 10 năm " + year, Style.ITALIC_RIGHT).merge(r, 3, 7);
        if (y22) {
            g.newRow();
        }
        g.line("BÁO CÁO TÌNH HÌNH GIẢI NGÂN VỐN ĐẦU TƯ CÔNG", Style.TITLE, 0, 7);
        g.line(y22 ? "Tháng 10 năm 2022" : "THÁNG 10/2021", Style.SUBTITLE, 0, 7);
        int a = g.newRow();
        int b = g.newRow();
        g.put(a, 0, "STT", Style.HEADER).put(a, 1, "Nội dung", Style.HEADER).put(a, 2, "ĐVT", Style.HEADER)
            .put(a, 3, "Kế hoạch vốn", Style.HEADER).put(a, 4, "", Style.HEADER)
            .put(a, 5, "Giải ngân", Style.HEADER).put(a, 6, "", Style.HEADER)
            .put(a, 7, "Ghi chú", Style.HEADER);
        g.put(b, 0, "", Style.HEADER).put(b, 1, "", Style.HEADER).put(b, 2, "", Style.HEADER)
            .put(b, 3, "Tỉnh giao", Style.HEADER).put(b, 4, "Huyện giao", Style.HEADER)
            .put(b, 5, "Tháng 10", Style.HEADER).put(b, 6, "Lũy kế từ đầu năm", Style.HEADER)
            .put(b, 7, "", Style.HEADER);
        for (int c : new int[] {0, 1, 2, 7}) {
            g.mergeDown(a, b, c);
        }
        g.merge(a, 3, 4).merge(a, 5, 6);
        // STT, nội dung, tỉnh giao, huyện giao, tháng, lũy kế, ghi chú; a String is a number typed as text
        Object[][] rows = y22
            ? new Object[][] {
                {"", "Tổng giải ngân vốn đầu tư công", 93630, "100.960", 9870, "71.592", "Đạt 76,46% KH tỉnh giao"},
                {"1", "Vốn cân đối ngân sách địa phương", 41200, 48530, "4.350", 33780, ""},
                {"2", "Vốn ngân sách tỉnh hỗ trợ có mục tiêu", 28430, 28430, 3120, "22.410", ""},
                {"3", "Vốn các Chương trình mục tiêu quốc gia", 24000, 24000, 2400, 15402, "Giải ngân chậm"}}
            : new Object[][] {
                {"", "Giải ngân vốn ĐTC (tổng số)", 88500, 95200, 8034, 60118, ""},
                {"1", "Vốn cân đối ngân sách địa phương", 40500, 47200, 3600, 29870, ""},
                {"2", "Vốn ngân sách tỉnh hỗ trợ có mục tiêu", 30000, 30000, 2534, 19448, ""},
                {"3", "Vốn các Chương trình mục tiêu quốc gia", 18000, 18000, 1900, 10800, ""}};
        for (int i = 0; i < rows.length; i++) {
            Object[] v = rows[i];
            boolean total = i == 0;
            r = g.newRow();
            g.put(r, 0, v[0], Style.CENTER).put(r, 1, v[1], total ? Style.TEXT_BOLD : Style.TEXT)
                .put(r, 2, "Triệu đồng", Style.CENTER);
            for (int c = 2; c <= 5; c++) {
                g.put(r, c + 1, v[c], total ? Style.NUMBER_BOLD : Style.NUMBER);
            }
            g.put(r, 7, v[6], Style.TEXT);
        }
        freeText(g, "", "Kết quả nổi bật trong tháng", 3, 7, y22
            ? "Tổ chức Hội nghị đối thoại, làm việc với cộng đồng doanh nghiệp, hợp tác xã, hộ kinh doanh trên địa"
                + " bàn huyện Văn Lãng năm 2022 và kỷ niệm ngày Doanh nhân Việt Nam 13/10, với trên 300 đại biểu tham gia"
            : "Hoàn thành giao kế hoạch vốn đầu tư công năm 2022 giai đoạn đầu cho các chủ đầu tư");
        freeText(g, "", "Khó khăn, vướng mắc", 3, 7, y22
            ? "Việc triển khai nguồn vốn các Chương trình MTQG còn lúng túng, khó khăn (Chương trình MTQG vùng"
                + " ĐBDTTS và miền núi và Chương trình MTQG giảm nghèo bền vững)"
            : "");
        signature(g, 1, "Người lập biểu", "TRƯỞNG PHÒNG", null, "Vy Thị Thu Trang",
            y22 ? "Chu Văn Lâm" : "Chu Văn Lâm", 5);
        g.widths.putAll(Map.of(0, 6, 1, 40, 2, 11, 3, 12, 4, 12, 5, 12, 6, 14, 7, 22));
        String name = y22 ? "BM02-DTC_T10-2022.xlsx" : "Giai ngan von DTC thang 10.2021.xlsx";
        xlsx(g, file("PTCKH", name), new Meta("Phong TCKH", at(year, 10, 19, 10, 12), at(year, 10, 20, 7, 45)));
    }

    // ------------------------------------------------------------------------------------------
    // BM04-ANTT: Công an huyện
    // ------------------------------------------------------------------------------------------

    private void writePublicOrder(int year) throws IOException {
        boolean y22 = year == 2022;
        int last = year - 1;
        Grid g = new Grid(y22 ? "ANTT-ATGT" : "BC thang 10", 8);
        g.letterhead("CÔNG AN TỈNH LẠNG SƠN", "CÔNG AN HUYỆN VĂN LÃNG", DOC_LAP);
        g.rightLine("Văn Lãng, ngày " + (y22 ? 18 : 19) + " tháng 10 năm " + year);
        if (!y22) {
            g.newRow();
        }
        g.line("BÁO CÁO TÌNH HÌNH AN NINH TRẬT TỰ VÀ AN TOÀN GIAO THÔNG", Style.TITLE, 0, 7);
        g.line(y22 ? "THÁNG 10/2022" : "Kỳ báo cáo: tháng 10 năm 2021", Style.SUBTITLE, 0, 7);
        int h = g.newRow();
        String[] header = {"STT", "Nội dung", "ĐVT", "Tháng 10/" + year, "Lũy kế 10 tháng năm " + year,
            "Cùng kỳ năm " + last, "Tăng (+), giảm (-)", "Ghi chú"};
        for (int c = 0; c < header.length; c++) {
            g.put(h, c, header[c], Style.HEADER);
        }
        // STT, nội dung, ĐVT, tháng, lũy kế, cùng kỳ (null: a group heading without figures)
        Object[][] rows = y22
            ? new Object[][] {
                {"I", "AN NINH TRẬT TỰ", null},
                {"1", "Số vụ phạm pháp hình sự", "Vụ", 3, 29, 25, "Đã điều tra làm rõ 26 vụ"},
                {"2", "Số vụ ma túy phát hiện, bắt giữ", "Vụ", 1, 9, 7, ""},
                {"II", "AN TOÀN GIAO THÔNG", null},
                {"1", "Số vụ tai nạn giao thông", "Vụ", 1, 4, 1, ""},
                {"2", "Số người chết", "Người", 1, 4, 1, ""},
                {"3", "Số người bị thương", "Người", 0, 2, 3, ""}}
            : new Object[][] {
                {"I", "AN NINH TRẬT TỰ", null},
                {"1", "Số vụ phạm pháp hình sự", "Vụ", 2, 25, 21, ""},
                {"2", "Số vụ ma túy phát hiện, bắt giữ", "Vụ", 1, 7, 6, ""},
                {"II", "AN TOÀN GIAO THÔNG", null},
                {"1", "Số vụ tai nạn giao thông", "Vụ", 0, 1, 2, ""},
                {"2", "Số người chết", "Người", 0, 1, 2, ""},
                {"3", "Số người bị thương", "Người", 1, 3, 1, ""}};
        for (Object[] v : rows) {
            int r = g.newRow();
            if (v[2] == null) {
                g.put(r, 0, v[0], Style.CENTER).put(r, 1, v[1], Style.TEXT_BOLD);
                for (int c = 2; c < 8; c++) {
                    g.put(r, c, "", Style.TEXT);
                }
                continue;
            }
            int month = (Integer) v[3];
            int cum = (Integer) v[4];
            int lastYear = (Integer) v[5];
            g.put(r, 0, v[0], Style.CENTER).put(r, 1, v[1], Style.TEXT).put(r, 2, v[2], Style.CENTER)
                .put(r, 3, month, Style.NUMBER).put(r, 4, cum, Style.NUMBER).put(r, 5, lastYear, Style.NUMBER)
                .put(r, 6, cum - lastYear, Style.SIGNED).put(r, 7, v[6], Style.TEXT);
        }
        freeText(g, "III", "Kết quả nổi bật trong tháng", 3, 7, y22
            ? "Tổ chức Hội nghị sơ kết 5 năm và nhân rộng mô hình \u201cVận động quần chúng Nhân dân tham gia đảm bảo an"
                + " ninh trật tự, gắn với phát triển kinh tế - xã hội, củng cố quốc phòng - an ninh\u201d với 150 đại biểu"
                + " tham gia"
            : "Đảm bảo an ninh, trật tự các ngày lễ lớn trên địa bàn huyện");
        signature(g, 1, "Người lập biểu", "KT. TRƯỞNG CÔNG AN HUYỆN", "PHÓ TRƯỞNG CÔNG AN HUYỆN",
            "Đinh Văn Toàn", "Lăng Văn Hưng", 4);
        g.widths.putAll(Map.of(0, 6, 1, 38, 2, 8, 3, 13, 4, 16, 5, 14, 6, 12, 7, 24));
        String name = y22 ? "BM04-ANTT_2022-10.xlsx" : "BC ANTT-ATGT thang 10 nam 2021.xlsx";
        xlsx(g, file("CAH", name), new Meta("CAH Van Lang", at(year, 10, 18, 15, 0), at(year, 10, 19, 9, 30)));
    }

    // ------------------------------------------------------------------------------------------
    // BM05-NTM: Xã Trùng Khánh
    // ------------------------------------------------------------------------------------------

    private static final String[] CRITERIA = {"Quy hoạch", "Giao thông", "Thủy lợi và phòng, chống thiên tai", "Điện",
        "Trường học", "Cơ sở vật chất văn hóa", "Cơ sở hạ tầng thương mại nông thôn", "Thông tin và Truyền thông",
        "Nhà ở dân cư", "Thu nhập", "Nghèo đa chiều", "Lao động",
        "Tổ chức sản xuất và phát triển kinh tế nông thôn", "Giáo dục và Đào tạo", "Y tế", "Văn hóa",
        "Môi trường và an toàn thực phẩm", "Hệ thống chính trị và tiếp cận pháp luật", "Quốc phòng và An ninh"};

    private void writeNewRuralCriteria(int year) throws IOException {
        boolean y22 = year == 2022;
        List<Integer> met = y22
            ? List.of(1, 2, 3, 4, 7, 9, 10, 11, 12, 13, 14, 15, 16, 18)
            : List.of(1, 2, 3, 4, 9, 12, 14, 15, 16, 18);
        Grid g = new Grid(y22 ? "TC NTM" : "Sheet1", 4);
        g.letterhead("UBND XÃ TRÙNG KHÁNH", y22 ? "Số: 97/BC-UBND" : "Số: 84/BC-UBND", DOC_LAP);
        g.rightLine("Trùng Khánh, ngày " + (y22 ? 17 : 15) + " tháng 10 năm " + year);
        if (!y22) {
            g.newRow();
        }
        g.line("BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ XÃ NÔNG THÔN MỚI", Style.TITLE, 0, 3);
        g.line(y22 ? "Tháng 10 năm 2022" : "Kỳ báo cáo: tháng 10 năm 2021", Style.SUBTITLE, 0, 3);
        if (y22) {
            g.newRow();
        }
        int h = g.newRow();
        String[] header = {"STT", "Tên tiêu chí", "Kết quả đánh giá", "Ghi chú"};
        for (int c = 0; c < header.length; c++) {
            g.put(h, c, header[c], Style.HEADER);
        }
        int first = h + 1;
        for (int i = 0; i < CRITERIA.length; i++) {
            int n = i + 1;
            boolean ok = met.contains(n);
            String note = ok ? "" : (y22 ? "Đạt về khối lượng, chờ biên bản thẩm định của Sở" : "Đang triển khai");
            if (y22 && n == 7) {
                note = "Sở Công Thương đã thẩm định";
            }
            int r = g.newRow();
            g.put(r, 0, n, Style.CENTER).put(r, 1, CRITERIA[i], Style.TEXT)
                .put(r, 2, ok ? "Đạt" : "Chưa đạt", Style.CENTER).put(r, 3, note, Style.TEXT);
        }
        int lastData = g.size() - 1;
        g.newRow();
        int sum = g.newRow();
        g.put(sum, 1, "Tổng hợp: " + met.size() + "/19 tiêu chí đạt; " + (19 - met.size()) + " tiêu chí chưa đạt.",
            Style.TEXT_BOLD).merge(sum, 1, 3);
        signature(g, 0, "Người lập biểu", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hoàng Thị Nga", "Lộc Văn Thành", 2);
        g.hiddenListSheet = "DM";
        g.hiddenList = List.of("Đạt", "Chưa đạt");
        g.validatedRange = new CellRangeAddress(first, lastData, 2, 2);
        g.widths.putAll(Map.of(0, 6, 1, 48, 2, 18, 3, 44));
        String name = y22 ? "BM05-NTM_Trung Khanh_T10-2022.xlsx" : "Bao cao tieu chi NTM thang 10-2021.xlsx";
        xlsx(g, file("06127", name), new Meta("Admin", at(year, 10, 14, 9, 0), at(year, 10, y22 ? 17 : 15, 16, 20)));
    }

    // ------------------------------------------------------------------------------------------
    // BM03-DT: the town, the 16 communes and Thanh tra huyện
    // ------------------------------------------------------------------------------------------

    enum Col { STT, CODE, NAME, UNIT, MONTH, CUM, NOTE }

    /** Column layouts the offices use: kind and heading, in the order of the sheet. */
    private static List<Object[]> layout(int id, int year) {
        return switch (id) {
            case 1 -> List.of(new Object[] {Col.STT, "STT"}, new Object[] {Col.CODE, "Mã số"},
                new Object[] {Col.NAME, "Chỉ tiêu"}, new Object[] {Col.UNIT, "ĐVT"},
                new Object[] {Col.MONTH, "Tháng 10"}, new Object[] {Col.CUM, "Lũy kế từ đầu năm"},
                new Object[] {Col.NOTE, "Ghi chú"});
            case 2 -> List.of(new Object[] {Col.STT, "STT"}, new Object[] {Col.NAME, "Nội dung"},
                new Object[] {Col.UNIT, "Đơn vị tính"}, new Object[] {Col.CUM, "Lũy kế từ đầu năm"},
                new Object[] {Col.MONTH, "Tháng 10"}, new Object[] {Col.NOTE, "Ghi chú"});
            case 3 -> List.of(new Object[] {Col.STT, "TT"}, new Object[] {Col.NAME, "Tên chỉ tiêu"},
                new Object[] {Col.MONTH, "Thực hiện tháng 10/" + year}, new Object[] {Col.CUM, "Lũy kế năm " + year},
                new Object[] {Col.NOTE, "Ghi chú"});
            case 4 -> List.of(new Object[] {Col.NAME, "Nội dung"}, new Object[] {Col.CODE, "Mã chỉ tiêu"},
                new Object[] {Col.MONTH, "Trong tháng"}, new Object[] {Col.CUM, "Cộng dồn từ đầu năm"},
                new Object[] {Col.NOTE, "Ghi chú"});
            case 5 -> List.of(new Object[] {Col.STT, "STT"}, new Object[] {Col.NAME, "Chỉ tiêu"},
                new Object[] {Col.MONTH, "Số liệu tháng 10"}, new Object[] {Col.CUM, "Lũy kế 10 tháng"},
                new Object[] {Col.UNIT, "ĐVT"}, new Object[] {Col.NOTE, "Ghi chú"});
            default -> throw new IllegalArgumentException("layout " + id);
        };
    }

    enum Labels {
        CANON("Số đơn thư tiếp nhận", "Số đơn thư đã giải quyết"),
        ALIAS_A("Tổng số đơn tiếp nhận", "Số đơn đã giải quyết"),
        ALIAS_B("Đơn thư tiếp nhận", "Đơn thư đã giải quyết"),
        UPPER("SỐ ĐƠN THƯ TIẾP NHẬN", "SỐ ĐƠN THƯ ĐÃ GIẢI QUYẾT"),
        LOWER("số đơn thư tiếp nhận", "số đơn thư đã giải quyết"),
        SPACED("Số  đơn thư  tiếp nhận ", " Số đơn thư đã  giải quyết"),
        NUMBERED("1. Số đơn tiếp nhận", "2. Số đơn đã giải quyết");

        final String received;
        final String resolved;

        Labels(String received, String resolved) {
            this.received = received;
            this.resolved = resolved;
        }
    }

    enum Format { XLSX, CSV_UTF8_QUOTED, CSV_UTF16_TAB, CSV_UTF8_NFD, CSV_UTF8_BOM_SEMICOLON }

    /** How an office fills BM03-DT: the same habits both years. */
    record Habit(int layout, Labels labels, int headerRow, int periodForm, Format format, boolean textNumbers,
                 String fileName, String sheetName, String extraRow, boolean columnNumbers, boolean emptySheets) {
    }

    record Reporter(String code, String issuer, String place, int received22, int resolved22, int received21,
                    int resolved21, Habit habit) {
    }

    private static Habit habit(int layout, Labels labels, int headerRow, int periodForm, Format format,
                               boolean textNumbers, String fileName, String sheetName) {
        return new Habit(layout, labels, headerRow, periodForm, format, textNumbers, fileName, sheetName, null, false,
            false);
    }

    static final List<Reporter> PETITION_REPORTERS = List.of(
        new Reporter("TTH", "THANH TRA HUYỆN", "Văn Lãng", 57, 51, 49, 44,
            habit(1, Labels.CANON, 7, 2, Format.CSV_UTF8_BOM_SEMICOLON, false, "BM03-DT_TTH_T10-{y}.csv", null)),
        new Reporter("06124", "UBND THỊ TRẤN NA SẦM", "Na Sầm", 32, 28, 29, 26,
            habit(1, Labels.CANON, 7, 1, Format.XLSX, false, "BM03-DT_T10-{y}.xlsx", "BM03-DT")),
        new Reporter("06127", "UBND XÃ TRÙNG KHÁNH", "Trùng Khánh", 18, 16, 16, 14,
            habit(2, Labels.ALIAS_A, 6, 0, Format.XLSX, false, "Bao cao don thu thang 10-{y}.xlsx", "Sheet1")),
        new Reporter("06133", "UBND XÃ BẮC LA", "Bắc La", 9, 8, 8, 7,
            habit(3, Labels.UPPER, 5, 2, Format.XLSX, true, "BC đơn thư T10.{y}.xlsx", "Đơn thư")),
        new Reporter("06136", "UBND XÃ THỤY HÙNG", "Thụy Hùng", 11, 10, 10, 9,
            habit(4, Labels.CANON, 8, 3, Format.XLSX, false, "Thuy Hung - BM03-DT - 10.{y}.xlsx", "T10")),
        new Reporter("06139", "UBND XÃ BẮC HÙNG", "Bắc Hùng", 10, 9, 9, 8,
            habit(1, Labels.CANON, 7, 1, Format.CSV_UTF8_QUOTED, false, "BM03-DT_Bac Hung_T10_{y}.csv", null)),
        new Reporter("06142", "UBND XÃ TÂN TÁC", "Tân Tác", 8, 8, 7, 6,
            new Habit(5, Labels.LOWER, 9, 2, Format.XLSX, false, "Báo cáo giải quyết đơn thư tháng 10 năm {y}.xlsx",
                "Báo cáo", "Số đơn thư đang giải quyết", false, false)),
        new Reporter("06148", "UBND XÃ THANH LONG", "Thanh Long", 7, 6, 6, 5,
            habit(2, Labels.SPACED, 4, 0, Format.XLSX, false, "BM03-DT 10-{y} (Thanh Long).xlsx", "Sheet1")),
        new Reporter("06151", "UBND XÃ HỘI HOAN", "Hội Hoan", 12, 11, 11, 10,
            new Habit(1, Labels.NUMBERED, 6, 1, Format.XLSX, false, "DON THU T10-{y}.xlsx", "DT", null, true, false)),
        new Reporter("06154", "UBND XÃ BẮC VIỆT", "Bắc Việt", 15, 12, 14, 12,
            habit(3, Labels.ALIAS_B, 7, 3, Format.XLSX, true, "BM03-DT_{y}-10.xlsx", "BM03-DT")),
        new Reporter("06157", "UBND XÃ HOÀNG VIỆT", "Hoàng Việt", 13, 12, 12, 11,
            new Habit(4, Labels.CANON, 5, 1, Format.XLSX, false, "Hoàng Việt_BC đơn thư tháng 10.{y}.xlsx", "Sheet1",
                "Số đơn thư chuyển cơ quan có thẩm quyền", false, false)),
        new Reporter("06160", "UBND XÃ GIA MIỄN", "Gia Miễn", 6, 6, 5, 4,
            new Habit(5, Labels.LOWER, 8, 0, Format.XLSX, false, "bc_don_thu_t10_{y}.xlsx", "Sheet1", null, false,
                true)),
        new Reporter("06163", "UBND XÃ THÀNH HÒA", "Thành Hòa", 9, 8, 8, 7,
            habit(2, Labels.CANON, 6, 1, Format.CSV_UTF16_TAB, false, "Don thu T10-{y} (Unicode).csv", null)),
        new Reporter("06166", "UBND XÃ TÂN THANH", "Tân Thanh", 10, 9, 9, 8,
            habit(1, Labels.UPPER, 9, 2, Format.XLSX, true, "BM03-DT Tân Thanh tháng 10-{y}.xlsx", "BM03")),
        new Reporter("06172", "UBND XÃ TÂN MỸ", "Tân Mỹ", 8, 7, 7, 6,
            habit(3, Labels.CANON, 6, 0, Format.XLSX, false, "Báo cáo đơn thư 10-{y} Tân Mỹ.xlsx", "Đơn thư T10")),
        new Reporter("06175", "UBND XÃ HỒNG THÁI", "Hồng Thái", 5, 5, 4, 4,
            new Habit(2, Labels.ALIAS_A, 7, 2, Format.XLSX, false, "BM03_DT_T10_{y}.xlsx", "Sheet1", null, false,
                true)),
        new Reporter("06178", "UBND XÃ HOÀNG VĂN THỤ", "Hoàng Văn Thụ", 7, 7, 6, 5,
            habit(4, Labels.CANON, 6, 1, Format.CSV_UTF8_NFD, false, "Bao cao don thu T10 {y}.csv", null)),
        new Reporter("06181", "UBND XÃ NHẠC KỲ", "Nhạc Kỳ", 6, 6, 9, 9,
            habit(5, Labels.SPACED, 4, 3, Format.XLSX, false, "BM03-DT - Nhạc Kỳ - T10-{y}.xlsx", "Sheet1")));

    private static final String[] SIGNERS = {"Nông Văn Khánh", "Hoàng Thị Hoa", "Lộc Văn Tuấn", "Vi Thị Mai",
        "Lương Văn Cường", "Nông Thị Hằng", "Hà Văn Sơn", "Triệu Thị Thu", "Chu Văn Hùng", "Lăng Văn Phúc",
        "Mã Văn Tài", "Bế Thị Hạnh", "Dương Văn Toàn", "Lý Văn Quang", "Hoàng Văn Bình", "Vy Thị Thảo",
        "Lành Văn Đức", "Đinh Thị Lan", "Nông Văn Thắng", "Hoàng Thị Liên"};

    private void writePetitions(int year) throws IOException {
        for (int i = 0; i < PETITION_REPORTERS.size(); i++) {
            writePetitions(PETITION_REPORTERS.get(i), i, year);
        }
    }

    private void writePetitions(Reporter u, int index, int year) throws IOException {
        Habit hb = u.habit();
        boolean y22 = year == 2022;
        int received = y22 ? u.received22() : u.received21();
        int resolved = y22 ? u.resolved22() : u.resolved21();
        int monthReceived;
        int monthResolved;
        if (u.code().equals("TTH")) {
            monthReceived = y22 ? 6 : 5;
            monthResolved = y22 ? 5 : 4;
        } else {
            monthReceived = (received + 4) / 8;
            monthResolved = Math.max(0, monthReceived - (received > resolved ? 1 : 0));
        }
        List<Object[]> cols = layout(hb.layout(), year);
        int w = cols.size();
        // the same office does not lay out its title block identically every year
        int headerRow = y22 ? hb.headerRow() : Math.max(4, Math.min(9, hb.headerRow() + (index % 3) - 1));
        int day = 14 + index % 7;

        Grid g = new Grid(hb.sheetName() == null ? "Sheet1" : hb.sheetName(), w);
        boolean district = u.code().equals("TTH");
        int before = headerRow - 1;
        boolean docLap = before >= 4;
        boolean dateLine = before >= 5;
        boolean blank = before >= 6;
        boolean blank2 = before >= 7;
        boolean kinhGui = before >= 8;
        String number = "Số: " + (60 + index * 7 + (y22 ? 3 : 0)) + "/BC-" + (district ? "TTr" : "UBND");
        if (district) {
            g.letterhead("UBND HUYỆN VĂN LÃNG", docLap ? u.issuer() : null, docLap ? DOC_LAP : null);
        } else {
            g.letterhead(u.issuer(), docLap ? number : null, docLap ? DOC_LAP : null);
        }
        if (dateLine) {
            g.rightLine(u.place() + ", ngày " + day + " tháng 10 năm " + year);
        }
        if (blank) {
            g.newRow();
        }
        String title = index % 4 == 3
            ? "BÁO CÁO KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ"
            : "BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ";
        g.line(title, Style.TITLE, 0, w - 1);
        String period = switch (hb.periodForm()) {
            case 0 -> "THÁNG 10/" + year;
            case 1 -> "Tháng 10 năm " + year;
            case 2 -> "Kỳ báo cáo: tháng 10 năm " + year;
            default -> "Tháng 10 năm " + year + " (số liệu từ ngày 01/01/" + year + " đến ngày 15/10/" + year + ")";
        };
        g.line(period, Style.SUBTITLE, 0, w - 1);
        if (kinhGui) {
            g.line("Kính gửi: UBND huyện Văn Lãng (qua Thanh tra huyện)", Style.SUBTITLE, 0, w - 1);
        }
        if (blank2) {
            g.newRow();
        }
        if (g.size() != headerRow - 1) {
            throw new IllegalStateException(u.code() + ": header would be on row " + (g.size() + 1));
        }
        int h = g.newRow();
        for (int c = 0; c < w; c++) {
            g.put(h, c, cols.get(c)[1], Style.HEADER);
        }
        if (hb.columnNumbers()) {
            int r = g.newRow();
            for (int c = 0; c < w; c++) {
                g.put(r, c, "(" + (c + 1) + ")", Style.CENTER);
            }
        }
        String receivedNote = received > 0 && index % 3 == 0 ? "Tiếp nhận qua bộ phận một cửa" : "";
        String resolvedNote = received > resolved ? "Còn " + twoDigits(received - resolved) + " đơn đang giải quyết" : "";
        petitionRow(g, cols, 1, "DT_TIEP_NHAN", hb.labels().received, monthReceived, received, receivedNote, hb);
        petitionRow(g, cols, 2, "DT_DA_GIAI_QUYET", hb.labels().resolved, monthResolved, resolved, resolvedNote, hb);
        if (hb.extraRow() != null) {
            boolean pending = hb.extraRow().contains("đang");
            int cum = pending ? received - resolved : 1;
            petitionRow(g, cols, 3, null, hb.extraRow(), pending ? monthReceived - monthResolved : 0, cum, "", hb);
        }

        String signer = SIGNERS[index % SIGNERS.length];
        String clerk = SIGNERS[(index + 7) % SIGNERS.length];
        boolean deputy = index % 2 == 1;
        String head = district ? "CHÁNH THANH TRA" : (deputy ? "KT. CHỦ TỊCH" : "CHỦ TỊCH");
        signature(g, 0, index % 3 == 1 ? "Nơi nhận:" : "Người lập biểu", head,
            !district && deputy ? "PHÓ CHỦ TỊCH" : null, index % 3 == 1 ? null : clerk, signer, 3);
        if (index % 3 == 1) {
            // the recipients list sits in the label column, below "Nơi nhận:"
            int nn = g.size() - 5;
            g.put(nn + 1, 0, "- UBND huyện (b/c);", Style.PLAIN);
            g.put(nn + 2, 0, "- Thanh tra huyện;", Style.PLAIN);
            g.put(nn + 3, 0, "- Lưu: VP.", Style.PLAIN);
        }
        if (hb.emptySheets()) {
            g.extraSheets.addAll(List.of("Sheet2", "Sheet3"));
        }
        for (int c = 0; c < w; c++) {
            Col kind = (Col) cols.get(c)[0];
            g.widths.put(c, switch (kind) {
                case STT -> 6;
                case CODE -> 18;
                case NAME -> 38;
                case UNIT -> 9;
                case MONTH, CUM -> 16;
                case NOTE -> 30;
            });
        }
        Path target = file(u.code(), hb.fileName().replace("{y}", Integer.toString(year)));
        LocalDateTime written = at(year, 10, day, 8 + index % 8, (index * 13) % 60);
        switch (hb.format()) {
            case XLSX -> xlsx(g, target, new Meta(index % 2 == 0 ? "Admin" : "User", written.minusDays(1), written));
            case CSV_UTF8_QUOTED -> csv(g, target, ',', Quote.TEXT, "\r\n", Encoding.UTF8, false);
            case CSV_UTF16_TAB -> csv(g, target, '\t', Quote.MINIMAL, "\r\n", Encoding.UTF16LE_BOM, false);
            case CSV_UTF8_NFD -> csv(g, target, ',', Quote.MINIMAL, "\n", Encoding.UTF8, true);
            case CSV_UTF8_BOM_SEMICOLON -> csv(g, target, ';', Quote.MINIMAL, "\r\n", Encoding.UTF8_BOM, false);
        }
    }

    // ------------------------------------------------------------------------------------------
    // BM03-DS: each commune's list of the petitions it received this year, one row per petition,
    // whose counts agree with its BM03-DT aggregate (the reconciliation rules compare the two)
    // ------------------------------------------------------------------------------------------

    private static final String[] SENDERS = {"Hoàng Văn Bảo", "Lương Thị Dung", "Nông Văn Đạt", "Vy Văn Hải",
        "Lộc Thị Huế", "Chu Văn Khải", "Triệu Thị Lệ", "Hà Văn Minh", "Bế Văn Nam", "Lăng Thị Oanh", "Mã Văn Phú",
        "Đinh Văn Quý", "Dương Thị Sen", "Lý Văn Tâm", "Hoàng Thị Uyên", "Nông Văn Vinh"};
    private static final String[] SUBJECTS = {"Tranh chấp đất đai", "Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
        "Khiếu nại về bồi thường giải phóng mặt bằng", "Phản ánh ô nhiễm môi trường", "Đề nghị hỗ trợ hộ nghèo",
        "Tố cáo vi phạm trật tự xây dựng", "Phản ánh việc chia tài sản thừa kế", "Đề nghị xem xét chế độ chính sách"};
    private static final String[] HAMLETS = {"thôn Nà Pàn", "thôn Khòn Pịt", "thôn Bản Thẩm", "thôn Nà Làng",
        "thôn Pò Mục", "thôn Kéo Coong"};

    private void writePetitionLists(int year) throws IOException {
        for (int i = 0; i < PETITION_REPORTERS.size(); i++) {
            Reporter u = PETITION_REPORTERS.get(i);
            if (!u.code().equals("TTH")) {
                writePetitionList(u, i, year);
            }
        }
    }

    /**
     * The list behind the aggregate: {@code received} rows this year, the last {@code month} of them
     * received in October; the first {@code resolved} resolved, the last {@code monthResolved} of
     * those in October (never before they were received). Offices write it differently: real date
     * cells or dates typed as text, columns in another order, a total line and signatures under it.
     */
    private void writePetitionList(Reporter u, int index, int year) throws IOException {
        boolean y22 = year == 2022;
        int received = y22 ? u.received22() : u.received21();
        int resolved = y22 ? u.resolved22() : u.resolved21();
        int month = (received + 4) / 8;
        int monthResolved = Math.max(0, month - (received > resolved ? 1 : 0));
        boolean textDates = index % 3 == 1;
        boolean csv = index % 5 == 2;
        boolean statusFirst = index % 4 == 3;
        List<String> headings = new ArrayList<>(statusFirst
            ? List.of("STT", "Ngày nhận đơn", "Người đứng đơn", "Nơi cư trú", "Tình trạng giải quyết", "Ngày giải quyết",
                "Nội dung đơn")
            : List.of("STT", "Ngày tiếp nhận", "Họ tên người gửi", "Địa chỉ", "Nội dung", "Tình trạng",
                "Ngày giải quyết"));
        int w = headings.size();
        Grid g = new Grid("Danh sách", w);
        g.letterhead(u.issuer(), "Số: " + (70 + index) + "/DS-UBND", DOC_LAP);
        g.rightLine(u.place() + ", ngày " + (15 + index % 6) + " tháng 10 năm " + year);
        g.newRow();
        g.line("DANH SÁCH ĐƠN THƯ TIẾP NHẬN, GIẢI QUYẾT", Style.TITLE, 0, w - 1);
        g.line("Tháng 10 năm " + year + " (lũy kế từ ngày 01/01/" + year + ")", Style.SUBTITLE, 0, w - 1);
        int h = g.newRow();
        for (int c = 0; c < w; c++) {
            g.put(h, c, headings.get(c), Style.HEADER);
        }
        int earlier = received - month;
        int resolvedEarlier = resolved - monthResolved;
        for (int n = 0; n < received; n++) {
            java.time.LocalDate in = n < earlier
                ? java.time.LocalDate.of(year, 1 + (n * 9) / Math.max(1, earlier), 3 + (n * 7 + index) % 20)
                : java.time.LocalDate.of(year, 10, 1 + (n - earlier) * 2);
            boolean done = n < resolved;
            java.time.LocalDate out = null;
            if (done) {
                out = n < resolvedEarlier ? java.time.LocalDate.of(year, 9, 28).isBefore(in.plusDays(12))
                        ? java.time.LocalDate.of(year, 9, 28) : in.plusDays(12)
                    : java.time.LocalDate.of(year, 10, Math.min(14, Math.max(2, in.getDayOfMonth() + 3)));
                if (in.getMonthValue() == 10 && out.isBefore(in)) {
                    out = in;
                }
            }
            int r = g.newRow();
            for (int c = 0; c < w; c++) {
                String heading = headings.get(c);
                Object value = switch (heading) {
                    case "STT" -> n + 1;
                    case "Ngày tiếp nhận", "Ngày nhận đơn" -> textDates ? DAY.format(in) : in;
                    case "Họ tên người gửi", "Người đứng đơn" -> SENDERS[(n * 5 + index * 3) % SENDERS.length]
                        + (n >= SENDERS.length ? " (" + (n / SENDERS.length + 1) + ")" : "");
                    case "Địa chỉ", "Nơi cư trú" -> HAMLETS[(n + index) % HAMLETS.length] + ", xã " + u.place();
                    case "Nội dung", "Nội dung đơn" -> SUBJECTS[(n * 3 + index) % SUBJECTS.length];
                    case "Tình trạng", "Tình trạng giải quyết" -> done ? (index % 2 == 0 ? "Đã giải quyết" : "Đã GQ")
                        : "Đang giải quyết";
                    case "Ngày giải quyết" -> out == null ? "" : textDates ? DAY.format(out) : out;
                    default -> "";
                };
                g.put(r, c, value, value instanceof java.time.LocalDate ? Style.DATE
                    : value instanceof Number ? Style.CENTER : Style.TEXT);
            }
        }
        int total = g.newRow();
        g.put(total, 1, "Tổng cộng: " + received + " đơn", Style.TEXT_BOLD);
        g.newRow();
        int sign = g.newRow();
        g.put(sign, 0, "Người lập", Style.SIGN_TITLE);
        g.put(sign, w - 3, "CHỦ TỊCH", Style.SIGN_TITLE);
        for (int c = 0; c < w; c++) {
            g.widths.put(c, switch (headings.get(c)) {
                case "STT" -> 6;
                case "Nội dung", "Nội dung đơn" -> 40;
                case "Họ tên người gửi", "Người đứng đơn", "Địa chỉ", "Nơi cư trú" -> 24;
                default -> 16;
            });
        }
        String name = "BM03-DS_Danh sach don thu_T10_" + year;
        if (csv) {
            csv(g, file(u.code(), name + ".csv"), ',', Quote.MINIMAL, "\r\n", Encoding.UTF8_BOM, false);
        } else {
            LocalDateTime written = at(year, 10, 15 + index % 6, 9 + index % 7, (index * 11) % 60);
            xlsx(g, file(u.code(), name + ".xlsx"), new Meta("User", written.minusDays(1), written));
        }
    }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static void petitionRow(Grid g, List<Object[]> cols, int ordinal, String code, String label, int month,
                                    int cum, String note, Habit hb) {
        int r = g.newRow();
        for (int c = 0; c < cols.size(); c++) {
            Col kind = (Col) cols.get(c)[0];
            switch (kind) {
                case STT -> g.put(r, c, hb.labels() == Labels.NUMBERED ? "" : ordinal, Style.CENTER);
                case CODE -> g.put(r, c, code == null ? "" : code, Style.CENTER);
                case NAME -> g.put(r, c, label, Style.TEXT);
                case UNIT -> g.put(r, c, ordinal % 2 == 0 ? "đơn" : "Đơn", Style.CENTER);
                // an office that formats its value columns as Text types every figure as a string;
                // others have only the cumulative typed as text
                case MONTH -> g.put(r, c, hb.textNumbers() && hb.layout() == 1 ? Integer.toString(month) : month,
                    Style.NUMBER);
                case CUM -> g.put(r, c, hb.textNumbers() ? Integer.toString(cum) : cum, Style.NUMBER);
                case NOTE -> g.put(r, c, note, Style.TEXT);
            }
        }
    }

    /**
     * A free-text row under the figures ("Kết quả nổi bật trong tháng"), its text in a cell merged
     * across the value columns, as offices write it; blank text leaves the row empty.
     */
    private static void freeText(Grid g, String ordinal, String label, int firstCol, int lastCol, String text) {
        int r = g.newRow();
        g.put(r, 0, ordinal, Style.CENTER).put(r, 1, label, Style.TEXT_BOLD);
        g.put(r, firstCol, text, Style.TEXT);
        for (int c = firstCol + 1; c <= lastCol; c++) {
            g.put(r, c, "", Style.TEXT);
        }
        g.merge(r, firstCol, lastCol);
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    /**
     * The signature block under a table: the clerk on the left, the head on the right, room for the
     * signature, then the names. Only text, so nothing here reads as a row of figures.
     */
    private static void signature(Grid g, int leftCol, String leftTitle, String head, String headSub,
                                  String clerk, String signer, int rightFrom) {
        int w = g.width;
        int rightTo = w - 1;
        int from = Math.min(rightFrom, rightTo);
        g.newRow();
        int r = g.newRow();
        g.put(r, leftCol, leftTitle, leftTitle.startsWith("Nơi") ? Style.TEXT_BOLD : Style.SIGN_TITLE);
        g.put(r, from, head, Style.SIGN_TITLE).merge(r, from, rightTo);
        r = g.newRow();
        if (headSub != null) {
            g.put(r, from, headSub, Style.SIGN_TITLE).merge(r, from, rightTo);
        }
        g.newRow();
        g.newRow();
        r = g.newRow();
        if (clerk != null) {
            g.put(r, leftCol, clerk, Style.SIGN_NAME);
        }
        g.put(r, from, signer, Style.SIGN_NAME).merge(r, from, rightTo);
    }

    // ------------------------------------------------------------------------------------------
    // Writers
    // ------------------------------------------------------------------------------------------

    private Path file(String unit, String name) throws IOException {
        Path folder = out.resolve(unit);
        Files.createDirectories(folder);
        return folder.resolve(name);
    }

    private static LocalDateTime at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute);
    }

    private static void xlsx(Grid g, Path target, Meta meta) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Map<Style, CellStyle> styles = styles(wb, g);
            XSSFSheet sheet = wb.createSheet(g.sheetName);
            for (int r = 0; r < g.rows.size(); r++) {
                Value[] values = g.rows.get(r);
                Row row = null;
                for (int c = 0; c < values.length; c++) {
                    Value v = values[c];
                    if (v == null) {
                        continue;
                    }
                    if (row == null) {
                        row = sheet.createRow(r);
                    }
                    Cell cell = row.createCell(c);
                    cell.setCellStyle(styles.get(v.style()));
                    if (v.value() instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v.value() instanceof java.time.LocalDate d) {
                        cell.setCellValue(d);
                    } else if (v.value() instanceof Formula f) {
                        cell.setCellFormula(f.expression());
                    } else if (v.value() != null && !v.value().toString().isEmpty()) {
                        cell.setCellValue(v.value().toString());
                    }
                }
            }
            for (CellRangeAddress m : g.merges) {
                sheet.addMergedRegion(m);
                // borders and alignment of a merged header belong to every cell it covers
                Value anchor = g.rows.get(m.getFirstRow())[m.getFirstColumn()];
                if (anchor != null && anchor.style() == Style.HEADER) {
                    for (int r = m.getFirstRow(); r <= m.getLastRow(); r++) {
                        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
                        for (int c = m.getFirstColumn(); c <= m.getLastColumn(); c++) {
                            Cell cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
                            cell.setCellStyle(styles.get(Style.HEADER));
                        }
                    }
                }
            }
            g.widths.forEach((c, chars) -> sheet.setColumnWidth(c, chars * 256 + 200));
            if (g.hiddenListSheet != null) {
                XSSFSheet list = wb.createSheet(g.hiddenListSheet);
                for (int i = 0; i < g.hiddenList.size(); i++) {
                    list.createRow(i).createCell(0).setCellValue(g.hiddenList.get(i));
                }
                wb.setSheetVisibility(wb.getSheetIndex(list), SheetVisibility.HIDDEN);
                DataValidationHelper helper = sheet.getDataValidationHelper();
                DataValidation dv = helper.createValidation(
                    helper.createFormulaListConstraint(g.hiddenListSheet + "!$A$1:$A$" + g.hiddenList.size()),
                    new CellRangeAddressList(g.validatedRange.getFirstRow(), g.validatedRange.getLastRow(),
                        g.validatedRange.getFirstColumn(), g.validatedRange.getLastColumn()));
                dv.setShowErrorBox(true);
                sheet.addValidationData(dv);
            }
            for (String extra : g.extraSheets) {
                wb.createSheet(extra);
            }
            sheet.getPrintSetup().setLandscape(g.width >= 7);
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            wb.setActiveSheet(0);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();

            POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
            core.setCreator(meta.creator());
            core.setLastModifiedByUser(meta.creator());
            core.setCreated(Optional.of(date(meta.created())));
            core.setModified(Optional.of(date(meta.modified())));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            wb.write(bytes);
            Files.write(target, withFixedZipTimes(bytes.toByteArray()));
        }
    }

    private static Date date(LocalDateTime t) {
        // the offices are in Vietnam (UTC+7); the file stores UTC
        return Date.from(t.toInstant(ZoneOffset.ofHours(7)));
    }

    /** Rewrites the package with one fixed timestamp on every entry, so reruns give identical bytes. */
    private static byte[] withFixedZipTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream zout = new ZipOutputStream(rewritten)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(ZIP_TIME);
                zout.putNextEntry(copy);
                zout.write(content);
                zout.closeEntry();
            }
        }
        return rewritten.toByteArray();
    }

    private static Map<Style, CellStyle> styles(XSSFWorkbook wb, Grid g) {
        Map<Style, CellStyle> styles = new LinkedHashMap<>();
        boolean dates = g.rows.stream().flatMap(java.util.Arrays::stream)
            .anyMatch(v -> v != null && v.style() == Style.DATE);
        for (Style s : Style.values()) {
            if (s == Style.DATE && !dates) {
                continue; // a workbook without dates keeps the styles, and the bytes, it always had
            }
            CellStyle cs = wb.createCellStyle();
            Font font = wb.createFont();
            font.setFontName("Times New Roman");
            font.setFontHeightInPoints((short) 12);
            cs.setVerticalAlignment(VerticalAlignment.CENTER);
            switch (s) {
                case LETTERHEAD, TITLE -> {
                    font.setBold(true);
                    font.setFontHeightInPoints((short) (s == Style.TITLE ? 14 : 12));
                    cs.setAlignment(HorizontalAlignment.CENTER);
                }
                case LETTERHEAD_SUB -> {
                    font.setBold(true);
                    font.setUnderline(Font.U_SINGLE);
                    cs.setAlignment(HorizontalAlignment.CENTER);
                }
                case SUBTITLE -> {
                    font.setBold(true);
                    font.setItalic(true);
                    cs.setAlignment(HorizontalAlignment.CENTER);
                }
                case ITALIC_RIGHT -> {
                    font.setItalic(true);
                    cs.setAlignment(HorizontalAlignment.CENTER);
                }
                case SIGN_TITLE, SIGN_NAME -> {
                    font.setBold(true);
                    cs.setAlignment(HorizontalAlignment.CENTER);
                }
                case HEADER -> {
                    font.setBold(true);
                    cs.setAlignment(HorizontalAlignment.CENTER);
                    cs.setWrapText(true);
                    border(cs);
                }
                case TEXT, TEXT_BOLD -> {
                    font.setBold(s == Style.TEXT_BOLD);
                    cs.setWrapText(true);
                    border(cs);
                }
                case CENTER -> {
                    cs.setAlignment(HorizontalAlignment.CENTER);
                    border(cs);
                }
                case NUMBER, NUMBER_BOLD -> {
                    font.setBold(s == Style.NUMBER_BOLD);
                    cs.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
                    cs.setAlignment(HorizontalAlignment.RIGHT);
                    border(cs);
                }
                case DATE -> {
                    cs.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
                    cs.setAlignment(HorizontalAlignment.CENTER);
                }
                case SIGNED -> {
                    cs.setDataFormat(wb.createDataFormat().getFormat("+0;-0;0"));
                    cs.setAlignment(HorizontalAlignment.CENTER);
                    border(cs);
                }
                case PERCENT, PERCENT_BOLD -> {
                    font.setBold(s == Style.PERCENT_BOLD);
                    cs.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
                    cs.setAlignment(HorizontalAlignment.RIGHT);
                    border(cs);
                }
                case PLAIN -> {
                }
            }
            cs.setFont(font);
            styles.put(s, cs);
        }
        return styles;
    }

    private static void border(CellStyle cs) {
        cs.setBorderTop(BorderStyle.THIN);
        cs.setBorderBottom(BorderStyle.THIN);
        cs.setBorderLeft(BorderStyle.THIN);
        cs.setBorderRight(BorderStyle.THIN);
    }

    enum Quote { MINIMAL, TEXT }

    enum Encoding { UTF8, UTF8_BOM, UTF16LE_BOM }

    /** Writes the grid as a spreadsheet program exports it: every row as wide as the used range. */
    private static void csv(Grid g, Path target, char sep, Quote quote, String eol, Encoding encoding, boolean nfd)
        throws IOException {
        StringBuilder text = new StringBuilder();
        for (Value[] row : g.rows) {
            for (int c = 0; c < g.width; c++) {
                if (c > 0) {
                    text.append(sep);
                }
                Value v = row[c];
                if (v == null || v.value() == null) {
                    continue;
                }
                if (v.value() instanceof Formula) {
                    throw new IllegalStateException("no formulas in a CSV sample");
                }
                String s = v.value().toString();
                if (nfd) {
                    s = Normalizer.normalize(s, Normalizer.Form.NFD);
                }
                boolean number = v.value() instanceof Number;
                boolean needs = s.indexOf(sep) >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
                    || s.indexOf('\r') >= 0;
                if (needs || (quote == Quote.TEXT && !number && !s.isEmpty())) {
                    text.append('"').append(s.replace("\"", "\"\"")).append('"');
                } else {
                    text.append(s);
                }
            }
            text.append(eol);
        }
        try (OutputStream os = Files.newOutputStream(target)) {
            switch (encoding) {
                case UTF8 -> os.write(text.toString().getBytes(StandardCharsets.UTF_8));
                case UTF8_BOM -> {
                    os.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                    os.write(text.toString().getBytes(StandardCharsets.UTF_8));
                }
                case UTF16LE_BOM -> {
                    os.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
                    os.write(text.toString().getBytes(StandardCharsets.UTF_16LE));
                }
            }
        }
    }
}
