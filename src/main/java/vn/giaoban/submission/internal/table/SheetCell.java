package vn.giaoban.submission.internal.table;

import java.math.BigDecimal;
import java.util.Objects;
import vn.giaoban.text.LegacyVietnamese.Encoding;

/**
 * One non-empty cell. Its address is written out only when asked for (a finding names it): a list
 * of a million rows would otherwise build seven million strings that nobody reads.
 */
public final class SheetCell {

    private final int column;
    private final int row;
    private final CellKind kind;
    private final String text;
    private final BigDecimal number;
    private final boolean date;
    /** The old font encoding the text was converted from, or null (fits the object's padding: no cost per cell). */
    private final Encoding convertedFrom;

    /**
     * @param column 0-based column index
     * @param row    1-based row number, as Excel shows it
     * @param kind   what the file says the cell holds
     * @param text   NFC text for TEXT and ERROR ({@code #DIV/0!}), "TRUE"/"FALSE" for BOOLEAN,
     *               the number as written in the file for NUMBER
     * @param number the exact value of a NUMBER cell (formulas: their cached value), else null
     * @param date   true when a NUMBER cell is styled as a date (the number is an Excel serial)
     */
    public SheetCell(int column, int row, CellKind kind, String text, BigDecimal number, boolean date) {
        this(column, row, kind, text, number, date, null);
    }

    /** A TEXT cell whose text was typed in an old Vietnamese font encoding, converted to Unicode. */
    SheetCell(int column, int row, CellKind kind, String text, BigDecimal number, boolean date, Encoding convertedFrom) {
        this.column = column;
        this.row = row;
        this.kind = kind;
        this.text = text;
        this.number = number;
        this.date = date;
        this.convertedFrom = convertedFrom;
    }

    /** The same cell with its text converted from {@code encoding}. */
    SheetCell converted(String unicode, Encoding encoding) {
        return new SheetCell(column, row, kind, unicode, number, date, encoding);
    }

    /** The old font encoding ({@code .VnTime}, {@code VNI-Times}) the text was converted from, or null. */
    public Encoding convertedFrom() {
        return convertedFrom;
    }

    int row() {
        return row;
    }

    public int column() {
        return column;
    }

    /** The cell's address as a person reads it, e.g. {@code F12}. */
    public String reference() {
        return TableSources.columnName(column) + row;
    }

    public CellKind kind() {
        return kind;
    }

    public String text() {
        return text;
    }

    public BigDecimal number() {
        return number;
    }

    public boolean date() {
        return date;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SheetCell cell && cell.column == column && cell.row == row && cell.kind == kind
                && Objects.equals(cell.text, text) && Objects.equals(cell.number, number) && cell.date == date;
    }

    @Override
    public int hashCode() {
        return Objects.hash(column, row, kind, text, number, date);
    }

    @Override
    public String toString() {
        return "SheetCell[" + reference() + ", " + kind + ", " + text + (date ? ", date" : "") + "]";
    }
}
