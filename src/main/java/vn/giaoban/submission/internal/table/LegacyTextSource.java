package vn.giaoban.submission.internal.table;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import vn.giaoban.text.LegacyVietnamese;
import vn.giaoban.text.LegacyVietnamese.Encoding;

/**
 * Text typed in the old Vietnamese font encodings (TCVN3's {@code .VnTime}, {@code VNI-Times}), given
 * out in Unicode before anything matches a heading, a title or a unit's name. A source that knows its
 * cells' fonts converts them itself ({@link LegacyFonts}); for every sheet the first rows are also
 * looked at ({@value #LOOKAHEAD_ROWS}), and when {@link LegacyVietnamese#detect} finds the sheet's text
 * typed in one encoding (a CSV, a style without a font) each text cell of the sheet that reads as
 * Vietnamese only once converted is converted. A sheet with neither costs the look at its first rows,
 * nothing per cell after them.
 */
final class LegacyTextSource implements TableSource {

    /** Rows of each sheet looked at before its first row is given out. */
    static final int LOOKAHEAD_ROWS = 100;

    private final TableSource source;
    private final boolean fonts;
    private final ConvertedCells converted = new ConvertedCells();

    LegacyTextSource(TableSource source) {
        this.source = source;
        this.fonts = source instanceof LegacyFonts known && known.hasLegacyFonts();
    }

    @Override
    public Iterator<SheetRow> rows() {
        return new Rows(source.rows());
    }

    @Override
    public ConvertedCells convertedCells() {
        return converted;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    private final class Rows extends LookaheadRows {
        private final Iterator<SheetRow> rows;
        private final Deque<SheetRow> ahead = new ArrayDeque<>();
        /** The first row of the next sheet, met while looking ahead. */
        private SheetRow held;
        private String sheet;
        private Encoding detected;

        Rows(Iterator<SheetRow> rows) {
            this.rows = rows;
        }

        @Override
        protected SheetRow computeNext() {
            if (ahead.isEmpty()) {
                SheetRow row = held != null ? held : rows.hasNext() ? rows.next() : null;
                held = null;
                if (row == null) {
                    return null;
                }
                if (row.sheet().equals(sheet)) {
                    return convert(row);
                }
                lookAhead(row);
            }
            return convert(ahead.poll());
        }

        private void lookAhead(SheetRow first) {
            sheet = first.sheet();
            ahead.add(first);
            while (ahead.size() < LOOKAHEAD_ROWS && rows.hasNext()) {
                SheetRow row = rows.next();
                if (!row.sheet().equals(sheet)) {
                    held = row;
                    break;
                }
                ahead.add(row);
            }
            List<String> texts = new ArrayList<>();
            for (SheetRow row : ahead) {
                for (SheetCell cell : row.cells()) {
                    if (cell.kind() == CellKind.TEXT && cell.convertedFrom() == null) {
                        texts.add(cell.text());
                    }
                }
            }
            detected = LegacyVietnamese.detect(texts).orElse(null);
        }

        private SheetRow convert(SheetRow row) {
            if (detected == null && !fonts) {
                return row;
            }
            List<SheetCell> cells = null;
            for (int i = 0; i < row.cells().size(); i++) {
                SheetCell cell = row.cells().get(i);
                if (cell.convertedFrom() == null && detected != null && cell.kind() == CellKind.TEXT) {
                    Optional<String> unicode = LegacyVietnamese.convertIfLegacy(cell.text(), detected);
                    if (unicode.isPresent()) {
                        if (cells == null) {
                            cells = new ArrayList<>(row.cells());
                        }
                        cell = cell.converted(unicode.get(), detected);
                        cells.set(i, cell);
                    }
                }
                if (cell.convertedFrom() != null) {
                    converted.add(row.sheet(), cell);
                }
            }
            return cells == null ? row : new SheetRow(row.sheet(), row.number(), row.hidden(), List.copyOf(cells));
        }
    }
}
