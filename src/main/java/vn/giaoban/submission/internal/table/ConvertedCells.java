package vn.giaoban.submission.internal.table;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.giaoban.text.LegacyVietnamese.Encoding;

/**
 * The cells whose text was typed in an old Vietnamese font encoding and converted to Unicode, kept
 * as runs of rows per column so that the unit is told once, compactly ("B3, B5-B12"), whatever the
 * number of cells.
 */
public final class ConvertedCells {

    /** Runs kept per file: beyond them the unit is told how many cells more. */
    static final int MAX_RUNS = 40;

    /** A sheet's converted cells, column by column. */
    public record Sheet(String name, List<String> runs) {
    }

    private final Map<String, TreeMap<Integer, List<int[]>>> sheets = new LinkedHashMap<>();
    private final Set<Encoding> encodings = EnumSet.noneOf(Encoding.class);
    private int runs;
    private long cells;
    private long omitted;

    void add(String sheet, SheetCell cell) {
        cells++;
        encodings.add(cell.convertedFrom() == Encoding.TCVN3_CAPITALS ? Encoding.TCVN3 : cell.convertedFrom());
        List<int[]> column = sheets.computeIfAbsent(sheet, name -> new TreeMap<>())
                .computeIfAbsent(cell.column(), c -> new ArrayList<>());
        int row = cell.row();
        if (!column.isEmpty()) {
            int[] last = column.get(column.size() - 1);
            if (row >= last[0] && row <= last[1] + 1) {
                last[1] = Math.max(last[1], row);
                return;
            }
        }
        if (runs >= MAX_RUNS) {
            omitted++;
            return;
        }
        runs++;
        column.add(new int[] {row, row});
    }

    public boolean isEmpty() {
        return cells == 0;
    }

    /** The encodings converted from, as people name them: "TCVN3", "VNI". */
    public List<String> encodings() {
        return encodings.stream().map(Encoding::label).distinct().toList();
    }

    /** Per sheet, in reading order, the converted cells as runs: "B3", "B5-B12". */
    public List<Sheet> sheets() {
        List<Sheet> result = new ArrayList<>();
        sheets.forEach((name, columns) -> {
            List<String> text = new ArrayList<>();
            columns.forEach((column, rows) -> {
                String letters = TableSources.columnName(column);
                for (int[] run : rows) {
                    text.add(run[0] == run[1] ? letters + run[0] : letters + run[0] + "-" + letters + run[1]);
                }
            });
            result.add(new Sheet(name, List.copyOf(text)));
        });
        return result;
    }

    /** Cells converted but not among the runs kept. */
    public long omitted() {
        return omitted;
    }
}
