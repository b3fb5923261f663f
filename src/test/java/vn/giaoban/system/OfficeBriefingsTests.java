package vn.giaoban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.aopalliance.intercept.MethodInterceptor;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import vn.giaoban.briefing.BriefingPublisher;
import vn.giaoban.briefing.OfficeMailing;
import vn.giaoban.catalog.Office;

/**
 * Issue 14: every office its own notice in one night, on the post-reform sample (catalog lang-son, the province
 * and its five merged communes, input-samples/lang-son), through the real partitioned briefing step: each office's
 * three files in its own folder; an office that fails fails alone and the restart writes only it; each office's
 * PDF mailed to its own addresses, and the province's bundle of its communes' notices.
 */
class OfficeBriefingsTests {

    private static final Path SAMPLES = Path.of("input-samples/lang-son");
    private static final YearMonth OCTOBER_2025 = YearMonth.of(2025, 10);
    private static final LocalDate NIGHT = LocalDate.of(2025, 10, 24);
    private static final String PROVINCE = "20";
    private static final int SMTP_PORT = freePort();
    private static final String FROM = "giaoban@langson.test";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(smtp())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(FROM, "giaoban", "mat-khau"));

    @TempDir
    Path work;

    @Test
    void theProvinceAndEachCommuneHaveTheirOwnNoticeInTheirOwnFolder() {
        try (GiaobanRun giaoban = langSon().setting("--giaoban.briefing.partitions=2")) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();

            ExitCode exit = new NightlyRunner(giaoban.context(), new PrintStream(printed, true, StandardCharsets.UTF_8))
                    .run(OCTOBER_2025, NIGHT);

            assertThat(exit).isEqualTo(ExitCode.COMPLETED);
            List<Office> offices = offices(giaoban);
            assertThat(offices).extracting(Office::code).hasSize(6).startsWith(PROVINCE);
            assertThat(giaoban.jdbc().sql("SELECT COUNT(*) FROM batch_step_execution WHERE step_name LIKE"
                    + " 'briefingPartition:%'").query(Integer.class).single()).as("two partitions").isEqualTo(2);
            for (Office office : offices) {
                Path folder = giaoban.work().resolve("reports/2025-10").resolve(office.code());
                assertThat(folder.resolve("briefing-2025-10.pdf")).isNotEmptyFile();
                assertThat(folder.resolve("briefing-2025-10.docx")).isNotEmptyFile();
                assertThat(folder.resolve("phu-luc-2025-10.xlsx")).isNotEmptyFile();
                String text = BriefingPdf.read(folder.resolve("briefing-2025-10.pdf")).text();
                assertThat(text).as(office.code()).contains(office.issuingBody().get(1));
            }
            String out = printed.toString(StandardCharsets.UTF_8);
            assertThat(out).contains("briefing: " + giaoban.work().resolve("reports/2025-10/20/briefing-2025-10.pdf")
                    .toAbsolutePath());
            for (Office commune : offices.subList(1, offices.size())) {
                assertThat(out).contains("Thông báo của " + commune.unit().name() + " (mã " + commune.code() + "): "
                        + giaoban.work().resolve("reports/2025-10").resolve(commune.code()).toAbsolutePath());
            }
        }
    }

    /**
     * A partition holds no connection while it waits for a second one (its outputs' row and its e-mail commit on
     * their own): with more partitions than connections they wait their turn, where holding one for the whole
     * office in a transaction would leave every partition waiting for ever.
     */
    @Test
    void morePartitionsThanDatabaseConnectionsStillWriteEveryNotice() {
        try (GiaobanRun giaoban = langSon().setting("--giaoban.briefing.partitions=4")
                .setting("--spring.datasource.hikari.maximum-pool-size=2")
                .setting("--spring.datasource.hikari.connection-timeout=60000")) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();

            ExitCode exit = new NightlyRunner(giaoban.context(), new PrintStream(printed, true, StandardCharsets.UTF_8))
                    .run(OCTOBER_2025, NIGHT);

            assertThat(exit).as(printed.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.COMPLETED);
            for (Office office : offices(giaoban)) {
                assertThat(giaoban.work().resolve("reports/2025-10").resolve(office.code())
                        .resolve("briefing-2025-10.pdf")).isNotEmptyFile();
            }
        }
    }

    /**
     * No valid catalog line can make a notice fail to compose (meetings.csv and offices.csv are checked at start-up,
     * naming file, line and column), and a folder that cannot be written is a storage error, which stops the night
     * with its own exit code. So the failure is injected: one commune's {@code publish} throws until the test
     * "fixes" it, as a bug in composing that commune's notice would.
     */
    @Test
    void aCommuneThatFailsFailsAloneAndTheRestartWritesOnlyIt() throws IOException {
        try (GiaobanRun giaoban = langSon().setting("--giaoban.briefing.partitions=2").source(FailingOffice.class)) {
            Office failing = giaoban.context().getBean(BriefingPublisher.class).office("06172", OCTOBER_2025)
                    .orElseThrow(); // Xã Hoàng Văn Thụ
            FailingOffice.code = failing.code();
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            NightlyRunner runner = new NightlyRunner(giaoban.context(),
                    new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertThat(runner.run(OCTOBER_2025, NIGHT)).isEqualTo(ExitCode.FAILED);

            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("bị lỗi ở bước briefing")
                    .contains("Không lập được thông báo của " + failing.unit().name() + " (mã " + failing.code()
                            + "): sổ họp của xã bị hỏng");
            Path reports = giaoban.work().resolve("reports/2025-10");
            assertThat(reports.resolve(failing.code())).doesNotExist();
            Map<Path, FileTime> written = new HashMap<>();
            for (Office office : offices(giaoban)) {
                if (!office.code().equals(failing.code())) {
                    for (String name : List.of("briefing-2025-10.pdf", "briefing-2025-10.docx", "phu-luc-2025-10.xlsx")) {
                        Path file = reports.resolve(office.code()).resolve(name);
                        assertThat(file).isNotEmptyFile();
                        written.put(file, Files.getLastModifiedTime(file));
                    }
                }
            }
            assertThat(written).hasSize(15);

            FailingOffice.code = null; // the cause fixed
            printed.reset();
            assertThat(runner.run(OCTOBER_2025, NIGHT)).isEqualTo(ExitCode.COMPLETED);

            assertThat(reports.resolve(failing.code()).resolve("briefing-2025-10.pdf")).isNotEmptyFile();
            assertThat(BriefingPdf.read(reports.resolve(failing.code()).resolve("briefing-2025-10.pdf")).text())
                    .contains(failing.issuingBody().get(1));
            for (Map.Entry<Path, FileTime> file : written.entrySet()) {
                assertThat(Files.getLastModifiedTime(file.getKey())).as("%s not written again", file.getKey())
                        .isEqualTo(file.getValue());
            }
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("briefing: ")
                    .contains("(mã " + failing.code() + ")");
        } finally {
            FailingOffice.code = null;
        }
    }

    @Test
    void eachOfficeReceivesItsOwnNoticeAndTheProvinceTheBundleOfItsCommunes() throws Exception {
        Path catalog = work.resolve("catalog");
        PathUtils.copyDirectory(Path.of("src/main/resources/catalog/lang-son"), catalog);
        Path offices = catalog.resolve("offices.csv");
        // the e-mails column, second from the end: the province's office, and each commune's own ({code})
        Files.writeString(offices, Files.readString(offices)
                .replace(",DT_TIEP_NHAN,yes", "vanphong@langson.test,DT_TIEP_NHAN,yes")
                .replace(",DT_TIEP_NHAN,no", "ubnd-{code}@langson.test,DT_TIEP_NHAN,no"));
        List<String> mail = List.of("--giaoban.catalog.location=file:" + catalog + "/", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + SMTP_PORT, "--spring.mail.username=giaoban", "--spring.mail.password=mat-khau",
                "--spring.mail.properties.mail.smtp.auth=true", "--giaoban.delivery.from=" + FROM);
        GiaobanRun run = langSon().setting("--giaoban.briefing.partitions=2");
        mail.forEach(run::setting);
        try (GiaobanRun giaoban = run) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();

            ExitCode exit = new NightlyRunner(giaoban.context(), new PrintStream(printed, true, StandardCharsets.UTF_8))
                    .run(OCTOBER_2025, NIGHT);

            assertThat(exit).as(printed.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.COMPLETED);
            List<Office> all = offices(giaoban);
            Path reports = giaoban.work().resolve("reports/2025-10");
            Map<String, byte[]> communePdfs = new LinkedHashMap<>();
            for (Office commune : all.subList(1, all.size())) {
                assertThat(commune.emails()).containsExactly("ubnd-" + commune.code() + "@langson.test");
                MimeMessage[] mailbox = greenMail.getReceivedMessagesForDomain(commune.emails().get(0));
                assertThat(mailbox).as(commune.code()).hasSize(1);
                byte[] pdf = Files.readAllBytes(reports.resolve(commune.code()).resolve("briefing-2025-10.pdf"));
                assertThat(attachment(mailbox[0], ".pdf")).isEqualTo(pdf);
                communePdfs.put(commune.code() + "-briefing-2025-10.pdf", pdf);
            }

            MimeMessage[] province = greenMail.getReceivedMessagesForDomain("vanphong@langson.test");
            assertThat(province).hasSize(2);
            MimeMessage notice = province[0].getSubject().contains("của các xã") ? province[1] : province[0];
            MimeMessage bundle = notice == province[0] ? province[1] : province[0];
            assertThat(notice.getSubject()).isEqualTo("Thông báo kết luận giao ban tháng 10/2025 (dự thảo)");
            assertThat(attachment(notice, ".pdf"))
                    .isEqualTo(Files.readAllBytes(reports.resolve(PROVINCE).resolve("briefing-2025-10.pdf")));
            assertThat(bundle.getSubject()).isEqualTo("Thông báo kết luận giao ban tháng 10/2025 của các xã (dự thảo)");
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(attachment(bundle, ".zip")))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    entries.put(entry.getName(), zip.readAllBytes());
                }
            }
            assertThat(entries.keySet()).containsExactlyInAnyOrderElementsOf(communePdfs.keySet());
            communePdfs.forEach((name, pdf) -> assertThat(entries.get(name)).as(name).isEqualTo(pdf));
            assertThat(giaoban.jdbc().sql("SELECT kind || ' ' || office || ' ' || status FROM delivery ORDER BY id")
                    .query(String.class).list()).hasSize(7).allMatch(row -> row.endsWith(" SENT"))
                    .contains("BUNDLE " + PROVINCE + " SENT");

            // every notice written again, saying nothing new (as giaoban briefing would): nothing mailed again
            BriefingPublisher publisher = giaoban.context().getBean(BriefingPublisher.class);
            OfficeMailing mailing = giaoban.context().getBean(OfficeMailing.class);
            for (Office office : all) {
                assertThat(mailing.queue(OCTOBER_2025, office, publisher.publish(OCTOBER_2025, NIGHT, office))).isFalse();
            }
            assertThat(mailing.queueBundles(OCTOBER_2025)).isZero();
            assertThat(greenMail.getReceivedMessages()).hasSize(7);
        }

        // giaoban briefing: every office again, printing each one's files, mailing as the night does (nothing new)
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CommandLine commandLine = new CommandLine(new PrintStream(printed, true, StandardCharsets.UTF_8));
        List<String> briefing = new ArrayList<>(List.of("briefing", "--period=2025-10", "--date=2025-10-24",
                "--giaoban.work-dir=" + work.resolve("work"), "--spring.profiles.active=lang-son"));
        briefing.addAll(mail);
        assertThat(commandLine.run(briefing.toArray(String[]::new))).isEqualTo(ExitCode.COMPLETED);
        assertThat(printed.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("briefing: ")))
                .hasSize(6).anyMatch(line -> line.endsWith("/06172/briefing-2025-10.pdf"));
        assertThat(greenMail.getReceivedMessages()).hasSize(7);

        // one commune's again, dated a day later: it says something new, so the commune gets it, and the province
        // the bundle again
        printed.reset();
        briefing.set(2, "--date=2025-10-25");
        briefing.addAll(List.of("--office", "06172"));
        assertThat(commandLine.run(briefing.toArray(String[]::new))).isEqualTo(ExitCode.COMPLETED);
        assertThat(printed.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("briefing: ")))
                .containsExactly("briefing: " + work.resolve("work/reports/2025-10/06172/briefing-2025-10.pdf")
                        .toAbsolutePath());
        assertThat(greenMail.getReceivedMessagesForDomain("ubnd-06172@langson.test")).hasSize(2);
        assertThat(greenMail.getReceivedMessagesForDomain("vanphong@langson.test")).hasSize(3);
        assertThat(greenMail.getReceivedMessages()).hasSize(9);
    }

    /** Fails one office's notice while {@link #code} names it, as a bug in composing it would. */
    @Configuration(proxyBeanMethods = false)
    static class FailingOffice {

        static volatile String code;

        @Bean
        static BeanPostProcessor failingOffice() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof BriefingPublisher)) {
                        return bean;
                    }
                    ProxyFactory proxy = new ProxyFactory(bean);
                    proxy.setProxyTargetClass(true);
                    proxy.addAdvice((MethodInterceptor) call -> {
                        if (call.getMethod().getName().equals("publish") && call.getArguments()[2] instanceof Office office
                                && office.code().equals(code)) {
                            throw new IllegalStateException("sổ họp của xã bị hỏng");
                        }
                        return call.proceed();
                    });
                    return proxy.getProxy();
                }
            };
        }
    }

    private GiaobanRun langSon() {
        return GiaobanRun.withSamples(work.resolve("work"), SAMPLES).setting("--spring.profiles.active=lang-son");
    }

    private static List<Office> offices(GiaobanRun giaoban) {
        return giaoban.context().getBean(BriefingPublisher.class).offices(OCTOBER_2025);
    }

    private static byte[] attachment(MimeMessage message, String extension) throws Exception {
        List<Part> parts = new ArrayList<>();
        collect(message, parts);
        for (Part part : parts) {
            if (part.getFileName() != null && part.getFileName().endsWith(extension)) {
                try (InputStream in = part.getInputStream()) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no " + extension + " attached to " + message.getSubject());
    }

    private static void collect(Part part, List<Part> leaves) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, leaves);
            }
        } else {
            leaves.add(part);
        }
    }

    private static ServerSetup smtp() {
        ServerSetup setup = new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(5000);
        return setup;
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
