package vn.giaoban.template;

import static vn.giaoban.template.TemplateWriter.AS_OF_LABEL;
import static vn.giaoban.template.TemplateWriter.FONT;
import static vn.giaoban.template.TemplateWriter.HEADING_CODE;
import static vn.giaoban.template.TemplateWriter.HEADING_NOTE;
import static vn.giaoban.template.TemplateWriter.HEADING_ORDINAL;
import static vn.giaoban.template.TemplateWriter.HEADING_UNIT_OF_MEASURE;
import static vn.giaoban.template.TemplateWriter.LIST_ROWS;
import static vn.giaoban.template.TemplateWriter.STATUS_DONE;
import static vn.giaoban.template.TemplateWriter.STATUS_NOT_DONE;
import static vn.giaoban.template.TemplateWriter.TEMPLATE_VERSION;
import static vn.giaoban.template.TemplateWriter.VIETNAMESE;
import static vn.giaoban.template.TemplateWriter.formCodeLine;
import static vn.giaoban.template.TemplateWriter.issuer;
import static vn.giaoban.template.TemplateWriter.periodLine;
import static vn.giaoban.template.TemplateWriter.unitLine;
import static vn.giaoban.template.TemplateWriter.valueColumns;

import java.time.YearMonth;
import java.util.List;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.ListForm;
import vn.giaoban.catalog.Measure;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.ValueType;
import vn.giaoban.submission.internal.TemplateMetadata;
import vn.giaoban.template.TemplateWriter.ValueColumn;

/**
 * Writes one template workbook: the title block, the indicators' rows (or a list's columns), the
 * validations, the instructions, protection, print setup and the identity as document properties.
 * Its public side, and what the reader shares with it (headings, file names), is {@link TemplateWriter}.
 */
final class TemplateSheet {

    /** Row indexes (0-based) of the layout. */
    private static final int ROW_ISSUER = 0;
    private static final int ROW_MOTTO = 1;
    private static final int ROW_TITLE = 3;
    private static final int ROW_FORM_CODE = 4;
    private static final int ROW_UNIT = 5;
    private static final int ROW_PERIOD = 6;
    private static final int ROW_AS_OF = 7;
    private static final int ROW_HEADER = 9;
    private static final int COL_ORDINAL = 0;
    private static final int COL_CODE = 1;
    private static final int COL_NAME = 2;
    private static final int COL_UNIT_OF_MEASURE = 3;
    private static final int COL_FIRST_VALUE = 4;

    private final XSSFWorkbook workbook;
    private final Form form;
    private final Unit unit;
    private final YearMonth period;
    private final List<Indicator> indicators;
    private final List<ValueColumn> values;
    private final int lastColumn;
    private final int noteColumn;
    private final SafeCells cells;
    private final XSSFSheet sheet;
    private final TemplateStyles styles;
    /** The list's columns when the form's rows are records (BM03-DS); null for an aggregate form. */
    private final ListForm list;

