package vn.giaoban.system;

import java.util.List;
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
 * {@code giaoban help [command [sub-command]]}: the generated help of giaoban, or of one command. Our own rather than
 * picocli's {@code HelpCommand}, whose answer to an unknown command is English.
 */
@Command(name = "help")
final class HelpCli implements Callable<Integer> {

    private final ApplicationConsole console;

    @Parameters(arity = "0..*", paramLabel = "LỆNH", descriptionKey = "command")
    List<String> command = List.of();

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
        picocli.CommandLine about = giaoban;
        for (String word : command) {
            // "help user add": a sub-command's own help
            about = about.getSubcommands().get(word);
            if (about == null) {
                throw new ParameterException(giaoban, Messages.defaults().get("cli.unknown-command", String.join(" ", command)));
            }
        }
        console.out().print(about.getUsageMessage(Ansi.OFF));
        return ExitStatus.COMPLETED;
    }
}
