package vn.giaoban.timeliness;

import java.io.PrintStream;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import vn.giaoban.cli.Console;
import vn.giaoban.cli.ExitStatus;
import vn.giaoban.cli.HelpOption;
import vn.giaoban.cli.Values;
import vn.giaoban.text.Messages;

/**
 * {@code giaoban status --period yyyy-MM [--remind]}: every report expected for a period and how it
 * stands, from the database alone (no scan, no job); with {@code --remind}, an e-mail to each unit that
 * still owes one.
 */
@Command(name = "status", sortOptions = false, sortSynopsis = false)
public final class StatusCli implements Callable<Integer> {

    private final Console console;

    @Option(names = "--period", required = true, paramLabel = "yyyy-MM", converter = Values.Period.class)
    YearMonth period;

    @Option(names = "--remind")
    boolean remind;

    @Mixin
    HelpOption help;

    public StatusCli(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        PrintStream out = console.out();
        return console.withApplication(context -> {
            List<ReportState> states = context.getBean(Timeliness.class).of(period);
            StatusTable.lines(context.getBean(Messages.class), period, states).forEach(out::println);
            if (!remind) {
                return ExitStatus.COMPLETED;
            }
            out.println();
            try {
                Reminders.Summary summary = context.getBean(Reminders.class).remind(period, states);
                summary.lines().forEach(out::println);
                return summary.failed().isEmpty() ? ExitStatus.COMPLETED : ExitStatus.NOT_DELIVERED;
            } catch (Reminders.NotConfigured e) {
                out.println(e.getMessage());
                return ExitStatus.CONFIGURATION_ERROR;
            }
        });
    }
}
