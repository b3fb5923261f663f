package vn.giaoban.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the sample inbox of the Lạng Sơn catalog (input-samples/lang-son): October 2024 petitions
 * (BM03-DT) under Văn Lãng's 17 communes and town before the July 2025 reform, October 2025 under the
 * 5 communes that replaced them, and two files that must be refused: one for a commune that no longer
 * exists, one on an abolished commune's letterhead sent for a month after the reform. Deterministic:
 * a rerun writes identical bytes.
 *
 * <p>Run by {@code scripts/generate-samples lang-son}.
 */
public final class LangSonSampleGenerator {

    /**
     * One file a commune sent.
     *
     * @param received cumulative petitions received since January; {@code month} of them in October
     * @param layout   0: codes, comma, "Lũy kế từ đầu năm"; 1: names only, semicolon, "Cộng dồn từ đầu năm"
     */
    record Report(String folder, String issuer, String place, int year, int receivedMonth, int received,
            int resolvedMonth, int resolved, int layout, String fileName) {
    }

    /** October 2024, before the reform: the town and the 16 communes of Văn Lãng district. */
    static final List<Report> OCTOBER_2024 = List.of(
            new Report("06124", "UBND THỊ TRẤN NA SẦM", "Na Sầm", 2024, 3, 30, 3, 27, 0, "BM03-DT_T10-2024.csv"),
            new Report("06127", "UBND XÃ TRÙNG KHÁNH", "Trùng Khánh", 2024, 2, 17, 1, 15, 1, "Bao cao don thu T10-2024.csv"),
            new Report("06133", "UBND XÃ BẮC LA", "Bắc La", 2024, 1, 9, 1, 8, 0, "BM03-DT_T10-2024.csv"),
            new Report("06136", "UBND XÃ THỤY HÙNG", "Thụy Hùng", 2024, 1, 11, 1, 10, 1, "Don thu Thuy Hung 10-2024.csv"),
            new Report("06139", "UBND XÃ BẮC HÙNG", "Bắc Hùng", 2024, 1, 10, 0, 9, 0, "BM03-DT_Bac Hung_T10_2024.csv"),
            new Report("06142", "UBND XÃ TÂN TÁC", "Tân Tác", 2024, 0, 8, 1, 7, 1, "BM03-DT_T10-2024.csv"),
            new Report("06148", "UBND XÃ THANH LONG", "Thanh Long", 2024, 1, 7, 1, 6, 0, "BM03-DT 10-2024 (Thanh Long).csv"),
            new Report("06151", "UBND XÃ HỘI HOAN", "Hội Hoan", 2024, 2, 12, 1, 11, 1, "DON THU T10-2024.csv"),
            new Report("06154", "UBND XÃ BẮC VIỆT", "Bắc Việt", 2024, 2, 15, 2, 13, 0, "BM03-DT_2024-10.csv"),
            new Report("06157", "UBND XÃ HOÀNG VIỆT", "Hoàng Việt", 2024, 1, 13, 1, 12, 1, "BM03-DT_T10-2024.csv"),
            new Report("06160", "UBND XÃ GIA MIỄN", "Gia Miễn", 2024, 1, 6, 0, 5, 0, "bc_don_thu_t10_2024.csv"),
            new Report("06163", "UBND XÃ THÀNH HÒA", "Thành Hòa", 2024, 1, 9, 1, 8, 1, "BM03-DT_T10-2024.csv"),
            new Report("06166", "UBND XÃ TÂN THANH", "Tân Thanh", 2024, 1, 10, 1, 9, 0, "BM03-DT Tân Thanh tháng 10-2024.csv"),
            new Report("06172", "UBND XÃ TÂN MỸ", "Tân Mỹ", 2024, 1, 8, 1, 7, 1, "Báo cáo đơn thư 10-2024 Tân Mỹ.csv"),
            new Report("06175", "UBND XÃ HỒNG THÁI", "Hồng Thái", 2024, 0, 5, 0, 5, 0, "BM03_DT_T10_2024.csv"),
            new Report("06178", "UBND XÃ HOÀNG VĂN THỤ", "Hoàng Văn Thụ", 2024, 1, 7, 1, 6, 1, "Bao cao don thu T10 2024.csv"),
            new Report("06181", "UBND XÃ NHẠC KỲ", "Nhạc Kỳ", 2024, 0, 6, 0, 6, 0, "BM03-DT - Nhạc Kỳ - T10-2024.csv"));

