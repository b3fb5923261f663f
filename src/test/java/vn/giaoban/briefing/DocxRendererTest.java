package vn.giaoban.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.giaoban.briefing.AnnexSamples.CLOSING;
import static vn.giaoban.briefing.AnnexSamples.GIAI_NGAN;
import static vn.giaoban.briefing.AnnexSamples.NSNN;

import java.awt.geom.Rectangle2D;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.BodyElementType;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;

import vn.giaoban.briefing.BriefingRenderer.BriefingRenderingException;

/** Writes the October 2022 notice with its annex as DOCX, reads it back with POI and through LibreOffice. */
class DocxRendererTest {

    private static final float MM = 72f / 25.4f;
    private static final String TNR = "Times New Roman";

    private static final DocxRenderer renderer = new DocxRenderer();

    @TempDir
    static Path shared;

    private static Path docx;
    private static long renderMillis;
    private static Path convertedPdf;

    @BeforeAll
    static void renderTheSeedNotice() throws IOException {
        long started = System.nanoTime();
        docx = renderer.renderDocx(AnnexSamples.briefing(true), shared.resolve("out/2022-10/briefing-2022-10.docx"));
        renderMillis = (System.nanoTime() - started) / 1_000_000;
        copyOut(docx);
    }

    // --- the document as Word sees it ----------------------------------------------------------------

