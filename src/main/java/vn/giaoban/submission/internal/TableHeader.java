package vn.giaoban.submission.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import vn.giaoban.catalog.ColumnRole;

/**
 * The header of a table, found by its titles wherever it stands: which column holds which role.
 *
 * @param sheet      the sheet it is on
 * @param lastRow    the header's last row (the data start below it)
 * @param columns    column index to role
 * @param titles     column index to the heading as written (both rows of a two-row header joined)
 */
record TableHeader(String sheet, int lastRow, Map<Integer, ColumnRole> columns, Map<Integer, String> titles) {

    public Optional<Integer> column(ColumnRole role) {
        return columns.entrySet().stream().filter(e -> e.getValue() == role).map(Map.Entry::getKey).findFirst();
    }

    /** Columns that carry values, in column order. */
    public Map<Integer, ColumnRole> valueColumns() {
        Map<Integer, ColumnRole> values = new LinkedHashMap<>();
        new TreeMap<>(columns).forEach((column, role) -> {
            if (role.carriesValues()) {
                values.put(column, role);
            }
        });
        return values;
    }
}
