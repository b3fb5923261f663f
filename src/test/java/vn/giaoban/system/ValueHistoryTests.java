package vn.giaoban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, item 7: a resubmission that leaves a value empty removes it and says so in its
 * feedback; {@code giaoban history} shows every version's value and what it changed; {@code giaoban
 * check} prints the period's discrepancies.
 */
class ValueHistoryTests {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final CommandLine commandLine = new CommandLine(new PrintStream(output, true, StandardCharsets.UTF_8));

    @TempDir
    Path work;

    @Test
    void aResubmissionThatLeavesAValueEmptyRemovesItAndTheHistoryShowsEachChange() throws IOException {
        Path folder = Files.createDirectories(work.resolve("inbox/06139"));
        report(folder.resolve("BM03-DT_T10_2022.csv"), "1", "10", "0", "9", "2022-10-18T02:00:00Z");
        assertThat(night("2022-10-20")).isEqualTo(ExitCode.COMPLETED);

        // the second version changes the cumulative received and leaves this month's resolved empty
        report(folder.resolve("BM03-DT_T10_2022 (sua).csv"), "1", "11", "", "9", "2022-10-21T02:00:00Z");
        assertThat(night("2022-10-22")).isEqualTo(ExitCode.COMPLETED);

        String feedback = Files.readString(work.resolve("outbox/06139/BM03-DT_T10_2022 (sua).csv.phan-hoi.txt"),
                StandardCharsets.UTF_8);
        assertThat(feedback).contains("Lần gửi thứ 2").contains("Ghi chú: Chỉ tiêu \"Số đơn thư đã giải quyết\""
                + " (trong tháng) có trong bản gửi lần 1 (0) nhưng để trống trong bản này: đã xóa khỏi số liệu tổng hợp.");

        output.reset();
        assertThat(commandLine.run("history", "--unit", "06139", "--indicator", "DT_DA_GIAI_QUYET",
                "--giaoban.work-dir=" + work)).isEqualTo(ExitCode.COMPLETED);
        String resolved = printed();
        assertThat(resolved).contains("Lịch sử \"Số đơn thư đã giải quyết\" (DT_DA_GIAI_QUYET) của Xã Bắc Hùng (mã 06139):")
                .contains("Kỳ 10/2022, trong tháng, biểu BM03-DT:")
                .contains("lần 2, nhận ").contains("(trống) — để trống: đã xóa (trước là 0) — đang dùng");
        output.reset();
        commandLine.run("history", "--unit", "06139", "--indicator", "DT_TIEP_NHAN", "--giaoban.work-dir=" + work);
        assertThat(printed()).contains("06139/BM03-DT_T10_2022.csv ô ").contains(": 10 — mới")
                .contains(": 11 — thay đổi từ 10 — đang dùng");

        output.reset();
        assertThat(commandLine.run("check", "--period", "2022-10", "--giaoban.work-dir=" + work))
                .isEqualTo(ExitCode.COMPLETED);
        assertThat(printed()).startsWith("Đối chiếu số liệu kỳ 10/2022: ").contains("CHƯA KIỂM TRA ĐƯỢC");
    }

    @Test
    void historyOfAnUnknownUnitOrIndicatorIsAClearConfigurationError() {
        assertThat(commandLine.run("history", "--unit", "99999", "--indicator", "DT_TIEP_NHAN",
                "--giaoban.work-dir=" + work)).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(printed()).contains("Không có đơn vị mã 99999 trong danh mục.");
        assertThat(commandLine.run("history", "--unit", "06139")).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(printed()).contains("Thiếu mã chỉ tiêu");
    }

    private ExitCode night(String night) {
        return commandLine.run("nightly", "--period=2022-10", "--night=" + night, "--giaoban.work-dir=" + work,
                "--giaoban.inbox.stable-after=0s");
    }

    private static void report(Path file, String monthReceived, String received, String monthResolved, String resolved,
            String modified) throws IOException {
        Files.writeString(file, String.join("\r\n",
                "UBND XÃ BẮC HÙNG",
                "BÁO CÁO CÔNG TÁC TIẾP NHẬN, GIẢI QUYẾT ĐƠN THƯ",
                "Tháng 10 năm 2022",
                "STT,Mã số,Chỉ tiêu,Tháng 10,Lũy kế từ đầu năm",
                "1,DT_TIEP_NHAN,Số đơn thư tiếp nhận," + monthReceived + "," + received,
                "2,DT_DA_GIAI_QUYET,Số đơn thư đã giải quyết," + monthResolved + "," + resolved), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(modified)));
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
