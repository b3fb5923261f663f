package vn.giaoban.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.giaoban.briefing.Briefing.Annex;
import vn.giaoban.briefing.Briefing.Chart;
import vn.giaoban.briefing.Briefing.ChartKind;
import vn.giaoban.briefing.Briefing.Point;
import vn.giaoban.briefing.Briefing.Series;
import vn.giaoban.briefing.Briefing.Table;

/**
 * The annex ("PHỤ LỤC") after the October 2022 notice: tables and charts rendered into the same PDF,
 * read back with PDFBox.
 */
class BriefingAnnexPdfTest {

    private static final float MM = 72f / 25.4f;

    static final String BUDGET_TITLE = "Biểu 1. Thu ngân sách và giải ngân vốn đầu tư công";
    static final String COMPLETENESS_TITLE = "Biểu 2. Tình hình gửi báo cáo tháng 10/2022 của các đơn vị";
    static final String BAR_TITLE = "Biểu đồ 1. Thu NSNN và giải ngân vốn đầu tư công so với dự toán";
    static final String LINE_TITLE = "Biểu đồ 2. Phạm pháp hình sự và tai nạn giao thông 12 tháng qua";

    /** The 22 units of the completeness table, in the order they are listed. */
    static final List<String> UNITS = List.of("Thị trấn Na Sầm", "Xã Bắc Hùng", "Xã Bắc La", "Xã Bắc Việt", "Xã Gia Miễn",
            "Xã Hoàng Văn Thụ", "Xã Hoàng Việt", "Xã Hội Hoan", "Xã Hồng Thái", "Xã Nhạc Kỳ", "Xã Tân Lang", "Xã Tân Mỹ",
            "Xã Tân Tác", "Xã Tân Thanh", "Xã Thành Hòa", "Xã Thanh Long", "Xã Thụy Hùng", "Xã Trùng Khánh",
            "Chi cục Thuế khu vực III", "Công an huyện", "Phòng Tài chính - Kế hoạch", "Trung tâm Y tế huyện");

    private static final BriefingRenderer renderer = new BriefingRenderer();

    @TempDir
    static Path shared;

    private static Path withAnnex;
    private static Path withoutAnnex;
    private static int noticePages;

