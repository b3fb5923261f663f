package vn.giaoban.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.hpsf.CustomProperties;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.Measure;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.ValueType;
import vn.giaoban.catalog.CatalogFiles;
import vn.giaoban.submission.Finding;
import vn.giaoban.submission.IngestResult;
import vn.giaoban.submission.ReceivedFile;
import vn.giaoban.submission.Severity;
import vn.giaoban.submission.StagedValue;
import vn.giaoban.submission.SubmissionStatus;
import vn.giaoban.submission.internal.SubmissionReader;
import vn.giaoban.submission.internal.TemplateMetadata;

/**
 * Templates filled in with POI and then opened and saved by LibreOffice Calc 7.4 (headless,
 * {@code --convert-to xlsx} and {@code --convert-to xls}; made by {@link LibreOfficeFixtureGenerator},
 * committed under {@code src/test/resources/templates/libreoffice/}): the reader finds every value
 * from the visible cells alone, through the streaming .xlsx reader and through HSSF.
 */
class LibreOfficeFixturesTest {

    private static final Catalog CATALOG = CatalogFiles.load("classpath:catalog/van-lang/");
    private static final YearMonth OCTOBER = YearMonth.of(2022, 10);

    private final SubmissionReader reader = new SubmissionReader(CATALOG, Charset.forName("windows-1258"));

    @TempDir
    Path inbox;

