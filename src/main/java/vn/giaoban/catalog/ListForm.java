package vn.giaoban.catalog;

import java.util.List;

/**
 * A form whose rows are records (the petitions received, the traffic accidents), not indicators:
 * its columns are found by their headings, and catalog rules turn its rows into indicator values
 * (a count, or a sum of a column, of the rows a filter keeps).
 */
public record ListForm(String formCode, List<Column> columns, List<Aggregation> aggregations) {

    /** The kind of value a column holds, which decides how a cell is read. */
    public enum ColumnType {
        DATE, NUMBER, TEXT
    }

    /**
     * @param code     the name rules use for the column (NGAY_NHAN)
     * @param required whether a list without this column is refused
     * @param aliases  the headings people write for it ("Ngày tiếp nhận", "Ngày nhận đơn")
     */
    public record Column(String code, ColumnType type, boolean required, List<String> aliases) {
    }

    public enum Function {
        COUNT, SUM
    }

    /**
     * @param column the column summed (SUM only)
     * @param filter a SpEL boolean over the row's columns by code and the period ({@code #periodStart},
     *               {@code #periodEnd}, {@code #yearStart}); empty keeps every row
     */
    public record Aggregation(String indicator, Measure measure, Function function, String column, String filter) {
    }

    public Column column(String code) {
        return columns.stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown column " + code + " of list form " + formCode));
    }
}