    @BeforeAll
    static void render() throws IOException {
        withAnnex = renderer.renderPdf(annexed(BriefingRendererTest.seedBriefing(true)), shared.resolve("annex.pdf"));
        withoutAnnex = renderer.renderPdf(BriefingRendererTest.seedBriefing(true), shared.resolve("notice.pdf"));
        try (PDDocument pdf = Loader.loadPDF(withoutAnnex.toFile())) {
            noticePages = pdf.getNumberOfPages();
        }
        String copyTo = System.getProperty("briefing.annex.sample.copyTo");
        if (copyTo != null) {
            Files.copy(withAnnex, Path.of(copyTo), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void writesTheTablesAndTitlesWithTheirDiacritics() throws IOException {
        String text = text(withAnnex, 1, Integer.MAX_VALUE);
        assertThat(text).contains("PHỤ LỤC", BUDGET_TITLE, COMPLETENESS_TITLE, BAR_TITLE, LINE_TITLE,
                "Chỉ tiêu", "Đơn vị tính", "Thực hiện", "Dự toán tỉnh giao", "Dự toán huyện giao",
                "Tổng thu NSNN trên địa bàn", "triệu đồng", "94.533", "116,71", "101,21", "71.592", "76,46", "70,91",
                "Số liệu thu NSNN đến ngày 23/10/2022; giải ngân lũy kế đến ngày 25/10/2022.",
                "Đúng hạn", "Muộn 2 ngày", "Chưa gửi", "BM01-KT, BM03-DT");
        assertThat(UNITS).allSatisfy(unit -> assertThat(text).contains(unit));
    }

    @Test
    void putsTheAnnexAfterTheNoticeOnNewPages() throws IOException {
        String all = text(withAnnex, 1, Integer.MAX_VALUE);
        assertThat(all.indexOf("THÔNG BÁO")).isNotNegative().isLessThan(all.indexOf("PHỤ LỤC"));
        assertThat(all.indexOf("Lê Đình Phước")).isLessThan(all.indexOf("PHỤ LỤC"));
        try (PDDocument pdf = Loader.loadPDF(withAnnex.toFile())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(noticePages);
        }
        // the notice's pages are those of the notice alone; the annex starts on the next page
        assertThat(text(withAnnex, 1, noticePages)).isEqualTo(text(withoutAnnex, 1, noticePages)).doesNotContain("PHỤ LỤC");
        assertThat(text(withAnnex, noticePages + 1, noticePages + 1))
                .startsWith(Integer.toString(noticePages + 1) + " PHỤ LỤC " + BUDGET_TITLE);
    }

    @Test
    void writesTheChartsAsRealText() throws IOException {
        // legend, categories, values and axis labels, drawn by JFreeChart as text in the embedded font
        // (rotated labels, which the text stripper leaves out of its lines, are read glyph by glyph)
        int bars = pageOf(withAnnex, BAR_TITLE);
        assertThat(text(withAnnex, bars, bars)).contains("Thực hiện", "Dự toán tỉnh giao", "Dự toán huyện giao",
                "Giải ngân vốn đầu tư công", "94.533", "100.000");
        assertThat(glyphs(withAnnex, bars)).contains("Triệuđồng");
        int lines = pageOf(withAnnex, LINE_TITLE);
        assertThat(text(withAnnex, lines, lines)).contains("Phạm pháp hình sự (vụ)", "Tai nạn giao thông (vụ)");
        assertThat(glyphs(withAnnex, lines)).contains("Sốvụ", "11/2021", "12/2021", "01/2022", "10/2022");
    }

    @Test
    void embedsEveryFontOfEveryPage() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(withAnnex.toFile())) {
            List<String> names = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                collectFonts(page.getResources(), names, new HashSet<>());
            }
            assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(name).contains("LiberationSerif"));
        }
    }

    @Test
    void continuesThePageNumbersOnTheAnnexPages() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(withAnnex.toFile())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(noticePages + 2);
            for (int page = 2; page <= pdf.getNumberOfPages(); page++) {
                assertThat(topMargin(pdf, page)).as("top of page %d", page).isEqualTo(Integer.toString(page));
            }
        }
    }

    @Test
    void repeatsTheTableHeaderOnTheContinuationPage() throws IOException {
        int first = pageOf(withAnnex, UNITS.get(0) + " BM01-KT");
        int last = pageOf(withAnnex, UNITS.get(UNITS.size() - 1) + " BM05-TH");
        assertThat(last).as("the completeness table spans a page break").isGreaterThan(first);
        for (int page = first + 1; page <= last; page++) {
            assertThat(text(withAnnex, page, page)).as("page %d", page)
                    .startsWith(page + " Đơn vị Biểu Tình trạng ");
        }
        // no row is split or lost across the break
        String rows = text(withAnnex, first, last);
        int previous = -1;
        for (String unit : UNITS) {
            int at = rows.indexOf(unit + " ");
            assertThat(at).as(unit).isGreaterThan(previous);
            previous = at;
        }
    }

    @Test
    void laysOutTheAnnexOnA4WithTheDecreeMargins() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(withAnnex.toFile())) {
            for (int page = noticePages + 1; page <= pdf.getNumberOfPages(); page++) {
                PDRectangle box = pdf.getPage(page - 1).getMediaBox();
                assertThat(box.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), Offset.offset(1f));
                assertThat(box.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), Offset.offset(1f));
                float[] extent = extent(pdf, page);
                assertThat(extent[0] / MM).as("left margin of page %d, mm", page).isGreaterThanOrEqualTo(29f);
                assertThat((box.getWidth() - extent[1]) / MM).as("right margin of page %d, mm", page)
                        .isGreaterThanOrEqualTo(14f);
                assertThat((box.getHeight() - extent[3]) / MM).as("bottom margin of page %d, mm", page)
                        .isGreaterThanOrEqualTo(19f);
            }
        }
    }

    @Test
    void rendersABriefingWithoutAnnexAsTheNoticeAlone() throws IOException {
        assertThat(renderer.fill(BriefingRendererTest.seedBriefing(true))).hasSize(1);
        assertThat(text(withoutAnnex, 1, Integer.MAX_VALUE)).doesNotContain("PHỤ LỤC", BUDGET_TITLE);
    }

    @Test
    void fitsColumnWidthsToTheTextWidthAndCachesLayoutsByShape() {
        Table budget = budgetTable();
        AnnexTableLayout tables = new AnnexTableLayout();
        AnnexTableLayout.Prepared first = tables.prepare(budget);
        AnnexTableLayout.Prepared again = tables.prepare(budget);
        assertThat(again.layout()).isSameAs(first.layout());
        assertThat(tables.cachedLayouts()).isEqualTo(1);
        List<Integer> widths = tables.widths(budget.columns(), budget.rows(), 11f);
        assertThat(widths).hasSize(7);
        assertThat(widths.stream().mapToInt(Integer::intValue).sum()).isEqualTo(453);
        // the label column gets the most room, a "%" column the least
        assertThat(widths.get(0)).isEqualTo(widths.stream().mapToInt(Integer::intValue).max().orElseThrow());
        assertThat(widths.get(4)).isLessThan(widths.get(3));
        // many narrow columns still add up to the text width
        List<String> many = List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L");
        assertThat(tables.widths(many, List.of(many), 10f).stream().mapToInt(Integer::intValue).sum()).isEqualTo(453);
    }

    @Test
    void rendersEmptyAndWideTablesAndAChartWithoutData(@TempDir Path folder) throws IOException {
        List<String> months = List.of("Đơn vị", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9");
        List<Boolean> numeric = List.of(false, true, true, true, true, true, true, true, true, true);
        Table wide = new Table("Biểu 3. Số đơn thư tiếp nhận theo tháng", months, numeric,
                List.of(List.of("Xã Tân Mỹ", "1", "0", "2", "1", "3", "0", "1", "2", "1"), List.of("Xã Hội Hoan", "2")), null);
        Table empty = new Table("Biểu 4. Các vụ việc tồn đọng", List.of("Vụ việc", "Đơn vị", "Tình trạng"),
                List.of(false, false, false), List.of(), "Không có vụ việc tồn đọng.");
        Chart nothing = new Chart("Biểu đồ 3. Chưa có số liệu", ChartKind.LINE, "Số đơn", List.of());
        Briefing notice = BriefingRendererTest.seedBriefing(false);
        Briefing briefing = new Briefing(notice.period(), notice.letterhead(), notice.title(), notice.summary(),
                notice.blocks(), false, new Annex(null, List.of(wide, empty), List.of(nothing)));
        Path pdf = renderer.renderPdf(briefing, folder.resolve("edge.pdf"));
        assertThat(text(pdf, noticePages + 1, Integer.MAX_VALUE)).startsWith(noticePages + 1 + " PHỤ LỤC Biểu 3.")
                .contains("Đơn vị T1 T2 T3 T4 T5 T6 T7 T8 T9", "Xã Tân Mỹ 1 0 2 1 3 0 1 2 1", "Xã Hội Hoan 2",
                        "Biểu 4. Các vụ việc tồn đọng Vụ việc Đơn vị Tình trạng Không có vụ việc tồn đọng.",
                        "Biểu đồ 3. Chưa có số liệu");
    }

    // ---------------------------------------------------------------------------------------------

    static Briefing annexed(Briefing notice) {
        return new Briefing(notice.period(), notice.letterhead(), notice.title(), notice.summary(), notice.blocks(),
                notice.draft(), annex());
    }

    static Annex annex() {
        List<List<String>> completeness = new ArrayList<>();
        for (int i = 0; i < UNITS.size(); i++) {
            String state = i % 7 == 3 ? "Muộn 2 ngày" : i % 11 == 5 ? "Chưa gửi" : "Đúng hạn";
            completeness.add(List.of(UNITS.get(i), i < 18 ? "BM01-KT, BM03-DT" : "BM05-TH", state));
        }
        Table units = new Table(COMPLETENESS_TITLE, List.of("Đơn vị", "Biểu", "Tình trạng"), List.of(false, false, false),
                completeness, "Hạn gửi báo cáo: ngày 20 hằng tháng.");
        Chart bars = new Chart(BAR_TITLE, ChartKind.BAR, "Triệu đồng", List.of(
                new Series("Thực hiện", List.of(point("Thu NSNN", 94_533), point("Giải ngân vốn đầu tư công", 71_592))),
                new Series("Dự toán tỉnh giao", List.of(point("Thu NSNN", 81_000), point("Giải ngân vốn đầu tư công", 93_633))),
                new Series("Dự toán huyện giao",
                        List.of(point("Thu NSNN", 93_400), point("Giải ngân vốn đầu tư công", 100_962)))));
        int[] crime = {2, 3, 1, 4, 2, 3, 2, 5, 3, 2, 4, 3};
        int[] traffic = {0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 1};
        List<Point> crimePoints = new ArrayList<>();
        List<Point> trafficPoints = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            int month = (10 + m) % 12 + 1;
            String category = String.format("%02d/%d", month, month >= 11 ? 2021 : 2022);
            crimePoints.add(point(category, crime[m]));
            trafficPoints.add(point(category, traffic[m]));
        }
        Chart line = new Chart(LINE_TITLE, ChartKind.LINE, "Số vụ",
                List.of(new Series("Phạm pháp hình sự (vụ)", crimePoints), new Series("Tai nạn giao thông (vụ)", trafficPoints)));
        return new Annex("PHỤ LỤC", List.of(budgetTable(), units), List.of(bars, line));
    }

    static Table budgetTable() {
        return new Table(BUDGET_TITLE,
                List.of("Chỉ tiêu", "Đơn vị tính", "Thực hiện", "Dự toán tỉnh giao", "%", "Dự toán huyện giao", "%"),
                List.of(false, false, true, true, true, true, true),
                List.of(List.of("Tổng thu NSNN trên địa bàn", "triệu đồng", "94.533", "81.000", "116,71", "93.400", "101,21"),
                        List.of("- Thu từ doanh nghiệp ngoài quốc doanh", "triệu đồng", "21.305", "24.000", "88,77", "25.500", "83,55"),
                        List.of("- Thu tiền sử dụng đất", "triệu đồng", "38.912", "25.000", "155,65", "33.000", "117,92"),
                        List.of("- Lệ phí trước bạ", "triệu đồng", "9.870", "11.000", "89,73", "11.500", "85,83"),
                        List.of("Thu ngân sách huyện", "triệu đồng", "402.117", "498.000", "80,75", "512.300", "78,49"),
                        List.of("Chi ngân sách huyện", "triệu đồng", "386.540", "498.000", "77,62", "512.300", "75,45"),
                        List.of("Giải ngân vốn đầu tư công", "triệu đồng", "71.592", "93.633", "76,46", "100.962", "70,91"),
                        List.of("- Trong đó: Chương trình MTQG", "triệu đồng", "18.204", "35.718", "50,97", "35.718", "50,97")),
                "Số liệu thu NSNN đến ngày 23/10/2022; giải ngân lũy kế đến ngày 25/10/2022.");
    }

    private static Point point(String category, long value) {
        return new Point(category, BigDecimal.valueOf(value));
    }

    /** Every font of a resource dictionary and of the forms it draws (charts may be drawn as forms). */
    private static void collectFonts(PDResources resources, List<String> names, Set<Object> seen) throws IOException {
        if (resources == null || !seen.add(resources.getCOSObject())) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            names.add(font.getName());
            assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
            if (font instanceof PDType0Font type0) {
                assertThat(type0.getDescendantFont().isEmbedded()).as("descendant of %s embedded", font.getName()).isTrue();
            }
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form) {
                collectFonts(form.getResources(), names, seen);
            }
        }
    }

    private static String text(Path pdf, int from, int to) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(from);
            stripper.setEndPage(Math.min(to, document.getNumberOfPages()));
            return stripper.getText(document).replaceAll("\\s+", " ").strip();
        }
    }

    private static int pageOf(Path pdf, String needle) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                if (stripper.getText(document).replaceAll("\\s+", " ").contains(needle)) {
                    return page;
                }
            }
        }
        throw new AssertionError("not in the PDF: " + needle);
    }

    private static String topMargin(PDDocument pdf, int page) throws IOException {
        PDFTextStripperByArea area = new PDFTextStripperByArea();
        area.addRegion("top", new Rectangle2D.Float(0, 0, pdf.getPage(page - 1).getMediaBox().getWidth(), 20 * MM));
        area.extractRegions(pdf.getPage(page - 1));
        return area.getTextForRegion("top").strip();
    }

    /** Every glyph of a page in the order drawn, whatever its direction, without spaces. */
    private static String glyphs(Path pdf, int page) throws IOException {
        StringBuilder glyphs = new StringBuilder();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    if (!text.getUnicode().isBlank()) {
                        glyphs.append(text.getUnicode());
                    }
                }
            };
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.getText(document);
        }
        return glyphs.toString();
    }

    /**
     * minX, maxX, minTop, maxBottom of the upright glyphs of one page, in points from the top left corner
     * (PDFBox's direction-adjusted boxes of the charts' rotated labels are not where they are drawn).
     */
    private static float[] extent(PDDocument pdf, int page) throws IOException {
        float[] e = {Float.MAX_VALUE, 0, Float.MAX_VALUE, 0};
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                for (TextPosition p : positions) {
                    if (p.getUnicode().isBlank() || p.getDir() != 0f) {
                        continue;
                    }
                    e[0] = Math.min(e[0], p.getXDirAdj());
                    e[1] = Math.max(e[1], p.getXDirAdj() + p.getWidthDirAdj());
                    e[2] = Math.min(e[2], p.getYDirAdj() - p.getHeightDir());
                    e[3] = Math.max(e[3], p.getYDirAdj());
                }
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(pdf);
        return e;
    }
}
