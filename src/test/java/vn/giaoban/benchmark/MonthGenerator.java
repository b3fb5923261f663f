package vn.giaoban.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import vn.giaoban.text.VietnameseText;

/**
 * A whole month of a province, of several, or of the nation, generated from a seed: the catalog it needs
 * (the sample catalog's indicators, headings, list columns and rules, with generated units, the forms'
 * submitters set to them, and one sector form per further department) and an inbox with every unit's
 * files laid out the way offices lay them out (title blocks of varying height, column headings and
 * orders from the catalog's aliases, .xlsx, .xls and CSV in several encodings and separators, numbers
 * typed as text), each a valid submission. The same seed gives the same bytes.
 *
 * <p>Files are written directly (an .xlsx is a small zip of XML; only .xls goes through POI) so that the
 * national month, about 17,300 files, takes seconds rather than the minutes a workbook library would.
 */
public final class MonthGenerator {

    /** The sample catalog whose indicators, headings, list columns and rules the generated one reuses. */
    private static final String SAMPLE_CATALOG = "/catalog/van-lang/";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    /**
     * What to generate.
     *
     * @param provinces            provinces, each with its departments
     * @param communes             communes in all, shared out between the provinces
     * @param departmentsPerProvince departments of each province (1 to 20), each sending one form
     * @param listRows             the average number of rows of a commune's petitions list
     * @param period               the month reported
     * @param seed                 the same seed gives the same files
     */
    public record Spec(int provinces, int communes, int departmentsPerProvince, int listRows, YearMonth period,
            long seed) {

        public Spec {
            if (provinces < 1 || communes < provinces || departmentsPerProvince < 1 || departmentsPerProvince > 20
                    || listRows < 2) {
                throw new IllegalArgumentException("bad month: " + provinces + " provinces, " + communes
                        + " communes, " + departmentsPerProvince + " departments each, " + listRows + " list rows");
            }
        }

        /** A province after the 2025 reform, {@code scale} times: about 100 communes and 20 departments each. */
        public static Spec province(int scale) {
            return new Spec(scale, 100 * scale, 20, 30, YearMonth.of(2026, 10), 7L);
        }

        /** The nation: 3,321 communes in 34 provinces, 20 departments each. */
        public static Spec national() {
            return new Spec(34, 3321, 20, 30, YearMonth.of(2026, 10), 7L);
        }

        /** A few units: enough to run every step. */
        public static Spec smoke() {
            return new Spec(1, 6, 6, 8, YearMonth.of(2026, 10), 7L);
        }

        /** The night that receives the month's files. */
        public LocalDate night() {
            return period.atDay(Math.min(26, period.lengthOfMonth()));
        }
    }

    /**
     * What was generated.
     *
     * @param catalog     the catalog folder (for {@code giaoban.catalog.location=file:...})
     * @param inbox       the inbox folder, one sub-folder per unit
     * @param briefingUnit the province the briefing is about (its {@code giaoban.briefing.unit-code})
     * @param files       files written
     * @param bytes       their total size
     * @param values      figures written in aggregate forms (one per indicator and measure)
     * @param listRows    rows of the petitions lists
     * @param listCells   cells of those rows
     */
    public record Month(Path catalog, Path inbox, String briefingUnit, int files, long bytes, long values,
            long listRows, long listCells) {
    }

    private record Unit(String code, String name, String kind, String parent, String form) {
    }

    private record Indicator(String code, String name, String unitOfMeasure, boolean status) {
    }

    private record Sector(String formCode, String department, String subject, List<Indicator> indicators) {
    }

    private final Spec spec;
    private final Map<String, Indicator> indicators = new LinkedHashMap<>();
    private final List<Sector> sectors = new ArrayList<>();
    private final AtomicInteger files = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong values = new AtomicLong();
    private final AtomicLong listRows = new AtomicLong();
    private final AtomicLong listCells = new AtomicLong();

    private MonthGenerator(Spec spec) {
        this.spec = spec;
    }

    /** Generates the catalog into {@code catalog} and the inbox into {@code inbox}, both emptied first. */
    public static Month generate(Spec spec, Path catalog, Path inbox) throws IOException {
        return new MonthGenerator(spec).run(catalog, inbox);
    }

    /** {@code MonthGenerator province|national|smoke [scale] <folder>}: writes {@code catalog/} and {@code inbox/} under it. */
    public static void main(String[] args) throws IOException {
        quietPoi();
        if (args.length < 2) {
            System.err.println("Cách dùng: MonthGenerator province|national|smoke [hệ số] <thư mục>");
            System.exit(2);
        }
        Spec spec = switch (args[0]) {
            case "province" -> Spec.province(args.length > 2 ? Integer.parseInt(args[1]) : 1);
            case "national" -> Spec.national();
            case "smoke" -> Spec.smoke();
            default -> throw new IllegalArgumentException(args[0]);
        };
        Path out = Path.of(args[args.length - 1]);
        long start = System.nanoTime();
        Month month = generate(spec, out.resolve("catalog"), out.resolve("inbox"));
        System.out.printf("%d tệp, %d byte, %d giá trị, %d dòng danh sách trong %.1f s: %s%n", month.files(),
                month.bytes(), month.values(), month.listRows(), (System.nanoTime() - start) / 1e9, out);
    }

