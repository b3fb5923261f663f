package vn.giaoban.submission.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.YearMonth;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.CatalogFiles;
import vn.giaoban.template.TemplateWriter;

class TemplateMetadataTest {

    private static final Catalog CATALOG = CatalogFiles.load("classpath:catalog/van-lang/");
    private static final YearMonth OCTOBER = YearMonth.of(2022, 10);

    @TempDir
    Path dir;

    @Test
    void aGeneratedTemplateTellsItsFormUnitPeriodAndVersion() throws IOException {
        Path file = new TemplateWriter(CATALOG).write(CATALOG.form("BM03-DT").orElseThrow(),
                CATALOG.unit("06172", OCTOBER).orElseThrow(), OCTOBER, dir);

        assertThat(TemplateMetadata.read(file))
                .contains(new TemplateMetadata("BM03-DT", "06172", OCTOBER, TemplateWriter.TEMPLATE_VERSION));
    }

    @Test
    void readingChangesNothing() throws IOException {
        Path file = new TemplateWriter(CATALOG).write(CATALOG.form("BM05-NTM").orElseThrow(),
                CATALOG.unit("06127", OCTOBER).orElseThrow(), OCTOBER, dir);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_666_000_000_000L));
        byte[] before = Files.readAllBytes(file);

        assertThat(TemplateMetadata.read(file)).map(TemplateMetadata::formCode).contains("BM05-NTM");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(1_666_000_000_000L);
    }

    @Test
    void aWorkbookWithoutCustomPropertiesHasNone() throws IOException {
        Path file = dir.resolve("plain.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Biểu01").createRow(0).createCell(0).setCellValue("BM03-DT tháng 10/2022");
            workbook.write(out);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry("docProps/custom.xml")).isNull();
        }

        assertThat(TemplateMetadata.read(file)).isEmpty();
    }

    @Test
    void otherCustomPropertiesOrAnIncompleteIdentityAreNone() throws IOException {
        assertThat(TemplateMetadata.read(withProperties("other.xlsx", "Người lập", "Nguyễn Văn A"))).isEmpty();
        assertThat(TemplateMetadata.read(withProperties("no-period.xlsx", "giaoban.form", "BM03-DT", "giaoban.unit", "06172")))
                .isEmpty();
        assertThat(TemplateMetadata.read(withProperties("bad-period.xlsx", "giaoban.form", "BM03-DT", "giaoban.unit", "06172",
                "giaoban.period", "2022-13"))).isEmpty();
        assertThat(TemplateMetadata.read(withProperties("no-version.xlsx", "giaoban.form", " BM03-DT ", "giaoban.unit",
                "06172", "giaoban.period", "2022-10")))
                .contains(new TemplateMetadata("BM03-DT", "06172", OCTOBER, null));
    }

    @Test
    void whatIsNoOfficePackageHasNone() throws IOException {
        Path xls = dir.resolve("old.xls");
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
            workbook.createSheet("Biểu01");
            workbook.createInformationProperties();
            workbook.getDocumentSummaryInformation().getCustomProperties();
            workbook.write(out);
        }
        Path csv = Files.writeString(dir.resolve("bao-cao.xlsx"), "Chỉ tiêu;Tháng 10\nSố đơn thư tiếp nhận;12\n",
                StandardCharsets.UTF_8);
        Path empty = Files.write(dir.resolve("empty.xlsx"), new byte[0]);
        Path zip = dir.resolve("not-office.xlsx");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("hello".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(TemplateMetadata.read(xls)).isEmpty();
        assertThat(TemplateMetadata.read(csv)).isEmpty();
        assertThat(TemplateMetadata.read(empty)).isEmpty();
        assertThat(TemplateMetadata.read(zip)).isEmpty();
        assertThat(TemplateMetadata.read(dir.resolve("missing.xlsx"))).isEmpty();
        assertThat(TemplateMetadata.read(dir)).isEmpty();
    }

    @Test
    void aHostileCustomPartIsNone() throws IOException {
        Path template = new TemplateWriter(CATALOG).write(CATALOG.form("BM03-DT").orElseThrow(),
                CATALOG.unit("06172", OCTOBER).orElseThrow(), OCTOBER, dir);
        String entity = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE Properties [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
                    xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">
                  <property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="giaoban.form"><vt:lpwstr>&x;&b;</vt:lpwstr></property>
                  <property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="giaoban.unit"><vt:lpwstr>06172</vt:lpwstr></property>
                  <property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="giaoban.period"><vt:lpwstr>2022-10</vt:lpwstr></property>
                </Properties>""";
        String huge = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Properties xmlns=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/custom-properties\"><!-- " + "x".repeat(200_000) + " --></Properties>";

        assertThat(TemplateMetadata.read(replaced(template, "docProps/custom.xml", entity, "xxe.xlsx"))).isEmpty();
        assertThat(TemplateMetadata.read(replaced(template, "docProps/custom.xml", huge, "huge.xlsx"))).isEmpty();
        assertThat(TemplateMetadata.read(replaced(template, "docProps/custom.xml", "<Properties", "cut.xlsx"))).isEmpty();
    }

    private Path withProperties(String name, String... pairs) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Biểu01");
            POIXMLProperties.CustomProperties custom = workbook.getProperties().getCustomProperties();
            for (int i = 0; i < pairs.length; i += 2) {
                custom.addProperty(pairs[i], pairs[i + 1]);
            }
            workbook.write(out);
        }
        return file;
    }

    /** A copy of {@code source} with one zip entry's content replaced. */
    private Path replaced(Path source, String entryName, String content, String name) throws IOException {
        Path target = dir.resolve(name);
        try (ZipFile zip = new ZipFile(source.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(entryName)) {
                    out.write(content.getBytes(StandardCharsets.UTF_8));
                } else {
                    try (var in = zip.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        return target;
    }
}
