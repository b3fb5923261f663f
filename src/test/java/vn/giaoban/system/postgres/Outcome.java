package vn.giaoban.system.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.apache.commons.io.file.PathUtils;
import org.slf4j.LoggerFactory;

import vn.giaoban.system.GiaobanRun;

/**
 * What a deployment holds after its nights: the business checksum of its database
 * ({@link GiaobanRun#businessChecksum()}, ids and timestamps left out) and the files it filed
 * (archive and rejected originals with their content hash, the names of the feedback files), so
 * that a run that was broken and restarted, or raced by a second process, compares with an
 * uninterrupted one.
 */
record Outcome(String checksum, List<String> filed, List<String> rows) {

    private static final Map<String, Outcome> UNINTERRUPTED = new ConcurrentHashMap<>();

    /** A finished deployment's outcome; {@code settings} select its database (none: the HSQLDB default). */
    static Outcome of(Path work, List<String> settings) {
        try (GiaobanRun run = GiaobanRun.empty(work)) {
            settings.forEach(run::setting);
            Outcome outcome = new Outcome(run.businessChecksum(), filed(work), run.businessRows());
            LoggerFactory.getLogger(Outcome.class).info("{} on {}: business checksum {}, {} files filed", work,
                    settings.stream().filter(s -> s.startsWith("--spring.datasource.url=")).findFirst()
                            .orElse("the embedded HSQLDB"), outcome.checksum(), outcome.filed().size());
            return outcome;
        }
    }

    /**
     * The outcome of the samples' nights run once each, uninterrupted, on the embedded HSQLDB
     * default (computed once per test JVM and shared by the classes that compare with it).
     */
    static Outcome uninterrupted(YearMonth... periods) {
        return UNINTERRUPTED.computeIfAbsent(List.of(periods).toString(), key -> {
            try {
                Path work = Files.createTempDirectory("giaoban-uninterrupted");
                try {
                    try (GiaobanRun run = GiaobanRun.withSamples(work)) {
                        for (YearMonth period : periods) {
                            run.night(period, night(period));
                        }
                    }
                    return of(work, List.of());
                } finally {
                    PathUtils.deleteDirectory(work);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The samples' night for a period, as the demo runs it: the 24th. */
    static LocalDate night(YearMonth period) {
        return period.atDay(24);
    }

    /** {@code nightly --period … --night … --giaoban.work-dir=… --giaoban.inbox.stable-after=0s} and the settings. */
    static List<String> nightly(Path work, YearMonth period, List<String> settings) {
        return Stream.concat(Stream.of("nightly", "--period=" + period, "--night=" + night(period),
                "--giaoban.work-dir=" + work, "--giaoban.inbox.stable-after=0s"), settings.stream()).toList();
    }

    private static List<String> filed(Path work) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return Stream.of("archive", "rejected", "outbox").map(work::resolve).filter(Files::isDirectory)
                    .flatMap(folder -> {
                        try (Stream<Path> files = Files.walk(folder)) {
                            return files.filter(Files::isRegularFile).toList().stream();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .map(file -> {
                        String name = work.relativize(file).toString();
                        if (name.startsWith("outbox")) {
                            return name; // the feedback says when it was received: its name is what must match
                        }
                        try {
                            return name + " " + HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file)));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sorted().toList();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
