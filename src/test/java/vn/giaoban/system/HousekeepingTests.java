package vn.giaoban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is old goes; the figures, the current versions and anything recent stay. */
class HousekeepingTests {

    @TempDir
    Path work;

    @Test
    void oldRunsReplacedVersionsAndOldFilesGoWhileTheFiguresStay() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work)) {
            giaoban.octoberNights();
            Path correction = giaoban.inbox().resolve("06142/BM03-DT_T10-2022_bo-sung.csv");
            Files.writeString(correction, """
                    BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ
                    Tháng 10 năm 2022
                    Chỉ tiêu;Lũy kế từ đầu năm
                    Số đơn thư tiếp nhận;9
                    Số đơn thư đã giải quyết;9
                    """, StandardCharsets.UTF_8);
            Files.setLastModifiedTime(correction, FileTime.from(Instant.now().minusSeconds(3600)));
            // Trùng Khánh sends its petitions list again, one record fewer: the first version's 18 are replaced
            Path list = giaoban.inbox().resolve("06127/BM03-DS_Danh sach don thu_T10_2022_lan-2.csv");
            List<String> lines = new ArrayList<>(Files.readAllLines(
                    GiaobanRun.SAMPLES.resolve("06127/BM03-DS_Danh sach don thu_T10_2022.csv"), StandardCharsets.UTF_8));
            lines.removeIf(line -> line.startsWith("18,"));
            Files.write(list, lines, StandardCharsets.UTF_8);
            Files.setLastModifiedTime(list, FileTime.from(Instant.now().minusSeconds(3600)));
            giaoban.night(YearMonth.of(2022, 10), LocalDate.of(2022, 10, 28));
            String figures = figures(giaoban);
            long stagedBefore = count(giaoban, "staged_value");
            long recordsBefore = count(giaoban, "list_record");

            Housekeeping housekeeping = giaoban.context().getBean(Housekeeping.class);

            Housekeeping.Summary soon = housekeeping.clean(LocalDate.of(2022, 11, 1));

            assertThat(soon).isEqualTo(new Housekeeping.Summary(0, 0, 0, 0, 0));

            // the executions ran today (real time): thirteen months on, they, the replaced version's values
            // and the Octobers' folders (five years are counted from the night, not from today) are old
            Housekeeping.Summary later = housekeeping.clean(LocalDate.now().plusMonths(13).plusDays(1));

            assertThat(later.jobExecutions()).isEqualTo(3);
            assertThat(count(giaoban, "BATCH_JOB_EXECUTION")).isZero();
            assertThat(later.stagedValues()).as("the replaced Tân Tác report's values and Trùng Khánh list's").isEqualTo(8);
            assertThat(count(giaoban, "staged_value")).isEqualTo(stagedBefore - 4 - 4);
            assertThat(later.listRecords()).as("the replaced Trùng Khánh list's records").isEqualTo(18);
            assertThat(count(giaoban, "list_record")).isEqualTo(recordsBefore - 18);
            assertThat(later.folders()).as("archive and reports of both Octobers").isEqualTo(4);
            assertThat(work.resolve("archive/2021-10")).doesNotExist();
            assertThat(work.resolve("reports/2022-10")).doesNotExist();
            assertThat(figures(giaoban)).as("consolidated figures untouched").isEqualTo(figures);
        }
    }

    private static long count(GiaobanRun giaoban, String table) {
        return giaoban.jdbc().sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static String figures(GiaobanRun giaoban) {
        return String.join(",", giaoban.jdbc().sql("""
                SELECT unit_key || indicator_code || period || measure || COALESCE(CAST(num_value AS VARCHAR(40)), text_value)
                FROM data_value ORDER BY 1
                """).query(String.class).list());
    }
}
