package vn.giaoban.submission.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

import vn.giaoban.catalog.ListForm;

/**
 * Where a list's records go while the list is read: into {@code list_record}, written by a thread of
 * their own so that parsing the file and inserting its rows use both cores. The reading thread hands
 * over batches through a short queue (memory stays bounded whatever the length of the list); the
 * writing thread inserts each batch with one JDBC batch and commits every {@value #COMMIT_ROWS} rows,
 * so a long list never holds one huge transaction open. The records are committed before their
 * submission is stored; a read that is killed leaves the submission waiting, and reading it again
 * first deletes what the killed read wrote.
 */
@Component
public class ListRecordStore {

    static final int BATCH_ROWS = 1_000;
    static final int COMMIT_ROWS = 20_000;
    /** A record's text cell longer than this is cut: a list cell is a name, an address, a summary. */
    static final int MAX_TEXT = 2_000;
    /** The length of {@code list_record.fields}. */
    private static final int MAX_FIELDS = 32_000;
    private static final int QUEUED_BATCHES = 8;

    private final DataSource dataSource;

    public ListRecordStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A store that keeps nothing: for reading a file without a database (a check, a test of the reader). */
    public static ListRecordStore none() {
        return new ListRecordStore(null);
    }

    /**
     * Starts taking the records of one submission's list, after deleting any a killed earlier read
     * of the same submission left.
     */
    Writer open(long submissionId, ListForm form) {
        if (dataSource == null) {
            return new Writer(submissionId, form.columns(), null);
        }
        Writer writer = new Writer(submissionId, form.columns(), dataSource);
        writer.start();
        return writer;
    }

    /** Storing a list's records failed: the database's fault, not the file's; the night stops and can be restarted. */
    public static final class StoreFailure extends RuntimeException {
        StoreFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Records handed from the reading thread to the inserting one: their rows in the file and their JSON. */
    private record Batch(int[] rows, String[] fields, int size) {
    }

    /** The records of one list being read, and the thread that inserts them. */
    static final class Writer implements AutoCloseable {

        private static final Batch END = new Batch(new int[0], new String[0], 0);

        private final long submissionId;
        private final List<ListForm.Column> columns;
        private final DataSource dataSource;
        /** A cell's text is cut at this many characters of JSON, so that a whole record fits its column. */
        private final int maxText;
        private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        private int[] rows = new int[BATCH_ROWS];
        private String[] fields = new String[BATCH_ROWS];
        private final StringBuilder json = new StringBuilder(256);
        private int size;
        private Thread thread;
        private volatile Throwable failure;
        /** The read failed: what is still queued is dropped and what was not committed is rolled back. */
        private volatile boolean abandoned;
        private boolean finished;

        private Writer(long submissionId, List<ListForm.Column> columns, DataSource dataSource) {
            this.submissionId = submissionId;
            this.columns = columns;
            this.dataSource = dataSource;
            this.maxText = Math.min(MAX_TEXT, MAX_FIELDS / Math.max(1, columns.size()) - 40);
        }

        private void start() {
            thread = new Thread(this::insertAll, "list-records-" + submissionId);
            thread.setDaemon(true);
            thread.start();
        }

        /** Whether records are kept at all: a reader without a database copies none out. */
        boolean keeps() {
            return dataSource != null;
        }

        /**
         * One record: its row in the file and its values in the order of the form's columns. It is encoded
         * here, on the reading thread, so that the inserting thread, the slower of the two, only inserts.
         */
        void record(int sheetRow, Object[] values) {
            if (dataSource == null) {
                return;
            }
            rows[size] = sheetRow;
            fields[size++] = json(values, json);
            if (size == BATCH_ROWS) {
                hand(new Batch(rows, fields, size));
                rows = new int[BATCH_ROWS];
                fields = new String[BATCH_ROWS];
                size = 0;
            }
        }

