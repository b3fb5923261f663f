package vn.giaoban.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.CatalogFiles;
import vn.giaoban.text.Messages;

/** An upload reaches the unit's inbox folder whole and under a safe name, or not at all. */
class InboxDropTest {

    private static final Catalog CATALOG = CatalogFiles.load("classpath:catalog/van-lang/");
    private static final long MB = 1024 * 1024;
    private static final Path SAMPLE_CSV = Path.of("input-samples/van-lang/06139/BM03-DT_Bac Hung_T10_2022.csv");
    private static final Path SAMPLE_XLSX = Path.of("input-samples/van-lang/PTCKH/BM02-DTC_T10-2022.xlsx");

    @TempDir
    Path inbox;

    private InboxDrop drop() {
        return new InboxDrop(new InboxProperties(inbox, Duration.ofMinutes(2), "windows-1258", Map.of(), null),
                CATALOG, Messages.defaults());
    }

    @Test
    void aSampleIsStoredUnderItsNameWithItsHashAndKind() throws IOException {
        byte[] content = Files.readAllBytes(SAMPLE_CSV);

        InboxDrop.Outcome outcome = drop().drop("06139", "BM03-DT_Bac Hung_T10_2022.csv",
                new ByteArrayInputStream(content), 20 * MB);

        assertThat(outcome).isInstanceOf(InboxDrop.Stored.class);
        InboxDrop.Stored stored = (InboxDrop.Stored) outcome;
        assertThat(stored.path()).isEqualTo(inbox.resolve("06139/BM03-DT_Bac Hung_T10_2022.csv"));
        assertThat(stored.kind()).isEqualTo(InboxDrop.Kind.CSV);
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(stored.sha256()).isEqualTo(InboxScanner.sha256(SAMPLE_CSV));
        assertThat(Files.readAllBytes(stored.path())).isEqualTo(content);
        // nothing else is left in the folder: no partial file
        assertThat(list(inbox.resolve("06139"))).containsExactly("BM03-DT_Bac Hung_T10_2022.csv");
    }

    @Test
    void workbooksAreToldByTheirParts() throws IOException {
        InboxDrop.Outcome xlsx = drop().drop("PTCKH", "BM02-DTC_T10-2022.XLSX",
                Files.newInputStream(SAMPLE_XLSX), 20 * MB);
        InboxDrop.Outcome xls = drop().drop("PTCKH", "cu.xls", new ByteArrayInputStream(workbook(new HSSFWorkbook())),
                20 * MB);

        assertThat(xlsx).extracting(o -> ((InboxDrop.Stored) o).kind()).isEqualTo(InboxDrop.Kind.XLSX);
        assertThat(xls).extracting(o -> ((InboxDrop.Stored) o).kind()).isEqualTo(InboxDrop.Kind.XLS);
    }

