package vn.giaoban.briefing;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.giaoban.briefing.internal.PeriodReads;
import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Rule;
import vn.giaoban.rules.RuleEngine;
import vn.giaoban.rules.RuleResult;

/**
 * The rules' verdicts on a period's pace and year-on-year, as the notice tells them: whether a
 * revenue is behind the year's pace, whether crime rose, is the rule's to say (with its tolerance),
 * so the notice and {@code giaoban check} never disagree. The notice only words the figures.
 */
final class Verdicts {

    private record Key(Rule.Judgement judgement, String unitKey, String indicator) {
    }

    private final Map<Key, RuleResult.Outcome> outcomes;

    private Verdicts(Map<Key, RuleResult.Outcome> outcomes) {
        this.outcomes = outcomes;
    }

    /**
     * The period's stored results, or the rules evaluated now for a period never consolidated: read once for
     * the offices written together ({@link PeriodReads}), every office's verdicts being among them.
     */
    static Verdicts of(Catalog catalog, RuleEngine rules, YearMonth period) {
        return PeriodReads.once(Verdicts.class.getSimpleName() + " " + period, () -> read(catalog, rules, period));
    }

    private static Verdicts read(Catalog catalog, RuleEngine rules, YearMonth period) {
        List<RuleResult> results = rules.results(period);
        if (results.isEmpty()) {
            results = rules.evaluateOnly(period);
        }
        Map<String, Rule.Judgement> judgements = new HashMap<>();
        catalog.rules().forEach(rule -> judgements.put(rule.code(), rule.judgement()));
        Map<Key, RuleResult.Outcome> outcomes = new HashMap<>();
        for (RuleResult result : results) {
            Rule.Judgement judgement = judgements.getOrDefault(result.ruleCode(), Rule.Judgement.OTHER);
            if (judgement != Rule.Judgement.OTHER) {
                // several rules on one figure (one per target): failing any of them is the verdict
                outcomes.merge(new Key(judgement, result.unitKey(), result.subject()), result.outcome(),
                        (a, b) -> a == RuleResult.Outcome.FAILED || b == RuleResult.Outcome.FAILED
                                ? RuleResult.Outcome.FAILED : a);
            }
        }
        return new Verdicts(Map.copyOf(outcomes));
    }

    /** True when a rule judging this figure this way failed; a figure no rule judged, or could judge, never did. */
    boolean failed(Rule.Judgement judgement, String unitKey, String indicator) {
        return outcomes.get(new Key(judgement, unitKey, indicator)) == RuleResult.Outcome.FAILED;
    }
}
