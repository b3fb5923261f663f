package vn.giaoban.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.submission.internal.SubmissionRepository;
import vn.giaoban.text.Messages;
import vn.giaoban.text.VietnameseText;

/**
 * Registers the files units dropped in their inbox folders since the last run: every stable file,
 * whatever period it declares, each known by its unit (the folder) and its content hash. What is
 * not a submission (an Office lock file, a file still being copied, a folder that names no unit, a
 * symbolic link) is left where it is and listed, with the reason, in the run's summary.
 */
@Component
public class InboxScanner {

    private static final Logger log = LoggerFactory.getLogger(InboxScanner.class);
    

    private final InboxProperties properties;
    private final SubmissionRepository submissions;
    private final Catalog catalog;
        private final Clock clock;
    private final Messages messages;

    public InboxScanner(InboxProperties properties, SubmissionRepository submissions, Catalog catalog, Clock clock,
            Messages messages) {
        this.messages = messages;
        this.properties = properties;
        this.submissions = submissions;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** A file or folder the scan did not take, and why, in words for the office. */
    public record LeftAlone(String path, String reason) {

        @Override
        public String toString() {
            return path + " (" + reason + ")";
        }
    }

    /** What one scan found. */
    public record Summary(int received, int duplicates, int alreadySeen, List<LeftAlone> leftAlone) {
    }

    public Summary scan(LocalDate night) {
        Path inbox = properties.dir();
        InboxUnavailableException.problem(inbox).ifPresent(reason -> {
            throw new InboxUnavailableException(inbox, reason);
        });
        Instant now = clock.instant();
        int received = 0;
        int duplicates = 0;
        int seen = 0;
        List<LeftAlone> leftAlone = new ArrayList<>();
        for (Path folder : list(inbox)) {
            String folderName = folder.getFileName().toString();
            Optional<String> skip = folderProblem(folder, folderName);
            if (skip.isPresent()) {
                leftAlone.add(new LeftAlone(display(inbox, folder), skip.get()));
                continue;
            }
            List<Candidate> candidates = new ArrayList<>();
            for (Path file : list(folder)) {
                Optional<String> problem = fileProblem(file, now);
                if (problem.isPresent()) {
                    leftAlone.add(new LeftAlone(display(inbox, file), problem.get()));
                    continue;
                }
                BasicFileAttributes attributes = attributes(file);
                candidates.add(new Candidate(file, attributes.size(), modified(attributes)));
            }
            // the order of receipt is the order the files were written, so the newest version wins
            candidates.sort(Comparator.comparing(Candidate::modified).thenComparing(c -> c.path().toString()));
            for (Candidate candidate : candidates) {
                String relative = inbox.relativize(candidate.path()).toString().replace('\\', '/');
                String name = VietnameseText.nfc(candidate.path().getFileName().toString());
                Optional<String> hash = readableHash(candidate.path());
                if (hash.isEmpty()) {
                    leftAlone.add(new LeftAlone(display(inbox, candidate.path()), messages.get("cli.left-alone.unreadable-file")));
                    continue;
                }
                if (submissions.alreadySeen(folderName, relative, hash.get(), candidate.modified())) {
                    seen++;
                    continue;
                }
                Optional<Long> current = submissions.currentWithContent(folderName, hash.get());
                if (current.isPresent()) {
                    submissions.registerDuplicate(current.get(), folderName, relative, name, hash.get(), candidate.size(),
                            candidate.modified(), now, night);
                    duplicates++;
                } else {
                    submissions.register(folderName, relative, name, hash.get(), candidate.size(), candidate.modified(), now,
                            night);
                    received++;
                }
            }
        }
        leftAlone.forEach(item -> log.info("Left alone: {}", item));
        log.info("Scan of {}: {} new, {} same as the current version, {} already seen, {} left alone", inbox, received,
                duplicates, seen, leftAlone.size());
        return new Summary(received, duplicates, seen, leftAlone);
    }

    private Optional<String> folderProblem(Path folder, String name) {
        if (Files.isSymbolicLink(folder)) {
                        return Optional.of(messages.get("cli.left-alone.symbolic-link"));
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(temporary(name) ? messages.get("cli.left-alone.temporary")
                    : messages.get("cli.left-alone.outside-unit-folder"));
        }
        if (name.startsWith(".")) {
            return Optional.of(messages.get("cli.left-alone.hidden-folder"));
        }
        if (catalog.unitsWithCode(name).isEmpty()) {
            return Optional.of(messages.get("cli.left-alone.unknown-folder"));
        }
        if (!Files.isReadable(folder) || !Files.isExecutable(folder)) {
            return Optional.of(messages.get("cli.left-alone.unreadable-folder"));
        }
        return Optional.empty();
    }

    private Optional<String> fileProblem(Path file, Instant now) {
        String name = file.getFileName().toString();
        if (Files.isSymbolicLink(file)) {
                        return Optional.of(messages.get("cli.left-alone.symbolic-link"));
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(messages.get("cli.left-alone.subfolder"));
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(messages.get("cli.left-alone.not-a-file"));
        }
        if (name.startsWith("~$")) {
            return Optional.of(messages.get("cli.left-alone.office-lock"));
        }
                if (temporary(name)) {
            return Optional.of(messages.get("cli.left-alone.temporary"));
        }
        if (!Files.isReadable(file)) {
            return Optional.of(messages.get("cli.left-alone.unreadable-file"));
        }
        Duration age = Duration.between(modified(attributes(file)), now);
        if (age.compareTo(properties.stableAfter()) < 0) {
            return Optional.of(messages.get("cli.left-alone.being-copied"));
        }
        return Optional.empty();
    }

    private record Candidate(Path path, long size, Instant modified) {
    }

    /** Temporary and hidden files are somebody's work in progress, not submissions. */
    private static boolean temporary(String name) {
        return name.startsWith(".") || name.startsWith("~") || name.endsWith("~") || name.endsWith(".tmp")
                || name.endsWith(".part") || name.endsWith(".crdownload") || name.equalsIgnoreCase("Thumbs.db")
                || name.equalsIgnoreCase("desktop.ini");
    }

    /** The database keeps microseconds at most: compare what it can hold. */
    private static Instant modified(BasicFileAttributes attributes) {
        return attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String display(Path inbox, Path path) {
        return VietnameseText.nfc(inbox.relativize(path).toString().replace('\\', '/'));
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file's hash, or empty when it cannot be read (its permissions changed, or it was removed,
     * since it was listed): one unit's unreadable file is left in the inbox and listed, it does not
     * stop everyone else's night.
     */
    private static Optional<String> readableHash(Path file) {
        try {
            return Optional.of(sha256(file));
        } catch (UncheckedIOException e) {
            log.warn("Cannot read {}: {}", file, e.getCause().toString());
            return Optional.empty();
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
