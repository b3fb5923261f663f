package vn.giaoban.catalog.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.expression.ParseException;
import org.springframework.expression.common.TemplateParserContext;
import org.springframework.expression.spel.standard.SpelExpressionParser;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.ListForm;
import vn.giaoban.catalog.Rule;
import vn.giaoban.catalog.UnitKind;
import vn.giaoban.catalog.ValueType;

/**
 * Checks rules and list forms when the catalog loads: every expression parses, every form, unit,
 * indicator and column it names exists, so a typing mistake stops the start-up with its file and
 * entry rather than every night with "could not evaluate".
 */
final class RuleValidation {

    /** Quoted names inside expressions: indicator, form, target and column codes. */
    private static final Pattern QUOTED = Pattern.compile("'([A-Z][A-Z0-9_\\-]*)'");
    private static final SpelExpressionParser PARSER = new SpelExpressionParser();

    interface Problems {
        void add(String file, long line, String entry, String message);
    }

    private RuleValidation() {
    }

    static void validate(Catalog catalog, Problems problems) {
        Set<String> known = new HashSet<>();
        catalog.indicators().forEach(i -> known.add(i.code()));
        catalog.forms().forEach(f -> known.add(f.code()));
        catalog.targets().forEach(t -> known.add(t.code()));
        catalog.units().forEach(u -> known.add(u.code()));
        known.addAll(List.of("MONTH", "CUMULATIVE", "POINT", "PLAN_YEAR", "SAME_PERIOD_LAST_YEAR", "PERCENT_OF_PLAN",
                "PERCENT_OF_LAST_YEAR", "DAT", "CHUA_DAT"));
        for (Rule rule : catalog.rules()) {
            if (!catalog.indicators().stream().anyMatch(i -> i.code().equals(rule.subject()))) {
                problems.add("rules.csv", 0, rule.code(), "chỉ tiêu " + rule.subject() + " không có trong indicators.csv");
            }
            scope(catalog, rule, problems);
            parse(rule.check(), false, "rules.csv", rule.code(), problems);
            parse(rule.message(), true, "rules.csv", rule.code(), problems);
            names(rule.check() + " " + rule.message(), known, "rules.csv", rule.code(), problems);
            if (rule.severity() == Rule.Severity.ERROR && rule.appliesTo().kind() != Rule.Scope.Kind.FORM) {
                problems.add("rules.csv", 0, rule.code(), "quy tắc mức ERROR (loại bỏ giá trị) chỉ dùng cho phạm vi form:"
                        + " giữa các đơn vị không biết giá trị nào sai, hãy dùng WARNING");
            }
        }
        for (ListForm list : catalog.listForms()) {
            listForm(catalog, list, problems);
        }
    }

    private static void scope(Catalog catalog, Rule rule, Problems problems) {
        for (String value : rule.appliesTo().values()) {
            boolean exists = switch (rule.appliesTo().kind()) {
                case FORM -> catalog.form(value).isPresent();
                case UNIT -> !catalog.unitsWithCode(value).isEmpty();
                case KIND -> {
                    try {
                        UnitKind.valueOf(value.toUpperCase(Locale.ROOT));
                        yield true;
                    } catch (IllegalArgumentException e) {
                        yield false;
                    }
                }
            };
            if (!exists) {
                problems.add("rules.csv", 0, rule.code(), "phạm vi " + rule.appliesTo() + ": " + value
                        + " không có trong danh mục");
            }
        }
    }

    private static void listForm(Catalog catalog, ListForm list, Problems problems) {
        Form form = catalog.form(list.formCode()).orElse(null);
        if (form == null) {
            problems.add("list-columns.csv", 0, list.formCode(), "biểu mẫu không có trong forms.csv");
            return;
        }
        if (!form.indicatorCodes().isEmpty()) {
            problems.add("forms.csv", 0, list.formCode(), "biểu dạng danh sách không mang chỉ tiêu trực tiếp: để trống cột"
                    + " indicators, các chỉ tiêu được tính theo list-aggregations.csv");
        }
        if (list.columns().isEmpty()) {
            problems.add("list-columns.csv", 0, list.formCode(), "biểu dạng danh sách chưa có cột nào");
        }
        Set<String> columns = new HashSet<>();
        list.columns().forEach(c -> columns.add(c.code()));
        for (ListForm.Aggregation aggregation : list.aggregations()) {
            String entry = list.formCode() + " " + aggregation.indicator();
            Indicator indicator = catalog.indicators().stream().filter(i -> i.code().equals(aggregation.indicator()))
                    .findFirst().orElse(null);
            if (indicator == null) {
                problems.add("list-aggregations.csv", 0, entry, "chỉ tiêu không có trong indicators.csv");
            } else if (indicator.valueType() == ValueType.TEXT || indicator.valueType() == ValueType.STATUS) {
                problems.add("list-aggregations.csv", 0, entry, "chỉ tiêu dạng chữ không tính được từ danh sách");
            }
            if (aggregation.function() == ListForm.Function.SUM && list.columns().stream()
                    .noneMatch(c -> c.code().equals(aggregation.column()) && c.type() == ListForm.ColumnType.NUMBER)) {
                problems.add("list-aggregations.csv", 0, entry, "phép SUM cần một cột kiểu NUMBER có trong list-columns.csv");
            }
            if (!aggregation.filter().isEmpty()) {
                parse(aggregation.filter(), false, "list-aggregations.csv", entry, problems);
            }
        }
    }

    private static void parse(String expression, boolean template, String file, String entry, Problems problems) {
        try {
            if (template) {
                PARSER.parseExpression(expression, new TemplateParserContext());
            } else {
                PARSER.parseExpression(expression);
            }
        } catch (ParseException e) {
            problems.add(file, 0, entry, "biểu thức không hợp lệ '" + expression + "': " + e.getSimpleMessage());
        }
    }

    private static void names(String text, Set<String> known, String file, String entry, Problems problems) {
        Matcher matcher = QUOTED.matcher(text);
        while (matcher.find()) {
            if (!known.contains(matcher.group(1))) {
                problems.add(file, 0, entry, "mã '" + matcher.group(1) + "' không có trong danh mục (chỉ tiêu, biểu mẫu,"
                        + " chỉ tiêu kế hoạch hoặc đơn vị)");
            }
        }
    }
}
