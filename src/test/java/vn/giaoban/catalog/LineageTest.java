package vn.giaoban.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LineageTest {

    private static final LocalDate END = LocalDate.of(2025, 6, 30);
    private static final LocalDate START = LocalDate.of(2025, 7, 1);
    private static final YearMonth LAST_YEAR = YearMonth.of(2024, 10);

    private final Unit tanMy = old("06172", "Xã Tân Mỹ", succession("06172@2025-07-01", "1"));
    private final Unit hongThai = old("06175", "Xã Hồng Thái", succession("06172@2025-07-01", "1"));
    private final Unit tanThanh = old("06166", "Xã Tân Thanh", succession("06172@2025-07-01", "0.6"),
            succession("06124@2025-07-01", "0.4"));
    private final Unit giaMien = old("06160", "Xã Gia Miễn", succession("06151@2025-07-01", null),
            succession("06124@2025-07-01", null));
    private final Unit hoiHoanOld = old("06151", "Xã Hội Hoan", succession("06151@2025-07-01", "1"));
    private final Unit hoangVanThu = fresh("06172", "Xã Hoàng Văn Thụ");
    private final Unit naSam = fresh("06124", "Xã Na Sầm");
    private final Unit hoiHoan = fresh("06151", "Xã Hội Hoan");
    private final Unit province = new Unit("20", "Tỉnh Lạng Sơn", UnitKind.PROVINCE, null, null, null, List.of(), List.of());

    private final Lineage lineage = new Lineage(new Catalog(List.of(province, tanMy, hongThai, tanThanh, giaMien,
            hoiHoanOld, hoangVanThu, naSam, hoiHoan), List.of(), List.of(), List.of(), List.of()));

    private final Indicator received = indicator("DT_TIEP_NHAN", ValueType.COUNT);

    private final Map<Unit, BigDecimal> lastYear = Map.of(tanMy, BigDecimal.valueOf(8), hongThai, BigDecimal.valueOf(5),
            tanThanh, BigDecimal.valueOf(10), giaMien, BigDecimal.valueOf(6), hoiHoanOld, BigDecimal.valueOf(12),
            province, BigDecimal.valueOf(100));

    @Test
    void aMergedCommunesFigureLastYearIsTheSumOfItsPredecessorsTimesTheirShares() {
        Lineage.Earlier earlier = lineage.earlier(hoangVanThu, received, LAST_YEAR, this::value);

        // Tân Mỹ 8 + Hồng Thái 5 + 60% of Tân Thanh's 10
        assertThat(earlier.value()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("19"));
        assertThat(earlier.fromPredecessors()).isTrue();
        assertThat(earlier.parts()).extracting(p -> p.unit().name())
                .containsExactlyInAnyOrder("Xã Tân Mỹ", "Xã Hồng Thái", "Xã Tân Thanh");
        assertThat(Lineage.explanation(earlier, received)).startsWith("tính theo các xã cũ hợp nhất: ")
                .contains("xã Tân Mỹ 8").contains("60% của xã Tân Thanh 10");
    }

    @Test
    void aShareThatIsNotKnownMakesTheComparisonNotComparableWithTheReasonNeverZero() {
        Lineage.Earlier earlier = lineage.earlier(hoiHoan, received, LAST_YEAR, this::value);

        assertThat(earlier.comparable()).isFalse();
        assertThat(earlier.value()).isEmpty();
        assertThat(earlier.notComparable()).isEqualTo("chưa biết tỷ lệ phần của xã Gia Miễn chuyển về xã Hội Hoan");
    }

    @Test
    void aPredecessorWithoutAFigureMakesTheComparisonNotComparable() {
        Lineage.Earlier earlier = lineage.earlier(hoangVanThu, received, LAST_YEAR,
                unit -> unit.equals(hongThai) ? Optional.empty() : value(unit));

        assertThat(earlier.value()).isEmpty();
        assertThat(earlier.notComparable()).isEqualTo("xã Hồng Thái chưa có số liệu tháng 10/2024");
    }

    @Test
    void aStatusIsNeverSummedOverPredecessors() {
        Lineage.Earlier earlier = lineage.earlier(hoangVanThu, indicator("NTM_TC_01", ValueType.STATUS), LAST_YEAR,
                this::value);

        assertThat(earlier.value()).isEmpty();
        assertThat(earlier.notComparable()).contains("không cộng được");
    }

    @Test
    void aUnitThatExistedLastYearIsComparedWithItselfNotWithAnotherUnitThatCarriedItsCode() {
        assertThat(lineage.earlier(province, received, LAST_YEAR, this::value).value())
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("100"));
        assertThat(lineage.earlier(province, received, LAST_YEAR, this::value).fromPredecessors()).isFalse();
        // 06172 last year was Xã Tân Mỹ: Hoàng Văn Thụ's past is its three predecessors, not that code alone
        assertThat(lineage.origins(hoangVanThu, LAST_YEAR)).extracting(o -> o.unit().key())
                .containsExactlyInAnyOrder("06172@-", "06175@-", "06166@-");
    }

    @Test
    void aFractionalEstimateKeepsADecimalSoItDoesNotPassForACount() {
        Lineage.Earlier earlier = lineage.earlier(naSam, received, LAST_YEAR,
                unit -> unit.equals(giaMien) ? Optional.empty() : value(unit));

        // 40% of Tân Thanh's 10 is 4, but Gia Miễn's share is unknown
        assertThat(earlier.value()).isEmpty();
        assertThat(Lineage.figure(new BigDecimal("3.6"), received)).isEqualTo("3,6");
        assertThat(Lineage.figure(new BigDecimal("4.0"), received)).isEqualTo("4");
    }

    private Optional<BigDecimal> value(Unit unit) {
        return Optional.ofNullable(lastYear.get(unit));
    }

    private static Unit old(String code, String name, Succession... successors) {
        return new Unit(code, name, UnitKind.COMMUNE, "182", null, END, List.of(successors), List.of());
    }

    private static Unit fresh(String code, String name) {
        return new Unit(code, name, UnitKind.COMMUNE, "20", START, null, List.of(), List.of());
    }

    private static Succession succession(String key, String share) {
        return new Succession(key, share == null ? null : new BigDecimal(share));
    }

    private static Indicator indicator(String code, ValueType type) {
        return new Indicator(code, code, "đơn thư tiếp nhận", "đơn", type, Rollup.OWN_PLUS_CHILDREN, Polarity.NEUTRAL,
                0, 1, 1, List.of());
    }
}
