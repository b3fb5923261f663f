package vn.giaoban.submission.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.ListForm;
import vn.giaoban.catalog.CatalogFiles;
import vn.giaoban.submission.IngestResult;
import vn.giaoban.submission.ReceivedFile;
import vn.giaoban.submission.SubmissionStatus;
import vn.giaoban.submission.internal.table.ReadLimits;
import vn.giaoban.submission.internal.table.TableSources;

/**
 * A list's records go to {@code list_record} while the list is read, from a thread of their own:
 * all of them once the read finishes, none left half-way by a read that failed, and a database
 * failure stops the night instead of refusing the unit's file.
 */
class ListRecordStoreTest {

    private static final Catalog CATALOG = CatalogFiles.load("classpath:catalog/van-lang/");
    private static final ListForm PETITIONS = CATALOG.listForm("BM03-DS").orElseThrow();

    @TempDir
    Path inbox;

    private JDBCDataSource dataSource;
    private JdbcClient jdbc;

    @BeforeEach
    void database() {
        dataSource = new JDBCDataSource();
        dataSource.setUrl("jdbc:hsqldb:mem:records-" + System.nanoTime() + ";hsqldb.tx=mvcc");
        dataSource.setUser("SA");
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                CREATE TABLE list_record (submission_id BIGINT NOT NULL, sheet_row INTEGER NOT NULL,
                                          fields VARCHAR(32000) NOT NULL, PRIMARY KEY (submission_id, sheet_row))""")
                .update();
    }

    @Test
    void everyRecordIsCommittedWhenTheReadFinishesAndAnEarlierReadsRecordsAreReplaced() {
        jdbc.sql("INSERT INTO list_record VALUES (7, 99999, '{}')").update(); // left by a killed read
        ListRecordStore store = new ListRecordStore(dataSource);

        try (ListRecordStore.Writer writer = store.open(7, PETITIONS)) {
            for (int row = 1; row <= 2_500; row++) {
                writer.record(row, record(LocalDate.of(2022, 10, 1 + row % 28), "Người " + row, "Đã giải quyết"));
            }
            writer.finish();
        }

        assertThat(jdbc.sql("SELECT COUNT(*), MIN(sheet_row), MAX(sheet_row) FROM list_record WHERE submission_id = 7")
                .query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single())
                .containsExactly(2_500, 1, 2_500);
        assertThat(jdbc.sql("SELECT fields FROM list_record WHERE submission_id = 7 AND sheet_row = 3")
                .query(String.class).single())
                .isEqualTo("{\"NGAY_NHAN\":\"2022-10-04\",\"NGUOI_GUI\":\"Người 3\",\"TINH_TRANG\":\"Đã giải quyết\"}");
    }

    @Test
    void textIsEscapedAndAnOverlongCellIsCutWithoutSplittingACharacter() {
        ListRecordStore store = new ListRecordStore(dataSource);
        String address = "thôn \"Nà Làng\"\\\tx\n" + "𠀧".repeat(3_000); // a character outside the BMP, 2 chars each

        try (ListRecordStore.Writer writer = store.open(8, PETITIONS)) {
            writer.record(12, new Object[] {null, null, address, null, null, null});
            writer.finish();
        }

        String fields = jdbc.sql("SELECT fields FROM list_record WHERE submission_id = 8").query(String.class).single();
        assertThat(fields).startsWith("{\"DIA_CHI\":\"thôn \\\"Nà Làng\\\"\\\\\\tx\\n𠀧").endsWith("𠀧\"}");
        assertThat(fields.length()).isLessThanOrEqualTo(ListRecordStore.MAX_TEXT + 20);
        assertThat(fields.chars().filter(c -> Character.isHighSurrogate((char) c)).count())
                .isEqualTo(fields.chars().filter(c -> Character.isLowSurrogate((char) c)).count());
    }

    @Test
    void aReadThatFailsLeavesNothingUncommittedAndItsThreadEnds() {
        ListRecordStore store = new ListRecordStore(dataSource);
        ListRecordStore.Writer writer = store.open(9, PETITIONS);
        for (int row = 1; row <= 500; row++) { // less than a batch: never handed over
            writer.record(row, record(LocalDate.of(2022, 10, 3), "Người " + row, "Đang giải quyết"));
        }

        writer.close();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM list_record WHERE submission_id = 9").query(Integer.class).single())
                .isZero();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("list-records-9"));
    }

    @Test
    void aDatabaseFailureWhileStoringStopsTheNightAndDoesNotRefuseTheFile() throws IOException {
        jdbc.sql("DROP TABLE list_record").update();
        SubmissionReader reader = new SubmissionReader(CATALOG, Charset.forName("windows-1258"),
                ReadLimits.DEFAULTS, new ListRecordStore(dataSource));
        Path file = inbox.resolve("06139/BM03-DS_T10_2022.csv");
        Files.createDirectories(file.getParent());
        List<String> lines = new ArrayList<>(List.of("UBND XÃ BẮC HÙNG", "DANH SÁCH ĐƠN THƯ TIẾP NHẬN - THÁNG 10 NĂM 2022",
                "STT;Ngày tiếp nhận;Họ tên người gửi;Tình trạng;Ngày giải quyết"));
        for (int row = 1; row <= 3_000; row++) {
            lines.add(row + ";05/10/2022;Người " + row + ";Đã giải quyết;20/10/2022");
        }
        Files.writeString(file, String.join("\r\n", lines), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.read(new ReceivedFile(11, "06139", file, "06139/BM03-DS_T10_2022.csv")))
                .isInstanceOf(ListRecordStore.StoreFailure.class);
    }

    /** A list too large to be read twice is not vetted first: damage part-way still refuses it, with the reason. */
    @Test
    void aLargeListDamagedPartWayIsRefusedWithItsReasonAndItsRecordsAreNotKept() throws IOException {
        Path file = inbox.resolve("06139/BM03-DS_T10_2022.csv");
        Files.createDirectories(file.getParent());
        StringBuilder csv = new StringBuilder("UBND XÃ BẮC HÙNG\r\nDANH SÁCH ĐƠN THƯ TIẾP NHẬN - THÁNG 10 NĂM 2022\r\n"
                + "STT;Ngày tiếp nhận;Họ tên người gửi;Địa chỉ;Tình trạng;Ngày giải quyết\r\n");
        for (int row = 1; row <= 60_000; row++) {
            csv.append(row).append(";05/10/2022;Người gửi số ").append(row).append(";thôn Nà Làng, xã Bắc Hùng")
                    .append(";Đã giải quyết;20/10/2022\r\n");
        }
        csv.append("60001;05/10/2022;").append("x".repeat(1_100_000)).append("\r\n");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        assertThat(Files.size(file)).isGreaterThan(TableSources.VETTED_UP_TO);

        IngestResult result = new SubmissionReader(CATALOG, Charset.forName("windows-1258"), ReadLimits.DEFAULTS,
                new ListRecordStore(dataSource)).read(new ReceivedFile(13, "06139", file, "06139/BM03-DS_T10_2022.csv"));

        assertThat(result.status()).isEqualTo(SubmissionStatus.REJECTED);
        assertThat(result.rejection()).contains("dài hơn 1.048.576 ký tự");
        assertThat(result.values()).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("list-records-13"));
    }

    @Test
    void theSameListIsReadAlikeWithAndWithoutAStore() throws IOException {
        Path file = inbox.resolve("06139/BM03-DS_T10_2022.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\r\n", "UBND XÃ BẮC HÙNG", "DANH SÁCH ĐƠN THƯ TIẾP NHẬN - THÁNG 10 NĂM 2022",
                "STT;Ngày tiếp nhận;Họ tên người gửi;Tình trạng;Ngày giải quyết",
                "1;05/10/2022;Hoàng Văn A;Đã giải quyết;20/10/2022",
                "2;32/13/2022;Lương Thị B;Đã giải quyết;01/02/2022",
                "3;07/10/2022;Nông Văn C;Đang giải quyết;"), StandardCharsets.UTF_8);
        ReceivedFile received = new ReceivedFile(12, "06139", file, "06139/BM03-DS_T10_2022.csv");

        IngestResult stored = new SubmissionReader(CATALOG, Charset.forName("windows-1258"), ReadLimits.DEFAULTS,
                new ListRecordStore(dataSource)).read(received);
        IngestResult plain = new SubmissionReader(CATALOG, Charset.forName("windows-1258")).read(received);

        assertThat(stored.status()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(stored.values()).isEqualTo(plain.values());
        assertThat(jdbc.sql("SELECT sheet_row FROM list_record WHERE submission_id = 12 ORDER BY sheet_row")
                .query(Integer.class).list()).as("the row with a bad date is not a counted record").containsExactly(4, 6);
    }

    private static Object[] record(LocalDate received, String sender, String state) {
        Object[] values = new Object[PETITIONS.columns().size()];
        values[0] = received;
        values[1] = sender;
        values[4] = state;
        return values;
    }
}
