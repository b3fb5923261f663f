package vn.giaoban.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up while the briefing is written, made real: the reports folder is a 64 KB
 * tmpfs. Needs root to mount it (CI runs as root); skipped, saying so, elsewhere.
 */
class FullDiskTests {

    @TempDir
    Path work;

    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            run("umount", mounted.toString());
        }
    }

    @Test
    void aFullDiskStopsTheNightWithoutHalfWrittenFilesAndTheSameCommandFinishesItOnceThereIsRoom() throws Exception {
        Path reports = Files.createDirectories(work.resolve("reports"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", reports.toString()) == 0,
                "mounting a small tmpfs needs root: the full-disk test is skipped on this machine");
        mounted = reports;
        GiaobanRun.withSamples(work).close();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        CommandLine commandLine = new CommandLine(new PrintStream(output, true, StandardCharsets.UTF_8));
        String[] night = { "nightly", "--period=2022-10", "--night=2022-10-24", "--giaoban.work-dir=" + work,
                "--giaoban.inbox.stable-after=0s" };

        assertThat(commandLine.run(night)).isEqualTo(ExitCode.STORAGE_ERROR);

        assertThat(output.toString(StandardCharsets.UTF_8)).contains("đĩa đã đầy").contains("chạy lại đúng lệnh này");
        try (var files = Files.walk(reports)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".part"));
        }
        run("umount", reports.toString());
        mounted = null;

        assertThat(commandLine.run(night)).isEqualTo(ExitCode.COMPLETED);
        assertThat(reports.resolve("2022-10/182/briefing-2022-10.pdf")).isNotEmptyFile();
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
