package vn.giaoban.submission.internal.table;

import java.io.Closeable;
import java.util.Iterator;

/**
 * The rows of one submitted file, whatever its format, so that finding the header and the
 * figures is written once. Rows are pulled one at a time: a unit may send a workbook far larger
 * than its report, and nothing here holds more than one sheet's position in memory.
 */
public interface TableSource extends Closeable {

    /**
     * Every sheet in workbook order, its rows in order, only rows with at least one non-empty
     * cell, cells in column order, text in NFC. Can be called once.
     *
     * <p>A file that turns out to be damaged part-way through makes the iterator throw an
     * {@link java.io.UncheckedIOException} whose cause's message is a Vietnamese sentence.
     *
     * @throws IllegalStateException when called a second time
     */
    Iterator<SheetRow> rows();

    /**
     * The cells read so far whose text was typed in an old Vietnamese font encoding and was given out
     * converted to Unicode (complete once {@link #rows()} has been read to its end).
     */
    default ConvertedCells convertedCells() {
        return new ConvertedCells();
    }
}
