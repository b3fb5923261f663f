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

import java.io.IOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableCell.XWPFVertAlign;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The DOCX's annex ("PHỤ LỤC"), after the notice that {@link DocxRenderer} writes: each table of the
 * briefing as a bordered Word table whose columns {@link ColumnFitting} fits like the PDF's, each chart
 * as a native Word chart drawn like the PDF's ({@link DocxCharts}).
 */
final class DocxAnnex {

    /** The PDF's table layout, whose column widths the Word tables take. */
    private static final AnnexTableLayout LAYOUT = new AnnexTableLayout();

    private DocxAnnex() {
    }

    /** "PHỤ LỤC" on a new page, the tables, then the charts (native Word charts). */
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
        for (Briefing.Chart chart : annex.charts()) {
            if (chart != null) {
                chart(document, chart);
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
        float size = AnnexTableLayout.fontSize(count);
        XWPFTable table = document.createTable(1 + source.rows().size(), count);
        bordered(table, widths);
        // the PDF's cell padding: 2 pt above and below, 3 pt at the sides
        table.setCellMargins(40, 60, 40, 60);

        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int c = 0; c < count; c++) {
            XWPFTableCell cell = header.getCell(c);
            cell.setVerticalAlignment(XWPFVertAlign.CENTER);
            cell.setColor(AnnexTableLayout.HEADER_SHADING);
            String name = c < columns.size() ? text(columns.get(c)) : "";
            tableLine(cellParagraph(cell, 0), name, size, true, ParagraphAlignment.CENTER);
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
                tableLine(cellParagraph(cell, 0), value, size, false,
                        numeric ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
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

    /** The chart's title as a paragraph, the chart as a native Word chart in the text flow ({@link DocxCharts}). */
    private static void chart(XWPFDocument document, Briefing.Chart chart) throws IOException {
        caption(document, chart.title());
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        paragraph.setSpacingAfter(240);
        paragraph.setSpacingBetween(1.0);
        markFont(paragraph);
        XWPFRun run = run(paragraph, 14, false, false);
        DocxCharts.add(run, chart);
        if (run.getCTR().sizeOfDrawingArray() > 0 && run.getCTR().getDrawingArray(0).sizeOfInlineArray() > 0) {
            // what a screen reader says of it
            run.getCTR().getDrawingArray(0).getInlineArray(0).getDocPr().setDescr(text(chart.title()));
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
     * Column widths in twips: the PDF's ({@link AnnexTableLayout#columnWidths}, measured in the tables' font),
     * so that a code such as "BM04-ANTT" or a header such as "Tình trạng" wraps in neither document; the
     * last twips of the Word page's text width go to the widest column.
     */
    static int[] columnWidths(Briefing.Table table, int count) {
        List<Integer> points = LAYOUT.columnWidths(table);
        int[] twips = new int[count];
        int widest = 0;
        for (int c = 0; c < count; c++) {
            twips[c] = c < points.size() ? points.get(c) * 20 : 0;
            widest = twips[c] > twips[widest] ? c : widest;
        }
        twips[widest] += TEXT_WIDTH - java.util.stream.IntStream.of(twips).sum();
        return twips;
    }
}
