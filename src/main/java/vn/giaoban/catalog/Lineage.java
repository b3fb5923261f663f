package vn.giaoban.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import vn.giaoban.text.VietnameseNumbers;

/**
 * What a unit was in an earlier period: itself when it already existed, otherwise the units it took
 * over, each with the share of it that went into this one. The one place where "same period last
 * year" crosses a reform, for the notice and its annex alike: a merged commune's figure a year ago
 * is the sum of its predecessors' figures, each times its share; a share that is not known, or a
 * predecessor's figure that is missing, makes the comparison not comparable, never a silent zero.
 */
public final class Lineage {

    /** More steps than any reform history needs; guards against a cycle a hand-edited catalog might hold. */
    private static final int MAX_DEPTH = 16;

    private final Catalog catalog;

    public Lineage(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * A unit of the earlier period that is part of today's unit.
     *
     * @param share   the part of it that went into today's unit, along the whole chain; null when not known
     * @param through the unit it went into where the share is not known (for the reason given)
     */
    public record Origin(Unit unit, BigDecimal share, Unit through) {
    }

    /**
     * One predecessor's part of an earlier figure.
     *
     * @param value the predecessor's own figure, null when it has none
     */
    public record Part(Unit unit, BigDecimal share, BigDecimal value) {

        /** Its contribution, when both its share and its figure are known. */
        public Optional<BigDecimal> contribution() {
            return share == null || value == null ? Optional.empty() : Optional.of(value.multiply(share));
        }
    }

    /**
     * A unit's figure for an earlier period.
     *
     * @param value         the figure, absent when there is none to compare with
     * @param parts         the predecessors it was summed from; empty when it is the unit's own figure
     * @param notComparable why there is no figure, in Vietnamese, when a comparison would need one that is
     *                      not known (a share, a predecessor's figure); null otherwise
     */
    public record Earlier(Optional<BigDecimal> value, List<Part> parts, String notComparable) {

        public Earlier {
            parts = List.copyOf(parts);
        }

        public boolean fromPredecessors() {
            return !parts.isEmpty();
        }

        public boolean comparable() {
            return value.isPresent();
        }
    }

    /** The units that, in the earlier period, were what {@code unit} is now. Empty when it has no past there. */
    public List<Origin> origins(Unit unit, YearMonth earlier) {
        List<Origin> origins = new ArrayList<>();
        collect(unit, earlier.atEndOfMonth(), BigDecimal.ONE, null, origins, 0);
        return origins;
    }

    private void collect(Unit unit, LocalDate day, BigDecimal share, Unit through, List<Origin> origins, int depth) {
        if (unit.validOn(day)) {
            origins.add(new Origin(unit, share, through));
            return;
        }
        if (depth >= MAX_DEPTH) {
            throw new IllegalStateException("The succession of " + unit.key() + " goes back more than " + MAX_DEPTH
                    + " steps: a cycle in the catalog?");
        }
        catalog.predecessors(unit).forEach((predecessor, succession) -> {
            boolean known = share != null && succession.shareKnown();
            collect(predecessor, day, known ? share.multiply(succession.share()) : null,
                    known ? through : through != null ? through : unit, origins, depth + 1);
        });
    }

    /**
     * The unit's figure of an indicator in the earlier period, from its own value when it existed
     * then, otherwise from its predecessors'.
     *
     * @param valueOf a unit's figure in the earlier period, as the caller stores it
     */
    public Earlier earlier(Unit unit, Indicator indicator, YearMonth earlier,
            Function<Unit, Optional<BigDecimal>> valueOf) {
        String month = String.format("%02d/%d", earlier.getMonthValue(), earlier.getYear());
        if (unit.validOn(earlier.atEndOfMonth())) {
            Optional<BigDecimal> own = valueOf.apply(unit);
            return new Earlier(own, List.of(), own.isPresent() ? null : "chưa có số liệu tháng " + month);
        }
        List<Origin> origins = origins(unit, earlier);
        if (origins.isEmpty()) {
            return new Earlier(Optional.empty(), List.of(), sentenceName(unit) + " chưa được thành lập trong tháng "
                    + month + " và không có đơn vị tiền thân trong danh mục");
        }
        List<Part> parts = origins.stream()
                .map(o -> new Part(o.unit(), o.share(), valueOf.apply(o.unit()).orElse(null))).toList();
        if (!indicator.valueType().isNumeric()) {
            return new Earlier(Optional.empty(), parts, "chỉ tiêu " + indicator.shortName()
                    + " không cộng được từ số liệu của các đơn vị cũ");
        }
        Set<String> reasons = new LinkedHashSet<>();
        for (Origin origin : origins) {
            if (origin.share() == null) {
                reasons.add("chưa biết tỷ lệ phần của " + sentenceName(origin.unit()) + " chuyển về "
                        + sentenceName(origin.through()));
            }
        }
        for (Part part : parts) {
            if (part.value() == null) {
                reasons.add(sentenceName(part.unit()) + " chưa có số liệu tháng " + month);
            }
        }
        if (!reasons.isEmpty()) {
            return new Earlier(Optional.empty(), parts, String.join("; ", reasons));
        }
        BigDecimal sum = parts.stream().map(p -> p.contribution().orElseThrow()).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Earlier(Optional.of(sum), parts, null);
    }

    /**
     * How the notice says where an earlier figure comes from: "tính theo các xã cũ hợp nhất: xã
     * Trùng Khánh 9, xã Thụy Hùng 5, 60% của xã Tân Thanh 10"; empty for a unit's own figure.
     */
    public static String explanation(Earlier earlier, Indicator indicator) {
        if (!earlier.fromPredecessors()) {
            return "";
        }
        boolean communes = earlier.parts().stream().allMatch(p -> p.unit().kind() == UnitKind.COMMUNE);
        List<String> parts = new ArrayList<>();
        for (Part part : earlier.parts()) {
            StringBuilder text = new StringBuilder();
            if (part.share() != null && part.share().compareTo(BigDecimal.ONE) != 0) {
                text.append(VietnameseNumbers.format(part.share().movePointRight(2), 0)).append("% của ");
            } else if (part.share() == null) {
                text.append("một phần chưa rõ tỷ lệ của ");
            }
            text.append(sentenceName(part.unit()));
            if (part.value() != null) {
                text.append(' ').append(figure(part.value(), indicator));
            }
            parts.add(text.toString());
        }
        return "tính theo các " + (communes ? "xã" : "xã, thị trấn") + " cũ hợp nhất: " + String.join(", ", parts);
    }

    /**
     * A figure in the indicator's format; a sum over shares that is not whole at that precision keeps
     * one more decimal, so an estimate does not pass for a count.
     */
    public static String figure(BigDecimal value, Indicator indicator) {
        if (value.stripTrailingZeros().scale() > indicator.decimals()) {
            return VietnameseNumbers.format(value, indicator.decimals() + 1);
        }
        return VietnameseNumbers.format(value, indicator.decimals(), indicator.minDigits());
    }

    private static String sentenceName(Unit unit) {
        return unit.nameInSentence();
    }
}
