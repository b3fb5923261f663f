package vn.giaoban.briefing;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The date as Decree 30/2020/NĐ-CP writes it under the motto: "ngày 27 tháng 10 năm 2022".
 * Days below 10 and the months January and February take a leading zero ("ngày 05 tháng 02 năm
 * 2023"); the other months do not ("tháng 3", "tháng 10").
 */
public final class AdministrativeDate {

    private AdministrativeDate() {
    }

    /** "ngày 27 tháng 10 năm 2022" */
    public static String format(LocalDate date) {
        Objects.requireNonNull(date, "date");
        int day = date.getDayOfMonth();
        int month = date.getMonthValue();
        String dd = day < 10 ? "0" + day : Integer.toString(day);
        String mm = month <= 2 ? "0" + month : Integer.toString(month);
        return "ngày " + dd + " tháng " + mm + " năm " + date.getYear();
    }

    /** "Văn Lãng, ngày 27 tháng 10 năm 2022" */
    public static String placeAndDate(String place, LocalDate date) {
        String formatted = format(date);
        return place == null || place.isBlank() ? formatted : place.strip() + ", " + formatted;
    }
}