    /** POI logs every .xls it writes without document properties; a generator of thousands need not. */
    static void quietPoi() {
        if (org.slf4j.LoggerFactory.getLogger("org.apache.poi") instanceof ch.qos.logback.classic.Logger poi) {
            poi.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    // ------------------------------------------------------------------------------------------
    // The catalog
    // ------------------------------------------------------------------------------------------

    private static final String[][] DEPARTMENTS = {
        {"BM01-NS", "Thuế tỉnh"}, {"BM02-DTC", "Sở Tài chính"}, {"BM03-DT", "Thanh tra tỉnh"},
        {"BM04-ANTT", "Công an tỉnh"}, {"", "Sở Giáo dục và Đào tạo"}, {"", "Sở Y tế"},
        {"", "Sở Văn hóa, Thể thao và Du lịch"}, {"", "Sở Nội vụ"}, {"", "Sở Tư pháp"}, {"", "Sở Xây dựng"},
        {"", "Sở Công Thương"}, {"", "Sở Nông nghiệp và Môi trường"}, {"", "Sở Khoa học và Công nghệ"},
        {"", "Sở Dân tộc và Tôn giáo"}, {"", "Sở Ngoại vụ"}, {"", "Kho bạc Nhà nước khu vực"},
        {"", "Bảo hiểm xã hội tỉnh"}, {"", "Thống kê tỉnh"}, {"", "Ban Quản lý các khu công nghiệp"},
        {"", "Bộ Chỉ huy Quân sự tỉnh"}};

    private static final String[][] SECTOR_MEASURES = {
        {"Số cơ sở được kiểm tra", "cơ sở"}, {"Số hồ sơ thủ tục hành chính tiếp nhận", "hồ sơ"},
        {"Số hồ sơ giải quyết đúng hạn", "hồ sơ"}, {"Số vụ việc vi phạm phát hiện", "vụ"},
        {"Số tiền xử phạt vi phạm hành chính", "triệu đồng"}, {"Số lượt người được tập huấn", "lượt người"},
        {"Số văn bản chỉ đạo ban hành", "văn bản"}, {"Kinh phí thực hiện", "triệu đồng"}};

    private static final String[] PROVINCES = {"Hà Giang", "Cao Bằng", "Lạng Sơn", "Tuyên Quang", "Lào Cai",
        "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng",
        "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai", "Tây Ninh",
        "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang", "Hà Nội", "Huế", "Lai Châu", "Điện Biên",
        "Sơn La", "Thanh Hóa", "Nghệ An", "Hà Tĩnh"};

    private static final String[] SYLLABLES = {"An", "Bình", "Cao", "Châu", "Đông", "Gia", "Hà", "Hải", "Hòa", "Hồng",
        "Hưng", "Kim", "Lạc", "Lâm", "Long", "Minh", "Mỹ", "Nam", "Nghĩa", "Ngọc", "Nhân", "Phong", "Phú", "Phúc",
        "Quang", "Quảng", "Sơn", "Tân", "Thạch", "Thanh", "Thành", "Thắng", "Thịnh", "Thuận", "Thượng", "Tiến", "Trung",
        "Trường", "Tú", "Vân", "Văn", "Việt", "Vĩnh", "Xuân", "Yên", "Bắc", "Cẩm", "Dương", "Đại", "Đức", "Hiệp",
        "Khánh", "Lợi", "Lộc", "Mai", "Na", "Phước", "Tây", "Thái", "Tường", "Bảo", "Định"};

    private List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        int commune = 0;
        for (int p = 0; p < spec.provinces(); p++) {
            String province = String.format("%02d", p + 1);
            units.add(new Unit(province, "Tỉnh " + PROVINCES[p % PROVINCES.length]
                    + (p >= PROVINCES.length ? " " + (p / PROVINCES.length + 1) : ""), "province", "", ""));
            for (int d = 0; d < spec.departmentsPerProvince(); d++) {
                String form = d < 4 ? DEPARTMENTS[d][0] : sectors.get(d - 4).formCode();
                units.add(new Unit(province + "-S" + String.format("%02d", d + 1), DEPARTMENTS[d][1] + " "
                        + PROVINCES[p % PROVINCES.length] + (p >= PROVINCES.length ? " " + (p / PROVINCES.length + 1) : ""),
                        "department", province, form));
            }
            int count = spec.communes() / spec.provinces() + (p < spec.communes() % spec.provinces() ? 1 : 0);
            for (int c = 0; c < count; c++, commune++) {
                // two syllables, every pair once: no commune's name is another's
                int pair = Math.floorMod(commune * 1543 + 17, SYLLABLES.length * SYLLABLES.length);
                String name = SYLLABLES[pair / SYLLABLES.length] + " " + SYLLABLES[pair % SYLLABLES.length];
                if (commune >= SYLLABLES.length * SYLLABLES.length) {
                    name += " " + (commune / (SYLLABLES.length * SYLLABLES.length) + 1);
                }
                units.add(new Unit(String.format("%05d", 10000 + commune * 3), "Xã " + name, "commune", province, ""));
            }
        }
        return units;
    }

    private void writeCatalog(Path dir, List<Unit> units) throws IOException {
        Files.createDirectories(dir);
        for (String file : List.of("headings.csv", "list-columns.csv", "list-aggregations.csv", "briefing.csv")) {
            Files.writeString(dir.resolve(file), sample(file));
        }
        StringBuilder csv = new StringBuilder(sample("indicators.csv"));
        for (Sector sector : sectors) {
            for (Indicator i : sector.indicators()) {
                csv.append(i.code()).append(',').append(quote(i.name())).append(',').append(quote(i.name()))
                        .append(',').append(i.unitOfMeasure()).append(i.unitOfMeasure().equals("triệu đồng")
                                ? ",NUMBER" : ",COUNT").append(",OWN,NEUTRAL,0,1,1,\n");
            }
        }
        Files.writeString(dir.resolve("indicators.csv"), csv);

        csv = new StringBuilder("code,name,kind,parent_code,valid_from,valid_to,successor_code,aliases\n");
        for (Unit u : units) {
            csv.append(u.code()).append(',').append(quote(u.name())).append(',').append(u.kind()).append(',')
                    .append(u.parent()).append(",,,,\n");
        }
        Files.writeString(dir.resolve("units.csv"), csv);

        // the sample's forms, sent by every commune (five forms) and by the department that answers for each
        Map<String, List<String>> submitters = new LinkedHashMap<>();
        for (String form : List.of("BM01-NS", "BM02-DTC", "BM03-DT", "BM04-ANTT", "BM05-NTM", "BM03-DS")) {
            submitters.put(form, new ArrayList<>(form.equals("BM02-DTC") ? List.of() : List.of("kind:commune")));
        }
        for (Sector sector : sectors) {
            submitters.put(sector.formCode(), new ArrayList<>());
        }
        units.stream().filter(u -> u.kind().equals("department")).forEach(u -> submitters.get(u.form()).add(u.code()));
        csv = new StringBuilder("code,title,submitters,default_measure,deadline_day,indicators,aliases\n");
        for (String line : sample("forms.csv").lines().skip(1).toList()) {
            String code = line.substring(0, line.indexOf(','));
            List<String> fields = splitCsv(line);
            fields.set(2, String.join(" ", submitters.get(code)));
            csv.append(String.join(",", fields.stream().map(MonthGenerator::quote).toList())).append('\n');
        }
        for (Sector sector : sectors) {
            csv.append(sector.formCode()).append(',').append(quote(sector.subject())).append(',')
                    .append(String.join(" ", submitters.get(sector.formCode()))).append(",CUMULATIVE,24,")
                    .append(String.join(" ", sector.indicators().stream().map(Indicator::code).toList())).append(",\n");
        }
        Files.writeString(dir.resolve("forms.csv"), csv);

        // the sample's rules; those about the district are about each province
        csv = new StringBuilder();
        for (String line : sample("rules.csv").lines().toList()) {
            if (line.contains(",unit:182,")) {
                for (Unit u : units) {
                    if (u.kind().equals("province")) {
                        csv.append(line.replace(",unit:182,", ",unit:" + u.code() + ",").replaceFirst("^([A-Z_]+),",
                                "$1_" + u.code() + ",")).append('\n');
                    }
                }
            } else {
                csv.append(line).append('\n');
            }
        }
        Files.writeString(dir.resolve("rules.csv"), csv);

        csv = new StringBuilder("code,indicator,level,year,unit,value,label\n");
        SplittableRandom random = new SplittableRandom(spec.seed());
        for (Unit u : units) {
            if (u.kind().equals("province")) {
                int budget = 2_000_000 + random.nextInt(8_000_000);
                int investment = 1_500_000 + random.nextInt(5_000_000);
                int year = spec.period().getYear();
                csv.append("NSNN_DT_TINH,NSNN_THU,TINH_GIAO,").append(year).append(',').append(u.code()).append(',')
                        .append(budget).append(",dự toán trung ương giao\n");
                csv.append("NSNN_DT_HUYEN,NSNN_THU,HUYEN_GIAO,").append(year).append(',').append(u.code()).append(',')
                        .append(budget * 11 / 10).append(",dự toán tỉnh giao\n");
                csv.append("DTC_KH_TINH,DTC_GIAI_NGAN,TINH_GIAO,").append(year).append(',').append(u.code()).append(',')
                        .append(investment).append(",kế hoạch vốn trung ương giao\n");
                csv.append("DTC_KH_HUYEN,DTC_GIAI_NGAN,HUYEN_GIAO,").append(year).append(',').append(u.code()).append(',')
                        .append(investment * 11 / 10).append(",kế hoạch vốn tỉnh giao\n");
            }
        }
        Files.writeString(dir.resolve("targets.csv"), csv);

        YearMonth p = spec.period();
        // every province issues its notice; the first one's meeting and tasks are recorded
        Files.writeString(dir.resolve("offices.csv"), "unit,issuing_body,parent_body,place,document_number,issuer,summary,"
                + "recipients,signer_lines,signer_name,emails,trend_indicator,bundle\n"
                + "kind:province,ỦY BAN NHÂN DÂN|{NAME},,{place},Số:       /TB-UBND,UBND tỉnh,"
                + "Kết luận của đồng chí Chủ tịch UBND tỉnh tại cuộc họp giao ban công tác tháng {period},"
                + "\"TT. Tỉnh ủy;|TT. HĐND tỉnh;|CT, PCT UBND tỉnh;|Các sở, ban, ngành;|UBND các xã;|Lưu: VT.\","
                + "TL. CHỦ TỊCH|CHÁNH VĂN PHÒNG,,,NSNN_THU,no\n");
        String office = units.get(0).code();
        Files.writeString(dir.resolve("meetings.csv"), "office,period,meeting_date,notice_date,chair,attendees,concluded_by\n"
                + office + "," + p + "," + p.atDay(27) + "," + p.atDay(28) + ",\"đồng chí Chủ tịch UBND tỉnh\","
                + "\"các đồng chí Phó Chủ tịch UBND tỉnh; lãnh đạo các sở, ban, ngành\",đồng chí Chủ tịch UBND tỉnh\n");
        Files.writeString(dir.resolve("tasks.csv"), "office,code,period,sector,responsible,task,deadline,status\n"
                + office + ",T" + p + "-01," + p + ",Công tác thu chi NSNN,\"Sở Tài chính; Thuế tỉnh\","
                + "\"Tăng cường quản lý thu NSNN, phấn đấu hoàn thành dự toán năm " + p.getYear() + ".\","
                + p.plusMonths(2).atEndOfMonth() + ",\n"
                + office + ",T" + p + "-02," + p + ",Công tác tiếp dân,Thanh tra tỉnh,"
                + "\"Đôn đốc các xã giải quyết dứt điểm đơn thư tồn đọng.\"," + p.plusMonths(1).atEndOfMonth() + ",\n");
    }

    private void readIndicators() {
        for (String line : sample("indicators.csv").lines().skip(1).toList()) {
            List<String> f = splitCsv(line);
            indicators.put(f.get(0), new Indicator(f.get(0), f.get(1), f.get(3), f.get(4).equals("STATUS")));
        }
        for (int d = 4; d < DEPARTMENTS.length; d++) {
            String form = String.format("BM%02d-NG", d + 2);
            String prefix = String.format("NG%02d_", d + 2);
            String department = DEPARTMENTS[d][1];
            List<Indicator> list = new ArrayList<>();
            for (int m = 0; m < SECTOR_MEASURES.length; m++) {
                list.add(new Indicator(prefix + "CT" + (m + 1), SECTOR_MEASURES[m][0] + " (" + department + ")",
                        SECTOR_MEASURES[m][1], false));
            }
            sectors.add(new Sector(form, department, "Báo cáo kết quả công tác của " + department, list));
        }
    }

    // ------------------------------------------------------------------------------------------
    // The inbox
    // ------------------------------------------------------------------------------------------

    private Month run(Path catalog, Path inbox) throws IOException {
        readIndicators();
        List<Unit> units = units();
        delete(catalog);
        delete(inbox);
        writeCatalog(catalog, units);
        Files.createDirectories(inbox);
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                Unit unit = units.get(i);
                int index = i;
                if (!unit.kind().equals("province")) {
                    done.add(pool.submit(() -> {
                        writeUnit(unit, index, inbox);
                        return null;
                    }));
                }
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IOException("generating the inbox failed", e);
        } finally {
            pool.shutdownNow();
        }
        return new Month(catalog, inbox, units.get(0).code(), files.get(), bytes.get(), values.get(), listRows.get(),
                listCells.get());
    }

