package vn.giaoban.briefing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

import vn.giaoban.catalog.Indicator;
import vn.giaoban.text.VietnameseNumbers;

/** How the notice writes its figures, percentages and months: "94.533", "116,71", "10/2022". */
final class NoticeFigures {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private NoticeFigures() {
    }

    static String fraction(BigDecimal part, BigDecimal whole, Indicator indicator) {
        return VietnameseNumbers.format(part, indicator.decimals()) + "/"
                + VietnameseNumbers.format(whole, indicator.decimals());
    }

    static String figure(BigDecimal value, Indicator indicator) {
        return VietnameseNumbers.format(value, indicator.decimals(), indicator.minDigits());
    }

    static BigDecimal ratio(BigDecimal part, BigDecimal whole, int decimals) {
        return part.multiply(HUNDRED).divide(whole, decimals, RoundingMode.HALF_UP);
    }

    static String percent(BigDecimal part, BigDecimal whole, int decimals) {
        return whole.signum() == 0 ? "—" : VietnameseNumbers.format(ratio(part, whole, decimals), decimals);
    }

    static String month(YearMonth period) {
        return String.format("%02d/%d", period.getMonthValue(), period.getYear());
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
