package vn.giaoban.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the catalog into the database, so the consolidated figures can be read and joined there
 * by anyone with SQL. Upserts: a catalog edited between two nights updates its rows in place.
 */
@Component
public class CatalogSynchronizer {

    private final JdbcClient jdbc;
    private final Catalog catalog;

    public CatalogSynchronizer(JdbcClient jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public void synchronize() {
        for (Unit unit : catalog.units()) {
            jdbc.sql("""
                    MERGE INTO unit t
                    USING (VALUES (CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(20)), CAST(? AS VARCHAR(200)),
                                   CAST(? AS VARCHAR(20)), CAST(? AS VARCHAR(40)), CAST(? AS DATE), CAST(? AS DATE)))
                          AS s (unit_key, code, name, kind, parent_key, valid_from, valid_to)
                    ON t.unit_key = s.unit_key
                    WHEN MATCHED THEN UPDATE SET code = s.code, name = s.name, kind = s.kind, parent_key = s.parent_key,
                                                 valid_from = s.valid_from, valid_to = s.valid_to
                    WHEN NOT MATCHED THEN INSERT (unit_key, code, name, kind, parent_key, valid_from, valid_to)
                         VALUES (s.unit_key, s.code, s.name, s.kind, s.parent_key, s.valid_from, s.valid_to)
                    """).params(unit.key(), unit.code(), unit.name(), unit.kind().name(),
                    catalog.parent(unit).map(Unit::key).orElse(null), unit.validFrom(), unit.validTo()).update();
            for (Succession successor : unit.successors()) {
                // share NULL = not known: a comparison that needs it is "không so sánh được", never a guess
                jdbc.sql("""
                        MERGE INTO unit_succession t
                        USING (VALUES (CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(40)), CAST(? AS NUMERIC(7, 6))))
                              AS s (predecessor_key, successor_key, share)
                        ON t.predecessor_key = s.predecessor_key AND t.successor_key = s.successor_key
                        WHEN MATCHED THEN UPDATE SET share = s.share
                        WHEN NOT MATCHED THEN INSERT (predecessor_key, successor_key, share)
                             VALUES (s.predecessor_key, s.successor_key, s.share)
                        """).params(unit.key(), successor.successorKey(), successor.share()).update();
            }
        }
        for (Indicator indicator : catalog.indicators()) {
            jdbc.sql("""
                    MERGE INTO indicator t
                    USING (VALUES (CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(300)), CAST(? AS VARCHAR(50)),
                                   CAST(? AS VARCHAR(10)), CAST(? AS VARCHAR(20)), CAST(? AS VARCHAR(20)),
                                   CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS INTEGER)))
                          AS s (code, name, unit_of_measure, value_type, rollup_rule, polarity, decimals, percent_decimals,
                                min_digits)
                    ON t.code = s.code
                    WHEN MATCHED THEN UPDATE SET name = s.name, unit_of_measure = s.unit_of_measure,
                         value_type = s.value_type, rollup_rule = s.rollup_rule, polarity = s.polarity, decimals = s.decimals,
                         percent_decimals = s.percent_decimals, min_digits = s.min_digits
                    WHEN NOT MATCHED THEN INSERT (code, name, unit_of_measure, value_type, rollup_rule, polarity, decimals,
                                                  percent_decimals, min_digits)
                         VALUES (s.code, s.name, s.unit_of_measure, s.value_type, s.rollup_rule, s.polarity, s.decimals,
                                 s.percent_decimals, s.min_digits)
                    """).params(indicator.code(), indicator.name(), indicator.unitOfMeasure(),
                    indicator.valueType().name(), indicator.rollup().name(), indicator.polarity().name(),
                    indicator.decimals(), indicator.percentDecimals(), indicator.minDigits()).update();
        }
        for (Target target : catalog.targets()) {
            jdbc.sql("""
                    MERGE INTO target t
                    USING (VALUES (CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(20)),
                                   CAST(? AS INTEGER), CAST(? AS VARCHAR(20)), CAST(? AS NUMERIC(24, 6))))
                          AS s (code, indicator_code, target_level, target_year, unit_code, target_value)
                    ON t.code = s.code AND t.target_year = s.target_year AND t.unit_code = s.unit_code
                    WHEN MATCHED THEN UPDATE SET indicator_code = s.indicator_code, target_level = s.target_level,
                                                 target_value = s.target_value
                    WHEN NOT MATCHED THEN INSERT (code, indicator_code, target_level, target_year, unit_code, target_value)
                         VALUES (s.code, s.indicator_code, s.target_level, s.target_year, s.unit_code, s.target_value)
                    """).params(target.code(), target.indicator(), target.level().name(), target.year(),
                    target.unitCode(), target.value()).update();
        }
    }
}