    private void writeUnit(Unit unit, int index, Path inbox) throws IOException {
        Path folder = Files.createDirectories(inbox.resolve(unit.code()));
        // one random stream per unit: the same files whatever the order the threads take the units in
        SplittableRandom random = new SplittableRandom(spec.seed() * 1_000_003L + index);
        if (unit.kind().equals("department")) {
            writeAggregate(folder, unit, unit.form(), random);
            return;
        }
        Petitions petitions = Petitions.random(random);
        for (String form : List.of("BM01-NS", "BM03-DT", "BM04-ANTT", "BM05-NTM")) {
            writeAggregate(folder, unit, form, random, petitions);
        }
        writeList(folder, unit, random, petitions);
    }

    /** A commune's petitions this year: the aggregate and the list agree. */
    private record Petitions(int received, int month, int resolved, int monthResolved) {

        static Petitions random(SplittableRandom random) {
            int received = 2 + random.nextInt(57);
            int month = (received + 4) / 8;
            int open = random.nextInt(Math.min(received, 6));
            int monthResolved = Math.max(0, month - (open > 0 ? 1 : 0));
            return new Petitions(received, month, received - open, monthResolved);
        }
    }

    private void writeAggregate(Path folder, Unit unit, String form, SplittableRandom random) throws IOException {
        writeAggregate(folder, unit, form, random, Petitions.random(random));
    }

