package vn.giaoban.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * An administrative unit or department. Official codes are reused after a reform (06172 was Xã Tân
 * Mỹ, then Xã Hoàng Văn Thụ), so a unit is its code and its validity: {@link #key()}.
 *
 * @param validFrom   first day of validity, null when valid since before any record
 * @param validTo     last day of validity, null while still valid
 * @param successors  keys ({@code code@yyyy-MM-dd}) of the units that took it over; several for a split
 */
public record Unit(String code, String name, UnitKind kind, String parentCode, LocalDate validFrom,
        LocalDate validTo, List<String> successors, List<String> aliases) {

    public static String key(String code, LocalDate validFrom) {
        return code + "@" + (validFrom == null ? "-" : validFrom.toString());
    }

    public String key() {
        return key(code, validFrom);
    }

    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    /** The name as it stands inside a sentence: "xã Trùng Khánh", "thị trấn Na Sầm". */
    public String nameInSentence() {
        if (kind == UnitKind.DEPARTMENT || name.isEmpty()) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
