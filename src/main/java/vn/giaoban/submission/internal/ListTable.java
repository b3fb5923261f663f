package vn.giaoban.submission.internal;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.context.expression.MapAccessor;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.BooleanLiteral;
import org.springframework.expression.spel.ast.CompoundExpression;
import org.springframework.expression.spel.ast.Elvis;
import org.springframework.expression.spel.ast.FunctionReference;
import org.springframework.expression.spel.ast.IntLiteral;
import org.springframework.expression.spel.ast.LongLiteral;
import org.springframework.expression.spel.ast.NullLiteral;
import org.springframework.expression.spel.ast.OpAnd;
import org.springframework.expression.spel.ast.OpEQ;
import org.springframework.expression.spel.ast.OpGE;
import org.springframework.expression.spel.ast.OpGT;
import org.springframework.expression.spel.ast.OpLE;
import org.springframework.expression.spel.ast.OpLT;
import org.springframework.expression.spel.ast.OpNE;
import org.springframework.expression.spel.ast.OpOr;
import org.springframework.expression.spel.ast.OperatorNot;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.RealLiteral;
import org.springframework.expression.spel.ast.StringLiteral;
import org.springframework.expression.spel.ast.Ternary;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.ListForm;
import vn.giaoban.submission.Finding;
import vn.giaoban.submission.Severity;
import vn.giaoban.submission.StagedValue;
import vn.giaoban.submission.internal.table.CellKind;
import vn.giaoban.submission.internal.table.SheetCell;
import vn.giaoban.submission.internal.table.SheetRow;
import vn.giaoban.text.Messages;
import vn.giaoban.text.VietnameseText;

/**
 * A list form's table being read: its columns found by their headings, each row below read as a
 * record (dates, numbers, text) and added into the aggregations the catalog defines, as it streams
 * by, so that a list of a million rows is never held in memory. A record is a row with a date where
 * the list requires one, or one that starts with its number; a record whose cell cannot be read, or
 * that lacks a required column, is a finding and is not counted. A total line, a note or a
 * signature under the list is not a record.
 *
 * <p>Just over 400 lines: the remembered filter results and the record they are kept for are one
 * hot loop's state; the cells' reading by type is {@link ListCells}'.
 */
final class ListTable {

    /** The findings' sentences (feedback.list.*): asked for only when a row is not counted. */

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    /** "Tổng cộng: 10 đơn", "Cộng", "Tổng số": a total line under the list, not a record. */
    private static final Pattern TOTAL_LINE = Pattern.compile(
            "(tong cong|tong so)\\b.*|cong\\s*[:.]?\\s*(\\d.*)?$");
    /** A record's number ("STT") typed as text: "12" or "12.". */
    private static final Pattern ORDINAL = Pattern.compile("\\d{1,7}\\.?");
    /**
     * The SpEL nodes a filter may be made of for its result to be remembered: reading the record's
     * columns and the table's variables, comparing, combining, calling {@code #is}. None of them
     * writes or depends on anything but the values it reads; an assignment, a method call or any
     * other node makes the filter evaluated on every row, as before.
     */
    private static final Set<Class<?>> PURE_NODES = Set.of(OpAnd.class, OpOr.class, OperatorNot.class, OpEQ.class,
            OpNE.class, OpLT.class, OpLE.class, OpGT.class, OpGE.class, Ternary.class, Elvis.class,
            StringLiteral.class, IntLiteral.class, LongLiteral.class, RealLiteral.class, BooleanLiteral.class,
            NullLiteral.class, VariableReference.class, FunctionReference.class, PropertyOrFieldReference.class,
            CompoundExpression.class);
    /** Results remembered per filter: a list's dates and statuses repeat; its names and addresses are never read. */
    private static final int MAX_REMEMBERED = 10_000;
    /** A filter that failed on these values: the row gets its finding again, without evaluating. */
    private static final Object FAILED = new Object();
    private static final Method IS;

