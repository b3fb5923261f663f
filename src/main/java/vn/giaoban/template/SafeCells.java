package vn.giaoban.template;

import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Writes text that came from data (a submission, the catalog, a person) into a spreadsheet cell so
 * that no program ever takes it for a formula. A text beginning with {@code = + - @} (or a tab or
 * carriage return, which some programs strip before looking) is written as a string cell whose
 * style carries Excel's quote prefix: the cell shows the text as it is, and stays text even when
 * someone edits it and presses Enter. Everything else is a plain string cell.
 *
 * <p>One instance per workbook: it keeps the quote-prefixed twin of each style it has met, so a
 * sheet of many such cells adds one style, not one per cell. Not thread-safe (neither is POI's
 * usermodel).
 */
public final class SafeCells {

    private final Workbook workbook;
    /** base style index to its quote-prefixed twin */
    private final Map<Integer, CellStyle> quoted = new HashMap<>();

    public SafeCells(Workbook workbook) {
        this.workbook = workbook;
    }

    /** Would a spreadsheet program read this text as the start of a formula? */
    public static boolean looksLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '＝' || first == '＋' || first == '－' || first == '＠';
    }

    /**
     * The text made safe for a CSV or plain-text file a spreadsheet may open: a formula-like text
     * gets a leading apostrophe (the OWASP rule); anything else is returned unchanged.
     */
    public static String forCsv(String text) {
        return looksLikeFormula(text) ? "'" + text : text;
    }

    /**
     * Puts {@code text} into {@code cell} as text, never as a formula; null or empty leaves the
     * cell blank. The cell keeps its style (quote-prefixed when the text needs it).
     */
    public Cell text(Cell cell, String text) {
        if (text == null || text.isEmpty()) {
            cell.setBlank();
            return cell;
        }
        cell.setCellValue(text);
        if (looksLikeFormula(text)) {
            cell.setCellStyle(quotedTwin(cell.getCellStyle()));
        }
        return cell;
    }

    /** The style itself when it is already quote-prefixed, else a copy of it that is. */
    private CellStyle quotedTwin(CellStyle style) {
        if (style.getQuotePrefixed()) {
            return style;
        }
        return quoted.computeIfAbsent(style.getIndex() & 0xFFFF, index -> {
            CellStyle twin = workbook.createCellStyle();
            twin.cloneStyleFrom(style);
            twin.setQuotePrefixed(true);
            return twin;
        });
    }
}
