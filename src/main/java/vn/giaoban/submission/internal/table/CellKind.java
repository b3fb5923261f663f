package vn.giaoban.submission.internal.table;

/** What a spreadsheet cell holds, as its file says it, before any interpretation. */
public enum CellKind {
    NUMBER, TEXT, BOOLEAN, ERROR
}