    /** The column layouts offices use for an aggregate form, by the catalog's headings. */
    private static final String[][] LAYOUTS = {
        {"STT", "Mã số", "Chỉ tiêu", "ĐVT", "Thực hiện tháng {m}", "Lũy kế từ đầu năm", "Ghi chú"},
        {"STT", "Mã chỉ tiêu", "Nội dung", "Đơn vị tính", "Lũy kế từ đầu năm", "Tháng {m}", "Ghi chú"},
        {"TT", "Mã số", "Tên chỉ tiêu", "Thực hiện tháng {m}/{y}", "Lũy kế năm {y}", "Ghi chú"},
        {"Nội dung", "Mã CT", "Trong tháng", "Cộng dồn từ đầu năm", "Ghi chú"},
        {"STT", "Mã số", "Chỉ tiêu", "Số liệu tháng {m}", "Lũy kế {m} tháng", "ĐVT", "Ghi chú"}};

    private void writeAggregate(Path folder, Unit unit, String form, SplittableRandom random, Petitions petitions)
            throws IOException {
        YearMonth p = spec.period();
        boolean status = form.equals("BM05-NTM");
        boolean lastYear = form.equals("BM04-ANTT");
        List<Indicator> rows = switch (form) {
            case "BM01-NS" -> List.of(indicators.get("NSNN_THU"));
            case "BM02-DTC" -> List.of(indicators.get("DTC_GIAI_NGAN"));
            case "BM03-DT" -> List.of(indicators.get("DT_TIEP_NHAN"), indicators.get("DT_DA_GIAI_QUYET"));
            case "BM04-ANTT" -> List.of(indicators.get("PPHS"), indicators.get("TNGT_SO_VU"), indicators.get("TNGT_CHET"),
                    indicators.get("TNGT_BI_THUONG"));
            case "BM05-NTM" -> indicators.values().stream().filter(Indicator::status).toList();
            default -> sectors.stream().filter(s -> s.formCode().equals(form)).findFirst().orElseThrow().indicators();
        };
        List<String> headings = new ArrayList<>();
        if (status) {
            headings.addAll(random.nextBoolean() ? List.of("STT", "Mã số", "Tên tiêu chí", "Kết quả đánh giá", "Ghi chú")
                    : List.of("TT", "Mã tiêu chí", "Tiêu chí", "Đánh giá", "Ghi chú"));
        } else {
            for (String h : LAYOUTS[random.nextInt(LAYOUTS.length)]) {
                headings.add(h.replace("{m}", Integer.toString(p.getMonthValue())).replace("{y}",
                        Integer.toString(p.getYear())));
            }
            if (lastYear) {
                headings.add(headings.size() - 1, "Cùng kỳ năm " + (p.getYear() - 1));
            }
        }
        boolean textNumbers = random.nextInt(6) == 0;
        List<Object[]> grid = titleBlock(unit, formTitle(form), random, headings.size());
        grid.add(headings.toArray());
        int ordinal = 0;
        for (Indicator indicator : rows) {
            long cumulative;
            long month;
            if (indicator.code().equals("DT_TIEP_NHAN")) {
                cumulative = petitions.received();
                month = petitions.month();
            } else if (indicator.code().equals("DT_DA_GIAI_QUYET")) {
                cumulative = petitions.resolved();
                month = petitions.monthResolved();
            } else {
                boolean money = indicator.unitOfMeasure().equals("triệu đồng");
                cumulative = money ? 1_000 + random.nextInt(500_000) : random.nextInt(200);
                month = cumulative * (1 + random.nextInt(2)) / (2L * p.getMonthValue());
            }
            Object[] row = new Object[headings.size()];
            ordinal++;
            for (int c = 0; c < headings.size(); c++) {
                String h = VietnameseText.fold(headings.get(c));
                Object cell;
                if (h.equals("stt") || h.equals("tt")) {
                    cell = ordinal;
                } else if (h.startsWith("ma ")) {
                    cell = indicator.code();
                } else if (h.equals("chi tieu") || h.equals("noi dung") || h.equals("ten chi tieu")
                        || h.equals("ten tieu chi") || h.equals("tieu chi")) {
                    cell = indicator.name();
                } else if (h.equals("dvt") || h.equals("don vi tinh")) {
                    cell = indicator.unitOfMeasure();
                } else if (h.startsWith("ket qua") || h.equals("danh gia")) {
                    cell = random.nextInt(3) == 0 ? "Chưa đạt" : "Đạt";
                } else if (h.startsWith("cung ky")) {
                    cell = number(Math.max(0, cumulative + random.nextInt(9) - 4), textNumbers);
                } else if (h.startsWith("luy ke") || h.startsWith("cong don")) {
                    cell = number(cumulative, textNumbers);
                } else if (h.startsWith("ghi chu")) {
                    cell = random.nextInt(8) == 0 ? "Số liệu ước thực hiện" : "";
                } else {
                    cell = number(month, textNumbers);
                }
                row[c] = cell;
            }
            values.addAndGet(status ? 1 : lastYear ? 3 : 2);
            grid.add(row);
        }
        signature(grid, headings.size());
        write(folder, fileName(form, random), grid, random, unit);
    }

