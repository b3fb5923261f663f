package vn.giaoban.text;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Objects;

/**
 * Numbers as Vietnamese offices write them ({@code 1.234,5}) while tolerating the English style
 * that spreadsheets exported on an English-locale machine produce ({@code 1,234.5}). A grouping
 * dot read as a decimal point would silently divide a figure by a thousand, so the one truly
 * ambiguous shape ({@code 1.234}) is read the Vietnamese way and flagged rather than guessed
 * silently.
 */
public final class VietnameseNumbers {

    static final String NOT_A_NUMBER = "không phải là số";

    private VietnameseNumbers() {
    }

    /**
     * Reads a number typed by a person.
     *
     * @throws NumberFormatException with a short Vietnamese message when the text is not a number
     */
    public static ParsedNumber parse(String text) {
        if (text == null) {
            throw notANumber(null);
        }
        String body = strip(text);
        boolean percent = false;
        boolean negative = false;
        if (body.endsWith("%")) {
            percent = true;
            body = strip(body.substring(0, body.length() - 1));
        }
        if (body.length() >= 2 && body.charAt(0) == '(' && body.charAt(body.length() - 1) == ')') {
            negative = true;
            body = strip(body.substring(1, body.length() - 1));
            if (!percent && body.endsWith("%")) {
                percent = true;
                body = strip(body.substring(0, body.length() - 1));
            }
        } else if (!body.isEmpty() && isSign(body.charAt(0))) {
            negative = body.charAt(0) != '+';
            body = strip(body.substring(1));
        }
        Digits digits = hasSpace(body) ? spaceGrouped(body, text) : separated(body, text);
        BigDecimal value = new BigDecimal(digits.plain()).stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        if (negative) {
            value = value.negate();
        }
        return new ParsedNumber(value, percent, digits.ambiguous());
    }

    /** Vietnamese display: {@code .} between thousands, {@code ,} before decimals, HALF_UP. */
    public static String format(BigDecimal value, int decimals) {
        return format(value, decimals, 1);
    }

