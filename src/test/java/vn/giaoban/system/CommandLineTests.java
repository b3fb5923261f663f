package vn.giaoban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.io.file.PathUtils;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.junit.jupiter.api.io.TempDir;

/** What a person at the terminal, or cron, gets back. */
class CommandLineTests {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final CommandLine commandLine = new CommandLine(new PrintStream(output, true, StandardCharsets.UTF_8));

    @TempDir
    Path work;

    @Test
    void anUnknownCommandIsAUsageErrorInVietnamese() {
        assertThat(commandLine.run("chay")).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(printed()).contains("Lệnh không hợp lệ: chay.").contains("Cách dùng:");
    }

    @Test
    void aMalformedPeriodIsOneClearSentence() {
        assertThat(commandLine.run("nightly", "--period", "10/2022")).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(printed()).contains("Kỳ báo cáo không hợp lệ: 10/2022 (cần dạng yyyy-MM, ví dụ 2022-10).")
                .doesNotContain("Exception");
    }

    @Test
    void aDemoOfAnUnknownSampleNamesTheOnesThereAre() {
        assertThat(commandLine.run("demo", "--catalog", "cao-bang")).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(printed()).contains("Không có bộ dữ liệu mẫu cao-bang (có: van-lang, lang-son).")
                .contains("giaoban demo --catalog lang-son");
    }

    @Test
    void aBrokenCatalogStopsBeforeAnyJobWithTheCatalogsMessage() throws IOException {
        Path catalog = work.resolve("catalog");
        PathUtils.copyDirectory(Path.of("src/main/resources/catalog/van-lang"), catalog);
        Path forms = catalog.resolve("forms.csv");
        Files.writeString(forms, Files.readString(forms).replace("PPHS TNGT_SO_VU", "PPHS TNGT_KHONG_CO"));

        ExitCode exit = commandLine.run("nightly", "--period=2022-10", "--giaoban.work-dir=" + work,
                "--giaoban.catalog.location=file:" + catalog + "/");

        assertThat(exit).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(printed()).startsWith("Danh mục báo cáo không hợp lệ: tệp forms.csv (BM04-ANTT): chỉ tiêu TNGT_KHONG_CO")
                .doesNotContain("Exception");
        assertThat(work.resolve("db")).doesNotExist();
    }

    @Test
    void aNightOverAMissingInboxStopsWithAStorageErrorAndChangesNothing() {
        ExitCode exit = commandLine.run("nightly", "--period=2022-10", "--night=2022-10-27", "--giaoban.work-dir=" + work);

        assertThat(exit).isEqualTo(ExitCode.STORAGE_ERROR);
        assertThat(printed()).contains("không có thư mục nhận báo cáo " + work.resolve("inbox").toAbsolutePath())
                .contains("chạy lại đúng lệnh này");
    }

    /**
     * A reports folder that cannot be written (here a file stands where the folder should be, which
     * refuses even root): the night stops with a storage error, leaves no half-written output, and
     * the same command completes once the folder is fixed.
     */
    @Test
    void anUnwritableOutputFolderStopsTheNightAndTheSameCommandFinishesItOnceFixed() throws IOException {
        Files.createDirectories(work.resolve("inbox"));
        Files.writeString(work.resolve("reports"), "not a folder");
        String[] args = { "nightly", "--period=2022-10", "--night=2022-10-27", "--giaoban.work-dir=" + work };

        assertThat(commandLine.run(args)).isEqualTo(ExitCode.STORAGE_ERROR);
        assertThat(printed()).contains("reports").contains("đường dẫn không phải thư mục");
        Files.delete(work.resolve("reports"));

        assertThat(commandLine.run(args)).isEqualTo(ExitCode.COMPLETED);
        try (var files = Files.walk(work.resolve("reports"))) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".part"))
                    .anyMatch(name -> name.endsWith("briefing-2022-10.pdf"));
        }
    }

    @Test
    void aCompletedNightIsNotRunTwice() throws IOException {
        Files.createDirectories(work.resolve("inbox"));
        String[] args = { "nightly", "--period=2022-10", "--night=2022-10-27", "--giaoban.work-dir=" + work };

        assertThat(commandLine.run(args)).isEqualTo(ExitCode.COMPLETED);
        assertThat(printed()).contains("briefing: ");
        assertThat(commandLine.run(args)).isEqualTo(ExitCode.COMPLETED);
        assertThat(printed()).contains("đã tổng hợp xong kỳ 2022-10");
    }

    @Test
    void aSecondRunOnTheSameWorkingFolderExitsAtOnceAndChangesNothing() {
        try (RunLock held = RunLock.acquire(work)) {
            ExitCode exit = commandLine.run("nightly", "--period=2022-10", "--giaoban.work-dir=" + work);

            assertThat(exit).isEqualTo(ExitCode.ALREADY_RUNNING);
            assertThat(printed()).contains("Đang có một lần chạy giaoban khác");
            assertThat(work.resolve("db")).doesNotExist();
        }
    }

    @Test
    void aRunWhoseProcessDiedIsRecoveredAndItsNightRestarted() throws Exception {
        YearMonth period = YearMonth.of(2022, 10);
        LocalDate night = LocalDate.of(2022, 10, 27);
        try (GiaobanRun dead = GiaobanRun.empty(work)) {
            JobRepository repository = dead.context().getBean(JobRepository.class);
            JobParameters parameters = NightlyRunner.parameters(period, night);
            JobExecution execution = repository.createJobExecution(
                    repository.createJobInstance(NightlyJobConfiguration.JOB_NAME, parameters), parameters,
                    new ExecutionContext());
            execution.setStatus(BatchStatus.STARTED);
            execution.setStartTime(LocalDateTime.now());
            repository.update(execution);
        }

        ExitCode exit = commandLine.run("nightly", "--period=2022-10", "--night=2022-10-27", "--giaoban.work-dir=" + work);

        assertThat(exit).isEqualTo(ExitCode.COMPLETED);
        assertThat(printed()).contains("bị dừng đột ngột").contains("briefing: ");
    }

    @Test
    void templatesAreWrittenWithoutTouchingTheDatabase() {
        ExitCode exit = commandLine.run("template", "--period", "2022-10", "--form", "BM03-DT", "--unit", "06172",
                "--giaoban.work-dir=" + work);

        assertThat(exit).isEqualTo(ExitCode.COMPLETED);
        assertThat(work.resolve("templates/2022-10/06172/BM03-DT_06172_2022-10.xlsx")).isNotEmptyFile();
        assertThat(printed()).contains("biểu mẫu: ");
        assertThat(work.resolve("db")).doesNotExist();
    }

    @Test
    void theEmbeddedDatabaseIsBackedUpWhileOpen() throws IOException {
        Files.createDirectories(work.resolve("inbox"));
        assertThat(commandLine.run("nightly", "--period=2022-10", "--night=2022-10-27", "--giaoban.work-dir=" + work))
                .isEqualTo(ExitCode.COMPLETED);

        assertThat(commandLine.run("backup", "--to", work.resolve("sao-luu").toString(), "--giaoban.work-dir=" + work))
                .isEqualTo(ExitCode.COMPLETED);

        try (var files = Files.list(work.resolve("sao-luu"))) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(name -> name.endsWith(".tar.gz"));
        }
        assertThat(printed()).contains("backup: ");
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