    private void writeList(Path folder, Unit unit, SplittableRandom random, Petitions petitions) throws IOException {
        YearMonth p = spec.period();
        boolean statusFirst = random.nextInt(4) == 0;
        List<String> headings = statusFirst
                ? List.of("STT", "Ngày nhận đơn", "Người đứng đơn", "Nơi cư trú", "Tình trạng giải quyết",
                        "Ngày giải quyết", "Nội dung đơn")
                : List.of("STT", "Ngày tiếp nhận", "Họ tên người gửi", "Địa chỉ", "Nội dung", "Tình trạng",
                        "Ngày giải quyết");
        boolean textDates = random.nextInt(3) == 0;
        List<Object[]> grid = titleBlock(unit, "DANH SÁCH ĐƠN THƯ TIẾP NHẬN, GIẢI QUYẾT", random, headings.size());
        grid.add(headings.toArray());
        // a list longer than the counts it must agree with: petitions of other years are not counted
        int total = petitions.received() + random.nextInt(Math.max(1, 2 * spec.listRows() - petitions.received()));
        int earlier = petitions.received() - petitions.month();
        int resolvedEarlier = petitions.resolved() - petitions.monthResolved();
        LocalDate start = p.atDay(1);
        for (int n = 0; n < total; n++) {
            boolean counted = n < petitions.received();
            LocalDate in;
            if (!counted) {
                in = LocalDate.of(p.getYear() - 1, 1 + random.nextInt(12), 1 + random.nextInt(28));
            } else if (n < earlier) {
                in = LocalDate.of(p.getYear(), 1 + random.nextInt(Math.max(1, p.getMonthValue() - 1)),
                        1 + random.nextInt(28));
                if (!in.isBefore(start)) {
                    in = start.minusDays(1);
                }
            } else {
                in = p.atDay(1 + random.nextInt(Math.min(20, p.lengthOfMonth())));
            }
            LocalDate out = null;
            if (!counted) {
                out = in.plusDays(10);
                if (out.getYear() == p.getYear()) {
                    out = LocalDate.of(p.getYear() - 1, 12, 31);
                }
            } else if (n < resolvedEarlier) {
                out = in.plusDays(5).isBefore(start) ? in.plusDays(5) : start.minusDays(1);
            } else if (n < petitions.resolved()) {
                out = (in.isBefore(start) ? start : in).plusDays(random.nextInt(3));
            }
            boolean done = out != null;
            Object[] row = new Object[headings.size()];
            for (int c = 0; c < headings.size(); c++) {
                row[c] = switch (headings.get(c)) {
                    case "STT" -> n + 1;
                    case "Ngày tiếp nhận", "Ngày nhận đơn" -> textDates ? DAY.format(in) : in;
                    case "Họ tên người gửi", "Người đứng đơn" -> person(random);
                    case "Địa chỉ", "Nơi cư trú" -> "thôn " + SYLLABLES[random.nextInt(SYLLABLES.length)] + " "
                            + SYLLABLES[random.nextInt(SYLLABLES.length)] + ", " + unit.name().toLowerCase().charAt(0)
                            + unit.name().substring(1);
                    case "Nội dung", "Nội dung đơn" -> SUBJECTS[random.nextInt(SUBJECTS.length)] + " (hồ sơ số "
                            + (1000 + random.nextInt(9000)) + ")";
                    case "Tình trạng", "Tình trạng giải quyết" -> done
                            ? (random.nextBoolean() ? "Đã giải quyết" : "Đã GQ") : "Đang giải quyết";
                    case "Ngày giải quyết" -> out == null ? "" : textDates ? DAY.format(out) : out;
                    default -> "";
                };
            }
            grid.add(row);
        }
        listRows.addAndGet(total);
        listCells.addAndGet((long) total * headings.size());
        grid.add(new Object[] {"", "Tổng cộng: " + total + " đơn"});
        signature(grid, headings.size());
        write(folder, "BM03-DS_Danh sach don thu_T" + p.getMonthValue() + "_" + p.getYear()
                + (random.nextInt(5) == 0 ? ".csv" : ".xlsx"), grid, random, unit);
    }

