package vn.giaoban.system;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.apache.commons.io.file.PathUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.giaoban.GiaobanApplication;
import vn.giaoban.briefing.BriefingPublisher;
import vn.giaoban.catalog.Catalog;
import vn.giaoban.consolidation.ValueHistory;
import vn.giaoban.rules.CheckReport;
import vn.giaoban.rules.RuleEngine;
import vn.giaoban.rules.RuleResult;
import vn.giaoban.catalog.CatalogException;
import vn.giaoban.delivery.BriefingDelivery;
import vn.giaoban.template.TemplateCommand;
import vn.giaoban.text.Messages;
import vn.giaoban.timeliness.ReportState;
import vn.giaoban.timeliness.Reminders;
import vn.giaoban.timeliness.StatusTable;
import vn.giaoban.timeliness.Timeliness;

/**
 * {@code giaoban nightly [--period yyyy-MM] [--night yyyy-MM-dd]} and {@code giaoban demo}. Parses
 * the command before Spring starts, so a typing mistake costs no start-up, and turns every failure
 * into one Vietnamese sentence and an {@link ExitCode}; details go to the log.
 */
public final class CommandLine {

    private static final Logger log = LoggerFactory.getLogger(CommandLine.class);

    static final String USAGE = """
            Cách dùng:
              giaoban nightly [--period yyyy-MM] [--night yyyy-MM-dd]   chạy tổng hợp đêm trên thư mục nhận đã cấu hình
              giaoban demo [--samples thư-mục]                          chạy thử trên dữ liệu mẫu (kỳ 10/2021 rồi 10/2022)
              giaoban demo --catalog lang-son                           chạy thử sau sắp xếp đơn vị hành chính 2025 (kỳ 10/2024 rồi 10/2025)
              giaoban briefing --period yyyy-MM [--date yyyy-MM-dd]  lập lại thông báo một kỳ từ cơ sở dữ liệu
              giaoban status --period yyyy-MM [--remind]                ai đã nộp, nộp trễ, chưa nộp báo cáo của kỳ;
                                                                        --remind: gửi thư nhắc đơn vị chưa nộp
              giaoban check --period yyyy-MM                           các số liệu không khớp (quy tắc đối chiếu) của một kỳ
              giaoban history --unit mã-đơn-vị --indicator mã-chỉ-tiêu các lần gửi và thay đổi của một chỉ tiêu
              giaoban worker                                           máy xử lý: nhận và đọc các phần việc của bước đọc tệp
                                                                        từ máy điều phối qua RabbitMQ (cần PostgreSQL dùng chung)
              giaoban housekeeping                                     dọn dữ liệu, tệp cũ theo thời hạn lưu giữ
              giaoban backup [--to thư-mục]                            sao lưu cơ sở dữ liệu nhúng (HSQLDB) khi đang chạy
              giaoban template --period yyyy-MM [--form mã-biểu] [--unit mã-đơn-vị] [--out thư-mục]
                                                                        tạo biểu mẫu Excel cho các đơn vị
            Mọi thiết lập có thể ghi thêm dạng --giaoban.work-dir=/srv/giaoban.""";

    private final PrintStream out;

