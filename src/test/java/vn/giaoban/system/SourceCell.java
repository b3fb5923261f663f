package vn.giaoban.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Iterator;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import vn.giaoban.submission.internal.table.SheetCell;
import vn.giaoban.submission.internal.table.SheetRow;
import vn.giaoban.submission.internal.table.TableSource;
import vn.giaoban.submission.internal.table.TableSources;
import vn.giaoban.submission.internal.table.UnreadableFileException;

/**
 * What a person sees in a cell of a submitted file: a workbook is opened with POI's usermodel,
 * independently of giaoban's streaming reader; a CSV with the plain reader.
 */
final class SourceCell {

    private SourceCell() {
    }

    static String text(Path file, String sheet, String reference) {
        if (file.getFileName().toString().toLowerCase().endsWith(".csv")) {
            return csv(file, reference);
        }
        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            CellReference ref = new CellReference(reference);
            Cell cell = workbook.getSheet(sheet).getRow(ref.getRow()).getCell(ref.getCol());
            CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
            return switch (type) {
                case NUMERIC -> new java.math.BigDecimal(String.valueOf(cell.getNumericCellValue()))
                        .stripTrailingZeros().toPlainString();
                default -> cell.getStringCellValue();
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String csv(Path file, String reference) {
        try (TableSource source = TableSources.open(file, Charset.forName("windows-1258"))) {
            for (Iterator<SheetRow> rows = source.rows(); rows.hasNext();) {
                for (SheetCell cell : rows.next().cells()) {
                    if (cell.reference().equals(reference)) {
                        return cell.text();
                    }
                }
            }
            throw new IllegalArgumentException("No cell " + reference + " in " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UnreadableFileException e) {
            throw new IllegalStateException(e);
        }
    }
}