    private static final String[] SUBJECTS = {"Tranh chấp đất đai", "Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
        "Khiếu nại về bồi thường giải phóng mặt bằng", "Phản ánh ô nhiễm môi trường", "Đề nghị hỗ trợ hộ nghèo",
        "Tố cáo vi phạm trật tự xây dựng", "Phản ánh việc chia tài sản thừa kế", "Đề nghị xem xét chế độ chính sách"};
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ",
        "Hồ", "Ngô", "Dương", "Lý", "Nông", "Lương", "Vi", "Triệu", "Hà"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Minh", "Ngọc", "Hữu", "Thanh", "Quốc"};

    private static String person(SplittableRandom random) {
        return FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                + SYLLABLES[random.nextInt(SYLLABLES.length)];
    }

    private String formTitle(String form) {
        return switch (form) {
            case "BM01-NS" -> "BÁO CÁO THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN";
            case "BM02-DTC" -> "BÁO CÁO TÌNH HÌNH GIẢI NGÂN VỐN ĐẦU TƯ CÔNG";
            case "BM03-DT" -> "BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ";
            case "BM04-ANTT" -> "BÁO CÁO TÌNH HÌNH AN NINH TRẬT TỰ VÀ AN TOÀN GIAO THÔNG";
            case "BM05-NTM" -> "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ XÃ NÔNG THÔN MỚI";
            default -> sectors.stream().filter(s -> s.formCode().equals(form)).findFirst().orElseThrow().subject()
                    .toUpperCase(java.util.Locale.ROOT);
        };
    }

