package vn.giaoban.catalog;

import java.util.List;

/**
 * An indicator of the catalog. Its code is the stable contract of the forms; names and aliases grow.
 *
 * @param shortName       how a sentence names it: "Tổng thu NSNN trên địa bàn", "PPHS"
 * @param decimals        decimals shown for its figures (and above which "1.234" is ambiguous)
 * @param percentDecimals decimals of the percentages computed from it (116,71% is 2, 90,1% is 1)
 * @param minDigits       the integer digits its counts are written with ("04 vụ" is 2)
 */
public record Indicator(String code, String name, String shortName, String unitOfMeasure, ValueType valueType, Rollup rollup,
        Polarity polarity, int decimals, int percentDecimals, int minDigits, List<String> aliases) {
}
