package vn.giaoban.briefing;

import static vn.giaoban.briefing.DocxElements.borderless;
import static vn.giaoban.briefing.DocxElements.cellParagraph;
import static vn.giaoban.briefing.DocxElements.compact;
import static vn.giaoban.briefing.DocxElements.fonts;
import static vn.giaoban.briefing.DocxElements.line;
import static vn.giaoban.briefing.DocxElements.markFont;
import static vn.giaoban.briefing.DocxElements.rule;
import static vn.giaoban.briefing.DocxElements.run;
import static vn.giaoban.briefing.DocxElements.write;
import static vn.giaoban.briefing.NoticeText.dashed;
import static vn.giaoban.briefing.NoticeText.text;
import static vn.giaoban.briefing.NoticeText.upper;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocDefaults;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.giaoban.files.OutputFile;
import vn.giaoban.briefing.BriefingRenderer.BriefingRenderingException;

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


    /** Space above the line of "Số" and the date, in twips, measured against the PDF's. */
    private static final int HEADER_GAP = 480;

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
    /**
     * The body's line pitch, in points: the PDF's (briefing.jrxml, 14 pt at proportional 1.15 gives 17.97 pt
     * from line to line), exact, so that both documents break their pages alike. Word's "1.15 lines" would
     * be 18.5 pt with this font: over three pages, a paragraph more.
     */
    private static final double BODY_PITCH = 17.97;
    private static final String DRAFT_RED = "B00000";

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
                DocxAnnex.append(document, ChartFigures.readable(briefing.annex()));
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
        // the PDF's gap under the motto's rule (briefing.jrxml: the line of "Số" at 91 pt, the motto at 46 pt)
        number.setSpacingBefore(HEADER_GAP);
        String placeAndDate = head.date() == null ? text(head.place())
                : AdministrativeDate.placeAndDate(text(head.place()), head.date());
        XWPFParagraph date = line(cellParagraph(table.getRow(1).getCell(1), 0), placeAndDate, 14, false, true,
                ParagraphAlignment.CENTER);
        date.setSpacingBefore(HEADER_GAP);
    }

    /**
     * The title, with "DỰ THẢO" (a red framed mark) at the left of its line when a draft, as the PDF places
     * it: the title stays centred on a centre tab stop. Then the summary and a short rule.
     */
    private static void titles(XWPFDocument document, Briefing briefing) {
        String title = text(briefing.title());
        if (!title.isEmpty() || briefing.draft()) {
            XWPFParagraph paragraph = document.createParagraph();
            line(paragraph, "", 14, true, false, briefing.draft() ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
            paragraph.setSpacingBefore(420);
            paragraph.setSpacingAfter(0);
            paragraph.setKeepNext(true);
            if (briefing.draft()) {
                XWPFRun mark = run(paragraph, 12, true, false);
                mark.setColor(DRAFT_RED);
                mark.setText("DỰ THẢO");
                CTBorder frame = mark.getCTR().getRPr().addNewBdr();
                frame.setVal(STBorder.SINGLE);
                frame.setSz(BigInteger.valueOf(8));
                frame.setSpace(BigInteger.valueOf(2));
                frame.setColor(DRAFT_RED);
                var tabs = paragraph.getCTP().getPPr().addNewTabs().addNewTab();
                tabs.setVal(STTabJc.CENTER);
                tabs.setPos(BigInteger.valueOf(TEXT_WIDTH / 2));
                XWPFRun tab = run(paragraph, 14, true, false);
                tab.addTab();
            }
            write(run(paragraph, 14, true, false), title);
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
            paragraph.setAlignment(NoticeText.justified(text) ? ParagraphAlignment.BOTH : ParagraphAlignment.LEFT);
            paragraph.setIndentationFirstLine(FIRST_LINE_INDENT);
            paragraph.setSpacingAfter(SPACE_AFTER);
            paragraph.setSpacingBetween(BODY_PITCH, LineSpacingRule.EXACT);
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

    // --- text ------------------------------------------------------------------------------------------

    private static List<String> lines(List<String> lines) {
        if (lines == null) {
            return List.of();
        }
        return lines.stream().map(NoticeText::text).filter(line -> !line.isEmpty()).toList();
    }
}
