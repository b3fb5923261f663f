package vn.giaoban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, item 6: permission faults, for real. The night runs in a JVM of its own in which file
 * permissions bind: as an ordinary user they do; as root (CI) it runs through {@code setpriv} with
 * the capabilities that override them ({@code CAP_DAC_OVERRIDE}, {@code CAP_DAC_READ_SEARCH})
 * removed, so a folder set to {@code 000} really cannot be read. A probe checks that first; a
 * machine where neither works skips these tests and says so, it never passes them silently.
 */
class PermissionFaultTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> WITHOUT_OVERRIDE = List.of("setpriv",
            "--bounding-set=-dac_override,-dac_read_search");

    private static List<String> launcher;

    @TempDir
    Path work;

    private final List<Path> restricted = new ArrayList<>();

    @BeforeAll
    static void findALauncherUnderWhichPermissionsBind(@TempDir Path probe) throws Exception {
        Path secret = Files.writeString(probe.resolve("secret"), "x");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        for (List<String> candidate : List.of(List.<String>of(), WITHOUT_OVERRIDE)) {
            if (deniedUnder(candidate, secret)) {
                launcher = candidate;
                return;
            }
        }
        Assumptions.abort("file permissions do not bind here (root, and setpriv cannot drop CAP_DAC_OVERRIDE):"
                + " the permission fault tests are skipped");
    }

    @AfterEach
    void restorePermissions() throws IOException {
        for (Path path : restricted) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        restricted.clear();
    }

    @Test
    void anUnreadableInboxStopsTheNightWithAStorageErrorAndTheSameCommandFinishesItOnceReadable() throws Exception {
        GiaobanRun.withSamples(work).close();
        restrict(work.resolve("inbox"), "---------");

        GiaobanProcess refused = night("2022-10-24");
        assertThat(refused.waitFor(TIMEOUT)).as("%s", refused).isEqualTo(ExitCode.STORAGE_ERROR.status());
        assertThat(refused.out()).contains("không đọc được thư mục nhận báo cáo " + work.resolve("inbox"))
                .contains("không có quyền").contains("chạy lại đúng lệnh này");
        assertThat(work.resolve("archive")).doesNotExist();
        assertThat(work.resolve("reports")).doesNotExist();

        restorePermissions();
        GiaobanProcess again = night("2022-10-24");
        assertThat(again.waitFor(TIMEOUT)).as("%s", again).isZero();
        assertThat(work.resolve("reports/2022-10/182/briefing-2022-10.pdf")).isRegularFile();
    }

    @Test
    void aReportsFolderWithoutWritePermissionStopsTheNightWithNothingHalfWritten() throws Exception {
        GiaobanRun.withSamples(work).close();
        restrict(Files.createDirectories(work.resolve("reports")), "r-xr-xr-x");

        GiaobanProcess refused = night("2022-10-24");
        assertThat(refused.waitFor(TIMEOUT)).as("%s", refused).isEqualTo(ExitCode.STORAGE_ERROR.status());
        assertThat(refused.out()).contains("không có quyền").contains("chạy lại đúng lệnh này");
        assertThat(filesUnder(work.resolve("reports"))).isEmpty();

        restorePermissions();
        GiaobanProcess again = night("2022-10-24");
        assertThat(again.waitFor(TIMEOUT)).as("%s", again).isZero();
        assertThat(filesUnder(work.resolve("reports"))).noneMatch(name -> name.endsWith(".part"))
                .anyMatch(name -> name.endsWith("briefing-2022-10.pdf"));
    }

    /**
     * One commune's unreadable file and another's unreadable folder do not stop everyone else's
     * night: they stay in the inbox, listed with the reason, and are received by the first night
     * after their permissions are fixed.
     */
    @Test
    void anUnreadableFileOrUnitFolderIsLeftInTheInboxAndListedWhileTheRestOfTheNightCompletes() throws Exception {
        GiaobanRun.withSamples(work).close();
        Path file = firstFile(work.resolve("inbox/06139"));
        restrict(file, "---------");
        restrict(work.resolve("inbox/06172"), "---------");

        GiaobanProcess night = night("2022-10-24");
        assertThat(night.waitFor(TIMEOUT)).as("%s", night).isZero();
        assertThat(night.out()).contains("Để lại trong thư mục nhận")
                .contains("06139/" + file.getFileName() + " (không đọc được tệp (không có quyền)")
                .contains("06172 (không đọc được thư mục (không có quyền)");
        assertThat(file).exists();
        assertThat(filesUnder(work.resolve("archive"))).isNotEmpty()
                .noneMatch(name -> name.contains("/06172/") || name.endsWith("/06139/" + file.getFileName()));

        restorePermissions();
        GiaobanProcess next = night("2022-10-25");
        assertThat(next.waitFor(TIMEOUT)).as("%s", next).isZero();
        assertThat(filesUnder(work.resolve("inbox"))).isEmpty();
        assertThat(filesUnder(work.resolve("archive"))).anyMatch(name -> name.contains("/06172/"))
                .anyMatch(name -> name.endsWith("/06139/" + file.getFileName()));
    }

    private GiaobanProcess night(String night) {
        return GiaobanProcess.start(launcher, List.of("nightly", "--period=2022-10", "--night=" + night,
                "--giaoban.work-dir=" + work, "--giaoban.inbox.stable-after=0s"));
    }

    private void restrict(Path path, String permissions) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        restricted.add(0, path);
    }

    private static boolean deniedUnder(List<String> candidate, Path secret) throws Exception {
        List<String> command = new ArrayList<>(candidate);
        command.addAll(List.of("cat", secret.toString()));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() != 0;
        } catch (IOException e) {
            return false; // no setpriv here
        }
    }

    private static Path firstFile(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
        }
    }

    private static List<String> filesUnder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(path -> folder.relativize(path).toString()).toList();
        }
    }
}
