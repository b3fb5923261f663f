package vn.giaoban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Who issues a notice is the catalog's {@code offices.csv}: a catalog that names no office is refused before its
 * night starts, and never issues a notice under another office's letterhead; an office line, a meeting or a task
 * that names what the catalog lacks is refused at start-up with its file, line and column.
 */
class OfficeSettingsTests {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final CommandLine commandLine = new CommandLine(new PrintStream(output, true, StandardCharsets.UTF_8));

    @TempDir
    Path work;

    private Path catalog;

    /** The sample district's catalog, copied to be edited. */
    @BeforeEach
    void copyTheSampleCatalog() throws IOException {
        catalog = Files.createDirectories(work.resolve("catalog"));
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:catalog/van-lang/*.csv")) {
            try (var in = file.getInputStream()) {
                Files.write(catalog.resolve(file.getFilename()), in.readAllBytes());
            }
        }
        Files.createDirectories(work.resolve("inbox"));
    }

    @Test
    void aNightWithoutAnOfficeIsRefusedSayingWhereOfficesAreWritten() throws Exception {
        Files.delete(catalog.resolve("offices.csv"));
        Files.delete(catalog.resolve("meetings.csv"));
        Files.delete(catalog.resolve("tasks.csv"));

        ExitCode exit = commandLine.run("nightly", "--period=2022-10", "--night=2022-10-27", "--giaoban.work-dir=" + work,
                "--spring.profiles.active=none");

        assertThat(exit).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(printed()).contains("Danh mục chưa có cơ quan ra thông báo nào cho kỳ 10/2022")
                .contains("offices.csv").doesNotContain("Exception");
        assertThat(work.resolve("reports")).doesNotExist();
        assertThat(work.resolve("outbox")).doesNotExist();
    }

    @Test
    void aBriefingWithoutAnOfficeIsRefusedToo() throws Exception {
        Files.delete(catalog.resolve("offices.csv"));
        Files.delete(catalog.resolve("meetings.csv"));
        Files.delete(catalog.resolve("tasks.csv"));

        ExitCode exit = commandLine.run("briefing", "--period=2022-10", "--giaoban.work-dir=" + work,
                "--spring.profiles.active=none");

        assertThat(exit).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(printed()).contains("Danh mục chưa có cơ quan ra thông báo nào cho kỳ 10/2022");
        assertThat(work.resolve("reports")).doesNotExist();
    }

    @Test
    void anOfficeTheUnitsLackIsRefusedAtStartNamingItsLineAndColumn() throws Exception {
        Files.writeString(catalog.resolve("offices.csv"), Files.readString(catalog.resolve("offices.csv"))
                .replace("\n182,", "\n99999,"));

        ExitCode exit = commandLine.run("nightly", "--period=2022-10", "--night=2022-10-27", "--giaoban.work-dir=" + work,
                "--spring.profiles.active=none");

        assertThat(exit).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(printed()).contains("tệp offices.csv, dòng 2 (99999): cột unit: đơn vị 99999 không có trong units.csv")
                .contains("tệp meetings.csv, dòng 2 (182): cột office: 182 không phải đơn vị ra thông báo");
        assertThat(work.resolve("reports")).doesNotExist();
    }

    @Test
    void aTrendIndicatorTheCatalogLacksIsNamedWithItsLine() throws Exception {
        Files.writeString(catalog.resolve("offices.csv"), Files.readString(catalog.resolve("offices.csv"))
                .replace(",NSNN_THU,", ",NSNN_KHONG_CO,"));

        ExitCode exit = commandLine.run("briefing", "--period=2022-10", "--giaoban.work-dir=" + work,
                "--spring.profiles.active=none");

        assertThat(exit).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(printed()).contains("tệp offices.csv, dòng 2 (182): cột trend_indicator: chỉ tiêu NSNN_KHONG_CO"
                + " không có trong indicators.csv");
    }

    @Test
    void anOfficeCodeNotInTheCatalogIsRefusedByTheBriefingCommand() throws Exception {
        ExitCode exit = commandLine.run("briefing", "--period=2022-10", "--office=06172", "--giaoban.work-dir=" + work,
                "--spring.profiles.active=none");

        assertThat(exit).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(printed()).contains("Không có cơ quan ra thông báo mã 06172 trong kỳ 10/2022");
        assertThat(work.resolve("reports")).doesNotExist();
    }

    @Test
    void aMailServerWithoutASenderIsRefusedBeforeANightWhoseOfficeHasAddresses() throws Exception {
        Files.writeString(catalog.resolve("offices.csv"), Files.readString(catalog.resolve("offices.csv"))
                .replace(",Lê Đình Phước,,", ",Lê Đình Phước,vanphong@vanlang.test,"));

        ExitCode exit = commandLine.run("nightly", "--period=2022-10", "--night=2022-10-27", "--giaoban.work-dir=" + work,
                "--spring.profiles.active=none", "--spring.mail.host=127.0.0.1");

        assertThat(exit).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(printed()).contains("Thiếu địa chỉ người gửi thư: đặt giaoban.delivery.from");
        assertThat(work.resolve("reports")).doesNotExist();
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
