package vn.giaoban.catalog;

/** What an indicator's value is: an amount, a count, a status such as đạt / chưa đạt, or free text. */
public enum ValueType {
    /** an amount that may have decimals (triệu đồng) */
    NUMBER,
    /** a whole number of things (đơn, vụ, người): never negative, never fractional */
    COUNT,
    STATUS,
    TEXT;

    public boolean isNumeric() {
        return this == NUMBER || this == COUNT;
    }
}