    TemplateSheet(XSSFWorkbook workbook, Form form, Unit unit, YearMonth period, List<Indicator> indicators,
            ListForm list) {
        this.workbook = workbook;
        this.form = form;
        this.unit = unit;
        this.period = period;
        this.indicators = indicators;
        this.list = list;
        this.values = list == null ? valueColumns(form, period) : List.of();
        this.noteColumn = COL_FIRST_VALUE + values.size();
        this.lastColumn = list == null ? noteColumn : Math.max(COL_FIRST_VALUE, list.columns().size() - 1);
        this.cells = new SafeCells(workbook);
        XSSFFont defaultFont = workbook.getFontAt(0);
        defaultFont.setFontName(FONT);
        defaultFont.setFontHeightInPoints((short) 12);
        this.styles = new TemplateStyles(workbook);
        this.sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(form.code()));
    }

    void write() {
        if (list != null) {
            writeList();
            return;
        }
        titleBlock();
        header();
        int row = ROW_HEADER + 1;
        for (int i = 0; i < indicators.size(); i++) {
            indicatorRow(row++, i + 1, indicators.get(i));
        }
        validations(ROW_HEADER + 1, row - 1);
        instructions(row + 1);
        columns();
        protection();
        printSetup(row - 1);
        metadata();
    }

    /**
     * A list form's template: the title block, the list's columns by the first heading the reader
     * knows them by, and {@link #LIST_ROWS} rows to fill, dates checked as dates.
     */
    private void writeList() {
        titleBlock();
        Row header = sheet.createRow(ROW_HEADER);
        header.setHeightInPoints(33);
        List<ListForm.Column> columns = list.columns();
        for (int c = 0; c < columns.size(); c++) {
            text(ROW_HEADER, c, columns.get(c).aliases().isEmpty() ? columns.get(c).code()
                    : columns.get(c).aliases().get(0), styles.header);
        }
        CellStyle date = workbook.createCellStyle();
        date.cloneStyleFrom(styles.freeText);
        date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
        int last = ROW_HEADER + LIST_ROWS;
        for (int r = ROW_HEADER + 1; r <= last; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < columns.size(); c++) {
                row.createCell(c).setCellStyle(switch (columns.get(c).type()) {
                    case DATE -> date;
                    case NUMBER -> styles.number;
                    case TEXT -> styles.freeText;
                });
            }
        }
        XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).type() != ListForm.ColumnType.DATE) {
                continue;
            }
            DataValidation validation = helper.createValidation(helper.createDateConstraint(
                    DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "DATE(2000,1,1)", null, "dd/mm/yyyy"),
                    new CellRangeAddressList(ROW_HEADER + 1, last, c, c));
            validation.createErrorBox("Ngày không hợp lệ", "Ô này cần một ngày, ví dụ " + exampleDay() + ".");
            validation.setShowErrorBox(true);
            validation.setEmptyCellAllowed(true);
            sheet.addValidationData(validation);
        }
        text(last + 2, 0, "Hướng dẫn: mỗi dòng một trường hợp, từ đầu năm đến ngày chốt số liệu; ngày ghi dạng"
                + " ngày/tháng/năm. Không sửa tiêu đề cột. Lưu tệp (giữ dạng .xlsx) rồi gửi vào thư mục của đơn vị.",
                styles.hintWrapped);
        merge(last + 2, 0, lastColumn);
        sheet.getRow(last + 2).setHeightInPoints(34);
        for (int c = 0; c <= lastColumn; c++) {
            boolean wide = c < columns.size() && columns.get(c).type() == ListForm.ColumnType.TEXT;
            sheet.setColumnWidth(c, (wide ? 28 : 14) * 256);
        }
        sheet.createFreezePane(0, ROW_HEADER + 1);
        protection();
        printSetup(last);
        metadata();
    }

    private void titleBlock() {
        int leftEnd = COL_NAME;
        text(ROW_ISSUER, 0, issuer(unit), styles.issuer);
        merge(ROW_ISSUER, 0, leftEnd);
        text(ROW_ISSUER, leftEnd + 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", styles.issuer);
        merge(ROW_ISSUER, leftEnd + 1, lastColumn);
        text(ROW_MOTTO, leftEnd + 1, "Độc lập - Tự do - Hạnh phúc", styles.motto);
        merge(ROW_MOTTO, leftEnd + 1, lastColumn);

        text(ROW_TITLE, 0, form.title().toUpperCase(VIETNAMESE), styles.title);
        merge(ROW_TITLE, 0, lastColumn);
        sheet.getRow(ROW_TITLE).setHeightInPoints(36);
        text(ROW_FORM_CODE, 0, formCodeLine(form), styles.centered);
        merge(ROW_FORM_CODE, 0, lastColumn);
        text(ROW_UNIT, 0, unitLine(unit), styles.centered);
        merge(ROW_UNIT, 0, lastColumn);
        text(ROW_PERIOD, 0, periodLine(period), styles.centeredBold);
        merge(ROW_PERIOD, 0, lastColumn);
        if (form.defaultMeasure() != Measure.MONTH) {
            // "đến ngày 23/10/2022" is how the reader finds the as-of date: label and date side by side
            text(ROW_AS_OF, 0, AS_OF_LABEL, styles.right);
            merge(ROW_AS_OF, 0, COL_NAME);
            Cell date = cell(ROW_AS_OF, COL_UNIT_OF_MEASURE);
            date.setCellStyle(styles.asOf);
            text(ROW_AS_OF, COL_UNIT_OF_MEASURE + 1, "(ngày/tháng/năm, ví dụ " + exampleDay() + ")",
                    styles.hint);
        }
    }

    /** The deadline day of the period as an example of the date to type: "20/10/2022". */
    private String exampleDay() {
        int day = Math.min(Math.max(form.deadlineDay(), 1), period.lengthOfMonth());
        return String.format("%02d/%02d/%d", day, period.getMonthValue(), period.getYear());
    }

    private void header() {
        boolean statusOnly = indicators.stream().allMatch(i -> i.valueType() == ValueType.STATUS);
        Row row = sheet.createRow(ROW_HEADER);
        row.setHeightInPoints(33);
        text(ROW_HEADER, COL_ORDINAL, HEADING_ORDINAL, styles.header);
        text(ROW_HEADER, COL_CODE, HEADING_CODE, styles.header);
        text(ROW_HEADER, COL_NAME, statusOnly ? "Tiêu chí" : "Chỉ tiêu", styles.header);
        text(ROW_HEADER, COL_UNIT_OF_MEASURE, HEADING_UNIT_OF_MEASURE, styles.header);
        for (int i = 0; i < values.size(); i++) {
            text(ROW_HEADER, COL_FIRST_VALUE + i, values.get(i).heading(), styles.header);
        }
        text(ROW_HEADER, noteColumn, HEADING_NOTE, styles.header);
    }

    private void indicatorRow(int rowIndex, int ordinal, Indicator indicator) {
        Row row = sheet.createRow(rowIndex);
        Cell number = row.createCell(COL_ORDINAL);
        number.setCellValue(ordinal);
        number.setCellStyle(styles.ordinal);
        text(rowIndex, COL_CODE, indicator.code(), styles.code);
        text(rowIndex, COL_NAME, indicator.name(), styles.name);
        text(rowIndex, COL_UNIT_OF_MEASURE, indicator.unitOfMeasure(), styles.unitOfMeasure);
        CellStyle valueStyle = switch (indicator.valueType()) {
            case NUMBER, COUNT -> styles.number;
            case STATUS -> styles.status;
            case TEXT -> styles.freeText;
        };
        for (int i = 0; i < values.size(); i++) {
            row.createCell(COL_FIRST_VALUE + i).setCellStyle(valueStyle);
        }
        row.createCell(noteColumn).setCellStyle(styles.note);
        int lines = Math.max(1, (int) Math.ceil(indicator.name().length() / 60.0));
        row.setHeightInPoints(Math.max(20, lines * 16 + 4));
    }

    /** Numbers ≥ 0 where a number is expected, "Đạt" or "Chưa đạt" where a status is. */
    private void validations(int firstRow, int lastRow) {
        XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
        int lastValue = COL_FIRST_VALUE + values.size() - 1;
        for (int r = firstRow; r <= lastRow; r++) {
            Indicator indicator = indicators.get(r - firstRow);
            CellRangeAddressList range = new CellRangeAddressList(r, r, COL_FIRST_VALUE, lastValue);
            DataValidation validation;
            if (indicator.valueType().isNumeric()) {
                boolean count = indicator.valueType() == ValueType.COUNT;
                DataValidationConstraint constraint = count
                        ? helper.createIntegerConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null)
                        : helper.createDecimalConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null);
                validation = helper.createValidation(constraint, range);
                validation.createErrorBox("Số liệu không hợp lệ", "Ô này cần một số " + (count ? "nguyên " : "")
                        + "không âm (" + indicator.unitOfMeasure() + "). Chỉ nhập số, không kèm chữ.");
                validation.createPromptBox(shortText(indicator.name()), "Nhập số " + indicator.unitOfMeasure() + ".");
            } else if (indicator.valueType() == ValueType.STATUS) {
                DataValidationConstraint constraint = helper.createExplicitListConstraint(
                        new String[] {STATUS_DONE, STATUS_NOT_DONE});
                validation = helper.createValidation(constraint, range);
                // POI's XSSF writes showDropDown = !suppress, and Excel hides the arrow when showDropDown is 1:
                // "true" here is what leaves the in-cell drop-down visible (the test checks the XML)
                validation.setSuppressDropDownArrow(true);
                validation.createErrorBox("Kết quả không hợp lệ", "Chọn \"Đạt\" hoặc \"Chưa đạt\".");
                validation.createPromptBox(shortText(indicator.name()), "Chọn Đạt hoặc Chưa đạt.");
            } else {
                continue;
            }
            validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
            validation.setShowErrorBox(true);
            validation.setShowPromptBox(true);
            validation.setEmptyCellAllowed(true);
            sheet.addValidationData(validation);
        }
    }

    /** A prompt box's title is at most 32 characters in Excel. */
    private static String shortText(String text) {
        return text.length() <= 32 ? text : text.substring(0, 31) + "…";
    }

    private void instructions(int rowIndex) {
        boolean numbers = indicators.stream().anyMatch(i -> i.valueType().isNumeric());
        boolean statuses = indicators.stream().anyMatch(i -> i.valueType() == ValueType.STATUS);
        String what = numbers && statuses ? "nhập số (không âm) hoặc chọn Đạt/Chưa đạt"
                : statuses ? "chọn Đạt hoặc Chưa đạt" : "nhập số (không âm)";
        String line = "Hướng dẫn: chỉ " + what + " vào các ô nền vàng"
                + (form.defaultMeasure() != Measure.MONTH ? " và ghi ngày chốt số liệu" : "")
                + "; không sửa tiêu đề, mã số, tên chỉ tiêu. Lưu tệp (giữ dạng .xlsx hoặc .xls) rồi gửi vào thư mục của đơn vị.";
        text(rowIndex, 0, line, styles.hintWrapped);
        merge(rowIndex, 0, lastColumn);
        sheet.getRow(rowIndex).setHeightInPoints(34);
    }

    private void columns() {
        int[] widths = new int[lastColumn + 1];
        widths[COL_ORDINAL] = 6;
        // codes are upper case and underscores: wider per character than the body text
        int longestCode = indicators.stream().mapToInt(i -> i.code().length()).max().orElse(8);
        widths[COL_CODE] = Math.max(10, (int) Math.ceil(longestCode * 1.3) + 2);
        widths[COL_NAME] = 50;
        widths[COL_UNIT_OF_MEASURE] = 14;
        for (int i = 0; i < values.size(); i++) {
            widths[COL_FIRST_VALUE + i] = values.get(i).measure() == Measure.POINT ? 20 : 18;
        }
        widths[noteColumn] = 24;
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        sheet.createFreezePane(0, ROW_HEADER + 1);
    }

    /** Protected without a password: locked cells cannot be typed over, columns and rows can be resized. */
    private void protection() {
        sheet.enableLocking();
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
    }

    private void printSetup(int lastRow) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(values.size() > 1);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(PageMargin.LEFT, 0.6);
        sheet.setMargin(PageMargin.RIGHT, 0.4);
        sheet.setMargin(PageMargin.TOP, 0.6);
        sheet.setMargin(PageMargin.BOTTOM, 0.6);
        sheet.setRepeatingRows(new CellRangeAddress(ROW_HEADER, ROW_HEADER, -1, -1));
        workbook.setPrintArea(0, 0, lastColumn, 0, lastRow + 2);
    }

    private void metadata() {
        POIXMLProperties properties = workbook.getProperties();
        POIXMLProperties.CustomProperties custom = properties.getCustomProperties();
        custom.addProperty(TemplateMetadata.FORM, form.code());
        custom.addProperty(TemplateMetadata.UNIT, unit.code());
        custom.addProperty(TemplateMetadata.PERIOD, period.toString());
        custom.addProperty(TemplateMetadata.TEMPLATE_VERSION, TEMPLATE_VERSION);
        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        core.setTitle(form.code() + " - " + unit.name() + " - tháng " + period.getMonthValue() + "/" + period.getYear());
        core.setCreator("giaoban");
        core.setSubjectProperty(form.title());
    }

    private Cell cell(int rowIndex, int column) {
        Row row = sheet.getRow(rowIndex);
        if (row == null) {
            row = sheet.createRow(rowIndex);
        }
        Cell cell = row.getCell(column);
        return cell != null ? cell : row.createCell(column);
    }

    private void text(int rowIndex, int column, String text, CellStyle style) {
        Cell cell = cell(rowIndex, column);
        cell.setCellStyle(style);
        cells.text(cell, text);
    }

    private void merge(int rowIndex, int firstColumn, int lastColumnIndex) {
        if (lastColumnIndex > firstColumn) {
            sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, firstColumn, lastColumnIndex));
        }
    }
}
