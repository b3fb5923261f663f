package vn.giaoban.submission.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import vn.giaoban.catalog.ColumnRole;
import vn.giaoban.submission.internal.table.CellKind;
import vn.giaoban.submission.internal.table.SheetCell;
import vn.giaoban.submission.internal.table.SheetRow;
import vn.giaoban.text.VietnameseNumbers;

/**
 * Finds a table's header among the rows of a sheet, by its titles: a row naming the indicator
 * (by code or by name) and at least one column of values. A header often spans two rows, the
 * upper one merged over the lower ("Giải ngân" over "Tháng 10" | "Lũy kế"): a merged cell's text
 * stands in its first column only, so a lower heading takes the nearest upper text to its left.
 */
final class HeaderDetector {

    private final HeadingMatcher matcher;

    public HeaderDetector(HeadingMatcher matcher) {
        this.matcher = matcher;
    }

    /**
     * The headings of {@code row} if it names the indicator column ("Chỉ tiêu", "Mã số"): the row
     * is then the header, or the upper half of one.
     */
    public Optional<Map<Integer, String>> namingRow(SheetRow row) {
        Map<Integer, String> titles = new TreeMap<>();
        boolean names = false;
        for (SheetCell cell : row.cells()) {
            if (cell.kind() == CellKind.TEXT && !looksNumeric(cell.text())) {
                titles.put(cell.column(), cell.text());
                ColumnRole role = matcher.role(cell.text()).orElse(null);
                names |= role == ColumnRole.NAME || role == ColumnRole.CODE;
            }
        }
        return names ? Optional.of(titles) : Optional.empty();
    }

    /**
     * The header spanning {@code upper} and {@code lower} if the lower row is a sub-header: text
     * only, with at least one heading that names a measure, and no indicator heading of its own.
     */
    public Optional<TableHeader> twoRows(SheetRow upper, Map<Integer, String> upperTitles, SheetRow lower) {
        if (lower.number() != upper.number() + 1) {
            return Optional.empty();
        }
        boolean measureBelow = false;
        for (SheetCell cell : lower.cells()) {
            if (cell.kind() != CellKind.TEXT || looksNumeric(cell.text())) {
                return Optional.empty();
            }
            Optional<ColumnRole> role = matcher.role(cell.text());
            if (role.isPresent() && (role.get() == ColumnRole.CODE || role.get() == ColumnRole.NAME)) {
                return Optional.empty();
            }
            measureBelow |= role.map(ColumnRole::carriesValues).orElse(false);
        }
        if (!measureBelow) {
            return Optional.empty();
        }
        Map<Integer, String> titles = new TreeMap<>(upperTitles);
        for (SheetCell cell : lower.cells()) {
            String above = nearestLeft(upperTitles, cell.column());
            titles.put(cell.column(), above == null ? cell.text() : above + " " + cell.text());
        }
        return header(lower.sheet(), lower.number(), titles);
    }

    /** The header these headings make: one naming the indicator and at least one column of values. */
    public Optional<TableHeader> header(String sheet, int lastRow, Map<Integer, String> titles) {
        Map<Integer, ColumnRole> columns = new HashMap<>();
        Map<ColumnRole, Integer> seen = new HashMap<>();
        for (Map.Entry<Integer, String> title : titles.entrySet()) {
            matcher.role(title.getValue()).ifPresent(role -> {
                // the first column of a role counts: a second "Dự toán" column is read as text, not as a value
                if (seen.putIfAbsent(role, title.getKey()) == null) {
                    columns.put(title.getKey(), role);
                }
            });
        }
        boolean names = seen.containsKey(ColumnRole.NAME) || seen.containsKey(ColumnRole.CODE);
        boolean values = seen.keySet().stream().anyMatch(ColumnRole::carriesValues);
        return names && values ? Optional.of(new TableHeader(sheet, lastRow, columns, titles)) : Optional.empty();
    }

    private static String nearestLeft(Map<Integer, String> titles, int column) {
        String text = null;
        for (Map.Entry<Integer, String> title : titles.entrySet()) {
            if (title.getKey() > column) {
                break;
            }
            text = title.getValue();
        }
        return text;
    }

    static boolean looksNumeric(String text) {
        try {
            VietnameseNumbers.parse(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
