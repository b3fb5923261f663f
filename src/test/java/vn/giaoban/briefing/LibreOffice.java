package vn.giaoban.briefing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/** LibreOffice as the tests' second reader; a test that needs it is skipped, with the reason, without it. */
final class LibreOffice {

    private LibreOffice() {
    }

    /** {@code soffice} on the PATH, or the test is skipped (.ci/run installs it). */
    static Path soffice() {
        Path soffice = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "soffice"))
                .filter(Files::isExecutable)
                .findFirst().orElse(null);
        Assumptions.assumeTrue(soffice != null,
                "LibreOffice (soffice) is not on the PATH (apt-get install libreoffice-writer libreoffice-calc)");
        return soffice;
    }
}
