package vn.giaoban.briefing;

import static vn.giaoban.briefing.DocxRenderer.FONT;
import static vn.giaoban.briefing.DocxRenderer.TEXT_WIDTH;

import java.math.BigInteger;

import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTParaRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

/**
 * The tables, paragraphs and runs the DOCX is made of ({@link DocxRenderer}'s notice and
 * {@link DocxAnnex}'s annex): fixed-layout tables of the text width, single-spaced lines, short rules,
 * and runs that name Times New Roman in all four font slots.
 */
final class DocxElements {

    private static final String RULE_COLOUR = "000000";

    private DocxElements() {
    }

    // --- tables --------------------------------------------------------------------------------------

    /** A fixed-layout table of the text width, no borders, no cell padding at the sides. */
    static void borderless(XWPFTable table, int... widths) {
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
    static void bordered(XWPFTable table, int... widths) {
        layout(table, widths);
        table.setTopBorder(XWPFBorderType.SINGLE, 4, 0, RULE_COLOUR);
        table.setBottomBorder(XWPFBorderType.SINGLE, 4, 0, RULE_COLOUR);
        table.setLeftBorder(XWPFBorderType.SINGLE, 4, 0, RULE_COLOUR);
        table.setRightBorder(XWPFBorderType.SINGLE, 4, 0, RULE_COLOUR);
        table.setInsideHBorder(XWPFBorderType.SINGLE, 4, 0, RULE_COLOUR);
        table.setInsideVBorder(XWPFBorderType.SINGLE, 4, 0, RULE_COLOUR);
        table.setCellMargins(30, 85, 30, 85);
    }

    static void layout(XWPFTable table, int... widths) {
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
    static XWPFParagraph cellParagraph(XWPFTableCell cell, int index) {
        while (cell.getParagraphs().size() <= index) {
            cell.addParagraph();
        }
        return cell.getParagraphArray(index);
    }

    /**
     * An annex table cell's line in the PDF's font size ({@link AnnexTableLayout#fontSize}), nothing before
     * or after: the cell's margins are the PDF's padding, so that the rows are as tall as the PDF's.
     */
    static void tableLine(XWPFParagraph paragraph, String text, double size, boolean bold, ParagraphAlignment alignment) {
        line(paragraph, text, size, bold, false, alignment);
    }

    // --- paragraphs and runs -----------------------------------------------------------------------

    /** One line of the letterhead, the closing or a table: single spacing, no space after. */
    static XWPFParagraph line(XWPFParagraph paragraph, String text, double size, boolean bold, boolean italic,
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
    static void rule(XWPFParagraph paragraph, int available, int length) {
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
    static XWPFRun run(XWPFParagraph paragraph, double size, boolean bold, boolean italic) {
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
    static void write(XWPFRun run, String text) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], run.getCTR().sizeOfTArray());
        }
    }

    /** The paragraph mark in Times New Roman too, so that an empty paragraph has the font and size of the text. */
    static void markFont(XWPFParagraph paragraph) {
        markFont(paragraph, 14);
    }

    static void markFont(XWPFParagraph paragraph, double size) {
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

    static void compact(XWPFParagraph paragraph) {
        paragraph.setSpacingBefore(0);
        paragraph.setSpacingAfter(0);
        paragraph.setSpacingBetween(1.0);
        markFont(paragraph);
    }

    static void fonts(CTFonts fonts) {
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
    }
}