    private String fileName(String form, SplittableRandom random) {
        YearMonth p = spec.period();
        int m = p.getMonthValue();
        int y = p.getYear();
        return switch (random.nextInt(4)) {
            case 0 -> form + "_T" + m + "-" + y;
            case 1 -> form + "_" + y + "-" + String.format("%02d", m);
            case 2 -> "Bao cao " + form + " thang " + m + "." + y;
            default -> form + " T" + m + "." + y + " (ban chinh thuc)";
        };
    }

    /** Letterhead, number, date, title and period: from three to nine rows above the table. */
    private List<Object[]> titleBlock(Unit unit, String title, SplittableRandom random, int width) {
        YearMonth p = spec.period();
        List<Object[]> grid = new ArrayList<>();
        String issuer = unit.kind().equals("department") ? unit.name().toUpperCase(java.util.Locale.ROOT)
                : "UBND " + unit.name().toUpperCase(java.util.Locale.ROOT);
        grid.add(new Object[] {issuer, "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"});
        boolean full = random.nextInt(3) > 0;
        if (full) {
            grid.add(new Object[] {"Số: " + (10 + random.nextInt(300)) + "/BC-UBND", "", "Độc lập - Tự do - Hạnh phúc"});
            grid.add(new Object[] {"", "", "ngày " + (5 + random.nextInt(18)) + " tháng " + p.getMonthValue() + " năm "
                    + p.getYear()});
        }
        if (random.nextBoolean()) {
            grid.add(new Object[0]);
        }
        grid.add(new Object[] {title});
        grid.add(new Object[] {switch (random.nextInt(3)) {
            case 0 -> "THÁNG " + p.getMonthValue() + "/" + p.getYear();
            case 1 -> "Tháng " + p.getMonthValue() + " năm " + p.getYear();
            default -> "Kỳ báo cáo: tháng " + p.getMonthValue() + " năm " + p.getYear();
        }});
        if (random.nextInt(4) == 0) {
            grid.add(new Object[0]);
        }
        return grid;
    }

    private static void signature(List<Object[]> grid, int width) {
        grid.add(new Object[0]);
        Object[] row = new Object[width];
        row[0] = "Người lập biểu";
        row[Math.max(1, width - 2)] = "CHỦ TỊCH";
        grid.add(row);
    }

    private static Object number(long value, boolean text) {
        return text ? VietnameseText.nfc(String.format(java.util.Locale.GERMANY, "%,d", value)) : (Object) value;
    }

    // ------------------------------------------------------------------------------------------
    // The formats: .xlsx (most), .xls, CSV in the encodings and separators offices produce
    // ------------------------------------------------------------------------------------------

    private void write(Path folder, String baseName, List<Object[]> grid, SplittableRandom random, Unit unit)
            throws IOException {
        String name = baseName;
        int format = random.nextInt(20);
        byte[] content;
        if (name.endsWith(".csv")) {
            content = csv(grid, ',', StandardCharsets.UTF_8, true, false);
        } else if (name.endsWith(".xlsx")) {
            content = xlsx(grid, "Danh sách");
        } else if (format == 0) {
            name += ".xls";
            content = xls(grid);
        } else if (format <= 4) {
            name += ".csv";
            content = switch (format) {
                case 1 -> csv(grid, ',', StandardCharsets.UTF_8, true, false);
                case 2 -> csv(grid, ';', StandardCharsets.UTF_8, true, false);
                case 3 -> csv(grid, '\t', StandardCharsets.UTF_16LE, true, false);
                default -> csv(grid, ',', StandardCharsets.UTF_8, false, true);
            };
        } else {
            name += ".xlsx";
            content = xlsx(grid, random.nextBoolean() ? "Sheet1" : "Báo cáo");
        }
        Path file = folder.resolve(name);
        Files.write(file, content);
        // saved by the unit before the deadline, most of them; a few late
        LocalDateTime saved = spec.period().atDay(8 + random.nextInt(18)).atTime(7 + random.nextInt(10),
                random.nextInt(60));
        Files.setLastModifiedTime(file, FileTime.from(saved.toInstant(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS)));
        files.incrementAndGet();
        bytes.addAndGet(content.length);
    }

