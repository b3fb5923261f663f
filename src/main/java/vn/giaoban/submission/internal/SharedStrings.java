package vn.giaoban.submission.internal;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A workbook's shared strings, the one table of an .xlsx that is held whole (a cell names its text
 * by index). A report's table holds a few hundred strings and stays on the heap; a list of a
 * million names and addresses holds a million, which, above a configured size, are moved to a
 * memory-mapped temporary file so that the heap stays flat in the number of rows.
 */
abstract class SharedStrings implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(SharedStrings.class);

    static final SharedStrings EMPTY = new OnHeap(List.of());

    abstract int size();

    /** The string at {@code index}, which the caller has checked against {@link #size()}. */
    abstract String get(int index);

    @Override
    public void close() throws IOException {
    }

    /**
     * Collects the table's strings in order: on the heap within {@code heapBudget} bytes (counted as
     * Java holds them), moved to a file once they exceed {@code offHeapAbove} bytes. Past the budget
     * with no file allowed, {@link #add} says no.
     */
    static final class Builder implements Closeable {
        private final long heapBudget;
        private final long offHeapAbove;
        private final long overheadBytes;
        private List<String> strings = new ArrayList<>();
        private long used;
        private FileBacked.Writer file;

        /**
         * @param offHeapAbove  bytes past which the strings go to a file; {@link Long#MAX_VALUE} keeps
         *                      them on the heap, within {@code heapBudget}
         * @param overheadBytes what a String costs beyond two bytes per char
         */
        Builder(long heapBudget, long offHeapAbove, long overheadBytes) {
            this.heapBudget = heapBudget;
            this.offHeapAbove = offHeapAbove;
            this.overheadBytes = overheadBytes;
        }

        /** False when the string does not fit the heap budget and no file may take it. */
        boolean add(String string) throws IOException {
            if (file != null) {
                file.add(string);
                return true;
            }
            used += overheadBytes + 2L * string.length();
            if (used > offHeapAbove) {
                file = new FileBacked.Writer();
                log.info("shared strings beyond {} bytes: kept in a memory-mapped file", offHeapAbove);
                for (String earlier : strings) {
                    file.add(earlier);
                }
                strings = null;
                file.add(string);
                return true;
            }
            if (used > heapBudget) {
                return false;
            }
            strings.add(string);
            return true;
        }

        int count() {
            return file != null ? file.count : strings.size();
        }

        SharedStrings build() throws IOException {
            if (file == null) {
                return new OnHeap(strings);
            }
            FileBacked.Writer writer = file;
            file = null;
            return writer.finish();
        }

        /** Drops a file a failed reading left behind. */
        @Override
        public void close() throws IOException {
            if (file != null) {
                file.abandon();
                file = null;
            }
        }
    }

    private static final class OnHeap extends SharedStrings {
        private final List<String> strings;

        OnHeap(List<String> strings) {
            this.strings = strings;
        }

        @Override
        int size() {
            return strings.size();
        }

        @Override
        String get(int index) {
            return strings.get(index);
        }
    }

    /**
     * The strings as UTF-8 in one temporary file and their start offsets in another, both mapped
     * and deleted at once (the mapping keeps them readable; nothing is left behind if the process
     * dies). The heap holds neither the text nor the offsets.
     */
    static final class FileBacked extends SharedStrings {
        private final MappedByteBuffer text;
        private final MappedByteBuffer offsets;
        private final int size;

        private FileBacked(MappedByteBuffer text, MappedByteBuffer offsets, int size) {
            this.text = text;
            this.offsets = offsets;
            this.size = size;
        }

        @Override
        int size() {
            return size;
        }

        @Override
        String get(int index) {
            int start = offsets.getInt(index * Integer.BYTES);
            int end = offsets.getInt((index + 1) * Integer.BYTES);
            byte[] bytes = new byte[end - start];
            text.get(start, bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        static final class Writer {
            private final Path textFile;
            private final Path offsetsFile;
            private final OutputStream textOut;
            private final DataOutputStream offsetsOut;
            private long position;
            private int count;

            Writer() throws IOException {
                textFile = Files.createTempFile("giaoban-strings-", ".txt");
                offsetsFile = Files.createTempFile("giaoban-strings-", ".idx");
                textOut = new BufferedOutputStream(Files.newOutputStream(textFile), 1 << 16);
                offsetsOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(offsetsFile), 1 << 16));
                offsetsOut.writeInt(0);
            }

            void add(String string) throws IOException {
                byte[] bytes = string.getBytes(StandardCharsets.UTF_8);
                position += bytes.length;
                if (position > Integer.MAX_VALUE || count == Integer.MAX_VALUE / Integer.BYTES - 1) {
                    throw new IOException("shared strings beyond 2 GB");
                }
                textOut.write(bytes);
                offsetsOut.writeInt((int) position);
                count++;
            }

            FileBacked finish() throws IOException {
                try {
                    textOut.close();
                    offsetsOut.close();
                    return new FileBacked(map(textFile), map(offsetsFile), count);
                } finally {
                    delete(textFile);
                    delete(offsetsFile);
                }
            }

            void abandon() throws IOException {
                try {
                    textOut.close();
                    offsetsOut.close();
                } finally {
                    delete(textFile);
                    delete(offsetsFile);
                }
            }

            private static MappedByteBuffer map(Path file) throws IOException {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    return channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
                }
            }

            private static void delete(Path file) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a mapped file cannot be deleted on Windows: it goes when the process ends
                    file.toFile().deleteOnExit();
                }
            }
        }
    }
}
