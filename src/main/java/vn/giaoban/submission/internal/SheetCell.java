package vn.giaoban.submission.internal;

import java.math.BigDecimal;

/**
 * One non-empty cell.
 *
 * @param column    0-based column index
 * @param reference the cell's address as a person reads it, e.g. {@code F12}
 * @param kind      what the file says the cell holds
 * @param text      NFC text for TEXT and ERROR ({@code #DIV/0!}), "TRUE"/"FALSE" for BOOLEAN,
 *                  the number as written in the file for NUMBER
 * @param number    the exact value of a NUMBER cell (formulas: their cached value), else null
 * @param date      true when a NUMBER cell is styled as a date (the number is an Excel serial)
 */
public record SheetCell(int column, String reference, CellKind kind, String text, BigDecimal number, boolean date) {
}