    private static byte[] csv(List<Object[]> grid, char separator, java.nio.charset.Charset charset, boolean bom,
            boolean nfd) {
        StringBuilder text = new StringBuilder();
        if (bom) {
            text.append('\uFEFF');
        }
        for (Object[] row : grid) {
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    text.append(separator);
                }
                Object v = row[c];
                String s = v == null ? "" : v instanceof LocalDate d ? DAY.format(d) : v.toString();
                if (nfd) {
                    s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD);
                }
                if (s.indexOf(separator) >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
                    text.append('"').append(s.replace("\"", "\"\"")).append('"');
                } else {
                    text.append(s);
                }
            }
            text.append("\r\n");
        }
        return text.toString().getBytes(charset);
    }

    private static byte[] xls(List<Object[]> grid) throws IOException {
        try (HSSFWorkbook workbook = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createInformationProperties();
            Sheet sheet = workbook.createSheet("Sheet1");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat((short) 14);
            for (int r = 0; r < grid.size(); r++) {
                Row row = sheet.createRow(r);
                Object[] values = grid.get(r);
                for (int c = 0; c < values.length; c++) {
                    Object v = values[c];
                    if (v == null || "".equals(v)) {
                        continue;
                    }
                    var cell = row.createCell(c);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            <Override PartName="/xl/sharedStrings.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
            <Override PartName="/xl/styles.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            </Types>""";
    private static final String ROOT_RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
            Target="xl/workbook.xml"/></Relationships>""";
    private static final String WORKBOOK = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>""";
    private static final String WORKBOOK_RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
            Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" \
            Target="sharedStrings.xml"/>\
            <Relationship Id="rId3" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
            Target="styles.xml"/></Relationships>""";
    private static final String STYLES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <fonts count="1"><font><sz val="11"/><name val="Times New Roman"/></font></fonts>\
            <fills count="1"><fill><patternFill patternType="none"/></fill></fills>\
            <borders count="1"><border/></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
            </styleSheet>""";

    /** An .xlsx as Excel writes it: shared strings, dates as serial numbers with a date format. */
    private static byte[] xlsx(List<Object[]> grid, String sheetName) throws IOException {
        Map<String, Integer> strings = new LinkedHashMap<>();
        int stringCount = 0;
        StringBuilder sheet = new StringBuilder(256 + grid.size() * 160);
        sheet.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 0; r < grid.size(); r++) {
            Object[] row = grid.get(r);
            sheet.append("<row r=\"").append(r + 1).append("\">");
            for (int c = 0; c < row.length; c++) {
                Object v = row[c];
                if (v == null || "".equals(v)) {
                    continue;
                }
                String ref = (char) ('A' + c) + Integer.toString(r + 1);
                if (v instanceof Number n) {
                    sheet.append("<c r=\"").append(ref).append("\"><v>").append(n).append("</v></c>");
                } else if (v instanceof LocalDate d) {
                    sheet.append("<c r=\"").append(ref).append("\" s=\"1\"><v>")
                            .append(ChronoUnit.DAYS.between(EXCEL_EPOCH, d)).append("</v></c>");
                } else {
                    stringCount++;
                    int index = strings.computeIfAbsent(v.toString(), k -> strings.size());
                    sheet.append("<c r=\"").append(ref).append("\" t=\"s\"><v>").append(index).append("</v></c>");
                }
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData></worksheet>");
        StringBuilder shared = new StringBuilder(strings.size() * 40);
        shared.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"").append(stringCount)
                .append("\" uniqueCount=\"").append(strings.size()).append("\">");
        for (String s : strings.keySet()) {
            shared.append("<si><t xml:space=\"preserve\">").append(escape(s)).append("</t></si>");
        }
        shared.append("</sst>");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(1);
            entry(zip, "[Content_Types].xml", CONTENT_TYPES);
            entry(zip, "_rels/.rels", ROOT_RELS);
            entry(zip, "xl/workbook.xml", WORKBOOK.formatted(escape(sheetName)));
            entry(zip, "xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
            entry(zip, "xl/styles.xml", STYLES);
            entry(zip, "xl/sharedStrings.xml", shared.toString());
            entry(zip, "xl/worksheets/sheet1.xml", sheet.toString());
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        // fixed times: the same seed gives the same bytes
        entry.setTime(946_684_800_000L);
        zip.putNextEntry(entry);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ------------------------------------------------------------------------------------------

    private static String sample(String file) {
        try (InputStream in = MonthGenerator.class.getResourceAsStream(SAMPLE_CATALOG + file)) {
            if (in == null) {
                throw new IllegalStateException("no " + SAMPLE_CATALOG + file + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String field) {
        return field.contains(",") || field.contains("\"") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    /** One line of the catalog's CSV into its fields (quotes as the catalog writes them). */
    private static List<String> splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
