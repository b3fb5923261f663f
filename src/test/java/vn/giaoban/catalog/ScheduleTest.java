package vn.giaoban.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.giaoban.catalog.Schedule.ExpectedReport;
import vn.giaoban.catalog.CatalogFiles;

/** Which reports are due for a period, by whom, by when, and which days of data they cover. */
class ScheduleTest {

    private static final Catalog VAN_LANG = CatalogFiles.load("classpath:catalog/van-lang/");

    @Test
    void aMonthlyFormCoversTheDecreesWindowAndIsDueOnItsDayOfTheMonth() {
        Form form = form(PeriodType.MONTH, 20, 14);
        YearMonth october = YearMonth.of(2022, 10);

        assertThat(form.dueIn(october)).isTrue();
        assertThat(form.deadline(october)).isEqualTo(LocalDate.of(2022, 10, 20));
        assertThat(form.dataFrom(october)).isEqualTo(LocalDate.of(2022, 9, 15));
        assertThat(form.dataTo(october)).isEqualTo(LocalDate.of(2022, 10, 14));
        // January's window opens in the previous year
        assertThat(form.dataFrom(YearMonth.of(2023, 1))).isEqualTo(LocalDate.of(2022, 12, 15));
    }

    @Test
    void aDayBeyondTheMonthIsItsLastDay() {
        Form form = form(PeriodType.MONTH, 31, 30);
        YearMonth february = YearMonth.of(2023, 2);

        assertThat(form.deadline(february)).isEqualTo(LocalDate.of(2023, 2, 28));
        assertThat(form.dataTo(february)).isEqualTo(LocalDate.of(2023, 2, 28));
        assertThat(form.dataFrom(YearMonth.of(2023, 3))).isEqualTo(LocalDate.of(2023, 3, 1));
    }

    @Test
    void longerPeriodsAreDueOnlyInTheirLastMonthAndCoverTheWholePeriod() {
        Form quarterly = form(PeriodType.QUARTER, 20, 14);
        Form halfYearly = form(PeriodType.HALF_YEAR, 20, 14);
        Form yearly = form(PeriodType.YEAR, 20, 14);

        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)).filteredOn(m -> quarterly.dueIn(YearMonth.of(2022, m)))
                .containsExactly(3, 6, 9, 12);
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)).filteredOn(m -> halfYearly.dueIn(YearMonth.of(2022, m)))
                .containsExactly(6, 12);
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)).filteredOn(m -> yearly.dueIn(YearMonth.of(2022, m)))
                .containsExactly(12);

        YearMonth december = YearMonth.of(2022, 12);
        assertThat(quarterly.dataFrom(december)).isEqualTo(LocalDate.of(2022, 9, 15));
        assertThat(halfYearly.dataFrom(YearMonth.of(2022, 6))).isEqualTo(LocalDate.of(2021, 12, 15));
        assertThat(yearly.dataFrom(december)).isEqualTo(LocalDate.of(2021, 12, 15));
        assertThat(yearly.dataTo(december)).isEqualTo(LocalDate.of(2022, 12, 14));
        assertThat(yearly.deadline(december)).isEqualTo(LocalDate.of(2022, 12, 20));
    }

    @Test
    void periodsAreNamedAsTheOfficeWritesThem() {
        assertThat(PeriodType.MONTH.describe(YearMonth.of(2022, 3))).isEqualTo("tháng 03/2022");
        assertThat(PeriodType.QUARTER.describe(YearMonth.of(2022, 12))).isEqualTo("quý IV/2022");
        assertThat(PeriodType.QUARTER.describe(YearMonth.of(2022, 3))).isEqualTo("quý I/2022");
        assertThat(PeriodType.HALF_YEAR.describe(YearMonth.of(2022, 6))).isEqualTo("6 tháng đầu năm 2022");
        assertThat(PeriodType.YEAR.describe(YearMonth.of(2022, 12))).isEqualTo("năm 2022");
        assertThat(PeriodType.parse(" half_year ")).isEqualTo(PeriodType.HALF_YEAR);
    }

    @Test
    void october2022OwesThirtyNineReportsFromTheDistrictsUnits() {
        List<ExpectedReport> reports = new Schedule(VAN_LANG).expected(YearMonth.of(2022, 10));

        // 22 aggregate reports and the petitions list of each of the 16 communes and the town
        assertThat(reports).hasSize(39).allSatisfy(report -> assertThat(report.deadline()).isEqualTo(LocalDate.of(2022, 10, 24)));
        assertThat(reports).filteredOn(r -> r.form().code().equals("BM03-DT")).extracting(r -> r.unit().code())
                .hasSize(18).contains("06124", "06175", "TTH").doesNotContain("CAH");
        assertThat(reports).filteredOn(r -> r.form().code().equals("BM05-NTM")).extracting(r -> r.unit().code())
                .containsExactly("06127");
        assertThat(reports).filteredOn(r -> r.form().code().equals("BM03-DS")).extracting(r -> r.unit().code())
                .hasSize(17).doesNotContain("TTH");
    }

    @Test
    void onlyUnitsValidDuringThePeriodAreExpected() {
        List<ExpectedReport> reports = new Schedule(VAN_LANG).expected(YearMonth.of(2025, 10));

        // after the July 2025 reform: the five new communes; the district's departments and Trùng Khánh are gone
        assertThat(reports).extracting(r -> r.form().code() + " " + r.unit().key()).containsExactly(
                "BM03-DT 06124@2025-07-01", "BM03-DT 06148@2025-07-01", "BM03-DT 06151@2025-07-01",
                "BM03-DT 06154@2025-07-01", "BM03-DT 06172@2025-07-01",
                "BM03-DS 06124@2025-07-01", "BM03-DS 06148@2025-07-01", "BM03-DS 06151@2025-07-01",
                "BM03-DS 06154@2025-07-01", "BM03-DS 06172@2025-07-01");
        assertThat(new Schedule(VAN_LANG).expected(YearMonth.of(2025, 6))).extracting(r -> r.unit().key())
                .hasSize(39).contains("06172@-").doesNotContain("06172@2025-07-01");
    }

    @Test
    void aQuarterlyFormIsExpectedInTheQuartersLastMonthOnly() {
        Form quarterly = form(PeriodType.QUARTER, 20, 14);
        Catalog catalog = new Catalog(VAN_LANG.units(), VAN_LANG.indicators(), List.of(quarterly), List.of(), List.of());

        assertThat(new Schedule(catalog).expected(YearMonth.of(2022, 11))).isEmpty();
        assertThat(new Schedule(catalog).expected(YearMonth.of(2022, 12))).singleElement().satisfies(report -> {
            assertThat(report.unit().code()).isEqualTo("PTCKH");
            assertThat(report.deadline()).isEqualTo(LocalDate.of(2022, 12, 20));
            assertThat(report.dataFrom()).isEqualTo(LocalDate.of(2022, 9, 15));
        });
    }

    private static Form form(PeriodType type, int deadlineDay, int cutoffDay) {
        return new Form("BM09-QUY", "Báo cáo quý", List.of("PTCKH"), Measure.CUMULATIVE, deadlineDay, List.of(),
                List.of(), type, cutoffDay);
    }
}
