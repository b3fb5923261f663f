package vn.giaoban.briefing;

import static vn.giaoban.briefing.NoticeText.dashed;
import static vn.giaoban.briefing.NoticeText.text;
import static vn.giaoban.briefing.NoticeText.upper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableCell.XWPFVertAlign;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTInline;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocDefaults;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTParaRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.giaoban.files.OutputFile;
import vn.giaoban.briefing.BriefingRenderer.BriefingRenderingException;
import vn.giaoban.text.VietnameseNumbers;

/**
 * Writes a {@link Briefing} as the DOCX the office edits before signing: the same content model as
 * the PDF ({@link BriefingRenderer}), laid out with Word's own means so that a person edits it like
 * any document: flowing paragraphs, real tables (borderless for the letterhead and the closing),
 * no text frames, text boxes or absolutely positioned shapes; charts are inline pictures.
 *
 * <p>Decree 30/2020/NĐ-CP layout: A4, margins left 30 mm, right 20 mm, top and bottom 20 mm;
 * Times New Roman 14 pt named in the document defaults and on every run (ascii, hAnsi, cs,
 * eastAsia); the page number centred in the header from page 2 (a different first-page header and
 * a PAGE field). The text is written exactly as given (NFC), an item without its dash gets "- ".
 */
@Component
public class DocxRenderer {

    /** The font every run names. */
    public static final String FONT = "Times New Roman";

    /** A4, in twentieths of a point (twips). */
    static final int PAGE_WIDTH = 11906;
    static final int PAGE_HEIGHT = 16838;
    /** The decree's margins: left 30 mm, right, top and bottom 20 mm. */
    static final int MARGIN_LEFT = 1701;
    static final int MARGIN_RIGHT = 1134;
    static final int MARGIN_TOP = 1134;
    static final int MARGIN_BOTTOM = 1134;
    /** The header (page number) 10 mm from the top edge, inside the 20 mm margin. */
    static final int HEADER_DISTANCE = 567;
    static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

    private static final Logger log = LoggerFactory.getLogger(DocxRenderer.class);


    /** Right column of the letterhead: wide enough for the national title at 13 pt bold on one line. */
    private static final int NATIONAL_COLUMN = 5660;
    private static final int ISSUER_COLUMN = TEXT_WIDTH - NATIONAL_COLUMN;
    /** The closing: "Nơi nhận:" left, the signature right (as the PDF: 215 of 453 pt). */
    private static final int RECIPIENTS_COLUMN = 4300;
    private static final int SIGNATURE_COLUMN = TEXT_WIDTH - RECIPIENTS_COLUMN;
    /** 1 cm */
    private static final int FIRST_LINE_INDENT = 567;
    /** 6 pt */
    private static final int SPACE_AFTER = 120;
    private static final double LINE_SPACING = 1.15;
    private static final String DRAFT_RED = "B00000";
    private static final String RULE_COLOUR = "000000";
    /** A character of Times New Roman 12 pt, bold headers and figures included, in twips (a generous 6.5 pt). */
    private static final int CHAR_WIDTH = 130;
    /** The cell's left and right padding (85 twips each) and a little air. */
    private static final int CELL_PADDING = 230;

    /**
     * Writes the DOCX to {@code target}, creating its folder: first to a temporary file beside it,
     * then moved into place, so {@code target} is either the previous file or the complete new one.
     *
     * @return {@code target}
     * @throws BriefingRenderingException when the document cannot be built or written
     */
    public Path renderDocx(Briefing briefing, Path target) {
        Objects.requireNonNull(briefing, "briefing");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(briefing.letterhead(), "briefing.letterhead");
        long started = System.nanoTime();
        Path absolute = target.toAbsolutePath();
        try (XWPFDocument document = build(briefing)) {
            OutputFile.write(absolute, document::write);
        } catch (IOException e) {
            throw new BriefingRenderingException("Could not write the briefing DOCX to " + absolute, e);
        } catch (RuntimeException e) {
            if (e instanceof BriefingRenderingException known) {
                throw known;
            }
            throw new BriefingRenderingException("Could not build the briefing DOCX for " + briefing.period() + ": "
                    + e.getMessage(), e);
        }
        log.info("Rendered briefing {} as DOCX to {} in {} ms", briefing.period(), absolute,
                (System.nanoTime() - started) / 1_000_000);
        return target;
    }

