package vn.giaoban.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.CatalogFiles;

/**
 * Makes the committed fixtures of {@link LibreOfficeFixturesTest}: templates written here, filled
 * with POI by {@link TemplateFiller}, then opened and saved by LibreOffice Calc as .xlsx and as
 * .xls. Not a test: it runs only when asked, on a machine with LibreOffice (Debian's
 * {@code libreoffice-calc-nogui}), and writes into {@code src/test/resources/templates/libreoffice/}:
 *
 * <pre>
 * apt-get install -y libreoffice-calc-nogui
 * ./mvnw -o test -Dtest=LibreOfficeFixtureGenerator -Dgiaoban.regenerate-libreoffice-fixtures=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "giaoban.regenerate-libreoffice-fixtures", matches = "true")
class LibreOfficeFixtureGenerator {

    static final Path FIXTURES = Path.of("src/test/resources/templates/libreoffice");
    /** The templates made into fixtures: a count form, a money form (decimals) and a criteria form. */
    static final List<String[]> FILLED = List.of(
            new String[] {"BM03-DT", "06172"},
            new String[] {"BM01-NS", "CCTKV3"},
            new String[] {"BM05-NTM", "06127"});
    static final YearMonth PERIOD = YearMonth.of(2022, 10);

    private static final Catalog CATALOG = CatalogFiles.load("classpath:catalog/van-lang/");

    @TempDir
    Path work;

    @Test
    void saveFilledTemplatesWithLibreOffice() throws Exception {
        TemplateWriter writer = new TemplateWriter(CATALOG);
        Path filled = Files.createDirectories(work.resolve("filled"));
        List<Path> inputs = new ArrayList<>();
        for (String[] entry : FILLED) {
            Form form = CATALOG.form(entry[0]).orElseThrow();
            Unit unit = CATALOG.unit(entry[1], PERIOD).orElseThrow();
            Path template = writer.write(form, unit, PERIOD, filled);
            new TemplateFiller(CATALOG).fill(template, unit, PERIOD);
            inputs.add(template);
        }
        Files.createDirectories(FIXTURES);
        convert(inputs, "xlsx:Calc MS Excel 2007 XML", work.resolve("xlsx"));
        convert(inputs, "xls:MS Excel 97", work.resolve("xls"));
        for (Path input : inputs) {
            String base = input.getFileName().toString().replace(".xlsx", "");
            for (String extension : List.of("xlsx", "xls")) {
                Path converted = work.resolve(extension).resolve(base + "." + extension);
                assertThat(converted).exists();
                Files.copy(converted, FIXTURES.resolve(base + "." + extension), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(FIXTURES.resolve("VERSION.txt"), version() + System.lineSeparator(), StandardCharsets.UTF_8);
    }

    private static void convert(List<Path> inputs, String filter, Path outDir) throws Exception {
        List<String> command = new ArrayList<>(List.of("soffice", "-env:UserInstallation=file:///tmp/lo-profile",
                "--headless", "--norestore", "--convert-to", filter, "--outdir", outDir.toString()));
        inputs.forEach(input -> command.add(input.toString()));
        run(command);
    }

    private static String version() throws Exception {
        return run(List.of("soffice", "-env:UserInstallation=file:///tmp/lo-profile", "--headless", "--version")).trim();
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("soffice did not finish: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("soffice failed (" + process.exitValue() + "): " + output);
        }
        return output;
    }
}
