package vn.giaoban.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class AdministrativeDateTest {

    @Test
    void twoDigitDayAndMonthAsTheyAre() {
        assertThat(AdministrativeDate.format(LocalDate.of(2022, 10, 27))).isEqualTo("ngày 27 tháng 10 năm 2022");
        assertThat(AdministrativeDate.format(LocalDate.of(2022, 12, 31))).isEqualTo("ngày 31 tháng 12 năm 2022");
    }

    @Test
    void daysBelowTenAndJanuaryFebruaryTakeALeadingZero() {
        assertThat(AdministrativeDate.format(LocalDate.of(2023, 2, 5))).isEqualTo("ngày 05 tháng 02 năm 2023");
        assertThat(AdministrativeDate.format(LocalDate.of(2023, 1, 9))).isEqualTo("ngày 09 tháng 01 năm 2023");
        assertThat(AdministrativeDate.format(LocalDate.of(2023, 1, 10))).isEqualTo("ngày 10 tháng 01 năm 2023");
    }

    @Test
    void otherMonthsAreNotPadded() {
        assertThat(AdministrativeDate.format(LocalDate.of(2023, 3, 1))).isEqualTo("ngày 01 tháng 3 năm 2023");
        assertThat(AdministrativeDate.format(LocalDate.of(2022, 9, 15))).isEqualTo("ngày 15 tháng 9 năm 2022");
        assertThat(AdministrativeDate.format(LocalDate.of(2022, 11, 4))).isEqualTo("ngày 04 tháng 11 năm 2022");
    }

    @Test
    void placeComesFirst() {
        assertThat(AdministrativeDate.placeAndDate("Văn Lãng", LocalDate.of(2022, 10, 27)))
                .isEqualTo("Văn Lãng, ngày 27 tháng 10 năm 2022");
        assertThat(AdministrativeDate.placeAndDate(" ", LocalDate.of(2022, 10, 27)))
                .isEqualTo("ngày 27 tháng 10 năm 2022");
    }

    @Test
    void refusesNull() {
        assertThatNullPointerException().isThrownBy(() -> AdministrativeDate.format(null));
    }
}
