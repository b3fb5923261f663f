package vn.giaoban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The generated help of every command, in Vietnamese, and a mistake in each: one sentence and exit 2, before Spring starts. */
class CommandLineHelpTests {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final CommandLine commandLine = new CommandLine(new PrintStream(output, true, StandardCharsets.UTF_8));

    @ParameterizedTest
    @ValueSource(strings = { "help", "--help", "-h" })
    void theTopHelpListsEveryCommandInVietnamese(String help) {
        assertThat(commandLine.run(help)).isEqualTo(ExitCode.COMPLETED);

        assertThat(printed()).startsWith("Cách dùng: giaoban [-h] LỆNH").contains("Tùy chọn:", "Lệnh:")
                .contains("--giaoban.work-dir=/srv/giaoban").doesNotContain("Usage", "Options", "Commands");
        for (String command : List.of("nightly", "demo", "serve", "user", "briefing", "status", "check", "validate", "history",
                "template", "worker", "housekeeping", "backup", "completion", "help")) {
            assertThat(printed()).containsPattern("(?m)^  " + command + " +\\p{L}");
        }
    }

    /** Each command with its options: its help names them all with a Vietnamese description. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nightly      | --period,--night           | chạy tổng hợp đêm",
            "demo         | --samples,--catalog        | giaoban demo --catalog lang-son",
            "serve        | --help                     | bảng điều khiển web",
            "user add     | --role,--unit,--office,--full-name | bcrypt",
            "user list    | --help                     | liệt kê người",
            "briefing     | --period,--date            | lập lại thông báo",
            "status       | --period,--remind          | ai đã nộp",
            "check        | --period                   | không khớp",
            "validate     | --unit                     | kiểm tra thử",
            "history      | --unit,--indicator         | các lần gửi",
            "template     | --period,--form,--unit,--out | biểu mẫu Excel",
            "worker       | --help                     | máy xử lý",
            "housekeeping | --help                     | thời hạn lưu giữ",
            "backup       | --to                       | sao lưu",
            "completion   | --help                     | bash",
            "help         | --help                     | hướng dẫn" })
    void everyCommandsHelpIsVietnameseAndNamesEachOption(String command, String options, String words) {
        List<String> typed = new java.util.ArrayList<>(List.of(command.split(" ")));
        typed.add("--help");
        assertThat(commandLine.run(typed.toArray(String[]::new))).isEqualTo(ExitCode.COMPLETED);

        String help = printed();
        assertThat(help).startsWith("Cách dùng: giaoban " + command).contains("Tùy chọn:", words)
                .contains("-h, --help").contains("in hướng dẫn này rồi thoát").doesNotContain("Usage", "Options");
        for (String option : options.split(",")) {
            // the option, then its description on the same line
            assertThat(help).containsPattern("(?m)^ +(-h, )?" + option + "(=\\S+)?\\s+\\p{L}");
        }
        output.reset();
        // "help user add": the same help
        typed.set(typed.size() - 1, "help");
        java.util.Collections.rotate(typed, 1);
        assertThat(commandLine.run(typed.toArray(String[]::new))).isEqualTo(ExitCode.COMPLETED);
        assertThat(printed()).isEqualTo(help);
    }

    @ParameterizedTest
    @ValueSource(strings = { "nightly", "demo", "serve", "briefing", "status", "check", "history", "template", "worker",
            "housekeeping", "backup", "completion", "help" })
    void aBadOptionIsOneVietnameseSentenceThenTheCommandsHelp(String command) {
        assertThat(commandLine.run(command, "--khong-co=1")).isEqualTo(ExitCode.CONFIGURATION_ERROR);

        assertThat(printed().lines().findFirst()).contains("Tùy chọn không hợp lệ: --khong-co=1.");
        assertThat(printed()).contains("Cách dùng: giaoban " + command).doesNotContain("Exception", "Unknown", "Missing");
    }

    @Test
    void badValuesAndMissingOnesAreTheSentencesOfBefore() {
        assertThat(firstLine("briefing", "--period", "2022-10", "--date", "27/10/2022"))
                .isEqualTo("Ngày không hợp lệ: 27/10/2022 (cần dạng yyyy-MM-dd, ví dụ 2022-10-27).");
        assertThat(firstLine("check", "--period=2022")).isEqualTo("Kỳ báo cáo không hợp lệ: 2022 (cần dạng yyyy-MM, ví dụ 2022-10).");
        assertThat(firstLine("check")).isEqualTo("Thiếu kỳ báo cáo: --period yyyy-MM (ví dụ --period 2022-10).");
        assertThat(firstLine("check", "--period")).isEqualTo("Thiếu giá trị cho --period.");
        assertThat(firstLine("history", "--indicator", "X")).isEqualTo("Thiếu mã đơn vị: --unit mã (ví dụ --unit 06139).");
        assertThat(firstLine("history", "--unit", "06139")).isEqualTo("Thiếu mã chỉ tiêu: --indicator mã (ví dụ --indicator DT_TIEP_NHAN).");
        assertThat(firstLine("status", "thua")).isEqualTo("Tùy chọn không hợp lệ: thua.");
        assertThat(firstLine("--khong-co")).isEqualTo("Lệnh không hợp lệ: --khong-co.");
        assertThat(firstLine("help", "chay")).isEqualTo("Lệnh không hợp lệ: chay.");
        assertThat(firstLine("--giaoban.work-dir=/tmp/x")).isEqualTo("Thiếu lệnh.");
        // no @file expansion: a word starting with @ is a word
        assertThat(firstLine("@args.txt")).isEqualTo("Lệnh không hợp lệ: @args.txt.");
    }

    @Test
    void aRepeatedOptionKeepsItsLastValue() {
        // the last --period is the bad one, so it is the one read
        assertThat(firstLine("check", "--period", "2022-10", "--period", "2022-13"))
                .isEqualTo("Kỳ báo cáo không hợp lệ: 2022-13 (cần dạng yyyy-MM, ví dụ 2022-10).");
    }

    @Test
    void theBashCompletionScriptCoversEveryCommand() {
        assertThat(commandLine.run("completion")).isEqualTo(ExitCode.COMPLETED);

        assertThat(printed()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_giaoban")
                .contains("nightly", "status", "template", "--remind", "--indicator");
    }

    private String firstLine(String... args) {
        output.reset();
        assertThat(commandLine.run(args)).as(String.join(" ", args)).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        return printed().lines().findFirst().orElse("");
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
