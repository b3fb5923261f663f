package vn.giaoban.submission.internal.table;

/** A source that knows its cells' fonts, and converts the text of those drawn with an old Vietnamese font itself. */
interface LegacyFonts {

    /** Some cell style's font is an old Vietnamese one ({@code .VnTime}, {@code VNI-Times}). */
    boolean hasLegacyFonts();
}