    @Test
    void aSecondFileOfTheSameNameTakesTheNextNameAndNeverReplacesTheFirst() throws IOException {
        byte[] first = Files.readAllBytes(SAMPLE_CSV);
        byte[] second = (new String(first, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);

        drop().drop("06139", "bao cao.csv", new ByteArrayInputStream(first), 20 * MB);
        InboxDrop.Outcome again = drop().drop("06139", "bao cao.csv", new ByteArrayInputStream(second), 20 * MB);
        InboxDrop.Outcome third = drop().drop("06139", "bao cao.csv", new ByteArrayInputStream(second), 20 * MB);

        assertThat(((InboxDrop.Stored) again).fileName()).isEqualTo("bao cao (2).csv");
        assertThat(((InboxDrop.Stored) third).fileName()).isEqualTo("bao cao (3).csv");
        assertThat(Files.readAllBytes(inbox.resolve("06139/bao cao.csv"))).isEqualTo(first);
        assertThat(Files.readAllBytes(inbox.resolve("06139/bao cao (2).csv"))).isEqualTo(second);
    }

    @Test
    void aNameFromAMacIsKeptInNfc() throws IOException {
        String nfd = Normalizer.normalize("Báo cáo Tân Mỹ.csv", Normalizer.Form.NFD);

        InboxDrop.Stored stored = (InboxDrop.Stored) drop().drop("06172", nfd,
                new ByteArrayInputStream(Files.readAllBytes(SAMPLE_CSV)), 20 * MB);

        assertThat(stored.fileName()).isEqualTo("Báo cáo Tân Mỹ.csv").isNotEqualTo(nfd);
        assertThat(list(inbox.resolve("06172"))).containsExactly("Báo cáo Tân Mỹ.csv");
    }

    @Test
    void namesThatCouldReachOutsideTheFolderOrHideAreRefused() throws IOException {
        byte[] content = Files.readAllBytes(SAMPLE_CSV);
        Map<String, InboxDrop.Reason> names = Map.ofEntries(
                Map.entry("../x.xlsx", InboxDrop.Reason.BAD_NAME),
                Map.entry("..\\x.csv", InboxDrop.Reason.BAD_NAME),
                Map.entry("06172/x.csv", InboxDrop.Reason.BAD_NAME),
                Map.entry("C:\\fakepath\\x.csv", InboxDrop.Reason.BAD_NAME),
                Map.entry("x\u0000.csv", InboxDrop.Reason.BAD_NAME),
                Map.entry("x\n.csv", InboxDrop.Reason.BAD_NAME),
                // a right-to-left override shows "xlsx.exe" as "exe.xlsx"
                Map.entry("bao cao\u202Excs.exe", InboxDrop.Reason.BAD_NAME),
                Map.entry("..", InboxDrop.Reason.BAD_NAME),
                Map.entry("CON.csv", InboxDrop.Reason.BAD_NAME),
                Map.entry("bao cao?.csv", InboxDrop.Reason.BAD_NAME),
                Map.entry("a".repeat(201) + ".csv", InboxDrop.Reason.NAME_TOO_LONG),
                // 90 letters of three bytes: within 200 characters, beyond 255 bytes
                Map.entry("ấ".repeat(90) + ".csv", InboxDrop.Reason.NAME_TOO_LONG),
                Map.entry(".hidden.csv", InboxDrop.Reason.HIDDEN_NAME),
                Map.entry("~$bao cao.xlsx", InboxDrop.Reason.HIDDEN_NAME),
                Map.entry("bao cao.pdf", InboxDrop.Reason.EXTENSION_NOT_ACCEPTED),
                Map.entry("bao cao", InboxDrop.Reason.EXTENSION_NOT_ACCEPTED),
                Map.entry("bao cao.xlsm", InboxDrop.Reason.EXTENSION_NOT_ACCEPTED));

        for (Map.Entry<String, InboxDrop.Reason> name : names.entrySet()) {
            InboxDrop.Outcome outcome = drop().drop("06172", name.getKey(), new ByteArrayInputStream(content), 20 * MB);

            assertThat(outcome).as(name.getKey()).isInstanceOf(InboxDrop.Refused.class);
            assertThat(((InboxDrop.Refused) outcome).reason()).as(name.getKey()).isEqualTo(name.getValue());
            assertThat(((InboxDrop.Refused) outcome).message()).as(name.getKey()).startsWith("Không nhận tệp: ");
        }
        assertThat(allFiles()).isEmpty();
    }

    @Test
    void contentThatIsNotWhatItsNameSaysIsRefused() throws IOException {
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] exe = HexFormat.of().parseHex("4d5a90000300000004000000ffff0000b800000000000000400000000000");
        byte[] docx = zip(Map.of("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>"));
        byte[] xlsx = Files.readAllBytes(SAMPLE_XLSX);

        assertThat(refusal("bao cao.xlsx", pdf)).isEqualTo(InboxDrop.Reason.NOT_A_SPREADSHEET);
        assertThat(refusal("bao cao.xlsx", exe)).isEqualTo(InboxDrop.Reason.NOT_A_SPREADSHEET);
        assertThat(refusal("bao cao.csv", pdf)).isEqualTo(InboxDrop.Reason.NOT_A_SPREADSHEET);
        assertThat(refusal("bao cao.xlsx", docx)).isEqualTo(InboxDrop.Reason.NOT_A_SPREADSHEET);
        // a workbook renamed, not saved, as CSV; text renamed as a workbook
        assertThat(refusal("bao cao.csv", xlsx)).isEqualTo(InboxDrop.Reason.EXTENSION_MISMATCH);
        assertThat(refusal("bao cao.xlsx", Files.readAllBytes(SAMPLE_CSV))).isEqualTo(InboxDrop.Reason.EXTENSION_MISMATCH);
        assertThat(refusal("bao cao.xls", xlsx)).isEqualTo(InboxDrop.Reason.EXTENSION_MISMATCH);
        assertThat(refusal("bao cao.csv", new byte[0])).isEqualTo(InboxDrop.Reason.EMPTY);
        assertThat(allFiles()).isEmpty();
    }

