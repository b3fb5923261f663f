package vn.giaoban.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.giaoban.catalog.ListForm;

/** Groups the lines of {@code list-columns.csv} and {@code list-aggregations.csv} into list forms. */
final class ListForms {

    record ColumnRow(String form, ListForm.Column column) {
    }

    record AggregationRow(String form, ListForm.Aggregation aggregation) {
    }

    private ListForms() {
    }

    static List<ListForm> of(List<ColumnRow> columns, List<AggregationRow> aggregations) {
        Map<String, List<ListForm.Column>> columnsByForm = new LinkedHashMap<>();
        Map<String, List<ListForm.Aggregation>> aggregationsByForm = new LinkedHashMap<>();
        columns.forEach(row -> columnsByForm.computeIfAbsent(row.form(), f -> new ArrayList<>()).add(row.column()));
        for (AggregationRow row : aggregations) {
            columnsByForm.computeIfAbsent(row.form(), f -> new ArrayList<>());
            aggregationsByForm.computeIfAbsent(row.form(), f -> new ArrayList<>()).add(row.aggregation());
        }
        List<ListForm> forms = new ArrayList<>();
        columnsByForm.forEach((form, formColumns) -> forms.add(new ListForm(form, List.copyOf(formColumns),
                List.copyOf(aggregationsByForm.getOrDefault(form, List.of())))));
        return forms;
    }
}
