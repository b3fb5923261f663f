package vn.giaoban.catalog;

/** One way people title a column; the catalog lists them in the order they are tried. */
public record Heading(ColumnRole role, String alias) {
}
