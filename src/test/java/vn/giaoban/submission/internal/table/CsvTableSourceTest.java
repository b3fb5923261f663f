package vn.giaoban.submission.internal.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTableSourceTest {

    private static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

    @TempDir
    Path dir;

    @Test
    void readsUtf8WithoutBomAsTextCells() throws Exception {
        // given a comma-separated file with a quoted field spanning two lines
        Path file = write("bao-cao-thang-5.csv", bytes(StandardCharsets.UTF_8,
                "STT,Chỉ tiêu,Thực hiện\r\n1,\"Doanh thu, tổng\ncộng\",\"1.234,5\"\r\n\r\n2,,94533\r\n"));
        // when
        List<SheetRow> rows = XlsxTableSourceTest.readAll(file);
        // then
        assertThat(rows).extracting(SheetRow::number).containsExactly(1, 2, 4);
        assertThat(rows).extracting(SheetRow::sheet).containsOnly("bao-cao-thang-5");
        assertThat(rows).extracting(SheetRow::hidden).containsOnly(false);
        assertThat(rows.get(0).cells()).extracting(SheetCell::text).containsExactly("STT", "Chỉ tiêu", "Thực hiện");
        assertThat(rows.get(1).cells()).extracting(SheetCell::text).containsExactly("1", "Doanh thu, tổng\ncộng", "1.234,5");
        assertThat(rows.get(2).cells()).extracting(SheetCell::reference).containsExactly("A4", "C4");
        assertThat(rows.get(2).cells()).allSatisfy(cell -> {
            assertThat(cell.kind()).isEqualTo(CellKind.TEXT);
            assertThat(cell.number()).isNull();
            assertThat(cell.date()).isFalse();
        });
    }

    @Test
    void stripsAUtf8Bom() throws Exception {
        // given what Excel writes as "CSV UTF-8"
        Path file = write("bao-cao.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                bytes(StandardCharsets.UTF_8, "Chỉ tiêu,Thực hiện\nDoanh thu,94533\n")));
        // when
        List<SheetRow> rows = XlsxTableSourceTest.readAll(file);
        // then
        assertThat(rows.get(0).cells().get(0).text()).isEqualTo("Chỉ tiêu");
        assertThat(rows.get(1).cell(1)).get().extracting(SheetCell::text).isEqualTo("94533");
    }

    @Test
    void readsExcelUnicodeTextAsUtf16WithTabs() throws Exception {
        // given Excel's "Unicode text": UTF-16LE with BOM, tab-separated, commas inside the text
        Path file = write("bao-cao.txt", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                bytes(StandardCharsets.UTF_16LE, "Chỉ tiêu\tKế hoạch, năm\tThực hiện\r\nDoanh thu, thuần\t1,5\t116,71%\r\n")));
        // when
        List<SheetRow> rows = XlsxTableSourceTest.readAll(file);
        // then
        assertThat(rows.get(0).cells()).extracting(SheetCell::text).containsExactly("Chỉ tiêu", "Kế hoạch, năm", "Thực hiện");
        assertThat(rows.get(1).cells()).extracting(SheetCell::text).containsExactly("Doanh thu, thuần", "1,5", "116,71%");
        assertThat(rows.get(1).cells()).extracting(SheetCell::reference).containsExactly("A2", "B2", "C2");
    }

    @Test
    void readsUtf16BigEndianWithBom() throws Exception {
        Path file = write("bao-cao.txt", concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                bytes(StandardCharsets.UTF_16BE, "Chỉ tiêu\tThực hiện\n")));
        assertThat(XlsxTableSourceTest.readAll(file).get(0).cells()).extracting(SheetCell::text)
                .containsExactly("Chỉ tiêu", "Thực hiện");
    }

    @Test
    void detectsSemicolonsFromVietnameseRegionalSettings() throws Exception {
        // given Excel's CSV under Vietnamese settings: ';' between fields, ',' as the decimal
        Path file = write("bao-cao.csv", bytes(StandardCharsets.UTF_8,
                "BÁO CÁO THÁNG 5;;\nChỉ tiêu;Kế hoạch;Thực hiện\nDoanh thu;1,5;116,71\nChi phí;94.533;2,25\n"));
        // when
        List<SheetRow> rows = XlsxTableSourceTest.readAll(file);
        // then
        assertThat(rows.get(0).cells()).extracting(SheetCell::text).containsExactly("BÁO CÁO THÁNG 5");
        assertThat(rows.get(2).cells()).extracting(SheetCell::text).containsExactly("Doanh thu", "1,5", "116,71");
        assertThat(rows.get(3).cells()).extracting(SheetCell::reference).containsExactly("A4", "B4", "C4");
    }

    @Test
    void fallsBackToWindows1258AndComposesTheText() throws Exception {
        // given a file from an old tool: Windows-1258 writes "ổ" as "ô" plus a combining hook
        Path file = write("bao-cao.csv", strictly(WINDOWS_1258,
                "T\u00F4\u0309ng doanh thu;\u0110\u01A1n vi\u0323 ti\u0301nh\nx;y\n"));
        // when
        List<SheetRow> rows = XlsxTableSourceTest.readAll(file);
        // then
        assertThat(rows.get(0).cells()).extracting(SheetCell::text).containsExactly("Tổng doanh thu", "Đơn vị tính");
        assertThat(Normalizer.isNormalized(rows.get(0).cells().get(0).text(), Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void composesDecomposedUtf8() throws Exception {
        // given a file typed on a Mac
        String nfd = Normalizer.normalize("Lũy kế từ đầu năm,Tổng", Normalizer.Form.NFD);
        Path file = write(Normalizer.normalize("báo cáo.csv", Normalizer.Form.NFD), bytes(StandardCharsets.UTF_8, nfd));
        // when
        List<SheetRow> rows = XlsxTableSourceTest.readAll(file);
        // then
        assertThat(rows.get(0).cells()).extracting(SheetCell::text).containsExactly("Lũy kế từ đầu năm", "Tổng");
        assertThat(rows.get(0).sheet()).isEqualTo("báo cáo");
    }

    @Test
    void refusesBytesThatNoExpectedEncodingDecodes() throws Exception {
        // given bytes undefined in both UTF-8 and Windows-1258
        Path file = write("bao-cao.csv", new byte[] {'a', ',', (byte) 0x81, (byte) 0x8A, '\n'});
        // when / then
        assertThatThrownBy(() -> TableSources.open(file, WINDOWS_1258))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("Tệp không đọc được: không nhận ra bảng mã ký tự (không phải UTF-8, cũng không phải windows-1258).");
    }

    @Test
    void refusesABinaryFile() throws Exception {
        // given a binary that is neither Excel nor text
        Path file = write("bao-cao.csv", new byte[] {'%', 'P', 'D', 'F', 0, 1, 2, 3, 0, 0});
        // when / then
        assertThatThrownBy(() -> TableSources.open(file, WINDOWS_1258))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("Tệp không đọc được: không phải tệp Excel hay CSV.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a,b,c\n1,2,3\n", "a;b;c\n1;2,5;3\n", "a\tb,c\n1\t2,5\n", "\"a;b\",c\n\"1;2\",3\n", "only\n"})
    void detectsTheDelimiterThatSplitsEveryRecordAlike(String text) throws Exception {
        // given
        Path file = write("x.csv", bytes(StandardCharsets.UTF_8, text));
        // when
        List<SheetRow> rows = XlsxTableSourceTest.readAll(file);
        // then the header and the figures have the same number of cells
        assertThat(rows.get(rows.size() - 1).cells()).hasSameSizeAs(rows.get(0).cells());
    }

    @Test
    void readsRowsOnce() throws Exception {
        Path file = write("x.csv", bytes(StandardCharsets.UTF_8, "a,b\n"));
        try (TableSource source = TableSources.open(file, WINDOWS_1258)) {
            assertThat(source.rows().next().cells()).hasSize(2);
            assertThatThrownBy(source::rows).isInstanceOf(IllegalStateException.class);
        }
    }

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    private static byte[] bytes(Charset charset, String text) {
        return text.getBytes(charset);
    }

    private static byte[] strictly(Charset charset, String text) throws Exception {
        ByteBuffer encoded = charset.newEncoder()
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .encode(CharBuffer.wrap(text));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }
}
