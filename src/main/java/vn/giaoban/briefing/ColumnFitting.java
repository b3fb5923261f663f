package vn.giaoban.briefing;

import java.util.Arrays;

/**
 * How the annex tables of the PDF ({@link AnnexTableLayout}, in points) and of the DOCX
 * ({@link DocxAnnex}, in twips) share the text width among their columns, as a browser's automatic
 * table layout does. Each renderer measures its columns in its own unit: what a column needs (its
 * longest word or figure, which must never break) and what it wants (its longest line); this class
 * decides the widths from those two measures alone, so both documents give a column the same share.
 */
final class ColumnFitting {

    private ColumnFitting() {
    }

    /**
     * Widths summing to {@code total}: when every column gets what it wants, the spare width goes in
     * proportion to the wants; otherwise every column gets what it needs and the rest goes to the
     * columns that would wrap, in proportion to how much they would like to grow; when not even the
     * needs fit, they shrink in proportion.
     *
     * @param needed what each column needs, in the caller's unit
     * @param wanted what each column wants, at least what it needs
     */
    static double[] share(double[] needed, double[] wanted, double total) {
        int columns = needed.length;
        double neededTotal = Arrays.stream(needed).sum();
        double wantedTotal = Arrays.stream(wanted).sum();
        double[] width = new double[columns];
        for (int c = 0; c < columns; c++) {
            if (wantedTotal <= total) {
                width[c] = wanted[c] * total / wantedTotal;
            } else if (neededTotal < total) {
                width[c] = needed[c] + (total - neededTotal) * (wanted[c] - needed[c]) / (wantedTotal - neededTotal);
            } else {
                width[c] = needed[c] * total / neededTotal;
            }
        }
        return width;
    }

    /**
     * Whole points for a JasperReports layout: each width rounded down (at least 1), the widest column
     * taking what the rounding left over, so that the columns fill {@code total} exactly.
     */
    static int[] roundDown(double[] widths, int total) {
        int[] rounded = new int[widths.length];
        int sum = 0;
        int widest = 0;
        for (int c = 0; c < widths.length; c++) {
            rounded[c] = Math.max(1, (int) Math.floor(widths[c]));
            sum += rounded[c];
            if (rounded[c] > rounded[widest]) {
                widest = c;
            }
        }
        rounded[widest] += total - sum;
        return rounded;
    }

    /**
     * Whole twips for a Word table grid: each width rounded to the nearest, the last column taking what
     * is left, so that the columns fill {@code total} exactly.
     */
    static int[] roundNearest(double[] widths, int total) {
        int[] rounded = new int[widths.length];
        int used = 0;
        for (int c = 0; c < widths.length; c++) {
            rounded[c] = c == widths.length - 1 ? total - used : (int) Math.round(widths[c]);
            used += rounded[c];
        }
        return rounded;
    }
}
