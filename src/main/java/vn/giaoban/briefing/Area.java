package vn.giaoban.briefing;

import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Unit;

/**
 * The units an office's notice speaks of in a period: its own unit, its departments and every unit below it, by
 * key. A commune's notice never tells another commune's free text, criteria or discrepancies.
 */
record Area(Set<String> keys) {

    static Area of(Catalog catalog, Unit office, YearMonth period) {
        Set<String> keys = new HashSet<>();
        Deque<Unit> pending = new ArrayDeque<>();
        pending.add(office);
        while (!pending.isEmpty()) {
            Unit unit = pending.pop();
            if (keys.add(unit.key())) {
                pending.addAll(catalog.children(unit, period));
            }
        }
        return new Area(Set.copyOf(keys));
    }

    boolean contains(String unitKey) {
        return keys.contains(unitKey);
    }

    /** Whether any unit of the area has a figure of the period ({@code withData}: the keys that have one). */
    boolean hasData(Set<String> withData) {
        return keys.stream().anyMatch(withData::contains);
    }
}
