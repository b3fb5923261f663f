package vn.giaoban.submission.internal.table;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The rows of a file, read one ahead: a reader says how to get the next row, or null at the end,
 * and this class keeps the iterator contract.
 */
abstract class LookaheadRows implements Iterator<SheetRow> {

    private SheetRow next;
    private boolean done;

    /** The next row, or null when there is none. */
    protected abstract SheetRow computeNext();

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            next = computeNext();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public final SheetRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SheetRow row = next;
        next = null;
        return row;
    }
}
