package vn.giaoban.rules;

import java.time.YearMonth;
import java.util.List;

import vn.giaoban.catalog.Rule;

/**
 * One rule evaluated for one unit and period.
 *
 * @param unitKey     the unit whose figures were judged
 * @param responsible keys of the units that can fix a failure: their feedback tells them
 * @param message     Vietnamese, for a failure or a rule that could not be evaluated; null when it passed
 * @param lookedAt    the figures read, {@code v(DT_TIEP_NHAN)=186; form(BM03-DS, DT_TIEP_NHAN)=185}
 * @param ownFigureMissing not evaluated for lack of a figure of the unit's own report of the period
 */
public record RuleResult(YearMonth period, String ruleCode, String unitKey, Rule.Severity severity, Outcome outcome,
        String subject, List<String> responsible, boolean inBriefing, String message, String lookedAt,
        boolean ownFigureMissing) {

    public enum Outcome {
        PASSED, FAILED, NOT_EVALUATED
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    /**
     * True when the rule could not be evaluated because a figure of this very period, from this
     * unit's own report, is missing: something the unit can supply (a missing history or last
     * year's figure it cannot).
     */
    public boolean lacksOwnFigure() {
        return outcome == Outcome.NOT_EVALUATED && ownFigureMissing;
    }
}
