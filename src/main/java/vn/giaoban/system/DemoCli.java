package vn.giaoban.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.function.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.commons.io.file.PathUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import vn.giaoban.cli.ExitStatus;
import vn.giaoban.cli.HelpOption;
import vn.giaoban.text.Messages;

/**
 * {@code giaoban demo [--samples DIR] [--catalog van-lang|lang-son]}: runs October 2021, then October 2022,
 * as two nights in a fresh working folder, as an office would see them: each night finds in the inbox the
 * files sent for its own period (the samples whose name carries its year), saved the day before, and the
 * 2022 night also the year of monthly reports of the trend indicator ({@code input-samples/van-lang-trend}).
 * Last year's figures for 2022 come from the 2021 submissions in the database. With
 * {@code --catalog lang-son}, October 2024 then October 2025, across the 2025 reform.
 */
@Command(name = "demo", sortOptions = false, sortSynopsis = false)
final class DemoCli implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(DemoCli.class);

    /**
     * A sample deployment the demo runs: its inbox, its settings, and the two Octobers it runs as two
     * nights, the second compared with the first.
     */
    private record Demo(String samples, List<String> settings, YearMonth first, YearMonth second, String before) {

        static final Map<String, Demo> ALL = Map.of(
                "van-lang", new Demo("input-samples/van-lang", List.of("--spring.profiles.active=van-lang"),
                        YearMonth.of(2021, 10), YearMonth.of(2022, 10), "input-samples/van-lang-trend"),
                // after the July 2025 reform: 2024 under the old communes, 2025 under the merged ones
                "lang-son", new Demo("input-samples/lang-son", List.of("--spring.profiles.active=lang-son"),
                        YearMonth.of(2024, 10), YearMonth.of(2025, 10), null));

        /** Whether a sample file was sent for the second October: its name carries that year. */
        boolean forSecond(Path file) {
            return file.getFileName().toString().contains(Integer.toString(second.getYear()));
        }
    }

    private final ApplicationConsole console;

    @Option(names = "--samples", paramLabel = "thư-mục")
    Path samples;

    @Option(names = "--catalog", paramLabel = "bộ-mẫu")
    String catalog = "van-lang";

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    DemoCli(ApplicationConsole console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Demo demo = Demo.ALL.get(catalog);
        if (demo == null) {
            throw new ParameterException(spec.commandLine(),
                    Messages.defaults().get("cli.unknown-sample", catalog, "van-lang, lang-son"));
        }
        Path from = samples != null ? samples : Path.of(demo.samples());
        Path work = Path.of("work", "demo");
        if (!Files.isDirectory(from)) {
            throw new ParameterException(spec.commandLine(),
                    Messages.defaults().get("cli.demo-no-samples", from.toAbsolutePath()));
        }
        Path inbox = work.resolve("inbox");
        try {
            if (Files.exists(work)) {
                PathUtils.deleteDirectory(work);
            }
            Files.createDirectories(inbox);
            drop(from, inbox, file -> !demo.forSecond(file), demo.first());
        } catch (IOException e) {
            log.error("Could not prepare {}", work, e);
            console.out().println(Messages.defaults().get("cli.demo-cannot-prepare", work.toAbsolutePath(), e.getMessage()));
            return ExitStatus.CONFIGURATION_ERROR;
        }
        List<String> settings = new ArrayList<>(List.of("--giaoban.work-dir=" + work, "--giaoban.inbox.stable-after=0s"));
        settings.addAll(demo.settings());
        settings.addAll(console.settings());
        return console.withApplication(settings, context -> {
            NightlyRunner runner = new NightlyRunner(context, console.out());
            ExitCode first = runner.run(demo.first(), night(demo.first()));
            if (first != ExitCode.COMPLETED) {
                return first.status();
            }
            try {
                drop(from, inbox, demo::forSecond, demo.second());
                if (demo.before() != null && samples == null && Files.isDirectory(Path.of(demo.before()))) {
                    drop(Path.of(demo.before()), inbox, file -> true, demo.second());
                }
            } catch (IOException e) {
                log.error("Could not prepare {}", work, e);
                console.out().println(Messages.defaults().get("cli.demo-cannot-prepare", work.toAbsolutePath(), e.getMessage()));
                return ExitStatus.CONFIGURATION_ERROR;
            }
            return runner.run(demo.second(), night(demo.second())).status();
        });
    }

    private static LocalDate night(YearMonth period) {
        return period.atDay(24);
    }

    /**
     * Copies the units' folders' files that {@code wanted} picks (not the samples' README, which is not a
     * submission) into the inbox, saved at 08:00 the day before the period's night, as a unit would have.
     */
    private static void drop(Path from, Path inbox, Predicate<Path> wanted, YearMonth period) throws IOException {
        FileTime saved = FileTime.from(night(period).minusDays(1).atTime(8, 0).atZone(ZoneId.systemDefault()).toInstant());
        try (var units = Files.list(from)) {
            for (Path unit : units.filter(Files::isDirectory).sorted().toList()) {
                try (var files = Files.walk(unit)) {
                    for (Path file : files.filter(Files::isRegularFile).filter(wanted).sorted().toList()) {
                        Path target = inbox.resolve(from.relativize(file).toString());
                        Files.createDirectories(target.getParent());
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                        Files.setLastModifiedTime(target, saved);
                    }
                }
            }
        }
    }
}