    /**
     * Like {@link #format(BigDecimal, int)}, with the integer part padded with leading zeros to
     * {@code minDigits} (a month as {@code 04}); the sign stays in front of the zeros.
     */
    public static String format(BigDecimal value, int decimals, int minDigits) {
        Objects.requireNonNull(value, "value");
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals < 0: " + decimals);
        }
        BigDecimal rounded = value.setScale(decimals, RoundingMode.HALF_UP);
        String plain = rounded.abs().toPlainString();
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        if (integer.length() < minDigits) {
            integer = "0".repeat(minDigits - integer.length()) + integer;
        }
        StringBuilder out = new StringBuilder(integer.length() * 4 / 3 + fraction.length() + 2);
        if (rounded.signum() < 0) {
            out.append('-');
        }
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                out.append('.');
            }
            out.append(integer.charAt(i));
        }
        if (!fraction.isEmpty()) {
            out.append(',').append(fraction);
        }
        return out.toString();
    }

    /**
     * Vietnamese display with at most {@code maxDecimals} decimals and no trailing zeros ({@code 116,7},
     * {@code 94.533}), HALF_UP: what a chart shows beside its bars and on its axis.
     */
    public static String formatAtMost(BigDecimal value, int maxDecimals) {
        Objects.requireNonNull(value, "value");
        if (maxDecimals < 0) {
            throw new IllegalArgumentException("maxDecimals < 0: " + maxDecimals);
        }
        BigDecimal rounded = value.setScale(maxDecimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return format(rounded, Math.max(0, rounded.scale()));
    }

    /**
     * {@link #formatAtMost} as a {@link NumberFormat}, for libraries that format through one (JFreeChart's
     * axes and item labels). A {@code double} is formatted by its exact binary value, as
     * {@link java.text.DecimalFormat} does; a {@link BigDecimal} exactly. Parsing reads what
     * {@link #parse} reads.
     */
    public static NumberFormat numberFormat(int maxDecimals) {
        if (maxDecimals < 0) {
            throw new IllegalArgumentException("maxDecimals < 0: " + maxDecimals);
        }
        return new VietnameseNumberFormat(maxDecimals);
    }

    /** The adapter behind {@link #numberFormat}: every number goes through {@link #formatAtMost}. */
    private static final class VietnameseNumberFormat extends NumberFormat {

        private static final long serialVersionUID = 1L;

        private final int maxDecimals;

        VietnameseNumberFormat(int maxDecimals) {
            this.maxDecimals = maxDecimals;
            setMaximumFractionDigits(maxDecimals);
            setGroupingUsed(true);
        }

        @Override
        public StringBuffer format(Object number, StringBuffer target, FieldPosition position) {
            if (number instanceof BigDecimal decimal) {
                return target.append(formatAtMost(decimal, maxDecimals));
            }
            if (number instanceof BigInteger integer) {
                return target.append(formatAtMost(new BigDecimal(integer), maxDecimals));
            }
            return super.format(number, target, position);
        }

        @Override
        public StringBuffer format(double number, StringBuffer target, FieldPosition position) {
            if (Double.isNaN(number)) {
                return target.append("NaN");
            }
            if (Double.isInfinite(number)) {
                return target.append(number < 0 ? "-∞" : "∞");
            }
            return target.append(formatAtMost(new BigDecimal(number), maxDecimals));
        }

        @Override
        public StringBuffer format(long number, StringBuffer target, FieldPosition position) {
            return target.append(formatAtMost(BigDecimal.valueOf(number), maxDecimals));
        }

        @Override
        public Number parse(String source, ParsePosition position) {
            try {
                Number value = VietnameseNumbers.parse(source.substring(position.getIndex())).value();
                position.setIndex(source.length());
                return value;
            } catch (NumberFormatException e) {
                position.setErrorIndex(position.getIndex());
                return null;
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof VietnameseNumberFormat format && format.maxDecimals == maxDecimals;
        }

        @Override
        public int hashCode() {
            return Integer.hashCode(maxDecimals);
        }
    }

    /** Digits in {@link BigDecimal} syntax, and whether the reading was a guess. */
    private record Digits(String plain, boolean ambiguous) {
    }

    /** "94 533" or "1 234,5": spaces group thousands, so any separator left is the decimal one. */
    private static Digits spaceGrouped(String body, String original) {
        int end = body.length();
        int decimal = Math.max(body.lastIndexOf(','), body.lastIndexOf('.'));
        String fraction = "";
        if (decimal >= 0) {
            fraction = body.substring(decimal + 1);
            end = decimal;
            if (fraction.isEmpty() || !allDigits(fraction)) {
                throw notANumber(original);
            }
        }
        String[] groups = body.substring(0, end).split("[\\s\u00A0\u202F\u2007]", -1);
        checkGroups(groups, original);
        String integer = String.join("", groups);
        return new Digits(fraction.isEmpty() ? integer : integer + "." + fraction, false);
    }

    private static Digits separated(String body, String original) {
        if (body.isEmpty()) {
            throw notANumber(original);
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!isDigit(c) && c != '.' && c != ',') {
                throw notANumber(original);
            }
        }
        int dots = count(body, '.');
        int commas = count(body, ',');
        if (dots == 0 && commas == 0) {
            return new Digits(body, false);
        }
        if (dots > 0 && commas > 0) {
            // the separator that comes last is the decimal one and may appear once
            char decimal = body.lastIndexOf(',') > body.lastIndexOf('.') ? ',' : '.';
            char grouping = decimal == ',' ? '.' : ',';
            if (count(body, decimal) != 1) {
                throw notANumber(original);
            }
            int at = body.indexOf(decimal);
            String fraction = body.substring(at + 1);
            if (fraction.isEmpty()) {
                throw notANumber(original);
            }
            String[] groups = body.substring(0, at).split(grouping == '.' ? "\\." : ",", -1);
            checkGroups(groups, original);
            return new Digits(String.join("", groups) + "." + fraction, false);
        }
        char separator = dots > 0 ? '.' : ',';
        String[] parts = body.split(separator == '.' ? "\\." : ",", -1);
        if (parts.length > 2) {
            checkGroups(parts, original);
            return new Digits(String.join("", parts), false);
        }
        String integer = parts[0];
        String fraction = parts[1];
        if (fraction.isEmpty()) {
            throw notANumber(original);
        }
        boolean couldBeGrouping = fraction.length() == 3 && !integer.isEmpty() && integer.length() <= 3
                && integer.charAt(0) != '0';
        if (couldBeGrouping && separator == '.') {
            return new Digits(integer + fraction, true);
        }
        return new Digits((integer.isEmpty() ? "0" : integer) + "." + fraction, couldBeGrouping);
    }

    /** Thousands groups: the first has 1 to 3 digits, every later one exactly 3. */
    private static void checkGroups(String[] groups, String original) {
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            boolean sized = i == 0 ? !group.isEmpty() && group.length() <= 3 : group.length() == 3;
            if (!sized || !allDigits(group)) {
                throw notANumber(original);
            }
        }
    }

    private static NumberFormatException notANumber(String original) {
        return new NumberFormatException(original == null ? NOT_A_NUMBER : "\"" + original + "\" " + NOT_A_NUMBER);
    }

    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean hasSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isSpace(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSign(char c) {
        return c == '-' || c == '+' || c == '\u2212';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
