package vn.giaoban.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * An administrative unit or department. Official codes are reused after a reform (06172 was Xã Tân
 * Mỹ, then Xã Hoàng Văn Thụ), so a unit is its code and its validity: {@link #key()}.
 *
 * @param validFrom   first day of validity, null when valid since before any record
 * @param validTo     last day of validity, null while still valid
 * @param successors  the units that took it over, each with its share where known; several for a split
 */
public record Unit(String code, String name, UnitKind kind, String parentCode, LocalDate validFrom,
        LocalDate validTo, List<Succession> successors, List<String> aliases) {

    public Unit {
        successors = List.copyOf(successors);
        aliases = List.copyOf(aliases);
    }

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
