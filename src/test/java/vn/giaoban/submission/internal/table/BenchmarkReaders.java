package vn.giaoban.submission.internal.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * The benchmark harness's way in to giaoban's own readers (package-private, as they should be):
 * each reads a whole file once, every cell resolved as giaoban reads it, without the vetting pass
 * {@link TableSources#open} adds before handing a file out.
 */
public final class BenchmarkReaders {

    private BenchmarkReaders() {
    }

    /** Cells read from an .xlsx by {@link XlsxTableSource}. */
    public static long xlsx(Path file, ReadLimits limits) {
        try (TableSource source = XlsxTableSource.open(file, limits)) {
            return cells(source.rows());
        } catch (UnreadableFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cells read from a CSV by {@link CsvTableSource}. */
    public static long csv(Path file, Charset fallbackCharset) {
        try (TableSource source = CsvTableSource.open(file, fallbackCharset)) {
            return cells(source.rows());
        } catch (UnreadableFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts the cells and touches each one's text, so that nothing read is left unused. */
    private static long cells(Iterator<SheetRow> rows) {
        long cells = 0;
        long chars = 0;
        while (rows.hasNext()) {
            for (SheetCell cell : rows.next().cells()) {
                cells++;
                chars += cell.text().length();
            }
        }
        return chars < 0 ? -1 : cells;
    }
}
