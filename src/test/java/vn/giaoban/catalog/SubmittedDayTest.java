package vn.giaoban.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The day a file counts as submitted is never before its period began nor after the night that received it. */
class SubmittedDayTest {

    private static final LocalDate OCTOBER = LocalDate.of(2022, 10, 1);
    private static final LocalDate NIGHT = LocalDate.of(2022, 10, 24);

    @Test
    void aFileSavedInThePeriodCountsFromTheDayItWasSaved() {
        assertThat(SubmittedDay.of(LocalDate.of(2022, 10, 23), NIGHT, NIGHT, OCTOBER))
                .isEqualTo(new SubmittedDay(LocalDate.of(2022, 10, 23), false));
    }

    @Test
    void aFileSavedBeforeItsPeriodBeganCountsFromTheNight() {
        // the demo's old fault: a 2022 report "received" on 24/10/2021
        assertThat(SubmittedDay.of(LocalDate.of(2021, 10, 24), NIGHT, NIGHT, OCTOBER))
                .isEqualTo(new SubmittedDay(NIGHT, true));
    }

    @Test
    void aFileSavedAfterTheNightCountsFromTheNight() {
        // a PC whose clock runs ahead, or a night run again for a day gone by
        assertThat(SubmittedDay.of(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 7), NIGHT, OCTOBER))
                .isEqualTo(new SubmittedDay(NIGHT, true));
    }

    @Test
    void aFileSeenBeforeItsModificationTimeCountsFromWhenTheScanSawIt() {
        assertThat(SubmittedDay.of(LocalDate.of(2022, 10, 24), LocalDate.of(2022, 10, 22), NIGHT, OCTOBER))
                .isEqualTo(new SubmittedDay(LocalDate.of(2022, 10, 22), false));
    }

    @Test
    void withoutAPeriodOnlyTheNightBoundsIt() {
        assertThat(SubmittedDay.of(LocalDate.of(2020, 1, 1), NIGHT, NIGHT, null))
                .isEqualTo(new SubmittedDay(LocalDate.of(2020, 1, 1), false));
    }
}
