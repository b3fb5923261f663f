package vn.giaoban.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.CatalogFiles;
import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.Unit;
import vn.giaoban.submission.IngestResult;
import vn.giaoban.submission.ReceivedFile;
import vn.giaoban.submission.StagedValue;
import vn.giaoban.submission.SubmissionStatus;
import vn.giaoban.submission.internal.SubmissionReader;
import vn.giaoban.submission.internal.TemplateMetadata;

/**
 * The LibreOffice check, live: templates filled in with POI are saved by the LibreOffice Calc on this
 * machine ({@code soffice --headless --convert-to ods} and {@code xls}) and read back with every value,
 * as {@link LibreOfficeFixturesTest} reads the committed fixtures. Skipped, saying why, without soffice
 * ({@code apt-get install libreoffice-calc}; {@code .ci/run} installs it).
 */
class LibreOfficeSavedTest {

    private static final Catalog CATALOG = CatalogFiles.load("classpath:catalog/van-lang/");
    private static final YearMonth OCTOBER = YearMonth.of(2022, 10);
    private static final List<String[]> FILLED = List.of(
            new String[] {"BM03-DT", "06172"}, new String[] {"BM01-NS", "CCTKV3"}, new String[] {"BM05-NTM", "06127"});

    @TempDir
    static Path work;

    private final SubmissionReader reader = new SubmissionReader(CATALOG, Charset.forName("windows-1258"));

    @BeforeAll
    static void saveWithLibreOffice() throws Exception {
        Path soffice = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "soffice"))
                .filter(Files::isExecutable)
                .findFirst().orElse(null);
        Assumptions.assumeTrue(soffice != null,
                "LibreOffice (soffice) is not on the PATH: apt-get install libreoffice-calc to run the LibreOffice check");
        TemplateWriter writer = new TemplateWriter(CATALOG);
        Path filled = Files.createDirectories(work.resolve("filled"));
        List<String> inputs = new ArrayList<>();
        for (String[] entry : FILLED) {
            Form form = CATALOG.form(entry[0]).orElseThrow();
            Unit unit = CATALOG.unit(entry[1], OCTOBER).orElseThrow();
            Path template = writer.write(form, unit, OCTOBER, filled);
            new TemplateFiller(CATALOG).fill(template, unit, OCTOBER);
            inputs.add(template.toString());
        }
        Path profile = Files.createDirectories(work.resolve("lo-profile"));
        for (String[] target : List.of(new String[] {"ods", "ods"}, new String[] {"xls:MS Excel 97", "xls"})) {
            List<String> command = new ArrayList<>(List.of(soffice.toString(), "-env:UserInstallation=" + profile.toUri(),
                    "--headless", "--norestore", "--convert-to", target[0], "--outdir", work.resolve(target[1]).toString()));
            command.addAll(inputs);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve("lo-" + target[1] + ".log").toFile()).start();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("soffice did not convert to " + target[1] + " within 300 s");
            }
            // Debian splits LibreOffice: without its Calc package soffice runs but saves no spreadsheet
            boolean saved = FILLED.stream().allMatch(entry -> Files.exists(work.resolve(target[1])
                    .resolve(entry[0] + "_" + entry[1] + "_2022-10." + target[1])));
            Assumptions.assumeTrue(process.exitValue() == 0 && saved, "LibreOffice did not save the templates as ."
                    + target[1] + " (is libreoffice-calc installed?): "
                    + Files.readString(work.resolve("lo-" + target[1] + ".log"), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest(name = "{0}_{1} saved by this machine's LibreOffice as .{2}")
    @CsvSource({
        "BM03-DT, 06172, ods", "BM03-DT, 06172, xls",
        "BM01-NS, CCTKV3, ods", "BM01-NS, CCTKV3, xls",
        "BM05-NTM, 06127, ods", "BM05-NTM, 06127, xls"})
    void aTemplateSavedByLibreOfficeIsReadWithEveryValue(String formCode, String unitCode, String extension)
            throws IOException {
        Path saved = work.resolve(extension).resolve(formCode + "_" + unitCode + "_2022-10." + extension);
        assertThat(saved).as("LibreOffice wrote it").exists();
        Path file = Files.createDirectories(work.resolve("inbox-" + extension).resolve(unitCode)).resolve(saved.getFileName());
        Files.copy(saved, file);
        Unit unit = CATALOG.unit(unitCode, OCTOBER).orElseThrow();

        IngestResult result = reader.read(new ReceivedFile(7, unitCode, file, unitCode + "/" + file.getFileName()));

        assertThat(result.rejection()).isNull();
        assertThat(result.status()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(result.formCode()).isEqualTo(formCode);
        assertThat(result.period()).isEqualTo(OCTOBER);
        assertThat(result.unitKey()).isEqualTo(unit.key());
        assertThat(result.asOf()).isEqualTo(LocalDate.of(2022, 10, 23));
        assertThat(result.findings()).isEmpty();
        assertThat(result.values()).extracting(StagedValue::unitKey, StagedValue::indicatorCode, StagedValue::period,
                StagedValue::measure, StagedValue::number, StagedValue::text)
                .containsExactlyInAnyOrderElementsOf(LibreOfficeFixturesTest.expected(CATALOG.form(formCode).orElseThrow(), unit));
        if ("ods".equals(extension)) {
            assertThat(TemplateMetadata.read(file)).as("LibreOffice keeps the identity as user-defined properties")
                    .contains(new TemplateMetadata(formCode, unitCode, OCTOBER, TemplateWriter.TEMPLATE_VERSION));
        }
    }
}
