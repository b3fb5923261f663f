package vn.giaoban.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Rule;
import vn.giaoban.catalog.CatalogFiles;
import vn.giaoban.rules.RuleResult.Outcome;
import vn.giaoban.text.Messages;

/**
 * Each kind of rule of issue 5 over a real (in-memory HSQLDB) database migrated by the
 * application's own scripts and a test catalog ({@code catalog/rules-test}): within a submission,
 * across units with a tolerance just inside and just outside, against a target's pace, against
 * last year by polarity, against a unit's own history, for a merged commune, and with a missing
 * operand, which is never a pass.
 */
class RuleEngineTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final YearMonth OCTOBER = YearMonth.of(2025, 10);

    private final Catalog catalog = CatalogFiles.load("classpath:catalog/rules-test/");
    private JdbcClient jdbc;
    private RuleEngine engine;
    private long submissions;

    @BeforeEach
    void database() {
        var dataSource = new SimpleDriverDataSource(new org.hsqldb.jdbc.JDBCDriver(),
                "jdbc:hsqldb:mem:rules" + DATABASES.incrementAndGet() + ";sql.syntax_pgs=false", "SA", "");
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/hsqldb").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        engine = new RuleEngine(jdbc, catalog, Messages.defaults());
    }

    @Test
    void aRuleWithinASubmissionFailsPassesAndCannotBeEvaluatedWithoutItsOperand() {
        YearMonth june = YearMonth.of(2025, 6);
        submitted("001", "F1", june);
        value("001", "A", june, "CUMULATIVE", 10);
        value("001", "B", june, "CUMULATIVE", 12);
        submitted("002", "F1", june);
        value("002", "A", june, "CUMULATIVE", 10);
        value("002", "B", june, "CUMULATIVE", 10);
        submitted("004", "F1", june);
        value("004", "A", june, "CUMULATIVE", 10);

        List<RuleResult> results = engine.evaluate(june, rejected -> { });

        RuleResult failed = result(results, "WITHIN", "001");
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.severity()).isEqualTo(Rule.Severity.ERROR);
        assertThat(failed.message()).isEqualTo("Số đã giải quyết (12) lớn hơn số tiếp nhận (10).");
        assertThat(failed.lookedAt()).isEqualTo("v(B)=12; v(A)=10");
        assertThat(failed.responsible()).containsExactly("001@-");
        assertThat(result(results, "WITHIN", "002").outcome()).isEqualTo(Outcome.PASSED);
        RuleResult missing = result(results, "WITHIN", "004");
        assertThat(missing.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        // a rule without a name in the catalog is named by the figure it judges, never by its code
        assertThat(missing.message()).isEqualTo("Chưa kiểm tra được \"Số việc đã giải quyết\" vì thiếu số liệu"
                + " \"Số việc đã giải quyết\" (lũy kế) kỳ 6/2025.").doesNotContain("WITHIN");
        assertThat(missing.lookedAt()).isEqualTo("v(B)=thiếu");
        assertThat(missing.lacksOwnFigure()).as("a figure of its own report: the unit is told").isTrue();
    }

    @Test
    void aDepartmentsTotalAgainstTheCommunesSumWithinARelativeToleranceJustInsideAndJustOutside() {
        communes("A", 60, 40, 0, 0);
        value("100", "A", OCTOBER, "CUMULATIVE", 110); // the police's figure for the district: 10% over 100
        submitted("CA", "F1", OCTOBER);

        RuleResult inside = result(engine.evaluate(OCTOBER, rejected -> { }), "ACROSS", "100");
        assertThat(inside.outcome()).isEqualTo(Outcome.PASSED);
        // the district sends nothing itself: the department that reports for it is told
        assertThat(inside.responsible()).containsExactly("100@-", "CA@-");

        jdbc.sql("UPDATE data_value SET num_value = 111 WHERE unit_key = '100@-'").update();
        RuleResult outside = result(engine.evaluate(OCTOBER, rejected -> { }), "ACROSS", "100");
        assertThat(outside.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(outside.message()).isEqualTo("Tổng của công an (111) khác tổng các xã (100).");
        assertThat(outside.lookedAt()).contains("children(A) 4/4=100");
    }

    @Test
    void anAbsoluteToleranceJustInsideAndJustOutside() {
        communes("A", 100, 0, 0, 0);
        value("100", "A", OCTOBER, "CUMULATIVE", 103);
        assertThat(result(engine.evaluate(OCTOBER, rejected -> { }), "ACROSS_ABS", "100").outcome())
                .isEqualTo(Outcome.PASSED);

        jdbc.sql("UPDATE data_value SET num_value = 96 WHERE unit_key = '100@-'").update();
        assertThat(result(engine.evaluate(OCTOBER, rejected -> { }), "ACROSS_ABS", "100").outcome())
                .isEqualTo(Outcome.FAILED);
    }

    @Test
    void aSumWithACommuneMissingCannotBeComparedAndNamesTheCommune() {
        value("004", "A", OCTOBER, "CUMULATIVE", 60);
        value("006", "A", OCTOBER, "CUMULATIVE", 40);
        value("007", "A", OCTOBER, "CUMULATIVE", 0);
        value("100", "A", OCTOBER, "CUMULATIVE", 100); // would agree with the three that reported

        RuleResult result = result(engine.evaluate(OCTOBER, rejected -> { }), "ACROSS", "100");

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(result.message()).contains("của Xã Tám Mới");
    }

    @Test
    void aRuleThatCannotWorkOnTheseFiguresIsNotEvaluatedAndTheOthersStillAre() {
        value("004", "A", OCTOBER, "CUMULATIVE", 0);
        value("004", "B", OCTOBER, "CUMULATIVE", 0);
        value("100", "REV", OCTOBER, "CUMULATIVE", 700);

        List<RuleResult> results = engine.evaluate(OCTOBER, rejected -> { });

        RuleResult division = result(results, "RATIO", "004");
        assertThat(division.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(division.message()).startsWith("Chưa kiểm tra được \"Số việc đã giải quyết\": quy tắc lỗi với số liệu này")
                .doesNotContain("RATIO");
        assertThat(result(results, "PACE", "100").outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void anErrorRuleLeavesItsValueOutBeforeTheWarningsReadTheFigures() {
        YearMonth june = YearMonth.of(2025, 6);
        submitted("001", "F1", june);
        value("001", "A", june, "CUMULATIVE", 10);
        value("001", "B", june, "CUMULATIVE", 12);
        List<RuleResult> leftOut = new ArrayList<>();

        List<RuleResult> results = engine.evaluate(june, rejected -> {
            leftOut.addAll(rejected);
            jdbc.sql("DELETE FROM data_value WHERE indicator_code = 'B'").update();
        });

        assertThat(leftOut).extracting(RuleResult::ruleCode).containsExactly("WITHIN");
        // the ratio warning runs after: B is gone, so it cannot be evaluated rather than judged on 12
        assertThat(result(results, "RATIO", "001").outcome()).isEqualTo(Outcome.NOT_EVALUATED);
    }

    @Test
    void withoutTheCommunesFiguresTheSumCannotBeCompared() {
        value("100", "A", OCTOBER, "CUMULATIVE", 110);

        RuleResult result = result(engine.evaluate(OCTOBER, rejected -> { }), "ACROSS", "100");

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(result.message()).contains("của Xã Bốn, Xã Sáu Mới, Xã Bảy Mới, Xã Tám Mới");
    }

    @Test
    void aTargetIsJudgedByThePaceOfTheMonthsGoneBy() {
        value("100", "REV", OCTOBER, "CUMULATIVE", 700); // October: 10/12 of 1000 = 833.33 expected

        RuleResult behind = result(engine.evaluate(OCTOBER, rejected -> { }), "PACE", "100");
        assertThat(behind.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(behind.message()).isEqualTo("Thu đạt 70,00% dự toán, chậm hơn tiến độ 83,33%.");

        jdbc.sql("UPDATE data_value SET num_value = 834 WHERE indicator_code = 'REV'").update();
        assertThat(result(engine.evaluate(OCTOBER, rejected -> { }), "PACE", "100").outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void lastYearIsJudgedByPolarityAndAMergedCommuneIsComparedWithTheSumOfItsPredecessors() {
        YearMonth lastOctober = OCTOBER.minusYears(1);
        value("004", "CRIME", lastOctober, "CUMULATIVE", 3);
        value("004", "CRIME", OCTOBER, "CUMULATIVE", 2); // fewer crimes: better
        value("001", "CRIME", lastOctober, "CUMULATIVE", 4);
        value("002", "CRIME", lastOctober, "CUMULATIVE", 3);
        value("006", "CRIME", OCTOBER, "CUMULATIVE", 9); // Xã Sáu Mới = Xã Một + Xã Hai: 7 last year

        List<RuleResult> results = engine.evaluate(OCTOBER, rejected -> { });

        assertThat(result(results, "LAST_YEAR", "004").outcome()).isEqualTo(Outcome.PASSED);
        RuleResult merged = result(results, "LAST_YEAR", "006");
        assertThat(merged.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(merged.message()).isEqualTo("Số vụ (9) tăng so với cùng kỳ (7).");
        assertThat(merged.lookedAt()).contains("lastYear(CRIME) 001@-=4", "lastYear(CRIME) 002@-=3", "lastYear(CRIME)=7");
    }

    @Test
    void aCommuneThatReceivedAnUnknownPartOfASplitCommuneCannotBeComparedWithLastYear() {
        value("005", "CRIME", OCTOBER.minusYears(1), "CUMULATIVE", 6);
        value("007", "CRIME", OCTOBER, "CUMULATIVE", 2);

        RuleResult result = result(engine.evaluate(OCTOBER, rejected -> { }), "LAST_YEAR", "007");

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(result.message()).contains("chưa biết tỷ lệ phần của xã Năm chuyển về xã Bảy Mới");
    }

    @Test
    void anOutlierIsFarFromTheMedianOfItsOwnHistoryAndAShortHistoryCannotJudge() {
        int[] history = { 10, 11, 9, 10, 12, 10, 11, 40 }; // one bad month does not move the median and MAD
        for (int back = 1; back <= history.length; back++) {
            value("004", "A", OCTOBER.minusMonths(back), "MONTH", history[back - 1]);
        }
        value("004", "A", OCTOBER, "MONTH", 30);
        assertThat(result(engine.evaluate(OCTOBER, rejected -> { }), "OUTLIER", "004").outcome()).isEqualTo(Outcome.FAILED);

        jdbc.sql("UPDATE data_value SET num_value = 12 WHERE unit_key = '004@-' AND period = '2025-10'").update();
        assertThat(result(engine.evaluate(OCTOBER, rejected -> { }), "OUTLIER", "004").outcome()).isEqualTo(Outcome.PASSED);

        value("006", "A", OCTOBER, "MONTH", 50);
        RuleResult young = result(engine.evaluate(OCTOBER, rejected -> { }), "OUTLIER", "006");
        assertThat(young.outcome()).isEqualTo(Outcome.NOT_EVALUATED);
        assertThat(young.message()).contains("có 0 tháng, cần ít nhất 6");
        assertThat(young.lacksOwnFigure()).as("history the unit cannot supply").isFalse();
    }

    @Test
    void resultsAreStoredWithTheFiguresTheyLookedAtAndReplacedByTheNextEvaluation() {
        value("100", "REV", OCTOBER, "CUMULATIVE", 700);
        engine.evaluate(OCTOBER, rejected -> { });
        engine.evaluate(OCTOBER, rejected -> { });

        List<RuleResult> stored = engine.results(OCTOBER);

        assertThat(stored).filteredOn(r -> r.ruleCode().equals("PACE")).singleElement()
                .satisfies(r -> assertThat(r.lookedAt()).startsWith("v(REV)=700; target(REV_KH)=1000; pace()=0.8333"));
        assertThat(stored.get(0).outcome()).isEqualTo(Outcome.FAILED);
    }

    private RuleResult result(List<RuleResult> results, String rule, String unitCode) {
        return results.stream().filter(r -> r.ruleCode().equals(rule) && r.unitKey().startsWith(unitCode + "@"))
                .findFirst().orElseThrow(() -> new AssertionError(rule + " for " + unitCode + " not in " + results));
    }

    /** The four communes of the district in October 2025, in catalog order: 004, 006, 007, 008. */
    private void communes(String indicator, int... values) {
        String[] codes = { "004", "006", "007", "008" };
        for (int i = 0; i < codes.length; i++) {
            value(codes[i], indicator, OCTOBER, "CUMULATIVE", values[i]);
        }
    }

    private void submitted(String unitCode, String form, YearMonth period) {
        long id = ++submissions;
        jdbc.sql("INSERT INTO current_submission (unit_key, form_code, period, submission_id) VALUES (?, ?, ?, ?)")
                .params(key(unitCode, period), form, period.toString(), id).update();
    }

    private void value(String unitCode, String indicator, YearMonth period, String measure, int value) {
        jdbc.sql("""
                INSERT INTO data_value (unit_key, indicator_code, period, measure, num_value, submission_id, sheet, cell)
                VALUES (?, ?, ?, ?, ?, 0, 'S', 'A1')""")
                .params(key(unitCode, period), indicator, period.toString(), measure, BigDecimal.valueOf(value)).update();
    }

    private String key(String unitCode, YearMonth period) {
        return catalog.unit(unitCode, period).orElseThrow().key();
    }
}
