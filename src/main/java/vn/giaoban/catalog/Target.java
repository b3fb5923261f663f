package vn.giaoban.catalog;

import java.math.BigDecimal;

/**
 * A plan figure for a year: its own data, not a value of a submission.
 *
 * @param code      e.g. NSNN_DT_TINH
 * @param indicator the indicator it is a target for, e.g. NSNN_THU
 * @param label     how a sentence names it, e.g. "dự toán tỉnh giao"
 */
public record Target(String code, String indicator, TargetLevel level, int year, String unitCode, BigDecimal value,
        String label) {
}
