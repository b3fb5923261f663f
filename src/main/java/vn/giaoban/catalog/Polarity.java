package vn.giaoban.catalog;

/** Whether more of an indicator is good news: more revenue is, more crime is not. */
public enum Polarity {
    HIGHER_IS_BETTER, LOWER_IS_BETTER, NEUTRAL;

    /** True when going from {@code before} to {@code after} is a change for the worse. */
    public boolean worsened(int comparison) {
        return this == HIGHER_IS_BETTER ? comparison < 0 : this == LOWER_IS_BETTER && comparison > 0;
    }
}
