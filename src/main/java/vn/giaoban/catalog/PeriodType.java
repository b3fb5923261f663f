package vn.giaoban.catalog;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * How often a form is due (Decree 09/2019/NĐ-CP has monthly, quarterly, half-yearly and yearly reports).
 * A report longer than a month is filed under the last month of its period: the Q4 2022 report is the
 * report of period 2022-12, due in December and expected only then.
 */
public enum PeriodType {
    MONTH(1, "tháng"),
    QUARTER(3, "quý"),
    HALF_YEAR(6, "6 tháng"),
    YEAR(12, "năm");

    private final int months;
    private final String label;

    PeriodType(int months, String label) {
        this.months = months;
        this.label = label;
    }

    public int months() {
        return months;
    }

    /** "tháng", "quý", "6 tháng", "năm": as the office says it. */
    public String label() {
        return label;
    }

    /** Whether {@code period} is the last month of one of these periods: the month the report is due. */
    public boolean endsIn(YearMonth period) {
        return period.getMonthValue() % months == 0;
    }

    /** The first month of the period that ends in {@code lastMonth}. */
    public YearMonth firstMonth(YearMonth lastMonth) {
        return lastMonth.minusMonths(months - 1L);
    }

    /** The report's period as the office writes it: "tháng 10/2022", "quý IV/2022", "6 tháng đầu năm 2022", "năm 2022". */
    public String describe(YearMonth lastMonth) {
        int year = lastMonth.getYear();
        return switch (this) {
            case MONTH -> String.format("tháng %02d/%d", lastMonth.getMonthValue(), year);
            case QUARTER -> "quý " + List.of("I", "II", "III", "IV").get((lastMonth.getMonthValue() - 1) / 3) + "/" + year;
            case HALF_YEAR -> (lastMonth.getMonthValue() <= 6 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year;
            case YEAR -> "năm " + year;
        };
    }

    /** @throws IllegalArgumentException with a Vietnamese message naming the accepted values */
    public static PeriodType parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("loại kỳ báo cáo không hợp lệ '" + text
                    + "' (cần MONTH, QUARTER, HALF_YEAR hoặc YEAR)");
        }
    }
}
