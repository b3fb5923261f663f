package vn.giaoban.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an output file so that a killed run never leaves half of it: first to a temporary file
 * beside the target, then moved into place. The target is the previous file or the complete new one;
 * a temporary file that a killed run left beside it is removed by the next write of that target.
 */
public final class OutputFile {

    private static final Logger log = LoggerFactory.getLogger(OutputFile.class);

    /** What writes the content. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private OutputFile() {
    }

    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        deleteLeftTemporaries(folder, absolute.getFileName().toString());
        // not Files.createTempFile: its owner-only permissions would stay on the moved file
        Path temporary = folder.resolve(temporaryPrefix(absolute.getFileName().toString()) + UUID.randomUUID() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                log.warn("Could not delete the temporary file {}", temporary, e);
            }
        }
    }

    /** ".name-", its name cut to leave room for a UUID and ".part" within one file name's bytes. */
    private static String temporaryPrefix(String name) {
        return FileNames.fit("." + name, "-", FileNames.MAX_BYTES - 36 - ".part".length());
    }

    /**
     * The temporary files of {@code name} that a run killed while writing it (power loss, kill -9)
     * left behind: the finally above never ran. Only one process writes a working folder's outputs
     * (the run lock), so none of them is being written now.
     */
    private static void deleteLeftTemporaries(Path folder, String name) throws IOException {
        String prefix = temporaryPrefix(name);
        List<Path> left;
        try (Stream<Path> files = Files.list(folder)) {
            left = files.filter(file -> {
                String other = file.getFileName().toString();
                return other.startsWith(prefix) && other.endsWith(".part");
            }).toList();
        }
        for (Path file : left) {
            log.info("Removing {}, left by a run that was killed while writing it", file);
            Files.deleteIfExists(file);
        }
    }
}
