package vn.giaoban.system;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import vn.giaoban.cli.HelpOption;
import vn.giaoban.cli.Values;

/** {@code giaoban nightly [--period yyyy-MM] [--night yyyy-MM-dd]}: the night's job on the configured inbox. */
@Command(name = "nightly", sortOptions = false, sortSynopsis = false)
final class NightlyCli implements Callable<Integer> {

    private final ApplicationConsole console;

    @Option(names = "--period", paramLabel = "yyyy-MM", converter = Values.Period.class)
    YearMonth period;

    @Option(names = "--night", paramLabel = "yyyy-MM-dd", converter = Values.Date.class)
    LocalDate night;

    @Mixin
    HelpOption help;

    NightlyCli(ApplicationConsole console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        LocalDate on = night != null ? night : LocalDate.now();
        YearMonth of = period != null ? period : YearMonth.from(on);
        return console.withApplication(context -> new NightlyRunner(context, console.out()).run(of, on).status());
    }
}
