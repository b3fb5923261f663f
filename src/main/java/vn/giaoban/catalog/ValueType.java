package vn.giaoban.catalog;

/** What an indicator's value is: a figure, a status such as đạt / chưa đạt, or free text. */
public enum ValueType {
    NUMBER, STATUS, TEXT
}
