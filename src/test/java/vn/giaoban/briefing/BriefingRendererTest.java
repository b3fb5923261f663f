package vn.giaoban.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** Renders the October 2022 Văn Lãng notice by hand and reads the PDF back with PDFBox. */
class BriefingRendererTest {

    private static final float MM = 72f / 25.4f;

    private static final String NSNN = "Tổng thu NSNN trên địa bàn đến ngày 23/10/2022 được 94.533 triệu đồng, đạt 116,71% "
            + "dự toán tỉnh giao, đạt 101,21% dự toán huyện giao.";
    private static final String GIAI_NGAN = "Tháng 10/2022, giải ngân được 71.592 triệu đồng, đạt 76,46% kế hoạch vốn tỉnh giao "
            + "và bằng 70,91% kế hoạch vốn huyện giao.";
    private static final String CLOSING = "Ủy ban nhân dân huyện thông báo Kết luận của đồng chí Chủ tịch UBND huyện đề các "
            + "cơ quan, đơn vị biết, tổ chức thực hiện./.";

    private static final BriefingRenderer renderer = new BriefingRenderer();

    @TempDir
    static Path shared;

    private static Path notice;
    private static long firstRenderMillis;

    @BeforeAll
    static void renderTheSeedNotice() {
        long started = System.nanoTime();
        notice = renderer.renderPdf(seedBriefing(true), shared.resolve("out/2022-10/briefing-2022-10.pdf"));
        firstRenderMillis = (System.nanoTime() - started) / 1_000_000;
        String copyTo = System.getProperty("briefing.sample.copyTo");
        if (copyTo != null) {
            try {
                Files.copy(notice, Path.of(copyTo), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void writesTheWholeTextWithItsDiacritics() throws IOException {
        String text = text(notice);
        assertThat(text).contains(NSNN, GIAI_NGAN, CLOSING,
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Văn Lãng, ngày 27 tháng 10 năm 2022", "Số: /TB-UBND", "THÔNG BÁO",
                "Kết luận của đồng chí Chủ tịch UBND huyện tại cuộc họp giao ban công tác tháng 10/2022",
                "I. KẾT QUẢ ĐẠT ĐƯỢC; KHÓ KHĂN, HẠN CHẾ", "Nơi nhận:", "- TT. Huyện ủy;", "- Lưu: VT.",
                "TL. CHỦ TỊCH", "PHÓ CHÁNH VĂN PHÒNG", "Lê Đình Phước", "DỰ THẢO",
                "Phạm pháp hình sự và tai nạn giao thông tăng cao so với năm 2021",
                "Đường Thị Xuyên", "Tổng", "đạt", "ỦY BAN NHÂN DÂN HUYỆN VĂN LÃNG");
        // number ranges are never broken after a hyphen (text extraction would rejoin "9-" + "10" as "910")
        assertThat(text).contains("gồm: 1-2-3-4-7-9-10-11-12-13-14-15-16-18.", "(5-6-8-17-19)", "2021-2030")
                .doesNotContain("\uFEFF");
        // items given without their dash get one; those with a dash keep a single one
        assertThat(text).contains("- Tiếp tục hướng dẫn Nhân dân tập trung theo dõi", "- Công tác thu NSNN thực hiện hiệu quả")
                .doesNotContain("- - ");
    }

    @Test
    void embedsLiberationSerifForEveryFontOnEveryPage() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(notice.toFile())) {
            List<String> names = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    names.add(font.getName());
                    assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                    if (font instanceof PDType0Font type0) {
                        assertThat(type0.getDescendantFont().isEmbedded()).as("descendant of %s embedded", font.getName())
                                .isTrue();
                    }
                }
            }
            assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(name).contains("LiberationSerif"));
            assertThat(names).anySatisfy(name -> assertThat(name).contains("Bold"))
                    .anySatisfy(name -> assertThat(name).contains("Italic"));
        }
    }

    @Test
    void laysOutA4PagesWithTheDecreeMargins() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(notice.toFile())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            for (PDPage page : pdf.getPages()) {
                PDRectangle box = page.getMediaBox();
                assertThat(box.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
                assertThat(box.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
            }
            Extent first = extent(pdf, 1);
            assertThat(first.minX / MM).as("left margin of page 1, mm").isGreaterThanOrEqualTo(29f);
            assertThat((first.pageWidth - first.maxX) / MM).as("right margin of page 1, mm").isGreaterThanOrEqualTo(14f);
            assertThat(first.minTop / MM).as("top margin of page 1, mm").isGreaterThanOrEqualTo(19f);
            for (int page = 2; page <= pdf.getNumberOfPages(); page++) {
                Extent extent = extent(pdf, page);
                assertThat(extent.minX / MM).as("left margin of page %d, mm", page).isGreaterThanOrEqualTo(29f);
                assertThat((extent.pageHeight - extent.maxBottom) / MM).as("bottom margin of page %d, mm", page)
                        .isGreaterThanOrEqualTo(19f);
            }
        }
    }

    @Test
    void keepsTheClosingWithTheLastParagraph() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(notice.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(pdf.getNumberOfPages());
            stripper.setEndPage(pdf.getNumberOfPages());
            String lastPage = stripper.getText(pdf).replaceAll("\\s+", " ");
            assertThat(lastPage).contains("tổ chức thực hiện./.", "Nơi nhận:", "- Lưu: VT.", "PHÓ CHÁNH VĂN PHÒNG",
                    "Lê Đình Phước");
        }
    }

    @Test
    void numbersPagesInTheTopMarginFromPageTwo() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(notice.toFile())) {
            assertThat(topMargin(pdf, 1)).isBlank();
            for (int page = 2; page <= pdf.getNumberOfPages(); page++) {
                assertThat(topMargin(pdf, page)).as("top of page %d", page).isEqualTo(Integer.toString(page));
            }
        }
    }

    @Test
    void marksOnlyDraftsAndWritesMetadata(@TempDir Path folder) throws IOException {
        Path finalNotice = renderer.renderPdf(seedBriefing(false), folder.resolve("final.pdf"));
        assertThat(text(finalNotice)).doesNotContain("DỰ THẢO").contains(NSNN);
        try (PDDocument pdf = Loader.loadPDF(notice.toFile())) {
            assertThat(pdf.getDocumentInformation().getAuthor()).isEqualTo("giaoban");
            assertThat(pdf.getDocumentInformation().getCreator()).isEqualTo("giaoban");
            assertThat(pdf.getDocumentInformation().getTitle()).startsWith("THÔNG BÁO");
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("vi");
        }
    }

    @Test
    void replacesTheTargetWithoutLeavingPartFiles(@TempDir Path folder) throws IOException {
        Path target = folder.resolve("a/b/briefing.pdf");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old");
        long started = System.nanoTime();
        renderer.renderPdf(seedBriefing(false), target);
        long warmMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("briefing render: first %d ms (with compile), warm %d ms%n", firstRenderMillis, warmMillis);
        assertThat(Files.readAllBytes(target)).startsWith("%PDF".getBytes());
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void failsWithAClearMessageAndLeavesNothingBehind(@TempDir Path folder) throws IOException {
        Path target = folder.resolve("taken");
        Files.createDirectories(target.resolve("not-empty"));
        assertThatThrownBy(() -> renderer.renderPdf(seedBriefing(false), target))
                .isInstanceOf(BriefingRenderer.BriefingRenderingException.class)
                .hasMessageContaining("Could not write the briefing PDF")
                .hasCauseInstanceOf(IOException.class);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void compilesTheLayoutOnce() {
        assertThat(renderer.report()).isSameAs(renderer.report());
    }

    // ---------------------------------------------------------------------------------------------

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static String topMargin(PDDocument pdf, int page) throws IOException {
        PDFTextStripperByArea area = new PDFTextStripperByArea();
        area.addRegion("top", new Rectangle2D.Float(0, 0, pdf.getPage(page - 1).getMediaBox().getWidth(), 20 * MM));
        area.extractRegions(pdf.getPage(page - 1));
        return area.getTextForRegion("top").strip();
    }

    private record Extent(float minX, float maxX, float minTop, float maxBottom, float pageWidth, float pageHeight) {
    }

    /** Where the glyphs of one page lie, in points from the top left corner. */
    private static Extent extent(PDDocument pdf, int page) throws IOException {
        float[] e = {Float.MAX_VALUE, 0, Float.MAX_VALUE, 0};
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                for (TextPosition p : positions) {
                    if (p.getUnicode().isBlank()) {
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
        PDRectangle box = pdf.getPage(page - 1).getMediaBox();
        return new Extent(e[0], e[1], e[2], e[3], box.getWidth(), box.getHeight());
    }

    /** The notice of 27 October 2022 (seed 000_108f180fae0256a8), as the consolidation would hand it over. */
    static Briefing seedBriefing(boolean draft) {
        return AnnexSamples.notice(draft, Briefing.Annex.EMPTY);
    }
}
