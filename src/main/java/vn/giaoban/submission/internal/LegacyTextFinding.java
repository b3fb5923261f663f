package vn.giaoban.submission.internal;

import java.util.ArrayList;
import java.util.List;
import vn.giaoban.submission.Finding;
import vn.giaoban.submission.IngestResult;
import vn.giaoban.submission.Severity;
import vn.giaoban.submission.internal.table.ConvertedCells;
import vn.giaoban.text.Messages;

/**
 * Tells the unit, once per file, which cells were typed in an old Vietnamese font encoding and were
 * read converted to Unicode: one finding listing the cells compactly, never one per cell.
 */
final class LegacyTextFinding {

    static final String CODE = "LEGACY_TEXT";

    private LegacyTextFinding() {
    }

    /** The result with the finding added, or as it is when no cell was converted. */
    static IngestResult added(IngestResult result, ConvertedCells cells, Messages words) {
        if (cells.isEmpty()) {
            return result;
        }
        List<ConvertedCells.Sheet> sheets = cells.sheets();
        List<String> places = new ArrayList<>();
        for (ConvertedCells.Sheet sheet : sheets) {
            String runs = String.join(", ", sheet.runs());
            places.add(sheets.size() == 1 ? words.get("feedback.reading.legacy-text.cells", runs)
                    : words.get("feedback.reading.legacy-text.sheet", sheet.name(), runs));
        }
        String where = String.join("; ", places);
        if (cells.omitted() > 0) {
            where = words.get("feedback.reading.legacy-text.more", where, cells.omitted());
        }
        String message = words.get("feedback.reading.legacy-text", where, String.join(", ", cells.encodings()));
        List<Finding> findings = new ArrayList<>(result.findings());
        findings.add(new Finding(Severity.INFO, CODE, sheets.size() == 1 ? sheets.get(0).name() : null, null, null,
                message));
        return new IngestResult(result.submissionId(), result.status(), result.unitKey(), result.formCode(),
                result.period(), result.asOf(), result.values(), List.copyOf(findings), result.rejection());
    }
}
