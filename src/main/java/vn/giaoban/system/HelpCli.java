package vn.giaoban.system;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import vn.giaoban.cli.ExitStatus;
import vn.giaoban.cli.HelpOption;
import vn.giaoban.text.Messages;

/**
 * {@code giaoban help [command]}: the generated help of giaoban, or of one command. Our own rather than
 * picocli's {@code HelpCommand}, whose answer to an unknown command is English.
 */
@Command(name = "help")
final class HelpCli implements Callable<Integer> {

    private final ApplicationConsole console;

    @Parameters(arity = "0..1", paramLabel = "LỆNH", descriptionKey = "command")
    String command;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    HelpCli(ApplicationConsole console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        picocli.CommandLine giaoban = spec.root().commandLine();
        picocli.CommandLine about = command == null ? giaoban : giaoban.getSubcommands().get(command);
        if (about == null) {
            throw new ParameterException(giaoban, Messages.defaults().get("cli.unknown-command", command));
        }
        console.out().print(about.getUsageMessage(Ansi.OFF));
        return ExitStatus.COMPLETED;
    }
}
