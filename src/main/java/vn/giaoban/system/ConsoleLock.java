package vn.giaoban.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalInt;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The web console's presence on a working folder: an operating-system lock on {@code giaoban-console.lock},
 * held by {@code giaoban serve} for as long as it serves, whose content is the port of the embedded
 * database's server it opened (nothing when the database is PostgreSQL). Like the {@link RunLock} it dies
 * with its process, so a console killed with {@code kill -9} leaves nothing to clean up.
 *
 * <p>While a console holds it, every other command on the folder (a night from cron, {@code status},
 * {@code check}) reaches the embedded database through that server instead of opening its file, which the
 * console's process holds: see {@link #advertisedPort(Path)}.
 */
final class ConsoleLock implements AutoCloseable {

    static final String FILE = "giaoban-console.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private ConsoleLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @return empty when another console serves the folder */
    static Optional<ConsoleLock> acquire(Path workDir) {
        try {
            Files.createDirectories(workDir);
            FileChannel channel = FileChannel.open(workDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            channel.truncate(0);
            channel.force(false);
            return Optional.of(new ConsoleLock(channel, lock));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + workDir.resolve(FILE), e);
        }
    }

    /** Writes the embedded database server's port, for the other commands to find. */
    void advertise(int port) {
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((port + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + FILE, e);
        }
    }

    /**
     * The port of the embedded database's server when a console, in this process or another, serves the
     * folder; empty when none does (or it serves a PostgreSQL deployment, which needs no server).
     */
    static OptionalInt advertisedPort(Path workDir) {
        Path file = workDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return OptionalInt.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe;
            try {
                probe = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                probe = null; // this very process serves it
            }
            if (probe != null) {
                probe.release(); // nobody holds it: a console that has stopped
                return OptionalInt.empty();
            }
            String port = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return port.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(port));
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** Another console serves the working folder. */
    static final class ConsoleRunningException extends RuntimeException {
        ConsoleRunningException(Path workDir) {
            super("Another giaoban console serves " + workDir.toAbsolutePath());
        }
    }

    /** Takes the console's lock as soon as the settings are known, beside the {@link RunLock}. */
    static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        private ConsoleLock lock;

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Path workDir = Path.of(context.getEnvironment().getProperty("giaoban.work-dir", "work"));
            lock = acquire(workDir).orElseThrow(() -> new ConsoleRunningException(workDir));
        }

        void advertise(int port) {
            lock.advertise(port);
        }

        void release() {
            if (lock != null) {
                lock.close();
                lock = null;
            }
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                channel.truncate(0);
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
