package vn.giaoban.submission.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DateUtil;

import vn.giaoban.catalog.ListForm;
import vn.giaoban.submission.Finding;
import vn.giaoban.submission.Severity;
import vn.giaoban.submission.internal.table.CellKind;
import vn.giaoban.submission.internal.table.SheetCell;
import vn.giaoban.text.Messages;
import vn.giaoban.text.ParsedNumber;
import vn.giaoban.text.VietnameseNumbers;
import vn.giaoban.text.VietnameseText;

/**
 * A list record's cells as {@link ListTable} reads them, by their column's type: text, a number
 * (Excel's or Vietnamese text), a date (Excel's serial, dd/MM/yyyy or ISO). Called for every cell of
 * a million-row list: a whole-day serial is read without POI's date arithmetic.
 */
final class ListCells {

    /** Excel's day 0 for whole serials from {@link #FIRST_PLAIN_SERIAL} on (1900 date system). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    /** 1900-03-01: before it Excel counts a 29 February 1900 that never was. */
    private static final BigDecimal FIRST_PLAIN_SERIAL = BigDecimal.valueOf(61);
    /** 9999-12-31. */
    private static final BigDecimal LAST_SERIAL = BigDecimal.valueOf(2_958_465);
    static final Pattern DAY_MONTH_YEAR = Pattern.compile("^(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})$");

    private final Messages words;

    ListCells(Messages words) {
        this.words = words;
    }

    /** A record's cell as its column's type reads it, or null with the finding that says why. */
    Object value(ListForm.Column column, SheetCell cell, String sheet, List<Finding> problems) {
        return switch (column.type()) {
            case TEXT -> cell.kind() == CellKind.NUMBER && cell.number() != null ? cell.number().toPlainString()
                    : VietnameseText.nfc(cell.text().strip());
            case NUMBER -> number(column, cell, sheet, problems);
            case DATE -> date(column, cell, sheet, problems);
        };
    }

    private BigDecimal number(ListForm.Column column, SheetCell cell, String sheet, List<Finding> problems) {
        if (cell.kind() == CellKind.NUMBER && cell.number() != null && !cell.date()) {
            return cell.number();
        }
        try {
            ParsedNumber parsed = VietnameseNumbers.parse(cell.text());
            if (!parsed.percent()) {
                return parsed.value();
            }
        } catch (NumberFormatException e) {
            // told below
        }
        problems.add(new Finding(Severity.ERROR, "LIST_NOT_A_NUMBER", sheet, cell.reference(), cell.text(),
                words.get("feedback.list.not-a-number", column.aliases().get(0), cell.text())));
        return null;
    }

    private LocalDate date(ListForm.Column column, SheetCell cell, String sheet, List<Finding> problems) {
        if (cell.kind() == CellKind.NUMBER && cell.number() != null && cell.date()
                && DateUtil.isValidExcelDate(cell.number().doubleValue())) {
            BigDecimal serial = cell.number();
            // a whole day after 1900-02-28 (the usual date cell) is that many days after 1899-12-30, as POI
            // reads it, without its LocalDateTime, BigDecimal and rounding (7% of reading a million-row list)
            if (serial.scale() == 0 && serial.compareTo(FIRST_PLAIN_SERIAL) >= 0 && serial.compareTo(LAST_SERIAL) <= 0) {
                return EXCEL_EPOCH.plusDays(serial.longValue());
            }
            return DateUtil.getLocalDateTime(serial.doubleValue()).toLocalDate();
        }
        String text = cell.text().strip();
        Matcher dmy = DAY_MONTH_YEAR.matcher(text);
        try {
            if (dmy.matches()) {
                return LocalDate.of(Integer.parseInt(dmy.group(3)), Integer.parseInt(dmy.group(2)),
                        Integer.parseInt(dmy.group(1)));
            }
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeException e) {
            problems.add(new Finding(Severity.ERROR, "LIST_NOT_A_DATE", sheet, cell.reference(), cell.text(),
                    words.get("feedback.list.not-a-date", column.aliases().get(0), cell.text())));
            return null;
        }
    }
}
