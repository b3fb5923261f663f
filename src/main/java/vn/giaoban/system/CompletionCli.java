package vn.giaoban.system;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import vn.giaoban.cli.ExitStatus;
import vn.giaoban.cli.HelpOption;

/** {@code giaoban completion}: picocli's bash completion script for every command and option ({@code source <(giaoban completion)}). */
@Command(name = "completion")
final class CompletionCli implements Callable<Integer> {

    private final ApplicationConsole console;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    CompletionCli(ApplicationConsole console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        console.out().print(AutoComplete.bash("giaoban", spec.root().commandLine()));
        return ExitStatus.COMPLETED;
    }
}