    @Test
    void writesTheBodyAsFlowingParagraphsNeverFramesOrTextBoxes() throws IOException {
        String document = part(docx, "word/document.xml");
        assertThat(document).doesNotContain("w:txbxContent", "v:textbox", "wps:txbx", "w:framePr", "wp:anchor",
                "<v:shape", "mc:AlternateContent");
        try (XWPFDocument word = open(docx)) {
            List<String> paragraphs = word.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).contains(
                    "- Công tác thu NSNN thực hiện hiệu quả, hiện đã vượt dự toán tỉnh, huyện giao: " + NSNN,
                    "- Chỉ đạo quyết liệt giải ngân vốn đầu tư công. " + GIAI_NGAN,
                    CLOSING,
                    "I. KẾT QUẢ ĐẠT ĐƯỢC; KHÓ KHĂN, HẠN CHẾ",
                    "1. Một số kết quả chủ yếu đạt được trong tháng 10/2022",
                    "DỰ THẢO\tTHÔNG BÁO",
                    "Kết luận của đồng chí Chủ tịch UBND huyện tại cuộc họp giao ban công tác tháng 10/2022");
            String all = String.join("\n", paragraphs);
            assertThat(all).contains("gồm: 1-2-3-4-7-9-10-11-12-13-14-15-16-18.", "(5-6-8-17-19)", "2021-2030",
                    "- Chỉ đạo quyết liệt đẩy nhanh tiến độ xây dựng NTM xã Trùng Khánh.")
                    .doesNotContain("- - ", "\uFEFF");
            assertThat(Normalizer.isNormalized(all, Normalizer.Form.NFC)).isTrue();

            XWPFParagraph closing = paragraph(word, CLOSING);
            assertThat(closing.getAlignment()).isEqualTo(ParagraphAlignment.BOTH);
            assertThat(closing.getIndentationFirstLine()).isEqualTo(567);
            assertThat(closing.getSpacingAfter()).isEqualTo(120);
            // the PDF's line pitch (14 pt at 1.15: 17.97 pt), exact, so that both paginate alike
            assertThat(closing.getSpacingLineRule()).isEqualTo(org.apache.poi.xwpf.usermodel.LineSpacingRule.EXACT);
            assertThat(closing.getSpacingBetween()).isCloseTo(17.95, org.assertj.core.data.Offset.offset(0.05));
            XWPFParagraph item = paragraph(word, "- Chỉ đạo quyết liệt giải ngân vốn đầu tư công. " + GIAI_NGAN);
            assertThat(item.getAlignment()).isEqualTo(ParagraphAlignment.BOTH);
            assertThat(item.getIndentationFirstLine()).isEqualTo(567);
            XWPFParagraph section = paragraph(word, "I. KẾT QUẢ ĐẠT ĐƯỢC; KHÓ KHĂN, HẠN CHẾ");
            assertThat(section.getRuns()).allSatisfy(run -> assertThat(run.isBold()).isTrue());
            assertThat(item.getRuns()).allSatisfy(run -> assertThat(run.isBold()).isFalse());
            // a draft: the mark at the left, the title centred on a centre tab stop in the middle of the line
            XWPFParagraph title = paragraph(word, "DỰ THẢO\tTHÔNG BÁO");
            assertThat(title.getCTP().getPPr().getTabs().getTabArray(0).getPos())
                    .isEqualTo(java.math.BigInteger.valueOf(DocxRenderer.TEXT_WIDTH / 2));
            assertThat(title.getRuns()).allSatisfy(run -> assertThat(run.isBold()).isTrue());
        }
    }

    @Test
    void namesTimesNewRomanOnEveryRunAndInTheDocumentDefaults() throws Exception {
        try (XWPFDocument word = open(docx)) {
            List<XWPFRun> runs = new ArrayList<>();
            collectRuns(word.getBodyElements(), runs);
            for (XWPFHeader header : word.getHeaderList()) {
                collectRuns(header.getBodyElements(), runs);
            }
            assertThat(runs).hasSizeGreaterThan(100);
            for (XWPFRun run : runs) {
                CTRPr properties = run.getCTR().getRPr();
                assertThat(properties).as("run \"%s\" has properties", run.text()).isNotNull();
                assertThat(properties.sizeOfRFontsArray()).as("fonts of \"%s\"", run.text()).isEqualTo(1);
                CTFonts fonts = properties.getRFontsArray(0);
                assertThat(List.of(fonts.getAscii(), fonts.getHAnsi(), fonts.getCs(), fonts.getEastAsia()))
                        .as("fonts of \"%s\"", run.text()).containsOnly(TNR);
            }
            assertThat(runs).allSatisfy(run -> assertThat(run.getFontFamily()).isEqualTo(TNR));
        }
        CTStyles styles = StylesDocument.Factory.parse(part(docx, "word/styles.xml")).getStyles();
        CTRPr defaults = styles.getDocDefaults().getRPrDefault().getRPr();
        CTFonts fonts = defaults.getRFontsArray(0);
        assertThat(List.of(fonts.getAscii(), fonts.getHAnsi(), fonts.getCs(), fonts.getEastAsia())).containsOnly(TNR);
        assertThat(defaults.getSzArray(0).getVal().toString()).isEqualTo("28");
        assertThat(defaults.getLangArray(0).getVal()).isEqualTo("vi-VN");
        // every rFonts element anywhere names Times New Roman only
        for (String name : List.of("word/document.xml", "word/styles.xml")) {
            assertThat(part(docx, name).replaceAll("w:(ascii|hAnsi|cs|eastAsia)=\"Times New Roman\"", ""))
                    .as(name).doesNotContainPattern("w:(ascii|hAnsi|cs|eastAsia)=\"");
        }
    }

    @Test
    void laysOutA4WithTheDecreeMarginsAndNumbersPagesFromTwo() throws IOException {
        try (XWPFDocument word = open(docx)) {
            CTSectPr section = word.getDocument().getBody().getSectPr();
            assertThat(section.getPgSz().getW().toString()).isEqualTo("11906");
            assertThat(section.getPgSz().getH().toString()).isEqualTo("16838");
            assertThat(section.getPgMar().getLeft().toString()).isEqualTo("1701");
            assertThat(section.getPgMar().getRight().toString()).isEqualTo("1134");
            assertThat(section.getPgMar().getTop().toString()).isEqualTo("1134");
            assertThat(section.getPgMar().getBottom().toString()).isEqualTo("1134");
            assertThat(section.isSetTitlePg()).as("a different first page").isTrue();

            XWPFHeaderFooterPolicy policy = word.getHeaderFooterPolicy();
            XWPFHeader first = policy.getFirstPageHeader();
            XWPFHeader other = policy.getDefaultHeader();
            assertThat(first).isNotNull();
            assertThat(other).isNotNull();
            assertThat(first.getText()).isBlank();
            assertThat(first._getHdrFtr().xmlText()).doesNotContain("PAGE", "fldChar", "fldSimple");
            String header = other._getHdrFtr().xmlText();
            assertThat(header).contains("w:fldChar w:fldCharType=\"begin\"", "w:instrText", " PAGE ",
                    "w:fldChar w:fldCharType=\"end\"");
            assertThat(other.getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
        }
    }

    @Test
    void putsTheLetterheadAndTheClosingInBorderlessTables() throws IOException {
        try (XWPFDocument word = open(docx)) {
            List<IBodyElement> elements = word.getBodyElements();
            assertThat(elements.get(0).getElementType()).isEqualTo(BodyElementType.TABLE);
            XWPFTable letterhead = (XWPFTable) elements.get(0);
            assertThat(letterhead.getRows()).hasSize(2);
            XWPFTableCell issuer = letterhead.getRow(0).getCell(0);
            XWPFTableCell nation = letterhead.getRow(0).getCell(1);
            assertThat(texts(issuer)).contains("ỦY BAN NHÂN DÂN HUYỆN VĂN LÃNG");
            assertThat(texts(nation)).containsSubsequence("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc");
            assertThat(run(nation, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").isBold()).isTrue();
            assertThat(run(nation, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").getFontSizeAsDouble()).isEqualTo(13.0);
            assertThat(run(nation, "Độc lập - Tự do - Hạnh phúc").getFontSizeAsDouble()).isEqualTo(14.0);
            assertThat(run(issuer, "ỦY BAN NHÂN DÂN HUYỆN VĂN LÃNG").isBold()).isTrue();
            // the rules under the issuing body and the motto: short bottom borders
            assertThat(issuer.getParagraphs()).anySatisfy(p -> assertThat(p.getCTP().getPPr().isSetPBdr()).isTrue());
            assertThat(nation.getParagraphs()).anySatisfy(p -> assertThat(p.getCTP().getPPr().isSetPBdr()).isTrue());
            assertThat(letterhead.getRow(1).getCell(0).getText()).isEqualTo("Số:      /TB-UBND");
            XWPFRun date = run(letterhead.getRow(1).getCell(1), "Văn Lãng, ngày 27 tháng 10 năm 2022");
            assertThat(date.isItalic()).isTrue();
            assertThat(borders(letterhead)).containsOnly("none");

            XWPFTable closing = word.getTables().stream().filter(t -> t.getText().contains("Nơi nhận:")).findFirst()
                    .orElseThrow();
            XWPFTableCell recipients = closing.getRow(0).getCell(0);
            XWPFTableCell signature = closing.getRow(0).getCell(1);
            assertThat(texts(recipients)).startsWith("Nơi nhận:").contains("- TT. Huyện ủy;", "- TT. HĐND huyện;", "- Lưu: VT.");
            XWPFRun heading = run(recipients, "Nơi nhận:");
            assertThat(heading.isBold()).isTrue();
            assertThat(heading.isItalic()).isTrue();
            assertThat(heading.getFontSizeAsDouble()).isEqualTo(12.0);
            assertThat(run(recipients, "- Lưu: VT.").getFontSizeAsDouble()).isEqualTo(11.0);
            assertThat(texts(signature).stream().filter(t -> !t.isBlank()).toList())
                    .containsExactly("TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Lê Đình Phước");
            assertThat(run(signature, "Lê Đình Phước").isBold()).isTrue();
            assertThat(texts(signature).indexOf("Lê Đình Phước") - texts(signature).indexOf("PHÓ CHÁNH VĂN PHÒNG"))
                    .as("room for the signature").isGreaterThanOrEqualTo(4);
            assertThat(closing.getRow(0).isCantSplitRow()).isTrue();
            assertThat(borders(closing)).containsOnly("none");
            // the closing follows the last paragraph of the body
            int at = elements.indexOf(closing);
            assertThat(((XWPFParagraph) elements.get(at - 1)).getText()).isEqualTo(CLOSING);
        }
    }

    @Test
    void marksOnlyTheDraft(@TempDir Path folder) throws IOException {
        try (XWPFDocument word = open(docx)) {
            XWPFParagraph mark = word.getParagraphs().stream().filter(p -> p.getText().startsWith("DỰ THẢO"))
                    .findFirst().orElseThrow();
            assertThat(mark.getText()).as("on the title's line, as in the PDF").isEqualTo("DỰ THẢO\tTHÔNG BÁO");
            XWPFRun run = mark.getRuns().get(0);
            assertThat(run.isBold()).isTrue();
            assertThat(run.getColor()).isEqualTo("B00000");
            assertThat(run.getCTR().getRPr().sizeOfBdrArray()).as("framed").isEqualTo(1);
        }
        Path signed = renderer.renderDocx(AnnexSamples.notice(false, Briefing.Annex.EMPTY), folder.resolve("final.docx"));
        try (XWPFDocument word = open(signed)) {
            String all = String.join("\n", word.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertThat(all).doesNotContain("DỰ THẢO", "PHỤ LỤC").contains(NSNN);
            assertThat(word.getAllPictures()).isEmpty();
            assertThat(word.getTables()).hasSize(2);
        }
    }

    @Test
    void writesTheAnnexTablesAsWordTablesAndTheChartsAsNativeWordCharts() throws Exception {
        try (XWPFDocument word = open(docx)) {
            XWPFParagraph title = paragraph(word, "PHỤ LỤC");
            assertThat(title.isPageBreak()).as("the annex starts a page").isTrue();
            assertThat(title.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);

            List<XWPFTable> tables = word.getTables();
            assertThat(tables).hasSize(4);
            XWPFTable targets = tables.get(2);
            Briefing.Table source = AnnexSamples.annex().tables().get(0);
            assertThat(cells(targets.getRow(0))).containsExactlyElementsOf(source.columns());
            assertThat(targets.getRow(0).isRepeatHeader()).isTrue();
            assertThat(targets.getRow(0).getCell(0).getParagraphs().get(0).getRuns().get(0).isBold()).isTrue();
            assertThat(targets.getRows()).hasSize(1 + source.rows().size());
            for (int r = 0; r < source.rows().size(); r++) {
                assertThat(cells(targets.getRow(r + 1))).containsExactlyElementsOf(source.rows().get(r));
            }
            assertThat(targets.getRow(1).getCell(2).getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(targets.getRow(1).getCell(4).getText()).isEqualTo("116,71%");
            assertThat(targets.getRow(1).getCell(0).getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.LEFT);
            assertThat(borders(targets)).containsOnly("single");

            XWPFTable petitions = tables.get(3);
            assertThat(cells(petitions.getRow(2))).containsExactly("Xã Tân Mỹ", "06172", "25", "23", "92%", "=SUM(A1)");
            XWPFParagraph note = paragraph(word, "Nguồn: Chi cục Thuế khu vực III, Kho bạc Nhà nước huyện; số liệu đến ngày 23/10/2022.");
            assertThat(note.getRuns().get(0).isItalic()).isTrue();

            assertThat(paragraph(word, "Biểu đồ 1. Thu NSNN và giải ngân vốn đầu tư công so với dự toán, kế hoạch")).isNotNull();
            assertThat(paragraph(word, "Biểu đồ 2. Đơn thư tiếp nhận và đã giải quyết 12 tháng qua")).isNotNull();
            // editable charts, their figures in an embedded workbook, not pictures
            assertThat(word.getAllPictures()).isEmpty();
            List<XWPFChart> charts = word.getCharts();
            assertThat(charts).hasSize(2);
            for (int i = 0; i < charts.size(); i++) {
                Briefing.Chart drawn = AnnexSamples.annex().charts().get(i);
                XWPFChart chart = charts.get(i);
                assertThat(chart.getWorkbook().getSheetAt(0).getRow(1).getCell(0).getStringCellValue())
                        .isEqualTo(drawn.series().get(0).points().get(0).category());
                XDDFChartData data = chart.getChartSeries().get(0);
                assertThat(data.getSeriesCount()).isEqualTo(drawn.series().size());
                assertThat(chart.getCTChart().toString()).contains(drawn.series().get(0).name());
                // the value axis of the PDF's chart: same round steps
                XDDFValueAxis axis = (XDDFValueAxis) chart.getAxes().stream().filter(XDDFValueAxis.class::isInstance)
                        .findFirst().orElseThrow();
                double max = drawn.series().stream().flatMap(s -> s.points().stream())
                        .filter(p -> p.value() != null).mapToDouble(p -> p.value().doubleValue()).max().orElseThrow();
                double[] expected = ChartStyle.valueAxis(0, max, ChartStyle.labelled(
                        drawn.kind() == Briefing.ChartKind.BAR, drawn.series().size(), drawn.series().get(0).points().size()));
                assertThat(new double[] {axis.getMinimum(), axis.getMaximum(), axis.getMajorUnit()}).containsExactly(expected);
                assertThat(axis.getMaximum()).isGreaterThanOrEqualTo(max);
            }
        }
        String document = part(docx, "word/document.xml");
        assertThat(document).contains("<wp:inline", "descr=\"Biểu đồ 2. Đơn thư tiếp nhận và đã giải quyết 12 tháng qua\"");
    }

    @Test
    void keepsALineBreakInsideABlockAndDecomposedTextComposed(@TempDir Path folder) throws IOException {
        Briefing sample = AnnexSamples.notice(false, Briefing.Annex.EMPTY);
        List<Briefing.Block> blocks = new ArrayList<>(sample.blocks());
        blocks.add(new Briefing.Block(Briefing.Kind.PARAGRAPH, "Dòng một\nDòng hai"));
        blocks.add(new Briefing.Block(Briefing.Kind.ITEM, Normalizer.normalize("Tiếp tục theo dõi", Normalizer.Form.NFD)));
        Briefing briefing = new Briefing(sample.period(), sample.letterhead(), sample.title(), sample.summary(), blocks, false,
                Briefing.Annex.EMPTY);
        Path target = renderer.renderDocx(briefing, folder.resolve("breaks.docx"));
        try (XWPFDocument word = open(target)) {
            assertThat(word.getParagraphs().stream().map(XWPFParagraph::getText))
                    .contains("Dòng một\nDòng hai", "- Tiếp tục theo dõi");
        }
        assertThat(part(target, "word/document.xml")).containsPattern("<w:t>Dòng một</w:t>\\s*<w:br/>\\s*<w:t>Dòng hai</w:t>");
    }

    @Test
    void writesAChartAsATableOfItsFiguresWhenItCannotDrawIt() {
        Briefing.Chart chart = AnnexSamples.annex().charts().get(0);
        Briefing.Table table = ChartFigures.table(chart);
        assertThat(table.title()).isEqualTo(chart.title());
        assertThat(table.columns()).containsExactly("Nội dung", "Thực hiện", "Tỉnh giao", "Huyện giao");
        assertThat(table.rows()).containsExactly(List.of("Thu NSNN", "94.533", "81.000", "93.403"),
                List.of("Giải ngân vốn ĐTC", "71.592", "93.633", "100.962"));
        assertThat(table.numeric()).containsExactly(false, true, true, true);
    }

    @Test
    void replacesTheTargetWithoutLeavingPartFiles(@TempDir Path folder) throws IOException {
        Path target = folder.resolve("a/b/briefing.docx");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old");
        long started = System.nanoTime();
        renderer.renderDocx(AnnexSamples.briefing(false), target);
        long warmMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("docx render: first %d ms, warm %d ms%n", renderMillis, warmMillis);
        assertThat(Files.readAllBytes(target)).startsWith("PK".getBytes(StandardCharsets.US_ASCII));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
        assertPermissionsOfANewFile(target);
    }

    /** The moved file has the permissions any new file gets in its folder (the umask's), not owner-only. */
    static void assertPermissionsOfANewFile(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Path fresh = Files.createFile(file.resolveSibling(".fresh"));
        try {
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(fresh));
        } finally {
            Files.delete(fresh);
        }
    }

    @Test
    void givesEveryFigureAndCodeRoomOnOneLine() {
        Briefing.Table petitions = AnnexSamples.annex().tables().get(1);
        int[] widths = DocxAnnex.columnWidths(petitions, 6);
        assertThat(java.util.stream.IntStream.of(widths).sum()).isEqualTo(DocxRenderer.TEXT_WIDTH);
        // the PDF's widths, in twips: "06172", "90,77%" on one line in both documents
        List<Integer> pdf = new AnnexTableLayout().columnWidths(petitions);
        for (int c = 0; c < 6; c++) {
            assertThat(widths[c]).as("column %d", c).isGreaterThanOrEqualTo(pdf.get(c) * 20);
        }
        assertThat(widths[0]).isGreaterThan(widths[1]);
        Briefing.Table targets = AnnexSamples.annex().tables().get(0);
        int[] wide = DocxAnnex.columnWidths(targets, 7);
        assertThat(wide[0]).as("the indicator's name gets the most room").isEqualTo(java.util.stream.IntStream.of(wide).max()
                .orElseThrow());
    }

    @Test
    void failsWithAClearMessageAndLeavesNothingBehind(@TempDir Path folder) throws IOException {
        Path target = folder.resolve("taken");
        Files.createDirectories(target.resolve("not-empty"));
        assertThatThrownBy(() -> renderer.renderDocx(AnnexSamples.briefing(false), target))
                .isInstanceOf(BriefingRenderingException.class)
                .hasMessageContaining("Could not write the briefing DOCX")
                .hasCauseInstanceOf(IOException.class);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(target);
        }
    }

    // --- the document as LibreOffice prints it ----------------------------------------------------------

    @Test
    void libreOfficeConvertsItToAPdfWithTheSameText() throws Exception {
        Path pdf = convertedPdf();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            // LibreOffice, like Word, may end a line after the hyphen of "9-10": that line break is no space
            String text = Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFC)
                    .replaceAll("(?<=\\d-)\\s+(?=\\d)", "").replaceAll("\\s+", " ");
            assertThat(text).contains(NSNN, GIAI_NGAN, CLOSING,
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "Văn Lãng, ngày 27 tháng 10 năm 2022", "Số: /TB-UBND", "THÔNG BÁO",
                    "Kết luận của đồng chí Chủ tịch UBND huyện tại cuộc họp giao ban công tác tháng 10/2022",
                    "I. KẾT QUẢ ĐẠT ĐƯỢC; KHÓ KHĂN, HẠN CHẾ", "Nơi nhận:", "- TT. Huyện ủy;", "- Lưu: VT.",
                    "TL. CHỦ TỊCH", "PHÓ CHÁNH VĂN PHÒNG", "Lê Đình Phước", "DỰ THẢO",
                    "gồm: 1-2-3-4-7-9-10-11-12-13-14-15-16-18.", "PHỤ LỤC", "94.533", "116,71%", "=SUM(A1)",
                    "Biểu đồ 2. Đơn thư tiếp nhận và đã giải quyết 12 tháng qua");
            assertThat(text).containsSubsequence("ỦY BAN NHÂN DÂN", "HUYỆN VĂN LÃNG");

            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(4);
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDRectangle box = document.getPage(page - 1).getMediaBox();
                assertThat(box.getWidth() / MM).isCloseTo(210f, org.assertj.core.data.Offset.offset(1f));
                assertThat(box.getHeight() / MM).isCloseTo(297f, org.assertj.core.data.Offset.offset(1f));
            }
            assertThat(topMargin(document, 1)).as("no number on page 1").isBlank();
            for (int page = 2; page <= document.getNumberOfPages(); page++) {
                assertThat(topMargin(document, page)).as("top of page %d", page).isEqualTo(Integer.toString(page));
            }
            float[] extent = extent(document, 2);
            assertThat(extent[0] / MM).as("left margin of page 2, mm").isBetween(29.5f, 31.5f);
            assertThat((document.getPage(1).getMediaBox().getWidth() - extent[1]) / MM).as("right margin of page 2, mm")
                    .isBetween(19f, 21f);
        }
    }

    // ---------------------------------------------------------------------------------------------------

    /** The DOCX converted by LibreOffice (headless), once for the class; skips when soffice is absent. */
    private static synchronized Path convertedPdf() throws IOException, InterruptedException {
        if (convertedPdf != null) {
            return convertedPdf;
        }
        Path soffice = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "soffice"))
                .filter(Files::isExecutable)
                .findFirst().orElse(null);
        Assumptions.assumeTrue(soffice != null, "LibreOffice (soffice) is not on the PATH");
        // Debian splits LibreOffice: with only libreoffice-calc-nogui, soffice runs but cannot open a DOCX
        Path program = soffice.toRealPath().getParent();
        Assumptions.assumeTrue(Files.exists(program.resolve("libswlo.so")) || !Files.exists(program.resolve("libsclo.so")),
                "LibreOffice Writer is not installed beside " + program + " (apt-get install libreoffice-writer-nogui)");
        Path out = Files.createDirectories(shared.resolve("lo-out"));
        Path profile = Files.createDirectories(shared.resolve("lo-profile"));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(soffice.toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + profile.toUri(), "--convert-to", "pdf", "--outdir", out.toString(),
                docx.toString())
                .redirectErrorStream(true)
                .redirectOutput(shared.resolve("lo.log").toFile())
                .start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("LibreOffice did not convert the DOCX within 180 s");
        }
        Path pdf = out.resolve("briefing-2022-10.pdf");
        assertThat(pdf).as("LibreOffice output (exit %d): %s", process.exitValue(),
                Files.readString(shared.resolve("lo.log"))).exists();
        System.out.printf("docx to pdf with LibreOffice: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        copyOut(pdf);
        convertedPdf = pdf;
        return pdf;
    }

    /** Copies a file produced here to the folder named by -Ddocx.sample.copyTo, to look at it. */
    static void copyOut(Path file) throws IOException {
        String copyTo = System.getProperty("docx.sample.copyTo");
        if (copyTo != null) {
            Files.createDirectories(Path.of(copyTo));
            Files.copy(file, Path.of(copyTo).resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static XWPFDocument open(Path docx) throws IOException {
        try (InputStream in = Files.newInputStream(docx)) {
            return new XWPFDocument(in);
        }
    }

    private static String part(Path docx, String name) throws IOException {
        try (ZipFile zip = new ZipFile(docx.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            assertThat(entry).as(name).isNotNull();
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument word, String text) {
        return word.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph \"" + text + "\""));
    }

    private static List<String> texts(XWPFTableCell cell) {
        return cell.getParagraphs().stream().map(XWPFParagraph::getText).toList();
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(XWPFTableCell::getText).toList();
    }

    private static XWPFRun run(XWPFTableCell cell, String text) {
        return cell.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no \"" + text + "\" in the cell")).getRuns().get(0);
    }

    /** The table's six borders (top, bottom, left, right, inside H and V), by type name. */
    private static List<String> borders(XWPFTable table) {
        return List.of(table.getTopBorderType(), table.getBottomBorderType(), table.getLeftBorderType(),
                table.getRightBorderType(), table.getInsideHBorderType(), table.getInsideVBorderType())
                .stream().map(type -> type == null ? "null" : type.name().toLowerCase()).toList();
    }

    private static void collectRuns(List<IBodyElement> elements, List<XWPFRun> runs) {
        for (IBodyElement element : elements) {
            if (element instanceof XWPFParagraph paragraph) {
                paragraph.getRuns().forEach(runs::add);
            } else if (element instanceof XWPFTable table) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        collectRuns(cell.getBodyElements(), runs);
                    }
                }
            }
        }
    }

    private static String topMargin(PDDocument pdf, int page) throws IOException {
        PDFTextStripperByArea area = new PDFTextStripperByArea();
        area.addRegion("top", new Rectangle2D.Float(0, 0, pdf.getPage(page - 1).getMediaBox().getWidth(), 20 * MM));
        area.extractRegions(pdf.getPage(page - 1));
        return area.getTextForRegion("top").strip();
    }

    /** The leftmost and rightmost glyph edges of one page, in points, below the top margin. */
    private static float[] extent(PDDocument pdf, int page) throws IOException {
        float[] e = {Float.MAX_VALUE, 0};
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                for (TextPosition p : positions) {
                    if (p.getUnicode().isBlank() || p.getYDirAdj() < 20 * MM) {
                        continue;
                    }
                    e[0] = Math.min(e[0], p.getXDirAdj());
                    e[1] = Math.max(e[1], p.getXDirAdj() + p.getWidthDirAdj());
                }
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(pdf);
        return e;
    }
}