    /** October 2025, after the reform: the 5 communes, some of whose codes were other communes' before. */
    static final List<Report> OCTOBER_2025 = List.of(
            new Report("06124", "UBND XÃ NA SẦM", "Na Sầm", 2025, 5, 49, 4, 44, 0, "BM03-DT_T10-2025.csv"),
            new Report("06148", "UBND XÃ THỤY HÙNG", "Thụy Hùng", 2025, 4, 38, 3, 35, 1, "Bao cao don thu T10-2025.csv"),
            new Report("06151", "UBND XÃ HỘI HOAN", "Hội Hoan", 2025, 2, 20, 2, 18, 0, "DON THU T10-2025.csv"),
            new Report("06154", "UBND XÃ VĂN LÃNG", "Văn Lãng", 2025, 3, 37, 3, 33, 1, "BM03-DT_2025-10.csv"),
            new Report("06172", "UBND XÃ HOÀNG VĂN THỤ", "Hoàng Văn Thụ", 2025, 3, 33, 2, 30, 0, "BM03-DT_T10-2025.csv"));

    /** Refused whole: each with the reason its feedback must give. */
    static final List<Report> REFUSED = List.of(
            // Xã Tân Thanh ended on 30/06/2025: no unit carries 06166 in October 2025
            new Report("06166", "UBND XÃ TÂN THANH", "Tân Thanh", 2025, 1, 11, 1, 10, 0,
                    "BM03-DT Tân Thanh tháng 10-2025.csv"),
            // the old letterhead of Xã Tân Mỹ kept after the reform, in the folder 06172 is now Hoàng Văn Thụ's
            new Report("06172", "UBND XÃ TÂN MỸ", "Tân Mỹ", 2025, 1, 9, 1, 8, 1, "Báo cáo đơn thư 10-2025 Tân Mỹ.csv"));

    private final Path out;

    private LangSonSampleGenerator(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        new LangSonSampleGenerator(Path.of(args.length > 0 ? args[0] : "input-samples/lang-son")).run();
    }

    private void run() throws IOException {
        SampleInboxGenerator.cleanUnitFolders(out);
        for (List<Report> reports : List.of(OCTOBER_2024, OCTOBER_2025, REFUSED)) {
            for (Report report : reports) {
                write(report);
            }
        }
    }


    /** A CSV as Excel exports it under Vietnamese settings: BOM, CRLF, a letterhead above the table. */
    private void write(Report r) throws IOException {
        char sep = r.layout() == 0 ? ',' : ';';
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(r.issuer(), "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "", "", ""));
        rows.add(List.of("Số: " + (40 + r.received()) + "/BC-UBND", "", "", "Độc lập - Tự do - Hạnh phúc", "", "", ""));
        rows.add(List.of("", "", "", r.place() + ", ngày 20 tháng 10 năm " + r.year(), "", "", ""));
        rows.add(List.of("", "", "", "", "", "", ""));
        rows.add(List.of("BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ", "", "", "", "", "", ""));
        rows.add(List.of("Tháng 10 năm " + r.year(), "", "", "", "", "", ""));
        if (r.layout() == 0) {
            rows.add(List.of("STT", "Mã số", "Chỉ tiêu", "ĐVT", "Tháng 10", "Lũy kế từ đầu năm", "Ghi chú"));
            rows.add(List.of("1", "DT_TIEP_NHAN", "Số đơn thư tiếp nhận", "Đơn", String.valueOf(r.receivedMonth()),
                    String.valueOf(r.received()), ""));
            rows.add(List.of("2", "DT_DA_GIAI_QUYET", "Số đơn thư đã giải quyết", "đơn",
                    String.valueOf(r.resolvedMonth()), String.valueOf(r.resolved()),
                    r.received() > r.resolved() ? "Còn " + (r.received() - r.resolved()) + " đơn đang giải quyết" : ""));
        } else {
            rows.add(List.of("TT", "Nội dung", "Đơn vị tính", "Cộng dồn từ đầu năm", "Trong tháng", "Ghi chú", ""));
            rows.add(List.of("1", "Tổng số đơn tiếp nhận", "đơn", String.valueOf(r.received()),
                    String.valueOf(r.receivedMonth()), "", ""));
            rows.add(List.of("2", "Số đơn đã giải quyết", "đơn", String.valueOf(r.resolved()),
                    String.valueOf(r.resolvedMonth()), "", ""));
        }
        rows.add(List.of("", "", "", "", "", "", ""));
        rows.add(List.of("Người lập biểu", "", "", "KT. CHỦ TỊCH", "", "", ""));
        rows.add(List.of("", "", "", "PHÓ CHỦ TỊCH", "", "", ""));
        StringBuilder text = new StringBuilder("\uFEFF");
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    text.append(sep);
                }
                String cell = row.get(c);
                boolean number = cell.matches("\\d+");
                text.append(cell.isEmpty() || number ? cell : '"' + cell.replace("\"", "\"\"") + '"');
            }
            text.append("\r\n");
        }
        Path folder = Files.createDirectories(out.resolve(r.folder()));
        Files.writeString(folder.resolve(r.fileName()), text, StandardCharsets.UTF_8);
    }
}
