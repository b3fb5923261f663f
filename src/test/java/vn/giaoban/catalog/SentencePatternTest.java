package vn.giaoban.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The wording of briefing.csv: slots, lists and what is left out when the figures have nothing to say. */
class SentencePatternTest {

    private static final SentencePattern CRITERIA = SentencePattern.parse("Xây dựng NTM {unit_name}: có {met}/{total}"
            + " tiêu chí đã đạt[ gồm: {met_list|-}].[ Có {unmet}/{total} tiêu chí chưa đạt ({unmet_list|-}).]");

    @Test
    void slotsAreFilledAndAListIsJoinedByItsSeparator() {
        Map<String, Object> slots = new HashMap<>(Map.of("unit_name", "xã Trùng Khánh", "met", "14", "total", "19",
                "met_list", List.of("1", "2", "3"), "unmet", "5", "unmet_list", List.of("5", "6", "8", "17", "19")));

        assertThat(CRITERIA.fill(slots)).contains("Xây dựng NTM xã Trùng Khánh: có 14/19 tiêu chí đã đạt gồm: 1-2-3."
                + " Có 5/19 tiêu chí chưa đạt (5-6-8-17-19).");
        assertThat(CRITERIA.slots()).containsExactly("unit_name", "met", "total", "met_list", "unmet", "unmet_list");
    }

    @Test
    void aBracketWithASlotThatHasNothingToSayIsLeftOut() {
        Map<String, Object> slots = new HashMap<>(Map.of("unit_name", "xã Tân Mỹ", "met", "0", "total", "19",
                "met_list", List.of(), "unmet_list", List.of("1")));

        assertThat(CRITERIA.fill(slots)).contains("Xây dựng NTM xã Tân Mỹ: có 0/19 tiêu chí đã đạt.");
    }

    @Test
    void aSlotOutsideBracketsWithNothingToSayLeavesOutTheSentence() {
        assertThat(CRITERIA.fill(Map.of("met", "14", "total", "19"))).isEmpty();
    }

    @Test
    void theFirstAlternativeThatCanBeSaidIsSaid() {
        SentencePattern attainment = SentencePattern.parse("{Indicator} [đến ngày {as_of}|lũy kế đến tháng {period}]"
                + " được {value}[ {uom}].");

        assertThat(attainment.fill(Map.of("Indicator", "Tổng thu", "as_of", "23/10/2022", "period", "10/2022",
                "value", "94.533", "uom", "triệu đồng"))).contains("Tổng thu đến ngày 23/10/2022 được 94.533 triệu đồng.");
        assertThat(attainment.fill(Map.of("Indicator", "Tổng thu", "period", "10/2022", "value", "5", "uom", "")))
                .contains("Tổng thu lũy kế đến tháng 10/2022 được 5.");
        SentencePattern either = SentencePattern.parse("[{a} mới đạt.|{b}: chưa có số liệu.]");
        assertThat(either.fill(Map.of("b", "Thu"))).contains("Thu: chưa có số liệu.");
        assertThat(either.fill(Map.of())).isEmpty();
    }

    @Test
    void aMalformedPatternIsNamedForTheCatalogsError() {
        assertThatThrownBy(() -> SentencePattern.parse("có {met/{total}")).hasMessageContaining("tên ô");
        assertThatThrownBy(() -> SentencePattern.parse("có [{met}")).hasMessageContaining("dấu '[' ở vị trí 4 chưa đóng");
        assertThatThrownBy(() -> SentencePattern.parse("có {met}]")).hasMessageContaining("dấu ']' thừa ở vị trí 9");
        assertThatThrownBy(() -> SentencePattern.parse("có {met")).hasMessageContaining("dấu '{' ở vị trí 4 chưa đóng");
    }
}
