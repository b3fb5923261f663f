package vn.giaoban.rules;

import java.io.PrintStream;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.cli.Console;
import vn.giaoban.cli.ExitStatus;
import vn.giaoban.cli.HelpOption;
import vn.giaoban.cli.Values;
import vn.giaoban.text.Messages;

/**
 * {@code giaoban check --period yyyy-MM}: the period's discrepancies as the last consolidation found
 * them (evaluated now, not stored, if it has none).
 */
@Command(name = "check", sortOptions = false, sortSynopsis = false)
public final class CheckCli implements Callable<Integer> {

    private final Console console;

    @Option(names = "--period", required = true, paramLabel = "yyyy-MM", converter = Values.Period.class)
    YearMonth period;

    @Mixin
    HelpOption help;

    public CheckCli(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        PrintStream out = console.out();
        return console.withApplication(context -> {
            Messages messages = context.getBean(Messages.class);
            RuleEngine rules = context.getBean(RuleEngine.class);
            List<RuleResult> results = rules.results(period);
            if (results.isEmpty()) {
                // a period the nights have not consolidated: checked now, nothing stored, nothing left out
                results = rules.evaluateOnly(period);
                out.println(messages.get("cli.check-not-consolidated", period));
            }
            new CheckReport(context.getBean(Catalog.class), messages).lines(period, results).forEach(out::println);
            return ExitStatus.COMPLETED;
        });
    }
}