        /** Waits until every record is committed; throws {@link StoreFailure} when one could not be. */
        void finish() {
            if (dataSource == null || finished) {
                return;
            }
            finished = true;
            if (size > 0) {
                hand(new Batch(rows, fields, size));
            }
            hand(END);
            join();
            if (failure != null) {
                throw failure(failure);
            }
        }

        /**
         * Stops after the batch being inserted: a read that failed leaves its committed records to be
         * deleted by the next read (or by the filing of its rejection). The thread is not interrupted:
         * an interrupt during the database's file I/O would close the embedded database's files.
         */
        @Override
        public void close() {
            if (dataSource == null || finished) {
                return;
            }
            finished = true;
            abandoned = true;
            try {
                hand(END);
            } catch (StoreFailure e) {
                // the thread has already stopped, on its own failure
            }
            join();
        }

        private void hand(Batch handed) {
            try {
                while (!queue.offer(handed, 200, TimeUnit.MILLISECONDS)) {
                    if (failure != null || !thread.isAlive()) {
                        throw failure(failure);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreFailure("interrupted while handing list records over", e);
            }
        }

        private void join() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreFailure("interrupted while waiting for list records to be stored", e);
            }
        }

        private StoreFailure failure(Throwable cause) {
            return new StoreFailure("the records of submission " + submissionId + " could not be stored", cause);
        }

        private void insertAll() {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM list_record WHERE submission_id = ?")) {
                    delete.setLong(1, submissionId);
                    delete.executeUpdate();
                }
                connection.commit();
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO list_record (submission_id, sheet_row, fields) VALUES (?, ?, ?)")) {
                    int uncommitted = 0;
                    for (Batch batch = queue.take(); batch != END; batch = queue.take()) {
                        if (abandoned) {
                            continue;
                        }
                        for (int i = 0; i < batch.size(); i++) {
                            insert.setLong(1, submissionId);
                            insert.setInt(2, batch.rows()[i]);
                            insert.setString(3, batch.fields()[i]);
                            insert.addBatch();
                        }
                        insert.executeBatch();
                        uncommitted += batch.size();
                        if (uncommitted >= COMMIT_ROWS) {
                            connection.commit();
                            uncommitted = 0;
                        }
                    }
                }
                if (abandoned) {
                    connection.rollback();
                } else {
                    connection.commit();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
            } catch (SQLException | RuntimeException e) {
                failure = e;
                queue.clear();
            }
        }

        private String json(Object[] values, StringBuilder json) {
            json.setLength(0);
            json.append('{');
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                if (value == null) {
                    continue;
                }
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append('"').append(columns.get(i).code()).append("\":");
                if (value instanceof BigDecimal number) {
                    json.append(number.toPlainString());
                } else if (value instanceof LocalDate date) {
                    json.append('"').append(date).append('"');
                } else {
                    quote(value.toString(), json, maxText);
                }
            }
            return json.append('}').toString();
        }

        private static void quote(String text, StringBuilder json, int maxText) {
            if (text.length() <= maxText && plain(text)) {
                // nothing to escape or cut, as nearly every cell: one append, not one per char (17% of the reading thread)
                json.append('"').append(text).append('"');
                return;
            }
            json.append('"');
            int limit = json.length() + maxText;
            for (int i = 0; i < text.length() && json.length() < limit; i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> json.append("\\\"");
                    case '\\' -> json.append("\\\\");
                    case '\n' -> json.append("\\n");
                    case '\r' -> json.append("\\r");
                    case '\t' -> json.append("\\t");
                    default -> {
                        if (Character.isHighSurrogate(c) && i + 1 < text.length() && json.length() + 2 > limit) {
                            i = text.length(); // never half a character
                        } else if (c < 0x20) {
                            json.append(String.format("\\u%04x", (int) c));
                        } else {
                            json.append(c);
                        }
                    }
                }
            }
            json.append('"');
        }

        /** No character {@link #quote} escapes. */
        private static boolean plain(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c == '"' || c == '\\') {
                    return false;
                }
            }
            return true;
        }
    }
}
