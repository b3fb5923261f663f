package vn.giaoban.rules;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Rule;
import vn.giaoban.catalog.Unit;
import vn.giaoban.text.Messages;

/**
 * The discrepancies of a period as {@code giaoban check} prints them for the office: failures
 * first, with the unit, the rule and the figures looked at, then the rules that could not be
 * evaluated, then how many passed.
 */
public final class CheckReport {

    private final Catalog catalog;
    private final Messages messages;

    public CheckReport(Catalog catalog, Messages messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    public List<String> lines(YearMonth period, List<RuleResult> results) {
        List<String> lines = new ArrayList<>();
        long failed = results.stream().filter(RuleResult::failed).count();
        long notEvaluated = results.stream().filter(r -> r.outcome() == RuleResult.Outcome.NOT_EVALUATED).count();
        lines.add(messages.get("cli.check.counts", period.getMonthValue() + "/" + period.getYear(), results.size(),
                failed, notEvaluated, results.size() - failed - notEvaluated));
        if (results.isEmpty()) {
            lines.add(messages.get("cli.check.no-results"));
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
        lines.add(messages.get("cli.check.not-evaluated", results.size()));
        Map<String, List<RuleResult>> byRule = new LinkedHashMap<>();
        results.forEach(r -> byRule.computeIfAbsent(r.ruleCode(), k -> new ArrayList<>()).add(r));
        byRule.forEach((rule, same) -> {
            if (same.size() <= 2) {
                same.forEach(r -> lines.add("  " + unitName(r.unitKey()) + " · " + RuleEngine.title(catalog, rule) + ": "
                        + r.message()));
            } else {
                String units = String.join(", ", same.stream().map(r -> unitName(r.unitKey())).toList());
                lines.add("  " + messages.get("cli.check.not-evaluated-units", RuleEngine.title(catalog, rule), same.size(),
                        units, same.get(0).message()));
            }
        });
    }

    private void failures(List<String> lines, List<RuleResult> results) {
        if (results.isEmpty()) {
            return;
        }
        lines.add("");
        lines.add(messages.get("cli.check.failed", results.size()));
        for (RuleResult result : results) {
            String severity = messages.get(result.severity() == Rule.Severity.ERROR ? "cli.check.severity.error"
                    : "cli.check.severity.warning");
            lines.add("  " + severity + " " + unitName(result.unitKey()) + " · " + RuleEngine.title(catalog, result.ruleCode())
                    + ": " + result.message());
            lines.add("      " + messages.get("cli.check.looked-at", result.lookedAt()));
        }
    }

    private String unitName(String key) {
        return catalog.unitByKey(key).map(Unit::name).orElse(key);
    }
}