    static {
        try {
            IS = ListTable.class.getDeclaredMethod("is", Object.class, String.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Catalog catalog;
    private final Messages words;
    private final ListCells cells;
    private final ListForm form;
    private final Map<Integer, ListForm.Column> columns;
    private final String sheet;
    private final List<Expression> filters = new ArrayList<>();
    /** Per filter, the column codes it reads (its result is a function of their values), or null: not remembered. */
    private final List<String[]> filterColumns = new ArrayList<>();
    private final List<Map<List<Object>, Object>> remembered = new ArrayList<>();
    private final BigDecimal[] totals;
    private final Map<String, Object> record = new HashMap<>();
    private final EvaluationContext context;
    private final ListRecordStore.Writer stored;
    private int firstRow = -1;
    private int lastRow = -1;
    private int records;
    private int notCounted;

    private ListTable(Catalog catalog, ListForm form, Map<Integer, ListForm.Column> columns, String sheet,
            YearMonth period, ListRecordStore.Writer stored, Messages words) {
        this.words = words;
        this.cells = new ListCells(words);
        this.catalog = catalog;
        this.stored = stored;
        this.form = form;
        this.columns = columns;
        this.sheet = sheet;
        this.totals = new BigDecimal[form.aggregations().size()];
        for (ListForm.Aggregation aggregation : form.aggregations()) {
            Expression filter = aggregation.filter().isEmpty() ? null : PARSER.parseExpression(aggregation.filter());
            filters.add(filter);
            filterColumns.add(filter == null ? null : columnsRead(filter, form));
            remembered.add(new HashMap<>());
        }
        SimpleEvaluationContext simple = SimpleEvaluationContext.forPropertyAccessors(new MapAccessor())
                .withRootObject(record).build();
        simple.setVariable("periodStart", period.atDay(1));
        simple.setVariable("periodEnd", period.atEndOfMonth());
        simple.setVariable("yearStart", LocalDate.of(period.getYear(), 1, 1));
        simple.setVariable("is", IS);
        this.context = simple;
    }

    /**
     * The list form whose headings this row carries, if any: every required column and at least
     * two columns in all, matched by heading without regard to case, spacing or diacritics.
     */
    static Optional<Map<Integer, ListForm.Column>> header(ListForm form, SheetRow row) {
        Map<Integer, ListForm.Column> found = new LinkedHashMap<>();
        Map<ListForm.Column, List<String>> names = new LinkedHashMap<>();
        form.columns().forEach(column -> names.put(column, names(column)));
        for (SheetCell cell : row.cells()) {
            if (cell.kind() != CellKind.TEXT) {
                continue;
            }
            String heading = VietnameseText.fold(cell.text());
            for (ListForm.Column column : form.columns()) {
                if (!found.containsValue(column) && names.get(column).contains(heading)) {
                    found.put(cell.column(), column);
                    break;
                }
            }
        }
        boolean required = form.columns().stream().filter(ListForm.Column::required).allMatch(found::containsValue);
        return required && found.size() >= 2 ? Optional.of(found) : Optional.empty();
    }

    /**
     * @param stored where each counted record goes as it is read
     * @param words  the findings' sentences
     */
    static ListTable start(Catalog catalog, ListForm form, Map<Integer, ListForm.Column> columns, String sheet,
            YearMonth period, ListRecordStore.Writer stored, Messages words) {
        return new ListTable(catalog, form, columns, sheet, period, stored, words);
    }

    /** Reads one row below the header into the aggregations; findings for what cannot be read. */
    void row(SheetRow row, List<Finding> findings) {
        if (!record(row)) {
            return;
        }
        record.clear();
        // every column of the form is there, null when this list lacks it: a filter may name any
        form.columns().forEach(column -> record.put(column.code(), null));
        List<Finding> problems = new ArrayList<>();
        for (Map.Entry<Integer, ListForm.Column> entry : columns.entrySet()) {
            SheetCell cell = cell(row, entry.getKey());
            if (cell == null || cell.kind() == CellKind.TEXT && cell.text().isBlank()) {
                continue;
            }
            record.put(entry.getValue().code(), cells.value(entry.getValue(), cell, sheet, problems));
        }
        for (ListForm.Column column : columns.values()) {
            if (column.required() && record.get(column.code()) == null && problems.isEmpty()) {
                problems.add(new Finding(Severity.ERROR, "LIST_MISSING_CELL", row.sheet(), "A" + row.number(), null,
                        words.get("feedback.list.missing-cell", row.number(), column.aliases().get(0))));
            }
        }
        if (!problems.isEmpty()) {
            findings.addAll(problems);
            notCounted++;
            return;
        }
        records++;
        firstRow = firstRow < 0 ? row.number() : firstRow;
        lastRow = row.number();
        if (stored.keeps()) {
            Object[] values = new Object[form.columns().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = record.get(form.columns().get(i).code());
            }
            stored.record(row.number(), values);
        }
        for (int i = 0; i < totals.length; i++) {
            ListForm.Aggregation aggregation = form.aggregations().get(i);
            if (!kept(i, row, findings)) {
                continue;
            }
            BigDecimal add = aggregation.function() == ListForm.Function.COUNT ? BigDecimal.ONE
                    : (BigDecimal) record.get(aggregation.column());
            if (add != null) {
                totals[i] = totals[i] == null ? add : totals[i].add(add);
            }
        }
    }

    /** The list's figures: each aggregation's count or sum, 0 when no row was kept. */
    List<StagedValue> values(String subjectKey, YearMonth period) {
        List<StagedValue> values = new ArrayList<>();
        String range = firstRow < 0 ? "A1" : "A" + firstRow + ":A" + lastRow;
        for (int i = 0; i < totals.length; i++) {
            ListForm.Aggregation aggregation = form.aggregations().get(i);
            Indicator indicator = catalog.indicator(aggregation.indicator());
            BigDecimal total = totals[i] == null ? BigDecimal.ZERO : totals[i];
            values.add(new StagedValue(subjectKey, indicator.code(), period, aggregation.measure(), total, null, sheet,
                    range));
        }
        return values;
    }

    int records() {
        return records;
    }

    /** Rows that were records but could not be counted (a finding each). */
    int notCounted() {
        return notCounted;
    }

    /**
     * Whether a row below the header is a record: it has a date in a required date column (or text
     * there beside other cells), or it starts with a number (its "STT"). A total line ("Tổng cộng:
     * 18 đơn"), a note or a signature block is none of these, whatever else it holds.
     */
    private boolean record(SheetRow row) {
        if (row.cells().isEmpty()) {
            return false;
        }
        SheetCell first = row.cells().get(0);
        // a number typed as text is no total line: only other text is folded to be compared with one
        boolean textOrdinal = first.kind() == CellKind.TEXT && ORDINAL.matcher(first.text().strip()).matches();
        if (first.kind() == CellKind.TEXT && !textOrdinal
                && TOTAL_LINE.matcher(VietnameseText.fold(first.text())).matches()) {
            return false;
        }
        boolean ordinal = first.kind() == CellKind.NUMBER && !first.date() || textOrdinal;
        if (ordinal && !columns.containsKey(first.column())) {
            return true;
        }
        // a date where the list requires one, or a typed one beside other cells (a note alone in the date column is not)
        int filled = -1;
        for (Map.Entry<Integer, ListForm.Column> e : columns.entrySet()) {
            if (!e.getValue().required() || e.getValue().type() != ListForm.ColumnType.DATE) {
                continue;
            }
            SheetCell c = cell(row, e.getKey());
            if (c == null) {
                continue;
            }
            if (c.kind() == CellKind.NUMBER) {
                return true;
            }
            if (c.kind() == CellKind.TEXT) {
                if (ListCells.DAY_MONTH_YEAR.matcher(c.text().strip()).matches()) {
                    return true;
                }
                if (filled < 0) {
                    filled = filled(row);
                }
                if (filled >= 2) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How many of the list's columns hold something in this row. */
    private int filled(SheetRow row) {
        int filled = 0;
        for (Integer column : columns.keySet()) {
            SheetCell c = cell(row, column);
            if (c != null && !(c.kind() == CellKind.TEXT && c.text().isBlank())) {
                filled++;
            }
        }
        return filled;
    }

    /** {@link SheetRow#cell} without its Optional, on the path every row takes. */
    private static SheetCell cell(SheetRow row, int column) {
        List<SheetCell> cells = row.cells();
        for (int i = 0, n = cells.size(); i < n; i++) {
            SheetCell cell = cells.get(i);
            if (cell.column() == column) {
                return cell;
            }
            if (cell.column() > column) {
                break;
            }
        }
        return null;
    }

    String sheet() {
        return sheet;
    }

    private boolean kept(int aggregation, SheetRow row, List<Finding> findings) {
        Expression filter = filters.get(aggregation);
        if (filter == null) {
            return true;
        }
        String[] read = filterColumns.get(aggregation);
        Map<List<Object>, Object> results = remembered.get(aggregation);
        List<Object> key = null;
        Object result;
        if (read != null) {
            Object[] values = new Object[read.length];
            for (int i = 0; i < read.length; i++) {
                values[i] = record.get(read[i]);
            }
            key = Arrays.asList(values);
            result = results.get(key);
            if (result == null) {
                result = evaluate(filter);
                if (results.size() < MAX_REMEMBERED) {
                    results.put(key, result);
                }
            }
        } else {
            result = evaluate(filter);
        }
        if (result != FAILED) {
            return (Boolean) result;
        }
        findings.add(new Finding(Severity.ERROR, "LIST_ROW_NOT_COUNTED", row.sheet(), "A" + row.number(), null,
                words.get("feedback.list.row-not-counted", row.number(), catalog.indicator(
                        form.aggregations().get(aggregation).indicator()).name())));
        return false;
    }

    /** TRUE or FALSE as the filter says, or {@link #FAILED}. */
    private Object evaluate(Expression filter) {
        try {
            return Boolean.TRUE.equals(filter.getValue(context, Boolean.class));
        } catch (EvaluationException e) {
            return FAILED;
        }
    }

    /**
     * The column codes a filter reads, when it is made only of {@link #PURE_NODES}: its result then
     * depends on their values alone and is remembered per combination; null otherwise.
     */
    private static String[] columnsRead(Expression filter, ListForm form) {
        if (!(filter instanceof SpelExpression spel)) {
            return null;
        }
        Set<String> codes = new TreeSet<>();
        form.columns().forEach(column -> codes.add(column.code()));
        Set<String> read = new TreeSet<>();
        return collect(spel.getAST(), codes, read) ? read.toArray(String[]::new) : null;
    }

    private static boolean collect(SpelNode node, Set<String> codes, Set<String> read) {
        if (!PURE_NODES.contains(node.getClass())) {
            return false;
        }
        // #root and #this are the whole record: its names and addresses would decide the result
        if (node instanceof VariableReference && Set.of("#root", "#this").contains(node.toStringAST())) {
            return false;
        }
        if (node instanceof PropertyOrFieldReference property && codes.contains(property.getName())) {
            read.add(property.getName());
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            if (!collect(node.getChild(i), codes, read)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> names(ListForm.Column column) {
        List<String> names = new ArrayList<>();
        names.add(VietnameseText.fold(column.code()));
        column.aliases().forEach(alias -> names.add(VietnameseText.fold(alias)));
        return names;
    }

    /**
     * The filters' {@code #is(column, 'Đã giải quyết|Đã GQ')}: true when the text is one of the
     * names, without regard to case, spacing or diacritics.
     */
    static boolean is(Object value, String names) {
        if (value == null) {
            return false;
        }
        String folded = VietnameseText.fold(value.toString());
        for (String name : names.split("\\|")) {
            if (folded.equals(VietnameseText.fold(name))) {
                return true;
            }
        }
        return false;
    }
}
