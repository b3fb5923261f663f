package vn.giaoban.consolidation;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.cli.Console;
import vn.giaoban.cli.ExitStatus;
import vn.giaoban.cli.HelpOption;
import vn.giaoban.text.Messages;

/** {@code giaoban history --unit U --indicator I}: every submission of one indicator and how it changed. */
@Command(name = "history", sortOptions = false, sortSynopsis = false)
public final class HistoryCli implements Callable<Integer> {

    private final Console console;

    @Option(names = "--unit", required = true, paramLabel = "mã-đơn-vị")
    String unit;

    @Option(names = "--indicator", required = true, paramLabel = "mã-chỉ-tiêu")
    String indicator;

    @Mixin
    HelpOption help;

    public HistoryCli(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        PrintStream out = console.out();
        return console.withApplication(context -> {
            Catalog catalog = context.getBean(Catalog.class);
            if (catalog.unitsWithCode(unit).isEmpty()) {
                out.println(context.getBean(Messages.class).get("cli.unknown-unit", unit));
                return ExitStatus.CONFIGURATION_ERROR;
            }
            if (catalog.indicators().stream().noneMatch(i -> i.code().equals(indicator))) {
                out.println(context.getBean(Messages.class).get("cli.unknown-indicator", indicator));
                return ExitStatus.CONFIGURATION_ERROR;
            }
            context.getBean(ValueHistory.class).lines(unit, indicator).forEach(out::println);
            return ExitStatus.COMPLETED;
        });
    }
}
