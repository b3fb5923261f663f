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
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * One giaoban process per working folder at a time, decided by an operating-system lock on
 * {@code giaoban.lock}: it dies with its process, so a run killed by a power loss or {@code kill -9}
 * leaves no stale lock, and whoever holds it knows that an execution still marked as started
 * belongs to a dead process. Taken before the database is opened, held until the context closes.
 */
final class RunLock implements AutoCloseable {

    static final String FILE = "giaoban.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws RunInProgressException when another process holds the working folder */
    static RunLock acquire(Path workDir) {
        try {
            Files.createDirectories(workDir);
            FileChannel channel = FileChannel.open(workDir.resolve(FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this very process holds it already
            }
            if (lock == null) {
                channel.close();
                throw new RunInProgressException(workDir);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
            return new RunLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + workDir.resolve(FILE), e);
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another process is running on the same working folder. */
    static final class RunInProgressException extends RuntimeException {
        RunInProgressException(Path workDir) {
            super("Another giaoban process holds " + workDir.toAbsolutePath().resolve(FILE));
        }
    }

    /** Takes the lock as soon as the settings are known, before any bean (the database first) is made. */
    static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        private RunLock lock;

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            ConfigurableEnvironment environment = context.getEnvironment();
            Path workDir = Path.of(environment.getProperty("giaoban.work-dir", "work"));
            lock = acquire(workDir);
            context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> release());
            throughConsole(environment, workDir);
        }

        /**
         * While the web console serves this folder, its process holds the embedded database's file: this
         * process reaches the same database through the console's server instead ({@link ConsoleLock}).
         */
        private static void throughConsole(ConfigurableEnvironment environment, Path workDir) {
            String url = environment.getProperty("spring.datasource.url");
            if (!EmbeddedDatabaseServer.embedded(url)) {
                return;
            }
            ConsoleLock.advertisedPort(workDir).ifPresent(port -> environment.getPropertySources().addFirst(
                    new MapPropertySource("giaoban-console", Map.of("spring.datasource.url", EmbeddedDatabaseServer.clientUrl(port)))));
        }

        /** Also for a context that failed to start, which publishes no closed event. */
        void release() {
            if (lock != null) {
                lock.close();
                lock = null;
            }
        }
    }
}