    /** The whole document, in memory. */
    XWPFDocument build(Briefing briefing) throws IOException {
        XWPFDocument document = new XWPFDocument();
        try {
            defaults(document);
            page(document);
            properties(document, briefing);
            letterhead(document, briefing);
            titles(document, briefing);
            body(document, briefing.blocks());
            closing(document, briefing.letterhead());
            if (!briefing.annex().isEmpty()) {
                annex(document, briefing.annex());
            }
            return document;
        } catch (IOException | RuntimeException e) {
            document.close();
            throw e;
        }
    }

    // --- document settings -----------------------------------------------------------------------

    /** Times New Roman 14 pt, Vietnamese, 1.15 lines and 6 pt after, in the document defaults and "Normal". */
    private static void defaults(XWPFDocument document) {
        CTStyles styles = CTStyles.Factory.newInstance();
        CTDocDefaults defaults = styles.addNewDocDefaults();
        CTRPr run = defaults.addNewRPrDefault().addNewRPr();
        fonts(run.addNewRFonts());
        run.addNewSz().setVal(BigInteger.valueOf(28));
        run.addNewSzCs().setVal(BigInteger.valueOf(28));
        run.addNewLang().setVal("vi-VN");
        CTPPrGeneral paragraph = defaults.addNewPPrDefault().addNewPPr();
        CTSpacing spacing = paragraph.addNewSpacing();
        spacing.setBefore(BigInteger.ZERO);
        spacing.setAfter(BigInteger.valueOf(SPACE_AFTER));
        spacing.setLine(BigInteger.valueOf(Math.round(240 * LINE_SPACING)));
        spacing.setLineRule(STLineSpacingRule.AUTO);

        CTStyle normal = styles.addNewStyle();
        normal.setType(STStyleType.PARAGRAPH);
        normal.setStyleId("Normal");
        normal.setDefault(true);
        normal.addNewName().setVal("Normal");
        normal.addNewQFormat();
        fonts(normal.addNewRPr().addNewRFonts());

        CTStyle table = styles.addNewStyle();
        table.setType(STStyleType.TABLE);
        table.setStyleId("TableNormal");
        table.setDefault(true);
        table.addNewName().setVal("Normal Table");
        document.createStyles().setStyles(styles);
    }

    /** A4 portrait, the decree's margins, header 10 mm from the edge, a first page without page number. */
    private static void page(XWPFDocument document) {
        CTSectPr section = document.getDocument().getBody().isSetSectPr() ? document.getDocument().getBody().getSectPr()
                : document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setHeader(BigInteger.valueOf(HEADER_DISTANCE));
        margins.setFooter(BigInteger.valueOf(HEADER_DISTANCE));
        margins.setGutter(BigInteger.ZERO);

        // page 1: an empty header; pages 2 and on: the page number, centred
        XWPFHeader first = document.createHeader(HeaderFooterType.FIRST);
        XWPFParagraph empty = first.getParagraphs().isEmpty() ? first.createParagraph() : first.getParagraphArray(0);
        compact(empty);
        XWPFHeader other = document.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph number = other.getParagraphs().isEmpty() ? other.createParagraph() : other.getParagraphArray(0);
        compact(number);
        number.setAlignment(ParagraphAlignment.CENTER);
        pageField(number);
        if (!section.isSetTitlePg()) {
            section.addNewTitlePg();
        }
    }