    @Test
    void aStreamOverTheLimitIsRefusedWithoutReadingItToItsEnd() throws IOException {
        byte[] csv = Files.readAllBytes(SAMPLE_CSV);
        CountingStream endless = new CountingStream();

        InboxDrop.Outcome tooLarge = drop().drop("06139", "bao cao.csv", endless, MB);
        InboxDrop.Outcome justFits = drop().drop("06139", "bao cao.csv", new ByteArrayInputStream(csv), csv.length);
        InboxDrop.Outcome oneOver = drop().drop("06139", "bao cao 2.csv", new ByteArrayInputStream(csv), csv.length - 1);

        assertThat(tooLarge).isEqualTo(new InboxDrop.Refused(InboxDrop.Reason.TOO_LARGE,
                "Không nhận tệp: tệp lớn hơn 1 MB. Biểu báo cáo chỉ cần vài trăm dòng; đề nghị chỉ gửi trang tính báo cáo."));
        assertThat(endless.read).isEqualTo(MB + 1);
        assertThat(justFits).isInstanceOf(InboxDrop.Stored.class);
        assertThat(oneOver).extracting(o -> ((InboxDrop.Refused) o).reason()).isEqualTo(InboxDrop.Reason.TOO_LARGE);
        assertThat(list(inbox.resolve("06139"))).containsExactly("bao cao.csv");
    }

    @Test
    void aUnitTheCatalogDoesNotKnowGetsNoFolder() throws IOException {
        InboxDrop.Outcome outcome = drop().drop("../06139", "x.csv",
                new ByteArrayInputStream(Files.readAllBytes(SAMPLE_CSV)), MB);
        InboxDrop.Outcome unknown = drop().drop("99999", "x.csv",
                new ByteArrayInputStream(Files.readAllBytes(SAMPLE_CSV)), MB);

        assertThat(outcome).extracting(o -> ((InboxDrop.Refused) o).reason()).isEqualTo(InboxDrop.Reason.UNKNOWN_UNIT);
        assertThat(unknown).isEqualTo(new InboxDrop.Refused(InboxDrop.Reason.UNKNOWN_UNIT,
                "Không nhận tệp: không có đơn vị mã 99999 trong danh mục."));
        assertThat(allFiles()).isEmpty();
    }

    @Test
    void anInboxThatIsNotThereIsNotMadeUp() throws IOException {
        Path unmounted = inbox.resolve("share");
        InboxDrop drop = new InboxDrop(new InboxProperties(unmounted, Duration.ofMinutes(2), "windows-1258", Map.of(),
                null), CATALOG, Messages.defaults());

        assertThatThrownBy(() -> drop.drop("06139", "x.csv", new ByteArrayInputStream(Files.readAllBytes(SAMPLE_CSV)), MB))
                .isInstanceOf(InboxUnavailableException.class);
        assertThat(unmounted).doesNotExist();
    }

    private InboxDrop.Reason refusal(String name, byte[] content) {
        InboxDrop.Outcome outcome = drop().drop("06172", name, new ByteArrayInputStream(content), 20 * MB);
        assertThat(outcome).as(name).isInstanceOf(InboxDrop.Refused.class);
        return ((InboxDrop.Refused) outcome).reason();
    }

    /** Zeros without end, counting what was read. */
    private static final class CountingStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            read += length;
            return length;
        }
    }

    private static byte[] workbook(Workbook workbook) throws IOException {
        try (workbook) {
            workbook.createSheet("Biểu").createRow(0).createCell(0).setCellValue("Chỉ tiêu");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private List<String> allFiles() throws IOException {
        try (Stream<Path> files = Files.walk(inbox)) {
            return files.filter(Files::isRegularFile).map(f -> inbox.relativize(f).toString()).toList();
        }
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
