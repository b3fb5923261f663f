package vn.giaoban.consolidation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
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
 * A report that both the unit and a unit sending for it sent (Văn Lãng: the agriculture office sends each commune's
 * BM05-NTM, and the commune may send its own): the catalog's authoritative party's newest version is current,
 * whatever arrived last; without a delegation between them, the newest is.
 */
class DelegatedReportsTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final YearMonth OCTOBER = YearMonth.of(2022, 10);

    private final Catalog catalog = CatalogFiles.load("classpath:catalog/van-lang/");
    private JdbcClient jdbc;
    private Consolidator consolidator;

    @BeforeEach
    void database() {
        var dataSource = new SimpleDriverDataSource(new org.hsqldb.jdbc.JDBCDriver(),
                "jdbc:hsqldb:mem:delegated" + DATABASES.incrementAndGet() + ";sql.syntax_pgs=false", "SA", "");
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/hsqldb").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        consolidator = new Consolidator(jdbc, catalog, new RuleEngine(jdbc, catalog, Messages.defaults()));
    }

    @Test
    void theAgricultureOfficesVersionCountsEvenWhenTheCommunesOwnArrivedLater() {
        long office = accepted("PNNPTNT", "06127", "BM05-NTM");
        long commune = accepted("06127", "06127", "BM05-NTM");

        consolidator.consolidate(OCTOBER);

        assertThat(current("06127", "BM05-NTM")).isEqualTo(office).isNotEqualTo(commune);

        // and the office's correction, later still, replaces its own first version
        long correction = accepted("PNNPTNT", "06127", "BM05-NTM");
        consolidator.consolidate(OCTOBER);
        assertThat(current("06127", "BM05-NTM")).isEqualTo(correction);
    }

    @Test
    void aReportOneUnitSentIsItsNewestVersion() {
        accepted("06127", "06127", "BM03-DT");
        long second = accepted("06127", "06127", "BM03-DT");

        consolidator.consolidate(OCTOBER);

        assertThat(current("06127", "BM03-DT")).isEqualTo(second);
    }

    private long accepted(String folder, String unitCode, String form) {
        String unit = catalog.unit(unitCode, OCTOBER).orElseThrow().key();
        long n = jdbc.sql("SELECT COUNT(*) FROM submission").query(Long.class).single() + 1;
        jdbc.sql("""
                INSERT INTO submission (folder, relative_path, content_hash, size_bytes, modified_at, received_at,
                                        received_night, status, unit_key, form_code, period, version)
                VALUES (?, ?, ?, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_DATE, 'ACCEPTED', ?, ?, ?, ?)""")
                .params(folder, folder + "/" + form + "_" + n + ".xlsx", String.format("%064d", n), unit, form,
                        OCTOBER.toString(), (int) n)
                .update();
        return jdbc.sql("SELECT MAX(id) FROM submission").query(Long.class).single();
    }

    private long current(String unitCode, String form) {
        return jdbc.sql("SELECT submission_id FROM current_submission WHERE unit_key = ? AND form_code = ? AND period = ?")
                .params(catalog.unit(unitCode, OCTOBER).orElseThrow().key(), form, OCTOBER.toString())
                .query(Long.class).single();
    }
}
