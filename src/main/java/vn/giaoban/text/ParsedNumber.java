package vn.giaoban.text;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number read from text a person typed.
 *
 * @param value     the number as written ({@code 116,71%} is 116.71, not 1.1671)
 * @param percent   the text ended with {@code %}, so the caller decides whether the column wants
 *                  a ratio or the figure itself
 * @param ambiguous one separator followed by exactly three digits ({@code 1.234}, {@code 1,234}):
 *                  read the Vietnamese way, but an English-style writer meant the other reading,
 *                  so the caller may want to warn
 */
public record ParsedNumber(BigDecimal value, boolean percent, boolean ambiguous) {

    public ParsedNumber {
        Objects.requireNonNull(value, "value");
    }
}
