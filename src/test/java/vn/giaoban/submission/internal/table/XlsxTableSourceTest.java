package vn.giaoban.submission.internal.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxTableSourceTest {

    private static final String NFD_TOTAL = Normalizer.normalize("Tổng doanh thu", Normalizer.Form.NFD);

    @TempDir
    Path dir;

    @Test
    void readsCellsAsTheWorkbookStoresThem() throws Exception {
        // given a report whose title is merged above a header on row 5
        Path file = writeReport(dir.resolve("bao-cao.xlsx"));
        // when
        List<SheetRow> rows = readAll(file);
        // then
        SheetRow title = rows.get(0);
        assertThat(title.sheet()).isEqualTo("Báo cáo");
        assertThat(title.number()).isEqualTo(2);
        assertThat(title.cells()).singleElement().satisfies(cell -> {
            assertThat(cell.reference()).isEqualTo("A2");
            assertThat(cell.kind()).isEqualTo(CellKind.TEXT);
            assertThat(cell.text()).isEqualTo("BÁO CÁO THÁNG 5/2025");
        });
        SheetRow header = rows.get(1);
        assertThat(header.number()).isEqualTo(5);
        assertThat(header.cells()).extracting(SheetCell::column).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(header.cells()).extracting(SheetCell::text)
                .containsExactly("STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ", "Ngày", "Đạt");

        SheetRow figures = rows.get(2);
        assertThat(figures.number()).isEqualTo(6);
        assertThat(figures.hidden()).isFalse();
        assertThat(figures.cell(1)).get().extracting(SheetCell::text).isEqualTo("Tổng doanh thu");
        assertThat(figures.cell(2)).get().satisfies(cell -> {
            assertThat(cell.kind()).isEqualTo(CellKind.NUMBER);
            assertThat(cell.reference()).isEqualTo("C6");
            assertThat(cell.number()).isEqualByComparingTo("94533");
            assertThat(cell.date()).isFalse();
        });
        assertThat(figures.cell(3)).get().extracting(SheetCell::number).isEqualTo(new java.math.BigDecimal("0.1"));
        assertThat(figures.cell(4)).get().satisfies(formula -> {
            assertThat(formula.kind()).isEqualTo(CellKind.NUMBER);
            assertThat(formula.number()).isEqualByComparingTo("200");
            assertThat(formula.date()).isFalse();
        });
        assertThat(figures.cell(5)).get().satisfies(date -> {
            assertThat(date.kind()).isEqualTo(CellKind.NUMBER);
            assertThat(date.date()).isTrue();
            assertThat(date.number()).isEqualByComparingTo("45792");
        });
        assertThat(figures.cell(6)).get().satisfies(bool -> {
            assertThat(bool.kind()).isEqualTo(CellKind.BOOLEAN);
            assertThat(bool.text()).isEqualTo("TRUE");
        });

        SheetRow errors = rows.get(3);
        assertThat(errors.number()).isEqualTo(7);
        assertThat(errors.hidden()).isTrue();
        assertThat(errors.cell(2)).get().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(CellKind.ERROR);
            assertThat(error.text()).isEqualTo("#DIV/0!");
            assertThat(error.number()).isNull();
        });
        assertThat(errors.cell(4)).get().satisfies(cached -> {
            assertThat(cached.kind()).isEqualTo(CellKind.ERROR);
            assertThat(cached.text()).isEqualTo("#DIV/0!");
        });
        assertThat(errors.cell(5)).get().extracting(SheetCell::date).isEqualTo(true);
    }

    @Test
    void readsSheetsInOrderAndMarksAHiddenSheet() throws Exception {
        // given
        Path file = writeReport(dir.resolve("bao-cao.xlsx"));
        // when
        List<SheetRow> rows = readAll(file);
        // then
        assertThat(rows).extracting(SheetRow::sheet)
                .containsExactly("Báo cáo", "Báo cáo", "Báo cáo", "Báo cáo", "Ẩn", "Ghi chú");
        assertThat(rows.get(4).hidden()).isTrue();
        assertThat(rows.get(5).hidden()).isFalse();
        assertThat(rows.get(5).cells()).extracting(SheetCell::reference).containsExactly("B3");
    }

    @Test
    void decidesByContentNotByName() throws Exception {
        // given a workbook a unit renamed to .csv
        Path file = writeReport(dir.resolve("bao-cao.csv"));
        // when
        List<SheetRow> rows = readAll(file);
        // then it is still read as a workbook
        assertThat(rows.get(2).cell(2)).get().extracting(SheetCell::kind).isEqualTo(CellKind.NUMBER);
        assertThat(rows.get(0).sheet()).isEqualTo("Báo cáo");
    }

    @Test
    void readsInlineStringsRichTextAndCellsWithoutReferences() throws Exception {
        // given a sheet written by another tool: inline strings, rich text runs with a phonetic
        // guide, and neither rows nor cells numbered
        String sheet = """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row><c t="inlineStr"><is><t>%s</t></is></c><c t="inlineStr"><is><r><rPr><b/></rPr><t>Lũy kế</t></r>\
                <r><t xml:space="preserve"> từ đầu năm</t></r><rPh sb="0" eb="1"><t>x</t></rPh></is></c></row>
                <row><c><v>1.5E+3</v></c><c t="str"><f>A2&amp;""</f><v>1500</v></c><c/><c t="inlineStr"><is><t>a_x000D_b</t></is></c></row>
                <row r="9" hidden="1"><c r="D9" t="b"><v>0</v></c><c r="E9" t="inlineStr"><is><t>  </t></is></c></row>
                </sheetData></worksheet>
                """.formatted(NFD_TOTAL);
        Path file = writeMinimalXlsx(dir.resolve("khac.xlsx"), sheet);
        // when
        List<SheetRow> rows = readAll(file);
        // then
        assertThat(rows).extracting(SheetRow::number).containsExactly(1, 2, 9);
        assertThat(rows.get(0).cells()).extracting(SheetCell::reference).containsExactly("A1", "B1");
        assertThat(rows.get(0).cells()).extracting(SheetCell::text)
                .containsExactly("Tổng doanh thu", "Lũy kế từ đầu năm");
        SheetRow second = rows.get(1);
        assertThat(second.cells()).extracting(SheetCell::reference).containsExactly("A2", "B2", "D2");
        assertThat(second.cells().get(0).number()).isEqualByComparingTo("1500");
        assertThat(second.cells().get(0).text()).isEqualTo("1.5E+3");
        assertThat(second.cells().get(1).kind()).isEqualTo(CellKind.TEXT);
        assertThat(second.cells().get(2).text()).isEqualTo("a\rb");
        assertThat(rows.get(2).hidden()).isTrue();
        assertThat(rows.get(2).cells()).singleElement().satisfies(cell -> {
            assertThat(cell.kind()).isEqualTo(CellKind.BOOLEAN);
            assertThat(cell.text()).isEqualTo("FALSE");
            assertThat(cell.reference()).isEqualTo("D9");
        });
    }

    @Test
    void pullsRowsLazilyAndOnlyOnce() throws Exception {
        // given
        Path file = writeReport(dir.resolve("bao-cao.xlsx"));
        try (TableSource source = TableSources.open(file, StandardCharsets.UTF_8)) {
            // when
            Iterator<SheetRow> rows = source.rows();
            // then
            assertThat(rows.next().number()).isEqualTo(2);
            assertThatThrownBy(source::rows).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void refusesAZipThatIsNotAWorkbook() throws Exception {
        // given
        Path file = dir.resolve("bao-cao.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("hello.txt"));
            zip.write("xin chào".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        // when / then
        assertThatThrownBy(() -> TableSources.open(file, StandardCharsets.UTF_8))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("Tệp không đọc được: không phải tệp Excel hợp lệ.");
    }

    @Test
    void refusesAWordDocument() throws Exception {
        // given an Office package whose main part is not a workbook
        Path file = dir.resolve("bao-cao.xlsx");
        writeZip(file, Map.of(
                "[Content_Types].xml", """
                        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                        <Default Extension="xml" ContentType="application/xml"/>\
                        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
                        </Types>""",
                "_rels/.rels", """
                        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
                        </Relationships>""",
                "word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"));
        // when / then
        assertThatThrownBy(() -> TableSources.open(file, StandardCharsets.UTF_8))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("Tệp không đọc được: không phải tệp Excel hợp lệ.");
    }

    @Test
    void refusesATruncatedWorkbook() throws Exception {
        // given a workbook cut off in transit
        Path whole = writeReport(dir.resolve("whole.xlsx"));
        byte[] bytes = Files.readAllBytes(whole);
        Path file = Files.write(dir.resolve("bao-cao.xlsx"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        // when / then
        assertThatThrownBy(() -> TableSources.open(file, StandardCharsets.UTF_8))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("Tệp không đọc được");
    }

    @Test
    void refusesAPasswordProtectedWorkbook() throws Exception {
        // given an .xlsx saved with a password: Excel wraps it in an OLE2 container
        Path file = dir.resolve("bao-cao.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("mat-khau");
            try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = encryptor.getDataStream(fs)) {
                workbook.createSheet("A").createRow(0).createCell(0).setCellValue("bí mật");
                workbook.write(out);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        // when / then
        assertThatThrownBy(() -> TableSources.open(file, StandardCharsets.UTF_8))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(TableSources.say(XlsTableSource.ENCRYPTED));
    }

    /** A report as units fill it in: two title rows merged, header on row 5, figures, a hidden row. */
    static Path writeReport(Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Báo cáo");
            sheet.createRow(0).createCell(0).setCellValue("   ");
            sheet.createRow(1).createCell(0).setCellValue("BÁO CÁO THÁNG 5/2025");
            sheet.getRow(1).createCell(1).setCellValue("");
            sheet.addMergedRegion(new CellRangeAddress(1, 2, 0, 6));
            Row header = sheet.createRow(4);
            String[] names = {"STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ", "Ngày", "Đạt"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            CellStyle customDate = workbook.createCellStyle();
            customDate.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle builtinDate = workbook.createCellStyle();
            builtinDate.setDataFormat((short) 14);
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat((short) 10);

            Row figures = sheet.createRow(5);
            figures.createCell(0).setCellValue(1);
            figures.createCell(1).setCellValue(NFD_TOTAL);
            figures.createCell(2).setCellValue(94533);
            figures.createCell(3).setCellValue(0.1);
            figures.createCell(4).setCellFormula("A6*200");
            figures.getCell(4).setCellStyle(percent);
            figures.createCell(5).setCellValue(45792);
            figures.getCell(5).setCellStyle(customDate);
            figures.createCell(6).setCellValue(true);

            Row errors = sheet.createRow(6);
            errors.setZeroHeight(true);
            errors.createCell(2).setCellErrorValue(FormulaError.DIV0.getCode());
            errors.createCell(4).setCellFormula("C6/0");
            errors.createCell(5).setCellValue(45793);
            errors.getCell(5).setCellStyle(builtinDate);

            workbook.createSheet("Ẩn").createRow(0).createCell(0).setCellValue("bí mật");
            workbook.setSheetHidden(1, true);
            workbook.createSheet("Ghi chú").createRow(2).createCell(1).setCellValue("Hết");

            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return file;
    }

    private static Path writeMinimalXlsx(Path file, String sheetXml) throws IOException {
        writeZip(file, Map.of(
                "[Content_Types].xml", """
                        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                        <Default Extension="xml" ContentType="application/xml"/>\
                        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                        </Types>""",
                "_rels/.rels", """
                        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                        </Relationships>""",
                "xl/workbook.xml", """
                        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                        <sheets><sheet name="Trang 1" sheetId="1" r:id="rId1"/></sheets></workbook>""",
                "xl/_rels/workbook.xml.rels", """
                        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                        </Relationships>""",
                "xl/worksheets/sheet1.xml", sheetXml));
        return file;
    }

    private static void writeZip(Path file, Map<String, String> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    static List<SheetRow> readAll(Path file) throws Exception {
        try (TableSource source = TableSources.open(file, java.nio.charset.Charset.forName("windows-1258"))) {
            List<SheetRow> rows = new ArrayList<>();
            source.rows().forEachRemaining(rows::add);
            return rows;
        }
    }
}
