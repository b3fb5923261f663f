package vn.giaoban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * {@code giaoban status --remind}: October 2022 on the samples, with Xã Hồng Thái's, Xã Gia Miễn's and
 * Công an huyện's reports taken out of the inbox before the nights; the reminders go to an SMTP
 * server (GreenMail) on the loopback.
 */
class StatusReminderTests {

    private static final int PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(smtp(PORT));

    @TempDir
    static Path work;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final CommandLine commandLine = new CommandLine(new PrintStream(output, true, StandardCharsets.UTF_8));

    @BeforeAll
    static void octoberWithThreeReportsMissing() throws IOException {
        try (GiaobanRun giaoban = GiaobanRun.withSamples(work)) {
            Files.delete(giaoban.inbox().resolve("06175/BM03_DT_T10_2022.xlsx"));
            Files.delete(giaoban.inbox().resolve("06160/bc_don_thu_t10_2022.xlsx"));
            Files.delete(giaoban.inbox().resolve("CAH/BM04-ANTT_2022-10.xlsx"));
            giaoban.octoberNights();
        }
    }

    @Test
    void eachUnitThatOwesAReportAndHasAnAddressGetsOneReminderInVietnamese() throws Exception {
        ExitCode exit = remind("--spring.mail.port=" + PORT,
                "--giaoban.reminders.addresses.06175=hongthai@vanlang.test",
                "--giaoban.reminders.addresses.CAH=conganhuyen@vanlang.test,doitruong@vanlang.test",
                // reported on time: never reminded
                "--giaoban.reminders.addresses.06127=trungkhanh@vanlang.test");

        assertThat(exit).isEqualTo(ExitCode.COMPLETED);
        assertThat(greenMail.getReceivedMessages()).hasSize(3);
        assertThat(mailbox("hongthai@vanlang.test")).hasSize(1);
        // one message to both of Công an huyện's addresses: a copy in each mailbox
        assertThat(mailbox("conganhuyen@vanlang.test")).hasSize(2);
        assertThat(mailbox("doitruong@vanlang.test")).hasSize(2);
        assertThat(mailbox("trungkhanh@vanlang.test")).isEmpty();

        MimeMessage hongThai = mailbox("hongthai@vanlang.test")[0];
        assertThat(hongThai.getSubject()).isEqualTo("Nhắc nộp báo cáo kỳ 10/2022 - Xã Hồng Thái");
        assertThat(hongThai.getFrom()[0].toString()).isEqualTo("vanphong@vanlang.test");
        assertThat((String) hongThai.getContent()).startsWith("Kính gửi: Xã Hồng Thái.")
                .contains("  - Biểu BM03-DT - Báo cáo công tác tiếp nhận, giải quyết đơn thư, kỳ tháng 10/2022"
                        + " (số liệu từ ngày 15/09/2022 đến ngày 14/10/2022), hạn nộp ngày 24/10/2022: chưa nộp.")
                .doesNotContain("BM04-ANTT");
        MimeMessage congAn = mailbox("conganhuyen@vanlang.test")[0];
        assertThat(congAn.getSubject()).isEqualTo("Nhắc nộp báo cáo kỳ 10/2022 - Công an huyện");
        assertThat(Arrays.stream(congAn.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .containsExactly("conganhuyen@vanlang.test", "doitruong@vanlang.test");
        assertThat((String) congAn.getContent()).contains("Biểu BM04-ANTT - Báo cáo tình hình an ninh trật tự")
                .contains("hạn nộp ngày 24/10/2022");

        assertThat(printed()).contains("39 báo cáo phải nộp: 36 đúng hạn, 0 trễ hạn, 3 chưa nộp, 0 không tiếp nhận.")
                .contains("Đã gửi thư nhắc: Xã Hồng Thái (06175) → hongthai@vanlang.test")
                .contains("Đã gửi thư nhắc: Công an huyện (CAH) → conganhuyen@vanlang.test, doitruong@vanlang.test")
                .contains("Chưa có địa chỉ thư nên chưa nhắc được (đặt giaoban.reminders.addresses.<mã đơn vị>):"
                        + " Xã Gia Miễn (06160).")
                .doesNotContain("Trùng Khánh (06127) →");
    }

    @Test
    void withoutAMailServerItSaysSoAndExitsWithAConfigurationError() {
        ExitCode exit = commandLine.run("status", "--period", "2022-10", "--remind", "--giaoban.work-dir=" + work,
                "--giaoban.reminders.addresses.06175=hongthai@vanlang.test");

        assertThat(exit).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(printed()).contains("3 chưa nộp")
                .contains("Chưa cấu hình máy chủ thư (spring.mail.host) nên không gửi được thư nhắc");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatRefusesTheConnectionLeavesTheUnitsUnremindedWithTheirNames() {
        ExitCode exit = remind("--spring.mail.port=" + freePort(),
                "--giaoban.reminders.addresses.06175=hongthai@vanlang.test");

        assertThat(exit).isEqualTo(ExitCode.NOT_DELIVERED);
        assertThat(printed()).contains("Không gửi được thư nhắc cho Xã Hồng Thái (06175) (")
                .contains("1 đơn vị chưa được nhắc do lỗi gửi thư; chạy lại lệnh khi máy chủ thư hoạt động.")
                .doesNotContain("Đã gửi thư nhắc");
    }

    @Test
    void anAddressThatIsNotOneIsAConfigurationErrorBeforeAnythingIsSent() {
        ExitCode exit = remind("--spring.mail.port=" + PORT, "--giaoban.reminders.addresses.06175=hongthai@vanlang.test",
                "--giaoban.reminders.addresses.CAH=công an huyện");

        assertThat(exit).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(printed()).contains("Địa chỉ thư không hợp lệ trong giaoban.reminders.addresses.CAH: \"công an huyện\"");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    private ExitCode remind(String... settings) {
        List<String> args = new ArrayList<>(List.of("status", "--period", "2022-10", "--remind",
                "--giaoban.work-dir=" + work, "--spring.mail.host=127.0.0.1", "--giaoban.reminders.from=vanphong@vanlang.test"));
        args.addAll(List.of(settings));
        return commandLine.run(args.toArray(String[]::new));
    }

    /** The messages received (one copy per mailbox) that were addressed to {@code address}. */
    private static MimeMessage[] mailbox(String address) {
        return greenMail.getReceivedMessagesForDomain(address);
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServerSetup smtp(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(5000);
        return setup;
    }
}
