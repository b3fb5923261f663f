package vn.giaoban.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import vn.giaoban.submission.internal.table.OdsFiles;
import vn.giaoban.text.Messages;

/** The .ods template: an ODF package written directly, its identity in meta.xml, filled in and read back by the reader. */
class OdsTemplateRoundTripTest {

    private static final Catalog CATALOG = CatalogFiles.load("classpath:catalog/van-lang/");
    private static final YearMonth OCTOBER = YearMonth.of(2022, 10);

    @TempDir
    Path work;

    @Test
    void theCommandWritesTheOdsBesideTheXlsxAsAnOdfPackage() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        List<Path> files = new TemplateCommand(CATALOG, work, quiet, Messages.defaults()).run(new TemplateCommand.Request(
                OCTOBER, "BM03-DT", "06172", null, List.of(TemplateFormat.XLSX, TemplateFormat.ODS)));

        assertThat(files).extracting(f -> f.getFileName().toString())
                .containsExactly("BM03-DT_06172_2022-10.xlsx", "BM03-DT_06172_2022-10.ods");
        assertThat(files.get(1).getParent()).isEqualTo(files.get(0).getParent());
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(files.get(1)))) {
            ZipEntry first = zip.getNextEntry();
            assertThat(first.getName()).isEqualTo("mimetype");
            assertThat(first.getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(new String(zip.readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("application/vnd.oasis.opendocument.spreadsheet");
        }
        try (ZipFile zip = new ZipFile(files.get(1).toFile())) {
            assertThat(zip.getEntry("META-INF/manifest.xml")).isNotNull();
            assertThat(zip.getEntry("styles.xml")).isNotNull();
            assertThat(zip.getEntry("meta.xml")).isNotNull();
        }
        assertThat(TemplateMetadata.read(files.get(1)))
                .contains(new TemplateMetadata("BM03-DT", "06172", OCTOBER, TemplateWriter.TEMPLATE_VERSION));
    }

    @Test
    void anOdsTemplateFilledInIsReadWithItsValues() throws Exception {
        Form form = CATALOG.form("BM03-DT").orElseThrow();
        Unit unit = CATALOG.unit("06172", OCTOBER).orElseThrow();
        Path file = new TemplateWriter(CATALOG).write(form, unit, OCTOBER, work.resolve("06172"), TemplateFormat.ODS);

        // when the clerk types the as-of date and the figures into the yellow cells
        fill(file, Map.of(
                "Số liệu đến ngày:", new String[] {"date:2022-10-23"},
                "DT_TIEP_NHAN", new String[] {"3", "30"},
                "DT_DA_GIAI_QUYET", new String[] {"2", "20"}));
        IngestResult result = new SubmissionReader(CATALOG, Charset.forName("windows-1258"))
                .read(new ReceivedFile(1, "06172", file, "06172/" + file.getFileName()));

        assertThat(result.rejection()).isNull();
        assertThat(result.status()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(result.formCode()).isEqualTo("BM03-DT");
        assertThat(result.unitKey()).isEqualTo(unit.key());
        assertThat(result.period()).isEqualTo(OCTOBER);
        assertThat(result.asOf()).isEqualTo(OCTOBER.atDay(23));
        assertThat(result.values()).extracting(v -> v.indicatorCode() + "/" + v.measure() + "=" + v.number())
                .containsExactlyInAnyOrder("DT_TIEP_NHAN/MONTH=3", "DT_TIEP_NHAN/CUMULATIVE=30",
                        "DT_DA_GIAI_QUYET/MONTH=2", "DT_DA_GIAI_QUYET/CUMULATIVE=20");
        assertThat(result.values()).extracting(StagedValue::number).allMatch(n -> n.compareTo(BigDecimal.ZERO) > 0);
        assertThat(result.findings()).isEmpty();
    }

    /** Fills the first yellow cells of the row holding {@code label}, in order, as LibreOffice saves typed values. */
    private static void fill(Path file, Map<String, String[]> values) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (String name : List.of("META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml")) {
                try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                    entries.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        String[] rows = entries.get("content.xml").split("(?=<table:table-row>)");
        for (int i = 0; i < rows.length; i++) {
            for (Map.Entry<String, String[]> entry : values.entrySet()) {
                if (rows[i].contains(">" + OdsFiles.escape(entry.getKey()) + "<")) {
                    for (String value : entry.getValue()) {
                        String typed = value.startsWith("date:")
                                ? " office:value-type=\"date\" office:date-value=\"" + value.substring(5) + "\"><text:p>"
                                        + value.substring(5) + "</text:p></table:table-cell>"
                                : " office:value-type=\"float\" office:value=\"" + value + "\"><text:p>" + value
                                        + "</text:p></table:table-cell>";
                        rows[i] = rows[i].replaceFirst("table:style-name=\"ceInput\"/>",
                                java.util.regex.Matcher.quoteReplacement("table:style-name=\"ceInput\"" + typed));
                    }
                }
            }
        }
        entries.put("content.xml", String.join("", rows));
        entries.remove("mimetype");
        OdsFiles.write(file, entries);
    }
}
