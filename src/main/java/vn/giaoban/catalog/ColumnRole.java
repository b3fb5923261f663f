package vn.giaoban.catalog;

import java.util.Optional;

/** What a table column holds, recognised from its heading. */
public enum ColumnRole {
    PERCENT_OF_PLAN(Measure.PERCENT_OF_PLAN),
    PERCENT_OF_LAST_YEAR(Measure.PERCENT_OF_LAST_YEAR),
    SAME_PERIOD_LAST_YEAR(Measure.SAME_PERIOD_LAST_YEAR),
    PLAN_YEAR(Measure.PLAN_YEAR),
    CUMULATIVE(Measure.CUMULATIVE),
    MONTH(Measure.MONTH),
    /** "Thực hiện", "Kết quả": the form's default measure */
    VALUE(null),
    CODE(null),
    ORDINAL(null),
    UNIT_OF_MEASURE(null),
    NOTE(null),
    NAME(null);

    private final Measure measure;

    ColumnRole(Measure measure) {
        this.measure = measure;
    }

    public Optional<Measure> measure() {
        return Optional.ofNullable(measure);
    }

    public boolean carriesValues() {
        return measure != null || this == VALUE;
    }
}
