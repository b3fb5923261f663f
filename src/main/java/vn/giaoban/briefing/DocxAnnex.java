package vn.giaoban.briefing;

import static vn.giaoban.briefing.DocxElements.bordered;
import static vn.giaoban.briefing.DocxElements.cellParagraph;
import static vn.giaoban.briefing.DocxElements.line;
import static vn.giaoban.briefing.DocxElements.markFont;
import static vn.giaoban.briefing.DocxElements.run;
import static vn.giaoban.briefing.DocxElements.tableLine;
import static vn.giaoban.briefing.DocxElements.write;
import static vn.giaoban.briefing.DocxRenderer.TEXT_WIDTH;
import static vn.giaoban.briefing.NoticeText.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableCell.XWPFVertAlign;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTInline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DOCX's annex ("PHỤ LỤC"), after the notice that {@link DocxRenderer} writes: each table of the
 * briefing as a bordered Word table whose columns {@link ColumnFitting} fits like the PDF's, each chart
 * as an inline picture drawn by {@link ChartImages} in the PDF's style.
 */
final class DocxAnnex {

    private static final Logger log = LoggerFactory.getLogger(DocxAnnex.class);

    /** A character of Times New Roman 12 pt, bold headers and figures included, in twips (a generous 6.5 pt). */
    private static final int CHAR_WIDTH = 130;
    /** The cell's left and right padding (85 twips each) and a little air. */
    private static final int CELL_PADDING = 230;

    private DocxAnnex() {
    }

    /** "PHỤ LỤC" on a new page, the tables, then the charts (as pictures, or as tables without JFreeChart). */
    static void append(XWPFDocument document, Briefing.Annex annex) throws IOException {
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
                annexTable(document, ChartFigures.table(chart));
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
     * Column widths in twips, shared by {@link ColumnFitting}: each column needs its longest word or
     * figure (so that "06172" or "90,77%" never breaks) and wants its longest text on one line (a header
     * may take three), estimated from the number of characters.
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
        return ColumnFitting.roundNearest(ColumnFitting.share(least, wanted, TEXT_WIDTH), TEXT_WIDTH);
    }

    private static int longestWord(String text) {
        int longest = 0;
        for (String word : text(text).split("\\s+")) {
            longest = Math.max(longest, word.length());
        }
        return longest;
    }
}
