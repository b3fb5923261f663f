package vn.giaoban.system;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import vn.giaoban.cli.ExitStatus;
import vn.giaoban.cli.HelpOption;
import vn.giaoban.text.Messages;

/** {@code giaoban housekeeping}: what the retention periods let go, deleted ({@link Housekeeping}). */
@Command(name = "housekeeping")
final class HousekeepingCli implements Callable<Integer> {

    private final ApplicationConsole console;

    @Mixin
    HelpOption help;

    HousekeepingCli(ApplicationConsole console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        return console.withApplication(context -> {
            console.out().println(context.getBean(Housekeeping.class).clean(LocalDate.now())
                    .line(context.getBean(Messages.class)));
            return ExitStatus.COMPLETED;
        });
    }
}
