package vn.giaoban.template;

import static vn.giaoban.template.TemplateWriter.FONT;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A template workbook's cell styles, made once per workbook: Times New Roman, typed-in cells pale yellow. */
final class TemplateStyles {
    final CellStyle issuer;
    final CellStyle motto;
    final CellStyle title;
    final CellStyle centered;
    final CellStyle centeredBold;
    final CellStyle right;
    final CellStyle hint;
    final CellStyle hintWrapped;
    final CellStyle asOf;
    final CellStyle header;
    final CellStyle ordinal;
    final CellStyle code;
    final CellStyle name;
    final CellStyle unitOfMeasure;
    final CellStyle number;
    final CellStyle status;
    final CellStyle freeText;
    final CellStyle note;

    TemplateStyles(XSSFWorkbook workbook) {
        Font bold = font(workbook, 13, true, false, false);
        Font boldUnderlined = font(workbook, 13, true, false, true);
        Font titleFont = font(workbook, 14, true, false, false);
        Font plain = font(workbook, 13, false, false, false);
        Font italic = font(workbook, 12, false, true, false);
        Font body = font(workbook, 12, false, false, false);
        Font bodyBold = font(workbook, 12, true, false, false);
        short textFormat = workbook.createDataFormat().getFormat("@");
        short generalFormat = workbook.createDataFormat().getFormat("General");

        issuer = style(workbook, bold, HorizontalAlignment.CENTER, false);
        motto = style(workbook, boldUnderlined, HorizontalAlignment.CENTER, false);
        title = style(workbook, titleFont, HorizontalAlignment.CENTER, true);
        centered = style(workbook, plain, HorizontalAlignment.CENTER, false);
        centeredBold = style(workbook, bold, HorizontalAlignment.CENTER, false);
        right = style(workbook, plain, HorizontalAlignment.RIGHT, false);
        hint = style(workbook, italic, HorizontalAlignment.LEFT, false);
        hintWrapped = style(workbook, italic, HorizontalAlignment.LEFT, true);
        asOf = input(workbook, body, HorizontalAlignment.CENTER, textFormat);

        header = bordered(workbook, bodyBold, HorizontalAlignment.CENTER, true);
        ordinal = bordered(workbook, body, HorizontalAlignment.CENTER, false);
        code = bordered(workbook, body, HorizontalAlignment.LEFT, false);
        name = bordered(workbook, body, HorizontalAlignment.LEFT, true);
        unitOfMeasure = bordered(workbook, body, HorizontalAlignment.CENTER, false);
        number = input(workbook, body, HorizontalAlignment.RIGHT, generalFormat);
        status = input(workbook, body, HorizontalAlignment.CENTER, textFormat);
        freeText = input(workbook, body, HorizontalAlignment.LEFT, textFormat);
        note = input(workbook, body, HorizontalAlignment.LEFT, textFormat);
        note.setWrapText(true);
    }

    private static Font font(XSSFWorkbook workbook, int points, boolean bold, boolean italic, boolean underline) {
        Font font = workbook.createFont();
        font.setFontName(FONT);
        font.setFontHeightInPoints((short) points);
        font.setBold(bold);
        font.setItalic(italic);
        if (underline) {
            font.setUnderline(Font.U_SINGLE);
        }
        return font;
    }

    private static CellStyle style(XSSFWorkbook workbook, Font font, HorizontalAlignment alignment, boolean wrap) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setAlignment(alignment);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setWrapText(wrap);
        return style;
    }

    private static CellStyle bordered(XSSFWorkbook workbook, Font font, HorizontalAlignment alignment, boolean wrap) {
        CellStyle style = style(workbook, font, alignment, wrap);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }

    /** A cell people type into: unlocked, pale yellow. */
    private static CellStyle input(XSSFWorkbook workbook, Font font, HorizontalAlignment alignment, short format) {
        XSSFCellStyle style = (XSSFCellStyle) bordered(workbook, font, alignment, false);
        style.setLocked(false);
        style.setDataFormat(format);
        style.setFillForegroundColor(new XSSFColor(new byte[] {(byte) 0xFF, (byte) 0xF2, (byte) 0xCC}));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }
}