    @ParameterizedTest(name = "{0}_{1} saved by LibreOffice as .{2}")
    @CsvSource({
        "BM03-DT, 06172, xlsx", "BM03-DT, 06172, xls",
        "BM01-NS, CCTKV3, xlsx", "BM01-NS, CCTKV3, xls",
        "BM05-NTM, 06127, xlsx", "BM05-NTM, 06127, xls"})
    void aTemplateSavedByLibreOfficeIsAcceptedWithEveryValue(String formCode, String unitCode, String extension)
            throws IOException {
        Path file = fixture(formCode + "_" + unitCode + "_2022-10." + extension, unitCode);
        Unit unit = CATALOG.unit(unitCode, OCTOBER).orElseThrow();

        IngestResult result = reader.read(new ReceivedFile(7, unitCode, file, unitCode + "/" + file.getFileName()));

        assertThat(result.rejection()).isNull();
        assertThat(result.status()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(result.formCode()).isEqualTo(formCode);
        assertThat(result.period()).isEqualTo(OCTOBER);
        assertThat(result.unitKey()).isEqualTo(unit.key());
        assertThat(result.asOf()).isEqualTo(LocalDate.of(2022, 10, 23));
        assertThat(result.findings()).extracting(Finding::severity).doesNotContain(Severity.ERROR);
        assertThat(result.findings()).isEmpty();
        assertThat(result.values()).extracting(StagedValue::unitKey, StagedValue::indicatorCode, StagedValue::period,
                StagedValue::measure, StagedValue::number, StagedValue::text)
                .containsExactlyInAnyOrderElementsOf(expected(CATALOG.form(formCode).orElseThrow(), unit));
        assertThat(result.values()).extracting(StagedValue::sheet).containsOnly(formCode);
    }

    @ParameterizedTest(name = "a few values of {0}, spelt out")
    @CsvSource({"xlsx", "xls"})
    void spotChecks(String extension) throws IOException {
        Path money = fixture("BM01-NS_CCTKV3_2022-10." + extension, "CCTKV3");
        Path criteria = fixture("BM05-NTM_06127_2022-10." + extension, "06127");
        Unit cctkv3 = CATALOG.unit("CCTKV3", OCTOBER).orElseThrow();
        Indicator revenue = CATALOG.indicator("NSNN_THU");

        IngestResult moneyResult = reader.read(new ReceivedFile(1, "CCTKV3", money, "CCTKV3/" + money.getFileName()));
        IngestResult criteriaResult = reader.read(new ReceivedFile(2, "06127", criteria, "06127/" + criteria.getFileName()));

        assertThat(moneyResult.values()).extracting(StagedValue::measure, StagedValue::number, StagedValue::cell)
                .containsExactlyInAnyOrder(
                        tuple(Measure.MONTH, TemplateFiller.number(cctkv3, revenue, Measure.MONTH), "E11"),
                        tuple(Measure.CUMULATIVE, TemplateFiller.number(cctkv3, revenue, Measure.CUMULATIVE), "F11"),
                        tuple(Measure.POINT, null, "E12"), tuple(Measure.POINT, null, "E13"));
        assertThat(TemplateFiller.number(cctkv3, revenue, Measure.MONTH).scale()).as("money has decimals").isEqualTo(2);
        assertThat(criteriaResult.values()).hasSize(19).extracting(StagedValue::text).containsOnly("DAT", "CHUA_DAT")
                .contains("DAT", "CHUA_DAT");
        assertThat(criteriaResult.values()).extracting(StagedValue::cell).contains("E11", "E29");
    }

    /**
     * What LibreOffice 7.4 did with the hidden identity: it kept the custom properties, in
     * docProps/custom.xml of the .xlsx and in the user-defined properties of the .xls. The reader does
     * not need them (the test above reads the visible cells); this records what the tool did.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"BM03-DT_06172_2022-10", "BM01-NS_CCTKV3_2022-10", "BM05-NTM_06127_2022-10"})
    void libreOfficeKeptTheCustomProperties(String base) throws IOException {
        String[] parts = base.split("_");
        TemplateMetadata expected = new TemplateMetadata(parts[0], parts[1], OCTOBER, TemplateWriter.TEMPLATE_VERSION);
        assertThat(TemplateMetadata.read(fixture(base + ".xlsx", parts[1]))).contains(expected);

        Path xls = fixture(base + ".xls", parts[1]);
        assertThat(TemplateMetadata.read(xls)).as("an .xls is no OOXML package").isEmpty();
        try (InputStream in = Files.newInputStream(xls); HSSFWorkbook workbook = new HSSFWorkbook(in)) {
            CustomProperties custom = workbook.getDocumentSummaryInformation().getCustomProperties();
            assertThat(custom.get(TemplateMetadata.FORM)).isEqualTo(parts[0]);
            assertThat(custom.get(TemplateMetadata.UNIT)).isEqualTo(parts[1]);
            assertThat(custom.get(TemplateMetadata.PERIOD)).isEqualTo("2022-10");
        }
    }

    /** The values {@link TemplateFiller} typed, as (unit, indicator, period, measure, number, text). */
    static List<Tuple> expected(Form form, Unit unit) {
        String subject = unit.kind().reportsForParent() ? CATALOG.parent(unit).orElseThrow().key() : unit.key();
        List<Tuple> values = new ArrayList<>();
        for (String code : form.indicatorCodes()) {
            Indicator indicator = CATALOG.indicator(code);
            if (indicator.valueType() == ValueType.TEXT) {
                values.add(tuple(unit.key(), code, OCTOBER, Measure.POINT, null, TemplateFiller.text(unit, indicator)));
                continue;
            }
            for (TemplateWriter.ValueColumn column : TemplateWriter.valueColumns(form, OCTOBER)) {
                if (indicator.valueType() == ValueType.STATUS) {
                    values.add(tuple(subject, code, OCTOBER, column.measure(), null,
                            TemplateFiller.statusCode(TemplateFiller.status(unit, indicator))));
                } else {
                    values.add(tuple(subject, code, OCTOBER, column.measure(),
                            TemplateFiller.number(unit, indicator, column.measure()), null));
                }
            }
        }
        return values;
    }

    /** The fixture copied into a unit's inbox folder, as a unit would drop it. */
    private Path fixture(String name, String unitCode) throws IOException {
        Path target = Files.createDirectories(inbox.resolve(unitCode)).resolve(name);
        if (!Files.exists(target)) {
            try (InputStream in = getClass().getResourceAsStream("/templates/libreoffice/" + name)) {
                assertThat(in).as(name).isNotNull();
                Files.copy(in, target);
            }
        }
        return target;
    }
}
