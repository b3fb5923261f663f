package vn.giaoban.catalog;

import java.util.Locale;

/** The kinds of unit of the administrative hierarchy; a department belongs to the level above it. */
public enum UnitKind {
    PROVINCE, DISTRICT, TOWN, COMMUNE, DEPARTMENT;

    /**
     * A department (Chi cục Thuế, Thanh tra huyện ...) reports the figures of the level it serves:
     * the inspectorate's 57 petitions are the district level's own, not a unit of their own.
     */
    public boolean reportsForParent() {
        return this == DEPARTMENT;
    }

    /** A unit whose figures a level's total adds up ("cấp xã"): communes and towns. */
    public boolean isLocalGovernment() {
        return this == COMMUNE || this == TOWN;
    }

    static UnitKind parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
