package vn.giaoban.catalog;

import java.math.BigDecimal;

/**
 * One unit taking over all or part of another: the 2025 reform merged communes and split some in
 * parts between several new ones.
 *
 * @param successorKey the key ({@code code@yyyy-MM-dd}) of the unit that took it over
 * @param share        the part of the predecessor that went to it, in (0, 1]; null when not known
 */
public record Succession(String successorKey, BigDecimal share) {

    public boolean shareKnown() {
        return share != null;
    }
}
