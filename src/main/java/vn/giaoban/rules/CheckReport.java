package vn.giaoban.rules;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Rule;
import vn.giaoban.catalog.Unit;

/**
 * The discrepancies of a period as {@code giaoban check} prints them for the office: failures
 * first, with the unit, the rule and the figures looked at, then the rules that could not be
 * evaluated, then how many passed.
 */
public final class CheckReport {

    private final Catalog catalog;

    public CheckReport(Catalog catalog) {
        this.catalog = catalog;
    }

    public List<String> lines(YearMonth period, List<RuleResult> results) {
        List<String> lines = new ArrayList<>();
        long failed = results.stream().filter(RuleResult::failed).count();
        long notEvaluated = results.stream().filter(r -> r.outcome() == RuleResult.Outcome.NOT_EVALUATED).count();
        lines.add("Đối chiếu số liệu kỳ " + period.getMonthValue() + "/" + period.getYear() + ": " + results.size()
                + " lượt kiểm tra; " + failed + " không khớp, " + notEvaluated + " chưa kiểm tra được, "
                + (results.size() - failed - notEvaluated) + " đạt.");
        if (results.isEmpty()) {
            lines.add("Chưa có kết quả: kỳ này chưa được tổng hợp, hoặc danh mục không có quy tắc nào (rules.csv).");
        }
        failures(lines, results.stream().filter(RuleResult::failed).toList());
        notEvaluated(lines, results.stream().filter(r -> r.outcome() == RuleResult.Outcome.NOT_EVALUATED).toList());
        return lines;
    }

    /** Rules that could not be evaluated, a line per rule: the same missing history of twenty communes is one line. */
    private void notEvaluated(List<String> lines, List<RuleResult> results) {
        if (results.isEmpty()) {
            return;
        }
        lines.add("");
        lines.add("CHƯA KIỂM TRA ĐƯỢC (" + results.size() + "):");
        Map<String, List<RuleResult>> byRule = new LinkedHashMap<>();
        results.forEach(r -> byRule.computeIfAbsent(r.ruleCode(), k -> new ArrayList<>()).add(r));
        byRule.forEach((rule, same) -> {
            if (same.size() <= 2) {
                same.forEach(r -> lines.add("  " + unitName(r.unitKey()) + " · " + rule + ": " + r.message()));
            } else {
                lines.add("  " + rule + ", " + same.size() + " đơn vị (" + String.join(", ",
                        same.stream().map(r -> unitName(r.unitKey())).toList()) + "), ví dụ: " + same.get(0).message());
            }
        });
    }

    private void failures(List<String> lines, List<RuleResult> results) {
        if (results.isEmpty()) {
            return;
        }
        lines.add("");
        lines.add("KHÔNG KHỚP (" + results.size() + "):");
        for (RuleResult result : results) {
            String severity = result.severity() == Rule.Severity.ERROR ? "[LỖI, giá trị bị loại] " : "[CẦN KIỂM TRA] ";
            lines.add("  " + severity + unitName(result.unitKey()) + " · " + result.ruleCode() + ": " + result.message());
            lines.add("      đã xem: " + result.lookedAt());
        }
    }

    private String unitName(String key) {
        return catalog.unitByKey(key).map(Unit::name).orElse(key);
    }
}
