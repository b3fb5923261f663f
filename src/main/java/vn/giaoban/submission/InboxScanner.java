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
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.giaoban.submission.internal.SubmissionRepository;

/**
 * Registers the files units dropped in their inbox folders since the last run: every stable file,
 * whatever period it declares, each known by its unit (the folder) and its content hash.
 */
@Component
public class InboxScanner {

    private static final Logger log = LoggerFactory.getLogger(InboxScanner.class);

    private final InboxProperties properties;
    private final SubmissionRepository submissions;
    private final Clock clock;

    public InboxScanner(InboxProperties properties, SubmissionRepository submissions, Clock clock) {
        this.properties = properties;
        this.submissions = submissions;
        this.clock = clock;
    }

    /** What one scan found. */
    public record Summary(int received, int duplicates, int alreadySeen, List<String> leftAlone) {
    }

    public Summary scan(LocalDate night) {
        Path inbox = properties.dir();
        if (!Files.isDirectory(inbox)) {
            throw new IllegalStateException("Inbox " + inbox.toAbsolutePath() + " does not exist");
        }
        Instant now = clock.instant();
        int received = 0;
        int duplicates = 0;
        int seen = 0;
        List<String> leftAlone = new ArrayList<>();
        for (Path folder : list(inbox)) {
            String folderName = folder.getFileName().toString();
            if (ignored(folderName) || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                leftAlone.add(inbox.relativize(folder).toString());
                continue;
            }
            List<Candidate> candidates = new ArrayList<>();
            for (Path file : list(folder)) {
                String name = file.getFileName().toString();
                if (ignored(name) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    leftAlone.add(inbox.relativize(file).toString());
                    continue;
                }
                BasicFileAttributes attributes = attributes(file);
                // the database keeps microseconds at most: compare what it can hold
                Instant modified = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.MILLIS);
                if (Duration.between(modified, now).compareTo(properties.stableAfter()) < 0) {
                    log.info("{} changed {} ago: still being copied, left for a later run", inbox.relativize(file),
                            Duration.between(modified, now));
                    leftAlone.add(inbox.relativize(file).toString());
                    continue;
                }
                candidates.add(new Candidate(file, attributes.size(), modified));
            }
            // the order of receipt is the order the files were written, so the newest version wins
            candidates.sort(Comparator.comparing(Candidate::modified).thenComparing(c -> c.path().toString()));
            for (Candidate candidate : candidates) {
                String relative = inbox.relativize(candidate.path()).toString().replace('\\', '/');
                String hash = sha256(candidate.path());
                if (submissions.alreadySeen(folderName, relative, hash, candidate.modified())) {
                    seen++;
                } else if (submissions.isCurrentContent(folderName, hash)) {
                    submissions.register(folderName, relative, hash, candidate.size(), candidate.modified(), now, night,
                            SubmissionStatus.DUPLICATE);
                    duplicates++;
                } else {
                    submissions.register(folderName, relative, hash, candidate.size(), candidate.modified(), now, night,
                            SubmissionStatus.RECEIVED);
                    received++;
                }
            }
        }
        log.info("Scan of {}: {} new, {} same as the current version, {} already seen, {} left alone", inbox, received,
                duplicates, seen, leftAlone.size());
        return new Summary(received, duplicates, seen, leftAlone);
    }

    private record Candidate(Path path, long size, Instant modified) {
    }

    /** Office lock files, temporary and hidden files are somebody's work in progress, not submissions. */
    private static boolean ignored(String name) {
        return name.startsWith(".") || name.startsWith("~$") || name.endsWith("~") || name.endsWith(".tmp")
                || name.endsWith(".part") || name.endsWith(".crdownload");
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

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
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
