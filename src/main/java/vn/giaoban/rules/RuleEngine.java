package vn.giaoban.rules;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.common.TemplateParserContext;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Lineage;
import vn.giaoban.catalog.Rule;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.UnitKind;
import vn.giaoban.rules.RuleContext.MissingFigure;
import vn.giaoban.text.Messages;

/**
 * Evaluates the catalog's rules for a period over the consolidated figures and stores every
 * result ({@code rule_result}), replacing the period's earlier ones: evaluating twice gives the
 * same table. Expressions run in a {@link SimpleEvaluationContext}: they can call the rule
 * language's methods on their {@link RuleContext}, and nothing else (no types, no constructors,
 * no beans).
 */
@Component
public class RuleEngine {

    private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);
    private static final SpelExpressionParser PARSER = new SpelExpressionParser();

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Lineage lineage;
    private final Map<String, Expression> checks = new ConcurrentHashMap<>();
    private final Map<String, Expression> messages = new ConcurrentHashMap<>();
    private final Messages words;

    public RuleEngine(JdbcClient jdbc, Catalog catalog, Messages words) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.lineage = new Lineage(catalog);
        this.words = words;
    }

    /**
     * Evaluates every rule for the period, stores the results and returns them. The ERROR rules
     * come first and the values they reject are left out (by {@code leaveOut}) before the warnings
     * read the figures, so no warning is judged on a value the period does not keep.
     */
    public List<RuleResult> evaluate(YearMonth period, Consumer<List<RuleResult>> leaveOut) {
        List<RuleResult> results = evaluateOnly(period, leaveOut);
        store(period, results);
        log(period, results);
        return results;
    }

    /** Evaluates without storing or leaving anything out: what {@code giaoban check} shows for a period never consolidated. */
    public List<RuleResult> evaluateOnly(YearMonth period) {
        return evaluateOnly(period, rejected -> { });
    }

    private List<RuleResult> evaluateOnly(YearMonth period, Consumer<List<RuleResult>> leaveOut) {
        Figures figures = new Figures(jdbc);
        List<RuleResult> errors = evaluate(period, figures, Rule.Severity.ERROR);
        List<RuleResult> rejected = errors.stream().filter(RuleResult::failed).toList();
        if (!rejected.isEmpty()) {
            leaveOut.accept(rejected);
            figures.forget(period);
        }
        List<RuleResult> results = new ArrayList<>(errors);
        results.addAll(evaluate(period, figures, Rule.Severity.WARNING));
        return results;
    }

    private List<RuleResult> evaluate(YearMonth period, Figures figures, Rule.Severity severity) {
        List<RuleResult> results = new ArrayList<>();
        for (Rule rule : catalog.rules()) {
            if (rule.severity() != severity) {
                continue;
            }
            for (Map.Entry<Unit, List<String>> target : targets(rule, period, figures).entrySet()) {
                results.add(evaluate(rule, target.getKey(), target.getValue(), period, figures));
            }
        }
        return results;
    }

    private static void log(YearMonth period, List<RuleResult> results) {
        long failed = results.stream().filter(RuleResult::failed).count();
        long notEvaluated = results.stream().filter(r -> r.outcome() == RuleResult.Outcome.NOT_EVALUATED).count();
        log.info("Rules for {}: {} evaluated, {} failed, {} not evaluated", period, results.size(), failed, notEvaluated);
    }

    /** The stored results of a period, failures and rules not evaluated first. */
    public List<RuleResult> results(YearMonth period) {
        return jdbc.sql("""
                SELECT rule_code, unit_key, severity, outcome, subject, responsible, in_briefing, message, looked_at,
                       own_figure_missing
                FROM rule_result WHERE period = ?
                ORDER BY CASE outcome WHEN 'FAILED' THEN 0 WHEN 'NOT_EVALUATED' THEN 1 ELSE 2 END, rule_code, unit_key
                """).param(period.toString())
                .query((rs, n) -> new RuleResult(period, rs.getString(1), rs.getString(2),
                        Rule.Severity.valueOf(rs.getString(3)), RuleResult.Outcome.valueOf(rs.getString(4)),
                        rs.getString(5), List.of(rs.getString(6).split(" ")), rs.getBoolean(7), rs.getString(8),
                        rs.getString(9), rs.getBoolean(10)))
                .list();
    }

    RuleResult evaluate(Rule rule, Unit unit, List<String> responsible, YearMonth period, Figures figures) {
        RuleContext context = new RuleContext(catalog, lineage, figures, rule, unit, period);
        EvaluationContext evaluation = SimpleEvaluationContext.forReadOnlyDataBinding().withInstanceMethods()
                .withRootObject(context).build();
        RuleResult.Outcome outcome;
        String message;
        boolean ownFigureMissing = false;
        try {
            Object value = checks.computeIfAbsent(rule.code(), c -> PARSER.parseExpression(rule.check()))
                    .getValue(evaluation);
            if (!(value instanceof Boolean passed)) {
                outcome = RuleResult.Outcome.NOT_EVALUATED;
                message = words.get("feedback.rule.not-boolean", title(rule), value);
            } else if (passed) {
                outcome = RuleResult.Outcome.PASSED;
                message = null;
            } else {
                outcome = RuleResult.Outcome.FAILED;
                message = failureMessage(rule, evaluation, context);
            }
        } catch (RuntimeException e) {
            // a missing figure, or a rule that cannot work on these figures (a division by zero, a
            // code of the wrong case): not evaluated, said so, and the night goes on
            Optional<MissingFigure> missing = missing(e);
            outcome = RuleResult.Outcome.NOT_EVALUATED;
            if (missing.isPresent()) {
                message = words.get("feedback.rule.missing-figure", title(rule), missing.get().description());
                ownFigureMissing = missing.get().own();
            } else {
                log.warn("Rule {} for {} {} could not be evaluated", rule.code(), unit.key(), period, e);
                message = words.get("feedback.rule.broken", title(rule), rootMessage(e));
            }
        }
        String lookedAt = context.lookedAt().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
        return new RuleResult(period, rule.code(), unit.key(), rule.severity(), outcome, rule.subject(),
                List.copyOf(responsible), rule.inBriefing(), message, truncate(lookedAt, 2000), ownFigureMissing);
    }

    private String failureMessage(Rule rule, EvaluationContext evaluation, RuleContext context) {
        try {
            Object text = messages.computeIfAbsent(rule.code(),
                    c -> PARSER.parseExpression(rule.message(), new TemplateParserContext())).getValue(evaluation);
            return String.valueOf(text);
        } catch (RuntimeException e) {
            return words.get("feedback.rule.failed", title(rule), context.lookedAt());
        }
    }

    /** What a rule checks, as people read it: its name in the catalog, else the judged indicator's; never its code. */
    private String title(Rule rule) {
        return title(catalog, rule.code());
    }

    /** {@link #title(Rule)} of a rule known by its code; the code itself when the catalog no longer has it. */
    public static String title(Catalog catalog, String ruleCode) {
        return catalog.rules().stream().filter(rule -> rule.code().equals(ruleCode)).findFirst()
                .map(rule -> rule.name() != null ? rule.name() : catalog.indicator(rule.subject()).name())
                .orElse(ruleCode);
    }

    /**
     * The units a rule is evaluated for, each with the units that can fix a failure: for a form
     * scope, every unit with a current submission of all the forms named (the submitter answers; a
     * department's figures are its district's); for a kind or unit scope, the units valid in the period.
     */
    private Map<Unit, List<String>> targets(Rule rule, YearMonth period, Figures figures) {
        Map<Unit, List<String>> targets = new LinkedHashMap<>();
        switch (rule.appliesTo().kind()) {
            case FORM -> {
                Map<String, List<String>> formsBySubmitter = new LinkedHashMap<>();
                for (Figures.Current current : figures.current(period)) {
                    formsBySubmitter.computeIfAbsent(current.submitterKey(), k -> new ArrayList<>()).add(current.formCode());
                }
                formsBySubmitter.forEach((submitterKey, forms) -> {
                    if (!forms.containsAll(rule.appliesTo().values())) {
                        return;
                    }
                    catalog.unitByKey(submitterKey).ifPresent(submitter -> {
                        Unit subject = submitter.kind().reportsForParent()
                                ? catalog.parent(submitter).orElse(submitter) : submitter;
                        targets.computeIfAbsent(subject, s -> new ArrayList<>()).add(submitterKey);
                    });
                });
            }
            case KIND -> catalog.units().stream()
                    .filter(u -> rule.appliesTo().values().stream()
                            .anyMatch(kind -> UnitKind.valueOf(kind.toUpperCase(Locale.ROOT)) == u.kind()))
                    .filter(u -> u.validOn(period.atEndOfMonth()))
                    .forEach(u -> targets.put(u, responsible(rule, u, period, figures)));
            case UNIT -> rule.appliesTo().values().forEach(code -> catalog.unit(code, period)
                    .ifPresent(u -> targets.put(u, responsible(rule, u, period, figures))));
        }
        return targets;
    }

    /**
     * Who can fix a unit's figure of the rule's subject: the unit itself, and the department whose
     * report gives it (a district's figures are its departments' reports: a district sends no file
     * of its own, and the police need not hear about the budget).
     */
    private List<String> responsible(Rule rule, Unit unit, YearMonth period, Figures figures) {
        List<String> responsible = new ArrayList<>(List.of(unit.key()));
        for (Figures.Current report : figures.departmentReports(period, this::parentOfDepartment)
                .getOrDefault(unit.key(), List.of())) {
            boolean givesSubject = catalog.form(report.formCode())
                    .map(form -> form.indicatorCodes().contains(rule.subject())).orElse(false);
            if (givesSubject && !responsible.contains(report.submitterKey())) {
                responsible.add(report.submitterKey());
            }
        }
        return responsible;
    }

    /** The unit a department's report is about (its parent); empty for a unit that reports for itself. */
    private Optional<String> parentOfDepartment(String submitterKey) {
        return catalog.unitByKey(submitterKey).filter(submitter -> submitter.kind().reportsForParent())
                .flatMap(catalog::parent).map(Unit::key);
    }

    private void store(YearMonth period, List<RuleResult> results) {
        jdbc.sql("DELETE FROM rule_result WHERE period = ?").param(period.toString()).update();
        for (RuleResult result : results) {
            jdbc.sql("""
                    INSERT INTO rule_result (period, rule_code, unit_key, severity, outcome, subject, responsible,
                                             in_briefing, message, looked_at, own_figure_missing)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(period.toString(), result.ruleCode(), result.unitKey(), result.severity().name(),
                            result.outcome().name(), result.subject(), String.join(" ", result.responsible()),
                            result.inBriefing(), result.message() == null ? null : truncate(result.message(), 2000),
                            result.lookedAt(), result.ownFigureMissing())
                    .update();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static Optional<MissingFigure> missing(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MissingFigure missing) {
                return Optional.of(missing);
            }
        }
        return Optional.empty();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
