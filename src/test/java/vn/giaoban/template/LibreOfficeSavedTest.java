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

    /** Sample reports of October 2022, one of each form (and a commune's own layout), with the folder they sit in. */
    private static final List<String> SAMPLES = List.of("PTCKH/BM02-DTC_T10-2022.xlsx", "06154/BM03-DT_2022-10.xlsx",
            "CCTKV3/BM01-NS_T10-2022.xlsx", "06127/BM05-NTM_Trung Khanh_T10-2022.xlsx", "CAH/BM04-ANTT_2022-10.xlsx",
            "06172/Báo cáo đơn thư 10-2022 Tân Mỹ.xlsx", "06154/BM03-DS_Danh sach don thu_T10_2022.xlsx");
    private static final Path SAMPLE_DIR = Path.of("input-samples/van-lang");

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
        for (String sample : SAMPLES) {
            inputs.add(SAMPLE_DIR.resolve(sample).toAbsolutePath().toString());
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

    @ParameterizedTest(name = "sample {0} saved by this machine's LibreOffice as .{1}")
    @CsvSource({
        "PTCKH/BM02-DTC_T10-2022.xlsx, ods", "PTCKH/BM02-DTC_T10-2022.xlsx, xls",
        "06154/BM03-DT_2022-10.xlsx, ods", "06154/BM03-DT_2022-10.xlsx, xls",
        "CCTKV3/BM01-NS_T10-2022.xlsx, ods", "CCTKV3/BM01-NS_T10-2022.xlsx, xls",
        "06127/BM05-NTM_Trung Khanh_T10-2022.xlsx, ods", "06127/BM05-NTM_Trung Khanh_T10-2022.xlsx, xls",
        "CAH/BM04-ANTT_2022-10.xlsx, ods", "CAH/BM04-ANTT_2022-10.xlsx, xls",
        "06172/Báo cáo đơn thư 10-2022 Tân Mỹ.xlsx, ods", "06172/Báo cáo đơn thư 10-2022 Tân Mỹ.xlsx, xls",
        "06154/BM03-DS_Danh sach don thu_T10_2022.xlsx, ods", "06154/BM03-DS_Danh sach don thu_T10_2022.xlsx, xls"})
    void aSampleSavedByLibreOfficeReadsAsTheOriginal(String sample, String extension) throws IOException {
        String folder = sample.substring(0, sample.indexOf('/'));
        String name = sample.substring(sample.indexOf('/') + 1);
        Path saved = work.resolve(extension).resolve(name.replace(".xlsx", "." + extension));
        assertThat(saved).as("LibreOffice wrote it").exists();
        Path original = Files.createDirectories(work.resolve("inbox-original").resolve(folder)).resolve(name);
        Files.copy(SAMPLE_DIR.resolve(sample), original, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path file = Files.createDirectories(work.resolve("inbox-" + extension).resolve(folder)).resolve(saved.getFileName());
        Files.copy(saved, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        IngestResult expected = reader.read(new ReceivedFile(1, folder, original, folder + "/" + original.getFileName()));
        IngestResult result = reader.read(new ReceivedFile(2, folder, file, folder + "/" + file.getFileName()));

        assertThat(expected.status()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(result.rejection()).isNull();
        assertThat(result.status()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(result.formCode()).isEqualTo(expected.formCode());
        assertThat(result.period()).isEqualTo(expected.period());
        assertThat(result.unitKey()).isEqualTo(expected.unitKey());
        assertThat(result.asOf()).isEqualTo(expected.asOf());
        // a formula's cached result is written by LibreOffice in .ods with 15 significant digits (1.16707407407407
        // for Excel's 1.1670740740740742): the same value to the precision a spreadsheet shows
        assertThat(result.values()).extracting(StagedValue::unitKey, StagedValue::indicatorCode, StagedValue::measure,
                        v -> shown(v.number()), StagedValue::text, StagedValue::cell)
                .containsExactlyInAnyOrderElementsOf(expected.values().stream().map(v -> org.assertj.core.api.Assertions.tuple(
                        v.unitKey(), v.indicatorCode(), v.measure(), shown(v.number()), v.text(), v.cell())).toList());
    }

    private static java.math.BigDecimal shown(java.math.BigDecimal number) {
        return number == null ? null : number.round(new java.math.MathContext(14)).stripTrailingZeros();
    }
}
