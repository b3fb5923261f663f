package vn.giaoban.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SafeCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+84 912 345 678", "-5 đơn", "@SUM(A1)", "\t=1+1", "\r=1+1", "＝1+1"})
    void formulaLikeTexts(String text) {
        assertThat(SafeCells.looksLikeFormula(text)).isTrue();
        assertThat(SafeCells.forCsv(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Xã Tân Mỹ", "1+1", " =1+1", "94.533", "'=1+1", "Số đơn thư (=)"})
    void ordinaryTexts(String text) {
        assertThat(SafeCells.looksLikeFormula(text)).isFalse();
        assertThat(SafeCells.forCsv(text)).isEqualTo(text);
    }

    @Test
    void nullIsNoFormula() {
        assertThat(SafeCells.looksLikeFormula(null)).isFalse();
        assertThat(SafeCells.forCsv(null)).isNull();
    }

    @Test
    void xlsxAndXlsKeepTheTextAndTheBaseStyle() throws IOException {
        for (Workbook workbook : new Workbook[] {new XSSFWorkbook(), new HSSFWorkbook()}) {
            try (workbook) {
                SafeCells cells = new SafeCells(workbook);
                CellStyle bold = workbook.createCellStyle();
                bold.setFont(workbook.createFont());
                workbook.getFontAt(bold.getFontIndex()).setBold(true);
                Row row = workbook.createSheet("Góp ý").createRow(0);
                int stylesBefore = workbook.getNumCellStyles();
                for (int i = 0; i < 4; i++) {
                    row.createCell(i).setCellStyle(bold);
                }
                cells.text(row.getCell(0), "=1+1");
                cells.text(row.getCell(1), "@SUM(A1)");
                cells.text(row.getCell(2), "Xã Tân Mỹ");
                cells.text(row.getCell(3), null);

                assertThat(workbook.getNumCellStyles()).as("one quote-prefixed twin for the bold style").isEqualTo(stylesBefore + 1);
                Workbook reread = reread(workbook);
                Row back = reread.getSheetAt(0).getRow(0);
                assertThat(back.getCell(0).getCellType()).isEqualTo(CellType.STRING);
                assertThat(back.getCell(0).getStringCellValue()).isEqualTo("=1+1");
                assertThat(back.getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
                assertThat(reread.getFontAt(back.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
                assertThat(back.getCell(1).getStringCellValue()).isEqualTo("@SUM(A1)");
                assertThat(back.getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
                assertThat(back.getCell(2).getStringCellValue()).isEqualTo("Xã Tân Mỹ");
                assertThat(back.getCell(2).getCellStyle().getQuotePrefixed()).isFalse();
                assertThat(back.getCell(3).getCellType()).isEqualTo(CellType.BLANK);
                reread.close();
            }
        }
    }

    @Test
    void aCellWithoutAStyleGetsAQuotedDefault() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Cell cell = workbook.createSheet().createRow(0).createCell(0);
            new SafeCells(workbook).text(cell, "+84 912 345 678");
            assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
        }
    }

    private static Workbook reread(Workbook workbook) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        workbook.write(bytes);
        return WorkbookFactory.create(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
