package vn.giaoban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's defaults name no office: a deployment that has not configured its own is refused
 * before its night starts, with the settings it lacks, and never issues a notice under the sample
 * district's letterhead.
 */
class OfficeSettingsTests {

    /** No profile of the samples: the shipped application.yml alone, with a catalog to start on. */
    private static final String NO_OFFICE = "--spring.profiles.active=none";
    private static final String CATALOG = "--giaoban.catalog.location=classpath:catalog/van-lang/";

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final CommandLine commandLine = new CommandLine(new PrintStream(output, true, StandardCharsets.UTF_8));

    @TempDir
    Path work;

    @Test
    void aNightWithoutAnOfficeIsRefusedNamingTheSettingsItLacks() throws Exception {
        Files.createDirectories(work.resolve("inbox"));

        ExitCode exit = commandLine.run("nightly", "--period=2022-10", "--night=2022-10-27",
                "--giaoban.work-dir=" + work, NO_OFFICE, CATALOG);

        assertThat(exit).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(printed()).contains("Chưa cấu hình cơ quan ra thông báo: thiếu giaoban.briefing.unit-code, "
                + "giaoban.briefing.issuing-body, giaoban.briefing.place, giaoban.briefing.summary, giaoban.briefing.issuer, "
                + "giaoban.briefing.recipients, giaoban.briefing.signer-lines.")
                .doesNotContain("Exception").doesNotContain("Văn Lãng");
        assertThat(work.resolve("reports")).doesNotExist();
        assertThat(work.resolve("outbox")).doesNotExist();
    }

    @Test
    void oneForgottenSettingIsNamedAlone() throws Exception {
        Files.createDirectories(work.resolve("inbox"));

        ExitCode exit = commandLine.run("nightly", "--period=2022-10", "--night=2022-10-27",
                "--giaoban.work-dir=" + work, "--giaoban.briefing.signer-lines=");

        assertThat(exit).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(printed()).contains("Chưa cấu hình cơ quan ra thông báo: thiếu giaoban.briefing.signer-lines.");
    }

    @Test
    void anIssuingUnitTheCatalogLacksInThePeriodIsRefused() throws Exception {
        Files.createDirectories(work.resolve("inbox"));

        ExitCode exit = commandLine.run("nightly", "--period=2022-10", "--night=2022-10-27",
                "--giaoban.work-dir=" + work, "--giaoban.briefing.unit-code=99999");

        assertThat(exit).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(printed()).contains("Đơn vị ra thông báo mã 99999 (giaoban.briefing.unit-code) không có trong danh mục"
                + " đơn vị hoặc không còn hiệu lực trong kỳ 10/2022.");
        assertThat(work.resolve("reports")).doesNotExist();
    }

    @Test
    void aBriefingWithoutAnOfficeIsRefusedToo() {
        ExitCode exit = commandLine.run("briefing", "--period=2022-10", "--giaoban.work-dir=" + work, NO_OFFICE, CATALOG);

        assertThat(exit).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(printed()).contains("Chưa cấu hình cơ quan ra thông báo: thiếu giaoban.briefing.unit-code");
        assertThat(work.resolve("reports")).doesNotExist();
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