    CommandLine(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(System.out).run(args).status());
    }

    ExitCode run(String... args) {
        List<String> settings = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("--giaoban.") || arg.startsWith("--spring.") || arg.startsWith("--logging.") ? settings : words)
                    .add(arg);
        }
        if (words.isEmpty()) {
            return usage(Messages.defaults().get("cli.missing-command"));
        }
        try {
            return switch (words.get(0)) {
                case "nightly" -> nightly(words.subList(1, words.size()), settings);
                case "demo" -> demo(words.subList(1, words.size()), settings);
                case "template" -> template(words.subList(1, words.size()), settings);
                case "briefing" -> briefing(words.subList(1, words.size()), settings);
                case "status" -> status(words.subList(1, words.size()), settings);
                case "backup" -> backup(words.subList(1, words.size()), settings);
                case "check" -> check(words.subList(1, words.size()), settings);
                case "worker" -> worker(words.subList(1, words.size()), settings);
                case "history" -> history(words.subList(1, words.size()), settings);
                case "housekeeping" -> withApplication(settings, context -> {
                    Options.parse(words.subList(1, words.size()));
                    out.println(context.getBean(Housekeeping.class).clean(LocalDate.now()).line());
                    return ExitCode.COMPLETED;
                });
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield ExitCode.COMPLETED;
                }
                default -> usage("Lệnh không hợp lệ: " + words.get(0) + ".");
            };
        } catch (UsageException e) {
            return usage(e.getMessage());
        }
    }

    private ExitCode nightly(List<String> words, List<String> settings) {
        Options options = Options.parse(words, "--period", "--night");
        LocalDate night = options.date("--night").orElse(LocalDate.now());
        YearMonth period = options.period("--period").orElse(YearMonth.from(night));
        return withApplication(settings, context -> new NightlyRunner(context, out).run(period, night));
    }

    /**
     * A sample deployment the demo runs: its inbox, its settings, and the two Octobers it runs as two
     * nights, the second compared with the first.
     */
    private record Demo(String samples, List<String> settings, YearMonth first, YearMonth second) {

        static final Map<String, Demo> ALL = Map.of(
                "van-lang", new Demo("input-samples/van-lang", List.of("--spring.profiles.active=van-lang"),
                        YearMonth.of(2021, 10), YearMonth.of(2022, 10)),
                // after the July 2025 reform: 2024 under the old communes, 2025 under the merged ones
                "lang-son", new Demo("input-samples/lang-son", List.of("--spring.profiles.active=lang-son"),
                        YearMonth.of(2024, 10), YearMonth.of(2025, 10)));
    }

    /**
     * Copies the samples into a fresh working folder and runs October 2021, then October 2022, as
     * two nights: last year's figures for 2022 come from the 2021 submissions in the database. With
     * {@code --catalog lang-son}, October 2024 then October 2025, across the 2025 reform.
     */
    private ExitCode demo(List<String> words, List<String> settings) {
        Options options = Options.parse(words, "--samples", "--catalog");
        String name = options.value("--catalog").orElse("van-lang");
        Demo demo = Demo.ALL.get(name);
        if (demo == null) {
            throw new UsageException("Không có bộ dữ liệu mẫu " + name + " (có: van-lang, lang-son).");
        }
        Path samples = Path.of(options.value("--samples").orElse(demo.samples()));
        Path work = Path.of("work", "demo");
        if (!Files.isDirectory(samples)) {
            throw new UsageException("Không tìm thấy thư mục dữ liệu mẫu " + samples.toAbsolutePath() + ".");
        }
        try {
            if (Files.exists(work)) {
                PathUtils.deleteDirectory(work);
            }
            // only the units' folders: the samples' README is not a submission
            Files.createDirectories(work.resolve("inbox"));
            try (var units = Files.list(samples)) {
                for (Path unit : units.filter(Files::isDirectory).toList()) {
                    PathUtils.copyDirectory(unit, work.resolve("inbox").resolve(unit.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            log.error("Could not prepare {}", work, e);
            out.println("Không chuẩn bị được thư mục chạy thử " + work.toAbsolutePath() + ": " + e.getMessage());
            return ExitCode.CONFIGURATION_ERROR;
        }
        List<String> demoSettings = new ArrayList<>(List.of("--giaoban.work-dir=" + work,
                "--giaoban.inbox.stable-after=0s"));
        demoSettings.addAll(demo.settings());
        demoSettings.addAll(settings);
        return withApplication(demoSettings, context -> {
            NightlyRunner runner = new NightlyRunner(context, out);
            ExitCode first = runner.run(demo.first(), demo.first().atDay(24));
            return first != ExitCode.COMPLETED ? first : runner.run(demo.second(), demo.second().atDay(24));
        });
    }

    /** Writes templates; reads only the settings and the catalog (no database, no run lock), so it runs beside a night. */
    private ExitCode template(List<String> words, List<String> settings) {
        Options options = Options.parse(words, "--period", "--form", "--unit", "--out");
        YearMonth period = options.period("--period").orElseThrow(() -> new UsageException(
                "Thiếu kỳ báo cáo: --period yyyy-MM (ví dụ --period 2022-10)."));
        TemplateCommand command;
        try {
            command = TemplateCommand.fromSettings(settings, out);
        } catch (RuntimeException e) {
            log.error("giaoban could not start", e);
            out.println(startFailure(e));
            return ExitCode.CONFIGURATION_ERROR;
        }
        try {
            command.run(new TemplateCommand.Request(period, options.value("--form").orElse(null),
                    options.value("--unit").orElse(null), options.value("--out").map(Path::of).orElse(null)));
            return ExitCode.COMPLETED;
        } catch (TemplateCommand.InvalidRequest e) {
            out.println(e.getMessage());
            return ExitCode.CONFIGURATION_ERROR;
        } catch (IOException e) {
            log.error("Could not write the templates", e);
            out.println("Không ghi được biểu mẫu: " + e.getMessage() + " (chi tiết trong nhật ký).");
            return ExitCode.FAILED;
        }
    }

    private interface Work {
        ExitCode run(ConfigurableApplicationContext context);
    }

    /**
     * An online backup of the embedded database (HSQLDB's BACKUP DATABASE ... NOT BLOCKING): a
     * .tar.gz a person copies elsewhere. PostgreSQL is backed up with its own tools (pg_dump).
     */
    private ExitCode backup(List<String> words, List<String> settings) {
        Options options = Options.parse(words, "--to");
        return withApplication(settings, context -> {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            if (!"HSQL Database Engine".equals(product)) {
                out.println("Cơ sở dữ liệu " + product + " được sao lưu bằng công cụ của nó (PostgreSQL: pg_dump), xem README.");
                return ExitCode.CONFIGURATION_ERROR;
            }
            Path target = Path.of(options.value("--to").orElse(
                    context.getEnvironment().getProperty("giaoban.work-dir", "work") + "/backup")).toAbsolutePath();
            try {
                Files.createDirectories(target);
                jdbc.execute("BACKUP DATABASE TO '" + target.toString().replace("'", "''") + "/' NOT BLOCKING");
            } catch (IOException | RuntimeException e) {
                log.error("Backup to {} failed", target, e);
                out.println("Không sao lưu được vào " + target + ": " + e.getMessage());
                return ExitCode.STORAGE_ERROR;
            }
            try (var files = Files.list(target)) {
                files.filter(f -> f.getFileName().toString().endsWith(".tar.gz"))
                        .max(Comparator.comparing(f -> f.toFile().lastModified()))
                        .ifPresent(f -> out.println("backup: " + f));
            } catch (IOException e) {
                out.println("backup: " + target);
            }
            return ExitCode.COMPLETED;
        });
    }

    /** Writes a period's briefing again from the database alone: no scan, no reading of files. */
    private ExitCode briefing(List<String> words, List<String> settings) {
        Options options = Options.parse(words, "--period", "--date");
        YearMonth period = options.period("--period").orElseThrow(() -> new UsageException(
                "Thiếu kỳ báo cáo: --period yyyy-MM (ví dụ --period 2022-10)."));
        LocalDate date = options.date("--date").orElse(LocalDate.now());
        return withApplication(settings, context -> {
            BriefingPublisher publisher = context.getBean(BriefingPublisher.class);
            Optional<String> office = publisher.officeProblem(period);
            if (office.isPresent()) {
                out.println(office.get());
                return ExitCode.CONFIGURATION_ERROR;
            }
            try {
                BriefingPublisher.Published published = publisher.publish(period, date);
                out.println("briefing: " + published.pdf().toAbsolutePath());
                out.println("docx: " + published.docx().toAbsolutePath());
                out.println("annex: " + published.annex().toAbsolutePath());
                BriefingDelivery delivery = context.getBean(BriefingDelivery.class);
                delivery.enqueue(period, published.pdf(), published.docx(), published.contentKey());
                delivery.deliverPending().lines().forEach(out::println);
                return ExitCode.COMPLETED;
            } catch (RuntimeException e) {
                log.error("Could not write the briefing for {}", period, e);
                out.println("Không lập được thông báo kỳ " + period + " (chi tiết trong nhật ký).");
                return ExitCode.FAILED;
            }
        });
    }

    /** The period's discrepancies as the last consolidation found them (evaluated now, not stored, if it has none). */
    private ExitCode check(List<String> words, List<String> settings) {
        Options options = Options.parse(words, "--period");
        YearMonth period = options.period("--period").orElseThrow(() -> new UsageException(
                "Thiếu kỳ báo cáo: --period yyyy-MM (ví dụ --period 2022-10)."));
        return withApplication(settings, context -> {
            RuleEngine rules = context.getBean(RuleEngine.class);
            List<RuleResult> results = rules.results(period);
            if (results.isEmpty()) {
                // a period the nights have not consolidated: checked now, nothing stored, nothing left out
                results = rules.evaluateOnly(period);
                out.println("Kỳ " + period + " chưa được tổng hợp: các quy tắc được kiểm tra ngay trên số liệu hiện có,"
                        + " không giá trị nào bị loại.");
            }
            new CheckReport(context.getBean(Catalog.class)).lines(period, results).forEach(out::println);
            return ExitCode.COMPLETED;
        });
    }

    private ExitCode history(List<String> words, List<String> settings) {
        Options options = Options.parse(words, "--unit", "--indicator");
        String unit = options.value("--unit").orElseThrow(() -> new UsageException(
                "Thiếu mã đơn vị: --unit mã (ví dụ --unit 06139)."));
        String indicator = options.value("--indicator").orElseThrow(() -> new UsageException(
                "Thiếu mã chỉ tiêu: --indicator mã (ví dụ --indicator DT_TIEP_NHAN)."));
        return withApplication(settings, context -> {
            Catalog catalog = context.getBean(Catalog.class);
            if (catalog.unitsWithCode(unit).isEmpty()) {
                out.println("Không có đơn vị mã " + unit + " trong danh mục.");
                return ExitCode.CONFIGURATION_ERROR;
            }
            if (catalog.indicators().stream().noneMatch(i -> i.code().equals(indicator))) {
                out.println("Không có chỉ tiêu mã " + indicator + " trong danh mục.");
                return ExitCode.CONFIGURATION_ERROR;
            }
            context.getBean(ValueHistory.class).lines(unit, indicator).forEach(out::println);
            return ExitCode.COMPLETED;
        });
    }

    /**
     * Every report expected for a period and how it stands, from the database alone (no scan, no job);
     * with {@code --remind}, an e-mail to each unit that still owes one.
     */
    private ExitCode status(List<String> words, List<String> settings) {
        boolean remind = words.contains("--remind");
        Options options = Options.parse(words.stream().filter(word -> !word.equals("--remind")).toList(), "--period");
        YearMonth period = options.period("--period").orElseThrow(() -> new UsageException(
                "Thiếu kỳ báo cáo: --period yyyy-MM (ví dụ --period 2022-10)."));
        return withApplication(settings, context -> {
            List<ReportState> states = context.getBean(Timeliness.class).of(period);
            StatusTable.lines(period, states).forEach(out::println);
            if (!remind) {
                return ExitCode.COMPLETED;
            }
            out.println();
            try {
                Reminders.Summary summary = context.getBean(Reminders.class).remind(period, states);
                summary.lines().forEach(out::println);
                return summary.failed().isEmpty() ? ExitCode.COMPLETED : ExitCode.NOT_DELIVERED;
            } catch (Reminders.NotConfigured e) {
                out.println(e.getMessage());
                return ExitCode.CONFIGURATION_ERROR;
            }
        });
    }

    private ExitCode withApplication(List<String> settings, Work work) {
        ConfigurableApplicationContext context;
        RunLock.Initializer runLock = new RunLock.Initializer();
        try {
            SpringApplication application = new SpringApplication(GiaobanApplication.class);
            application.addInitializers(runLock);
            context = application.run(settings.toArray(String[]::new));
        } catch (RunLock.RunInProgressException e) {
            log.warn(e.getMessage());
            out.println("Đang có một lần chạy giaoban khác trên cùng thư mục làm việc; lần chạy này dừng lại,"
                    + " không thay đổi gì.");
            return ExitCode.ALREADY_RUNNING;
        } catch (RuntimeException e) {
            runLock.release();
            log.error("giaoban could not start", e);
            out.println(startFailure(e));
            return ExitCode.CONFIGURATION_ERROR;
        }
        try (context) {
            return work.run(context);
        }
    }

    /**
     * A worker: takes ingest partitions from the queue until it is stopped (SIGTERM, Ctrl+C), which it
     * obeys after the partition in hand. It holds no run lock (it does not own a working folder) and
     * never migrates the shared database: the manager does.
     */
    private ExitCode worker(List<String> words, List<String> settings) {
        Options.parse(words);
        List<String> workerSettings = new ArrayList<>(settings);
        workerSettings.add("--giaoban.remote.worker=true");
        workerSettings.add("--spring.flyway.enabled=false");
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplication(GiaobanApplication.class).run(workerSettings.toArray(String[]::new));
        } catch (RuntimeException e) {
            log.error("giaoban worker could not start", e);
            out.println(startFailure(e));
            return ExitCode.CONFIGURATION_ERROR;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        context.addApplicationListener((ContextClosedEvent event) -> stopped.countDown());
        out.println("Máy xử lý giaoban đang chờ phần việc trên hàng đợi "
                + context.getEnvironment().getProperty("giaoban.remote.queue", "giaoban.ingest") + " (dừng: Ctrl+C).");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.close();
        }
        return ExitCode.COMPLETED;
    }

    private static String startFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CatalogException) {
                return cause.getMessage();
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "Không khởi động được giaoban: " + root.getMessage() + " (chi tiết trong nhật ký).";
    }

    private ExitCode usage(String problem) {
        out.println(problem);
        out.println(USAGE);
        return ExitCode.CONFIGURATION_ERROR;
    }

    /** A mistake on the command line; the message is for the person who typed it. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** {@code --name value} pairs. */
    private record Options(Map<String, String> values) {

        static Options parse(List<String> words, String... allowed) {
            Map<String, String> values = new HashMap<>();
            List<String> names = List.of(allowed);
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
                if (!names.contains(name)) {
                    throw new UsageException("Tùy chọn không hợp lệ: " + word + ".");
                }
                if (word.contains("=")) {
                    values.put(name, word.substring(word.indexOf('=') + 1));
                } else if (i + 1 < words.size()) {
                    values.put(name, words.get(++i));
                } else {
                    throw new UsageException("Thiếu giá trị cho " + name + ".");
                }
            }
            return new Options(values);
        }

        Optional<String> value(String name) {
            return Optional.ofNullable(values.get(name));
        }

        Optional<YearMonth> period(String name) {
            return value(name).map(text -> {
                try {
                    return YearMonth.parse(text);
                } catch (DateTimeParseException e) {
                    throw new UsageException(Messages.defaults().get("cli.invalid-period", text));
                }
            });
        }

        Optional<LocalDate> date(String name) {
            return value(name).map(text -> {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    throw new UsageException("Ngày không hợp lệ: " + text + " (cần dạng yyyy-MM-dd, ví dụ 2022-10-27).");
                }
            });
        }
    }
}
