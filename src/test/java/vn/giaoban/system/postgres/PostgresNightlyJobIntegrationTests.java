package vn.giaoban.system.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import vn.giaoban.system.GiaobanRun;

/**
 * The whole nightly job on PostgreSQL, selected by configuration alone (the datasource URL, user and
 * password): Flyway's {vendor} location creates the job repository and the common tables in an empty
 * database, both October nights reproduce the seed's figures, and the database holds exactly the same
 * facts as after the same nights on the embedded HSQLDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresNightlyJobIntegrationTests {

    private static final YearMonth OCTOBER_2021 = YearMonth.of(2021, 10);
    private static final YearMonth OCTOBER_2022 = YearMonth.of(2022, 10);

    @TempDir
    static Path work;

    private PostgresDatabase database;
    private GiaobanRun giaoban;
    private JobExecution october2021;
    private JobExecution october2022;

    /**
     * Once for the class, in a {@code @BeforeEach} rather than a {@code @BeforeAll}: when PostgreSQL is absent each
     * test is reported skipped, with the reason (Maven's reports drop a class skipped as a whole).
     */
    @BeforeEach
    void runBothOctobersOnPostgresql() {
        if (giaoban != null) {
            return;
        }
        database = PostgresDatabase.create("nightly");
        giaoban = GiaobanRun.withSamples(work);
        database.settings().forEach(giaoban::setting);
        october2021 = giaoban.night(OCTOBER_2021, Outcome.night(OCTOBER_2021));
        october2022 = giaoban.night(OCTOBER_2022, Outcome.night(OCTOBER_2022));
    }

    @AfterAll
    void dropTheDatabase() {
        if (giaoban != null) {
            giaoban.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theMigrationsOfThePostgresqlLocationCreatedEveryTable() {
        assertThat(giaoban.jdbc().sql("SELECT current_database()").query(String.class).single())
                .isEqualTo(database.name());
        assertThat(giaoban.jdbc().sql("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL"
                + " ORDER BY installed_rank").query((rs, n) -> rs.getString(1) + ":" + rs.getBoolean(2)).list())
                .containsExactly("1:true", "2:true", "3:true", "4:true", "5:true", "6:true", "8:true", "9:true", "10:true", "11:true", "12:true", "13:true");
        // V1 is the PostgreSQL job repository: sequences, not HSQLDB's identity tables
        assertThat(giaoban.jdbc().sql("SELECT sequence_name FROM information_schema.sequences"
                + " WHERE sequence_name LIKE 'batch_%' ORDER BY 1").query(String.class).list())
                .containsExactly("batch_job_execution_seq", "batch_job_instance_seq", "batch_step_execution_seq");
    }

    @Test
    void bothNightsCompleteWithTheSeedsFigures() throws IOException {
        assertThat(october2021.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(october2022.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(giaoban.jdbc().sql("SELECT COUNT(*) FROM submission WHERE status = 'ACCEPTED'").query(Integer.class)
                .single()).isEqualTo(GiaobanRun.sampleFiles());
        assertThat(total("NSNN_THU", "2022-10")).isEqualTo("94533");
        assertThat(total("DTC_GIAI_NGAN", "2022-10")).isEqualTo("71592");
        assertThat(total("DT_TIEP_NHAN", "2022-10")).isEqualTo("243");
        assertThat(total("DT_DA_GIAI_QUYET", "2022-10")).isEqualTo("219");
        assertThat(total("NSNN_THU", "2021-10")).isEqualTo("78215");
        assertThat(text(giaoban.briefing(october2022)))
                .contains("Tổng thu NSNN trên địa bàn đến ngày 23/10/2022 được 94.533 triệu đồng, đạt 116,71% dự toán"
                        + " tỉnh giao, đạt 101,21% dự toán huyện giao")
                .contains("71.592 triệu đồng, đạt 76,46% kế hoạch vốn tỉnh giao, đạt 70,91% kế hoạch vốn huyện giao")
                .contains("tổng 243 đơn, đã giải quyết 219/243 đơn, đạt 90,1% (trong đó cấp huyện giải quyết 51/57,"
                        + " cấp xã 168/186 đơn)")
                .contains("có 14/19 tiêu chí đã đạt gồm: 1-2-3-4-7-9-10-11-12-13-14-15-16-18. Có 5/19 tiêu chí chưa"
                        + " đạt (5-6-8-17-19)")
                .contains("PPHS xảy ra 29 vụ, tăng 4 vụ và tăng 16% so với cùng kỳ năm 2021")
                .contains("TNGT xảy ra 04 vụ, làm chết 04 người");
        assertThat(text(giaoban.briefing(october2021)))
                .contains("đến ngày 22/10/2021 được 78.215 triệu đồng, đạt 104,29% dự toán tỉnh giao, đạt 95,38%");
    }

    @Test
    void theDatabaseHoldsTheSameFactsAsOnHsqldb() {
        Outcome onHsqldb = Outcome.uninterrupted(OCTOBER_2021, OCTOBER_2022);
        Outcome onPostgresql = Outcome.of(work, database.settings());
        assertThat(onPostgresql.rows()).as("rows only on PostgreSQL").isSubsetOf(onHsqldb.rows());
        assertThat(onHsqldb.rows()).as("rows only on HSQLDB").isSubsetOf(onPostgresql.rows());
        assertThat(onPostgresql.checksum()).isEqualTo(giaoban.businessChecksum()).isEqualTo(onHsqldb.checksum());
        assertThat(onPostgresql.filed()).isEqualTo(onHsqldb.filed());
        // NUMERIC(24, 6) comes back with its declared scale on both databases, so the checksum needs no normalising
        assertThat(giaoban.jdbc().sql("SELECT total_value FROM rollup_value WHERE unit_key = '182@-'"
                + " AND indicator_code = 'NSNN_THU' AND period = '2022-10' AND measure = 'CUMULATIVE'")
                .query((rs, n) -> rs.getString(1)).single()).isEqualTo("94533.000000");
    }

    @Test
    void theNoticesFiguresAreTracedToTheCellsTheyWereReadFrom() {
        // the budget revenue of section I, read from the cell of the file that carried it (V12)
        assertThat(giaoban.jdbc().sql("""
                SELECT s.file_name || '!' || s.sheet || '!' || s.cell FROM notice_figure f
                JOIN notice_figure_source s ON s.office_code = f.office_code AND s.period = f.period
                                           AND s.figure_id = f.figure_id
                WHERE f.office_code = '182' AND f.period = '2022-10' AND f.shown = '94.533' AND f.parent_id IS NULL
                ORDER BY f.seq""").query(String.class).list()).isNotEmpty()
                .allMatch(reference -> reference.matches("[^!]+\\.(xlsx|xls|csv)![^!]+![A-Z]+\\d+"));
        assertThat(giaoban.jdbc().sql("SELECT night FROM notice_trace WHERE office_code = '182' AND period = '2022-10'")
                .query(java.time.LocalDate.class).single()).isEqualTo(Outcome.night(OCTOBER_2022));
    }

    private String total(String indicator, String period) {
        return giaoban.jdbc().sql("""
                SELECT total_value FROM rollup_value
                WHERE unit_key = '182@-' AND indicator_code = ? AND period = ? AND measure = 'CUMULATIVE'
                """).params(indicator, period).query(BigDecimal.class).single().stripTrailingZeros().toPlainString();
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
