package vn.giaoban.submission.internal.table;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.IntBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
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
     * The strings' chars (UTF-16, as Java holds them: no decoding per cell) in one temporary file and
     * their start offsets in another, both mapped and deleted at once (the mapping keeps them
     * readable; nothing is left behind if the process dies). The heap holds neither the text nor
     * the offsets.
     */
    static final class FileBacked extends SharedStrings {
        private final CharBuffer text;
        private final IntBuffer offsets;
        private final int size;

        private FileBacked(MappedByteBuffer text, MappedByteBuffer offsets, int size) {
            this.text = text.order(ByteOrder.nativeOrder()).asCharBuffer();
            this.offsets = offsets.order(ByteOrder.nativeOrder()).asIntBuffer();
            this.size = size;
        }

        @Override
        int size() {
            return size;
        }

        @Override
        String get(int index) {
            int start = offsets.get(index);
            char[] chars = new char[offsets.get(index + 1) - start];
            text.get(start, chars);
            return new String(chars);
        }

        static final class Writer {
            private static final int BUFFER = 1 << 16;
            private final Path textFile;
            private final Path offsetsFile;
            private final FileChannel textOut;
            private final FileChannel offsetsOut;
            // direct, and written through a char view: a string goes in with one bulk copy, not a putChar per
            // char (putChar was 8% of reading the million-row list)
            private final ByteBuffer textBuffer = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.nativeOrder());
            private final CharBuffer textChars = textBuffer.asCharBuffer();
            private char[] chars = new char[256];
            private final ByteBuffer offsetsBuffer = ByteBuffer.allocate(BUFFER).order(ByteOrder.nativeOrder());
            /** In chars: a mapped buffer holds at most 2 GB, a billion chars. */
            private long position;
            private int count;

            Writer() throws IOException {
                textFile = Files.createTempFile("giaoban-strings-", ".txt");
                offsetsFile = Files.createTempFile("giaoban-strings-", ".idx");
                textOut = FileChannel.open(textFile, StandardOpenOption.WRITE);
                offsetsOut = FileChannel.open(offsetsFile, StandardOpenOption.WRITE);
                offsetsBuffer.putInt(0);
            }

            void add(String string) throws IOException {
                position += string.length();
                if (position > Integer.MAX_VALUE / Character.BYTES || count == Integer.MAX_VALUE / Integer.BYTES - 1) {
                    throw new IOException("shared strings beyond 2 GB");
                }
                int length = string.length();
                if (chars.length < length) {
                    chars = new char[Math.max(length, 2 * chars.length)];
                }
                string.getChars(0, length, chars, 0);
                for (int done = 0; done < length; ) {
                    if (!textChars.hasRemaining()) {
                        flushText();
                    }
                    int n = Math.min(length - done, textChars.remaining());
                    textChars.put(chars, done, n);
                    done += n;
                }
                if (!offsetsBuffer.hasRemaining()) {
                    flush(offsetsBuffer, offsetsOut);
                }
                offsetsBuffer.putInt((int) position);
                count++;
            }

            /** The chars written through the view, as the bytes behind it. */
            private void flushText() throws IOException {
                textBuffer.position(textChars.position() * Character.BYTES);
                flush(textBuffer, textOut);
                textChars.clear();
            }

            private static void flush(ByteBuffer buffer, FileChannel channel) throws IOException {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                buffer.clear();
            }

            FileBacked finish() throws IOException {
                try {
                    flushText();
                    flush(offsetsBuffer, offsetsOut);
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
