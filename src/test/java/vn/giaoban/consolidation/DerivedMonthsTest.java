package vn.giaoban.consolidation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.CatalogFiles;
import vn.giaoban.rules.RuleEngine;
import vn.giaoban.text.Messages;

/**
 * Most communes report only the year to date; the month's figure is derived on consolidation (this month's
 * cumulative less last month's, January's is the cumulative), marked as derived, and the district's total says
 * how many of its parts were derived. Over a real (in-memory HSQLDB) database migrated by the application's own
 * scripts and the rules test catalog: F1 is reported cumulatively by the communes 004, 006, 007 and 008.
 */
class DerivedMonthsTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final YearMonth JANUARY = YearMonth.of(2026, 1);
    private static final YearMonth SEPTEMBER = YearMonth.of(2025, 9);
    private static final YearMonth OCTOBER = YearMonth.of(2025, 10);

    private final Catalog catalog = CatalogFiles.load("classpath:catalog/rules-test/");
    private JdbcClient jdbc;
    private Consolidator consolidator;
    private long submissions;

    @BeforeEach
    void database() {
        var dataSource = new SimpleDriverDataSource(new org.hsqldb.jdbc.JDBCDriver(),
                "jdbc:hsqldb:mem:derived" + DATABASES.incrementAndGet() + ";sql.syntax_pgs=false", "SA", "");
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/hsqldb").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        consolidator = new Consolidator(jdbc, catalog, new RuleEngine(jdbc, catalog, Messages.defaults()));
    }

    @Test
    void aMonthIsThisCumulativeLessLastMonthsAndMarkedDerived() {
        // given a commune's year to date for September and October, and nothing for the month
        submitted("004", SEPTEMBER, Map.of("A|CUMULATIVE", 40));
        submitted("004", OCTOBER, Map.of("A|CUMULATIVE", 52));

        // when the periods are consolidated
        consolidator.consolidate(OCTOBER);

        // then October's month is 52 - 40, derived, with the cumulative's cell as its source
        assertThat(value("004", "A", OCTOBER, "MONTH")).contains(new BigDecimal("12"));
        assertThat(derived("004", "A", OCTOBER, "MONTH")).isTrue();
        assertThat(jdbc.sql("SELECT cell FROM data_value WHERE unit_key = '004@-' AND period = '2025-10' AND measure = 'MONTH'")
                .query(String.class).single()).isEqualTo("C12");
        // and September's has no month before it to subtract: not derived
        assertThat(value("004", "A", SEPTEMBER, "MONTH")).isEmpty();
    }

    @Test
    void januarysMonthIsItsCumulative() {
        submitted("004", JANUARY, Map.of("A|CUMULATIVE", 7));

        consolidator.consolidate(JANUARY);

        assertThat(value("004", "A", JANUARY, "MONTH")).contains(new BigDecimal("7"));
        assertThat(derived("004", "A", JANUARY, "MONTH")).isTrue();
    }

    @Test
    void aMonthTheUnitGaveStandsAndAFallingCumulativeIsNotDerived() {
        // given one commune that gave its month itself, and one whose year to date fell (a correction)
        submitted("004", SEPTEMBER, Map.of("A|CUMULATIVE", 40));
        submitted("004", OCTOBER, Map.of("A|CUMULATIVE", 52, "A|MONTH", 9));
        submitted("006", SEPTEMBER, Map.of("A|CUMULATIVE", 30));
        submitted("006", OCTOBER, Map.of("A|CUMULATIVE", 25));

        consolidator.consolidate(OCTOBER);

        assertThat(value("004", "A", OCTOBER, "MONTH")).contains(new BigDecimal("9"));
        assertThat(derived("004", "A", OCTOBER, "MONTH")).isFalse();
        assertThat(value("006", "A", OCTOBER, "MONTH")).isEmpty();
    }

    @Test
    void theDistrictsMonthCountsItsDerivedParts() {
        // given four communes: two gave their month, one only its year to date (September's too), one nothing
        submitted("004", OCTOBER, Map.of("A|CUMULATIVE", 10, "A|MONTH", 3));
        submitted("006", OCTOBER, Map.of("A|CUMULATIVE", 20, "A|MONTH", 4));
        submitted("007", SEPTEMBER, Map.of("A|CUMULATIVE", 25));
        submitted("007", OCTOBER, Map.of("A|CUMULATIVE", 30));

        consolidator.consolidate(OCTOBER);

        // then the district's month is 3 + 4 + (30 - 25), from 3 of its 4 communes, one of them derived
        var total = jdbc.sql("""
                SELECT total_value, children_reported, children_expected, children_derived FROM rollup_value
                WHERE unit_key = '100@-' AND indicator_code = 'A' AND period = '2025-10' AND measure = 'MONTH'""")
                .query((rs, n) -> new Object[] { rs.getBigDecimal(1).stripTrailingZeros(), rs.getInt(2), rs.getInt(3),
                        rs.getInt(4) })
                .single();
        assertThat(total).containsExactly(new BigDecimal("12"), 3, 4, 1);
    }

    @Test
    void aCorrectedSeptemberDerivesOctoberAgain() {
        submitted("004", SEPTEMBER, Map.of("A|CUMULATIVE", 40));
        submitted("004", OCTOBER, Map.of("A|CUMULATIVE", 52));
        consolidator.consolidate(OCTOBER);

        // when a second version of September arrives and is consolidated on its own night
        submitted("004", SEPTEMBER, Map.of("A|CUMULATIVE", 45));
        consolidator.consolidate(SEPTEMBER);

        assertThat(value("004", "A", OCTOBER, "MONTH")).contains(new BigDecimal("7"));
    }

    private void submitted(String unitCode, YearMonth period, Map<String, Integer> values) {
        String unit = catalog.unit(unitCode, period).orElseThrow().key();
        submissions++;
        jdbc.sql("""
                INSERT INTO submission (folder, relative_path, content_hash, size_bytes, modified_at, received_at,
                                        received_night, status, unit_key, form_code, period, version)
                VALUES (?, ?, ?, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_DATE, 'ACCEPTED', ?, 'F1', ?, 1)""")
                .params(unitCode, unitCode + "/F1_" + period + "_" + submissions, String.format("%064d", submissions),
                        unit, period.toString())
                .update();
        long id = jdbc.sql("SELECT MAX(id) FROM submission").query(Long.class).single();
        values.forEach((key, value) -> {
            String[] parts = key.split("\\|");
            jdbc.sql("""
                    INSERT INTO staged_value (submission_id, unit_key, indicator_code, period, measure, num_value, sheet, cell)
                    VALUES (?, ?, ?, ?, ?, ?, 'Sheet1', ?)""")
                    .params(id, unit, parts[0], period.toString(), parts[1], BigDecimal.valueOf(value),
                            parts[1].equals("MONTH") ? "D12" : "C12")
                    .update();
        });
    }

    private Optional<BigDecimal> value(String unitCode, String indicator, YearMonth period, String measure) {
        return jdbc.sql("""
                SELECT num_value FROM data_value WHERE unit_key = ? AND indicator_code = ? AND period = ? AND measure = ?""")
                .params(catalog.unit(unitCode, period).orElseThrow().key(), indicator, period.toString(), measure)
                .query(BigDecimal.class).optional().map(BigDecimal::stripTrailingZeros);
    }

    private boolean derived(String unitCode, String indicator, YearMonth period, String measure) {
        return jdbc.sql("""
                SELECT derived FROM data_value WHERE unit_key = ? AND indicator_code = ? AND period = ? AND measure = ?""")
                .params(catalog.unit(unitCode, period).orElseThrow().key(), indicator, period.toString(), measure)
                .query(Boolean.class).single();
    }
}
