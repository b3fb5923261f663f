package vn.giaoban.submission.internal.table;

import java.util.List;
import java.util.Optional;

/**
 * One row that has at least one non-empty cell.
 *
 * @param sheet  the sheet's name (a CSV file is one sheet named after the file)
 * @param number 1-based row number, as Excel shows it
 * @param hidden the row, or its whole sheet, is hidden
 * @param cells  the non-empty cells, in column order
 */
public record SheetRow(String sheet, int number, boolean hidden, List<SheetCell> cells) {

    public Optional<SheetCell> cell(int column) {
        for (SheetCell cell : cells) {
            if (cell.column() == column) {
                return Optional.of(cell);
            }
            if (cell.column() > column) {
                break;
            }
        }
        return Optional.empty();
    }
}
