package vn.giaoban.submission.internal.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XlsTableSourceTest {

    @TempDir
    Path dir;

    @Test
    void readsCellsAsTheWorkbookStoresThem() throws Exception {
        // given an old .xls report with its header on row 4 under a merged title
        Path file = writeReport(dir.resolve("bao-cao.xls"));
        // when
        List<SheetRow> rows = XlsxTableSourceTest.readAll(file);
        // then
        assertThat(rows).extracting(SheetRow::number).containsExactly(1, 4, 5, 6, 1);
        assertThat(rows.get(0).cells()).singleElement().extracting(SheetCell::text).isEqualTo("BÁO CÁO THÁNG 5");
        assertThat(rows.get(1).cells()).extracting(SheetCell::text)
                .containsExactly("Chỉ tiêu", "Thực hiện", "Tỷ lệ", "Ngày", "Đạt");

        SheetRow figures = rows.get(2);
        assertThat(figures.sheet()).isEqualTo("Báo cáo");
        assertThat(figures.hidden()).isFalse();
        assertThat(figures.cell(0)).get().extracting(SheetCell::text).isEqualTo("Tổng doanh thu");
        assertThat(figures.cell(1)).get().satisfies(number -> {
            assertThat(number.kind()).isEqualTo(CellKind.NUMBER);
            assertThat(number.reference()).isEqualTo("B5");
            assertThat(number.number()).isEqualTo(new BigDecimal("94533"));
            assertThat(number.text()).isEqualTo("94533");
        });
        assertThat(figures.cell(2)).get().satisfies(formula -> {
            assertThat(formula.kind()).isEqualTo(CellKind.NUMBER);
            assertThat(formula.number()).isEqualTo(new BigDecimal("0.1"));
        });
        assertThat(figures.cell(3)).get().satisfies(date -> assertThat(date.date()).isTrue());
        assertThat(figures.cell(4)).get().satisfies(bool -> {
            assertThat(bool.kind()).isEqualTo(CellKind.BOOLEAN);
            assertThat(bool.text()).isEqualTo("FALSE");
        });

        SheetRow hidden = rows.get(3);
        assertThat(hidden.hidden()).isTrue();
        assertThat(hidden.cells()).extracting(SheetCell::kind).containsExactly(CellKind.ERROR, CellKind.ERROR);
        assertThat(hidden.cells()).extracting(SheetCell::text).containsExactly("#DIV/0!", "#DIV/0!");
        assertThat(hidden.cells()).extracting(SheetCell::reference).containsExactly("B6", "C6");

        SheetRow secret = rows.get(4);
        assertThat(secret.sheet()).isEqualTo("Ẩn");
        assertThat(secret.hidden()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({"5.0,5", "0.1,0.1", "94533,94533", "-4,-4", "1.5,1.5", "100,100", "1e20,100000000000000000000",
            "0.30000000000000004,0.30000000000000004"})
    void turnsADoubleIntoTheDecimalItShows(double value, String expected) {
        assertThat(XlsTableSource.exact(value).toPlainString()).isEqualTo(expected);
    }

    @Test
    void refusesAPasswordProtectedWorkbook() throws Exception {
        // given an .xls saved with a password to open
        Path file = dir.resolve("bao-cao.xls");
        Biff8EncryptionKey.setCurrentUserPassword("mat-khau");
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("A").createRow(0).createCell(0).setCellValue("bí mật");
            workbook.write(out);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        // when / then
        assertThatThrownBy(() -> TableSources.open(file, StandardCharsets.UTF_8))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(TableSources.say(XlsTableSource.ENCRYPTED));
    }

    @Test
    void refusesAnOle2FileThatIsNotAWorkbook() throws Exception {
        // given the OLE2 signature followed by garbage
        byte[] bytes = new byte[1024];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        Path file = Files.write(dir.resolve("bao-cao.xls"), bytes);
        // when / then
        assertThatThrownBy(() -> TableSources.open(file, StandardCharsets.UTF_8))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("Tệp không đọc được: không phải tệp Excel hợp lệ.");
    }

    private static Path writeReport(Path file) throws IOException {
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Báo cáo");
            sheet.createRow(0).createCell(0).setCellValue("BÁO CÁO THÁNG 5");
            sheet.addMergedRegion(new CellRangeAddress(0, 1, 0, 4));
            sheet.createRow(2).createCell(3).setCellValue(" ");
            Row header = sheet.createRow(3);
            String[] names = {"Chỉ tiêu", "Thực hiện", "Tỷ lệ", "Ngày", "Đạt"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            Row figures = sheet.createRow(4);
            figures.createCell(0).setCellValue(Normalizer.normalize("Tổng doanh thu", Normalizer.Form.NFD));
            figures.createCell(1).setCellValue(94533.0);
            figures.createCell(2).setCellFormula("B5/945330");
            figures.createCell(3).setCellValue(45792);
            figures.getCell(3).setCellStyle(date);
            figures.createCell(4).setCellValue(false);
            Row hidden = sheet.createRow(5);
            hidden.setZeroHeight(true);
            hidden.createCell(1).setCellErrorValue(FormulaError.DIV0.getCode());
            hidden.createCell(2).setCellFormula("B5/0");

            workbook.createSheet("Ẩn").createRow(0).createCell(0).setCellValue("bí mật");
            workbook.setSheetHidden(1, true);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return file;
    }
}