    /** A PAGE field as Word writes it: begin, instruction, separate, the last value, end. */
    private static void pageField(XWPFParagraph paragraph) {
        run(paragraph, 14, false, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        CTR instruction = run(paragraph, 14, false, false).getCTR();
        var text = instruction.addNewInstrText();
        text.setStringValue(" PAGE ");
        text.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
        run(paragraph, 14, false, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        run(paragraph, 14, false, false).setText("2");
        run(paragraph, 14, false, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }

    private static void properties(XWPFDocument document, Briefing briefing) {
        POIXMLProperties.CoreProperties core = document.getProperties().getCoreProperties();
        String title = text(briefing.title());
        String summary = text(briefing.summary());
        core.setTitle(title.isEmpty() ? summary : summary.isEmpty() ? title : title + " - " + summary);
        core.setCreator("giaoban");
        core.setDescription("Bản để chỉnh sửa trước khi ký; kỳ " + briefing.period());
        document.getProperties().getExtendedProperties().setApplication("giaoban");
    }

    // --- the notice --------------------------------------------------------------------------------

    /**
     * The letterhead: a borderless table, issuing body (with its parent) and a short rule at left,
     * the national title, the motto and its rule at right; below, "Số: ..." at left and the place
     * and date in italics at right, on the same line.
     */
    private static void letterhead(XWPFDocument document, Briefing briefing) {
        Briefing.Letterhead head = briefing.letterhead();
        XWPFTable table = document.createTable(2, 2);
        borderless(table, ISSUER_COLUMN, NATIONAL_COLUMN);

        XWPFTableCell issuer = table.getRow(0).getCell(0);
        List<XWPFParagraph> left = new ArrayList<>();
        String parent = upper(head.parentBody());
        if (!parent.isEmpty()) {
            left.add(line(cellParagraph(issuer, left.size()), parent, 13, false, false, ParagraphAlignment.CENTER));
        }
        String issuing = upper(head.issuingBody());
        left.add(line(cellParagraph(issuer, left.size()), issuing, 13, true, false, ParagraphAlignment.CENTER));
        rule(cellParagraph(issuer, left.size()), ISSUER_COLUMN, 1200);

        XWPFTableCell nation = table.getRow(0).getCell(1);
        line(cellParagraph(nation, 0), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, true, false, ParagraphAlignment.CENTER);
        line(cellParagraph(nation, 1), "Độc lập - Tự do - Hạnh phúc", 14, true, false, ParagraphAlignment.CENTER);
        rule(cellParagraph(nation, 2), NATIONAL_COLUMN, 3440);

        XWPFParagraph number = line(cellParagraph(table.getRow(1).getCell(0), 0), text(head.documentNumber()), 13,
                false, false, ParagraphAlignment.CENTER);
        number.setSpacingBefore(80);
        String placeAndDate = head.date() == null ? text(head.place())
                : AdministrativeDate.placeAndDate(text(head.place()), head.date());
        XWPFParagraph date = line(cellParagraph(table.getRow(1).getCell(1), 0), placeAndDate, 14, false, true,
                ParagraphAlignment.CENTER);
        date.setSpacingBefore(80);
    }

    /** "DỰ THẢO" (a red framed mark) when a draft, then the title, the summary and a short rule. */
    private static void titles(XWPFDocument document, Briefing briefing) {
        if (briefing.draft()) {
            XWPFParagraph mark = document.createParagraph();
            mark.setAlignment(ParagraphAlignment.LEFT);
            mark.setSpacingBefore(240);
            mark.setSpacingAfter(0);
            mark.setSpacingBetween(1.0);
            markFont(mark);
            XWPFRun run = run(mark, 12, true, false);
            run.setColor(DRAFT_RED);
            run.setText("DỰ THẢO");
            CTBorder frame = run.getCTR().getRPr().addNewBdr();
            frame.setVal(STBorder.SINGLE);
            frame.setSz(BigInteger.valueOf(8));
            frame.setSpace(BigInteger.valueOf(2));
            frame.setColor(DRAFT_RED);
        }
        String title = text(briefing.title());
        if (!title.isEmpty()) {
            XWPFParagraph paragraph = document.createParagraph();
            line(paragraph, title, 14, true, false, ParagraphAlignment.CENTER);
            paragraph.setSpacingBefore(briefing.draft() ? 120 : 360);
            paragraph.setSpacingAfter(0);
            paragraph.setKeepNext(true);
        }
        String summary = text(briefing.summary());
        if (!summary.isEmpty()) {
            XWPFParagraph paragraph = document.createParagraph();
            line(paragraph, summary, 14, true, false, ParagraphAlignment.CENTER);
            paragraph.setSpacingAfter(0);
            paragraph.setIndentationLeft(400);
            paragraph.setIndentationRight(400);
            paragraph.setKeepNext(true);
        }
        XWPFParagraph rule = document.createParagraph();
        rule(rule, TEXT_WIDTH, 2420);
        rule.setSpacingAfter(240);
    }

    /** SECTION and SUBSECTION bold; PARAGRAPH and ITEM justified, first line indented 1 cm. */
    private static void body(XWPFDocument document, List<Briefing.Block> blocks) {
        XWPFParagraph last = null;
        for (Briefing.Block block : blocks) {
            if (block == null || block.kind() == null) {
                continue;
            }
            String text = text(block.text());
            if (block.kind() == Briefing.Kind.ITEM) {
                text = dashed(text);
            }
            boolean heading = block.kind() == Briefing.Kind.SECTION || block.kind() == Briefing.Kind.SUBSECTION;
            XWPFParagraph paragraph = document.createParagraph();
            paragraph.setAlignment(ParagraphAlignment.BOTH);
            paragraph.setIndentationFirstLine(FIRST_LINE_INDENT);
            paragraph.setSpacingAfter(SPACE_AFTER);
            paragraph.setSpacingBetween(LINE_SPACING, LineSpacingRule.AUTO);
            if (block.kind() == Briefing.Kind.SECTION) {
                paragraph.setSpacingBefore(120);
            }
            if (heading) {
                paragraph.setKeepNext(true);
            }
            markFont(paragraph);
            write(run(paragraph, 14, heading, false), text);
            last = paragraph;
        }
        if (last != null) {
            last.setKeepNext(true); // the closing stays with the last paragraph
        }
    }

    /** "Nơi nhận:" and the recipients at left, the signature block at right: a borderless table kept on one page. */
    private static void closing(XWPFDocument document, Briefing.Letterhead head) {
        XWPFTable table = document.createTable(1, 2);
        borderless(table, RECIPIENTS_COLUMN, SIGNATURE_COLUMN);
        table.getRow(0).setCantSplitRow(true);

        XWPFTableCell recipients = table.getRow(0).getCell(0);
        XWPFParagraph heading = line(cellParagraph(recipients, 0), "Nơi nhận:", 12, true, true, ParagraphAlignment.LEFT);
        heading.setSpacingBefore(240);
        int index = 1;
        for (String recipient : lines(head.recipients())) {
            line(cellParagraph(recipients, index++), dashed(recipient), 11, false, false, ParagraphAlignment.LEFT);
        }

        XWPFTableCell signature = table.getRow(0).getCell(1);
        int at = 0;
        for (String signer : lines(head.signerLines())) {
            XWPFParagraph paragraph = line(cellParagraph(signature, at), signer, 14, true, false, ParagraphAlignment.CENTER);
            if (at == 0) {
                paragraph.setSpacingBefore(240);
            }
            at++;
        }
        if (at == 0) {
            line(cellParagraph(signature, at++), "", 14, false, false, ParagraphAlignment.CENTER).setSpacingBefore(240);
        }
        for (int blank = 0; blank < 4; blank++) { // about 3 cm for the signature and the seal
            line(cellParagraph(signature, at++), "", 14, false, false, ParagraphAlignment.CENTER);
        }
        line(cellParagraph(signature, at), text(head.signerName()), 14, true, false, ParagraphAlignment.CENTER);
    }

    // --- the annex ---------------------------------------------------------------------------------

    private static void annex(XWPFDocument document, Briefing.Annex annex) throws IOException {
        XWPFParagraph title = document.createParagraph();
        title.setPageBreak(true);
        line(title, text(annex.title()).isEmpty() ? "PHỤ LỤC" : text(annex.title()), 14, true, false,
                ParagraphAlignment.CENTER);
        title.setSpacingAfter(240);
        for (Briefing.Table table : annex.tables()) {
            if (table != null) {
                annexTable(document, table);
            }
        }
        boolean pictures = ChartImages.available();
        if (!pictures && !annex.charts().isEmpty()) {
            log.warn("JFreeChart is not on the class path: the annex charts are written as tables of their figures");
        }
        for (Briefing.Chart chart : annex.charts()) {
            if (chart == null) {
                continue;
            }
            if (pictures) {
                chartPicture(document, chart);
            } else {
                annexTable(document, chartAsTable(chart));
            }
        }
    }

    /** The table's title, a bordered Word table with a repeated bold header row, then its note in italics. */
    private static void annexTable(XWPFDocument document, Briefing.Table source) {
        caption(document, source.title());
        List<String> columns = source.columns();
        int count = Math.max(1, columns.size());
        for (List<String> row : source.rows()) {
            count = Math.max(count, row.size());
        }
        int[] widths = columnWidths(source, count);
        XWPFTable table = document.createTable(1 + source.rows().size(), count);
        bordered(table, widths);

        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int c = 0; c < count; c++) {
            XWPFTableCell cell = header.getCell(c);
            cell.setVerticalAlignment(XWPFVertAlign.CENTER);
            cell.setColor("F2F2F2");
            String name = c < columns.size() ? text(columns.get(c)) : "";
            tableLine(cellParagraph(cell, 0), name, true, ParagraphAlignment.CENTER);
        }
        for (int r = 0; r < source.rows().size(); r++) {
            List<String> values = source.rows().get(r);
            XWPFTableRow row = table.getRow(r + 1);
            row.setCantSplitRow(true);
            for (int c = 0; c < count; c++) {
                XWPFTableCell cell = row.getCell(c);
                cell.setVerticalAlignment(XWPFVertAlign.CENTER);
                String value = c < values.size() ? text(values.get(c)) : "";
                boolean numeric = c < source.numeric().size() && Boolean.TRUE.equals(source.numeric().get(c));
                tableLine(cellParagraph(cell, 0), value, false, numeric ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
            }
        }
        String note = text(source.note());
        XWPFParagraph after = document.createParagraph();
        after.setSpacingBefore(60);
        after.setSpacingAfter(240);
        after.setAlignment(ParagraphAlignment.BOTH);
        markFont(after);
        if (!note.isEmpty()) {
            write(run(after, 12, false, true), note);
        }
    }

    /** The chart's title as a paragraph, the chart as an inline PNG (in the text flow, never floating). */
    private static void chartPicture(XWPFDocument document, Briefing.Chart chart) throws IOException {
        caption(document, chart.title());
        byte[] png = ChartImages.png(chart);
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        paragraph.setSpacingAfter(240);
        paragraph.setSpacingBetween(1.0);
        markFont(paragraph);
        XWPFRun run = run(paragraph, 14, false, false);
        String title = text(chart.title());
        try {
            XWPFPicture picture = run.addPicture(new ByteArrayInputStream(png), PictureType.PNG,
                    "bieu-do-" + (document.getAllPictures().size() + 1) + ".png",
                    Units.toEMU(ChartImages.WIDTH_POINTS), Units.toEMU(ChartImages.HEIGHT_POINTS));
            picture.getCTPicture().getNvPicPr().getCNvPr().setDescr(title);
        } catch (InvalidFormatException e) {
            throw new IOException("Could not add the chart picture \"" + title + "\"", e);
        }
        if (run.getCTR().sizeOfDrawingArray() > 0 && run.getCTR().getDrawingArray(0).sizeOfInlineArray() > 0) {
            CTInline inline = run.getCTR().getDrawingArray(0).getInlineArray(0);
            inline.getDocPr().setDescr(title);
        }
    }

    /** Without JFreeChart: the chart's figures as a table, categories down, one column a series. */
    static Briefing.Table chartAsTable(Briefing.Chart chart) {
        Set<String> categories = new LinkedHashSet<>();
        List<Briefing.Series> series = chart.series().stream().filter(Objects::nonNull).toList();
        for (Briefing.Series s : series) {
            for (Briefing.Point point : s.points()) {
                if (point != null) {
                    categories.add(text(point.category()));
                }
            }
        }
        List<String> columns = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        columns.add(chart.kind() == Briefing.ChartKind.LINE ? "Thời gian" : "Nội dung");
        numeric.add(false);
        List<Map<String, String>> bySeries = new ArrayList<>();
        for (Briefing.Series s : series) {
            columns.add(text(s.name()));
            numeric.add(true);
            Map<String, String> values = new LinkedHashMap<>();
            for (Briefing.Point point : s.points()) {
                if (point != null && point.value() != null) {
                    values.put(text(point.category()), VietnameseNumbers.format(point.value(),
                            Math.max(0, Math.min(2, point.value().stripTrailingZeros().scale()))));
                }
            }
            bySeries.add(values);
        }
        List<List<String>> rows = new ArrayList<>();
        for (String category : categories) {
            List<String> row = new ArrayList<>();
            row.add(category);
            for (Map<String, String> values : bySeries) {
                row.add(values.getOrDefault(category, ""));
            }
            rows.add(row);
        }
        return new Briefing.Table(chart.title(), columns, numeric, rows, text(chart.valueAxis()));
    }

    private static void caption(XWPFDocument document, String title) {
        String text = text(title);
        if (text.isEmpty()) {
            return;
        }
        XWPFParagraph paragraph = document.createParagraph();
        line(paragraph, text, 13, true, false, ParagraphAlignment.CENTER);
        paragraph.setSpacingBefore(120);
        paragraph.setSpacingAfter(120);
        paragraph.setKeepNext(true);
    }

    /**
     * Column widths in twips: each column at least as wide as its longest word or figure (so that
     * "06172" or "90,77%" never breaks), the rest of the text width shared by how much more each
     * column would need to show its longest text on one line (a header may take three).
     */
    static int[] columnWidths(Briefing.Table table, int count) {
        double[] least = new double[count];
        double[] wanted = new double[count];
        for (int c = 0; c < count; c++) {
            String header = c < table.columns().size() ? text(table.columns().get(c)) : "";
            int word = longestWord(header);
            int line = (header.length() + 2) / 3;
            for (List<String> row : table.rows()) {
                if (c < row.size()) {
                    String value = text(row.get(c));
                    word = Math.max(word, longestWord(value));
                    line = Math.max(line, Math.min(value.length(), 60));
                }
            }
            least[c] = Math.max(3, word) * CHAR_WIDTH + CELL_PADDING;
            wanted[c] = Math.max(least[c], line * CHAR_WIDTH + CELL_PADDING);
        }
        double leastTotal = sum(least);
        double wantedTotal = sum(wanted);
        double[] widths = new double[count];
        for (int c = 0; c < count; c++) {
            if (wantedTotal <= TEXT_WIDTH) {
                widths[c] = wanted[c] * TEXT_WIDTH / wantedTotal;
            } else if (leastTotal < TEXT_WIDTH) {
                widths[c] = least[c] + (wanted[c] - least[c]) * (TEXT_WIDTH - leastTotal) / (wantedTotal - leastTotal);
            } else {
                widths[c] = least[c] * TEXT_WIDTH / leastTotal;
            }
        }
        int[] twips = new int[count];
        int used = 0;
        for (int c = 0; c < count; c++) {
            twips[c] = c == count - 1 ? TEXT_WIDTH - used : (int) Math.round(widths[c]);
            used += twips[c];
        }
        return twips;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }

    private static int longestWord(String text) {
        int longest = 0;
        for (String word : text(text).split("\\s+")) {
            longest = Math.max(longest, word.length());
        }
        return longest;
    }

    // --- tables --------------------------------------------------------------------------------------

    /** A fixed-layout table of the text width, no borders, no cell padding at the sides. */
    private static void borderless(XWPFTable table, int... widths) {
        layout(table, widths);
        table.setTopBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setBottomBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setLeftBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setRightBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideHBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideVBorder(XWPFBorderType.NONE, 0, 0, "auto");
        table.setCellMargins(0, 0, 0, 0);
    }

    /** A fixed-layout table of the text width, single borders, small cell padding. */
    private static void bordered(XWPFTable table, int... widths) {
        layout(table, widths);
        table.setTopBorder(XWPFBorderType.SINGLE, 4, 0, RULE_COLOUR);
        table.setBottomBorder(XWPFBorderType.SINGLE, 4, 0, RULE_COLOUR);
        table.setLeftBorder(XWPFBorderType.SINGLE, 4, 0, RULE_COLOUR);
        table.setRightBorder(XWPFBorderType.SINGLE, 4, 0, RULE_COLOUR);
        table.setInsideHBorder(XWPFBorderType.SINGLE, 4, 0, RULE_COLOUR);
        table.setInsideVBorder(XWPFBorderType.SINGLE, 4, 0, RULE_COLOUR);
        table.setCellMargins(30, 85, 30, 85);
    }

    private static void layout(XWPFTable table, int... widths) {
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(Integer.toString(TEXT_WIDTH));
        table.setTableAlignment(TableRowAlign.CENTER);
        CTTbl ct = table.getCTTbl();
        CTTblPr properties = ct.getTblPr() == null ? ct.addNewTblPr() : ct.getTblPr();
        CTTblLayoutType type = properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout();
        type.setType(STTblLayoutType.FIXED);
        CTTblGrid grid = ct.getTblGrid() == null ? ct.addNewTblGrid() : ct.getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int width : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(width));
        }
        for (XWPFTableRow row : table.getRows()) {
            for (int c = 0; c < row.getTableCells().size() && c < widths.length; c++) {
                XWPFTableCell cell = row.getCell(c);
                cell.setWidthType(TableWidthType.DXA);
                cell.setWidth(Integer.toString(widths[c]));
            }
        }
    }

    /** The cell's paragraph at {@code index}: its first (created with the cell) or a new one. */
    private static XWPFParagraph cellParagraph(XWPFTableCell cell, int index) {
        while (cell.getParagraphs().size() <= index) {
            cell.addParagraph();
        }
        return cell.getParagraphArray(index);
    }

    /** A paragraph of a table: single spacing, nothing before or after, 12 pt. */
    private static void tableLine(XWPFParagraph paragraph, String text, boolean bold, ParagraphAlignment alignment) {
        line(paragraph, text, 12, bold, false, alignment);
        paragraph.setSpacingBefore(20);
        paragraph.setSpacingAfter(20);
    }

    // --- paragraphs and runs -----------------------------------------------------------------------

    /** One line of the letterhead, the closing or a table: single spacing, no space after. */
    private static XWPFParagraph line(XWPFParagraph paragraph, String text, double size, boolean bold, boolean italic,
            ParagraphAlignment alignment) {
        paragraph.setAlignment(alignment);
        paragraph.setSpacingBefore(0);
        paragraph.setSpacingAfter(0);
        paragraph.setSpacingBetween(1.0);
        markFont(paragraph, size);
        if (!text.isEmpty()) {
            write(run(paragraph, size, bold, italic), text);
        }
        return paragraph;
    }

    /** A short centred rule: an empty 2 pt paragraph whose bottom border is {@code length} twips long. */
    private static void rule(XWPFParagraph paragraph, int available, int length) {
        int indent = Math.max(0, (available - length) / 2);
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        paragraph.setIndentationLeft(indent);
        paragraph.setIndentationRight(indent);
        paragraph.setSpacingBefore(30);
        paragraph.setSpacingAfter(0);
        paragraph.setSpacingBetween(1.0);
        paragraph.setBorderBottom(Borders.SINGLE);
        markFont(paragraph, 2);
        CTPPr properties = paragraph.getCTP().getPPr();
        CTBorder bottom = properties.getPBdr().getBottom();
        bottom.setSz(BigInteger.valueOf(6));
        bottom.setSpace(BigInteger.ZERO);
        bottom.setColor(RULE_COLOUR);
    }

    /** A new run in Times New Roman at {@code size} points. */
    private static XWPFRun run(XWPFParagraph paragraph, double size, boolean bold, boolean italic) {
        XWPFRun run = paragraph.createRun();
        CTRPr properties = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
        fonts(properties.sizeOfRFontsArray() > 0 ? properties.getRFontsArray(0) : properties.addNewRFonts());
        if (bold) {
            run.setBold(true);
        }
        if (italic) {
            run.setItalic(true);
        }
        run.setFontSize(size);
        properties.addNewSzCs().setVal(BigInteger.valueOf(Math.round(size * 2)));
        return run;
    }

    /** The text into the run, a line break for each "\n". */
    private static void write(XWPFRun run, String text) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], run.getCTR().sizeOfTArray());
        }
    }

    /** The paragraph mark in Times New Roman too, so that an empty paragraph has the font and size of the text. */
    private static void markFont(XWPFParagraph paragraph) {
        markFont(paragraph, 14);
    }

    private static void markFont(XWPFParagraph paragraph, double size) {
        CTPPr properties = paragraph.getCTP().isSetPPr() ? paragraph.getCTP().getPPr() : paragraph.getCTP().addNewPPr();
        CTParaRPr mark = properties.isSetRPr() ? properties.getRPr() : properties.addNewRPr();
        while (mark.sizeOfRFontsArray() > 0) {
            mark.removeRFonts(0);
        }
        while (mark.sizeOfSzArray() > 0) {
            mark.removeSz(0);
        }
        while (mark.sizeOfSzCsArray() > 0) {
            mark.removeSzCs(0);
        }
        fonts(mark.addNewRFonts());
        BigInteger halfPoints = BigInteger.valueOf(Math.round(size * 2));
        mark.addNewSz().setVal(halfPoints);
        mark.addNewSzCs().setVal(halfPoints);
    }

    private static void compact(XWPFParagraph paragraph) {
        paragraph.setSpacingBefore(0);
        paragraph.setSpacingAfter(0);
        paragraph.setSpacingBetween(1.0);
        markFont(paragraph);
    }

    private static void fonts(CTFonts fonts) {
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
    }

    // --- text ------------------------------------------------------------------------------------------

    private static List<String> lines(List<String> lines) {
        if (lines == null) {
            return List.of();
        }
        return lines.stream().map(NoticeText::text).filter(line -> !line.isEmpty()).toList();
    }





}
