package vn.giaoban.system;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

import vn.giaoban.text.Messages;

/**
 * The entry point: {@code giaoban <command> [options] [--giaoban.*=...]}. The commands are picocli
 * commands in the features that own them, wired by {@link GiaobanCommand}. The command is parsed before
 * Spring starts, so a typing mistake costs no start-up and is one Vietnamese sentence, then the command's
 * help, and {@link ExitCode#CONFIGURATION_ERROR}; the settings ({@code --giaoban.*}, {@code --spring.*},
 * {@code --logging.*}) go to Spring as typed.
 */
public final class CommandLine {

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
        picocli.CommandLine giaoban = GiaobanCommand.commandLine(new ApplicationConsole(out, settings));
        if (words.isEmpty()) {
            return usage(giaoban, Messages.defaults().get("cli.missing-command"));
        }
        try {
            ParseResult parsed = giaoban.parseArgs(words.toArray(String[]::new));
            while (!parsed.isUsageHelpRequested() && parsed.hasSubcommand()) {
                parsed = parsed.subcommand();
            }
            picocli.CommandLine command = parsed.commandSpec().commandLine();
            if (parsed.isUsageHelpRequested()) {
                out.print(command.getUsageMessage(Ansi.OFF));
                return ExitCode.COMPLETED;
            }
            if (!(command.getCommand() instanceof Callable<?> callable)) {
                return usage(giaoban, Messages.defaults().get("cli.missing-command"));
            }
            return ExitCode.of((Integer) callable.call());
        } catch (ParameterException e) {
            return usage(e.getCommandLine(), problem(e, words));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one sentence a mistake on the command line is told in. */
    private static String problem(ParameterException e, List<String> words) {
        Messages messages = Messages.defaults();
        picocli.CommandLine where = e.getCommandLine();
        List<String> unmatched = e instanceof UnmatchedArgumentException u ? u.getUnmatched() : where.getUnmatchedArguments();
        if (!unmatched.isEmpty()) {
            // the first word not understood, before a missing option: what the person typed wrong
            return messages.get(where.getParent() == null ? "cli.unknown-command" : "cli.unknown-option", unmatched.get(0));
        }
        if (e.getCause() instanceof TypeConversionException value) {
            return value.getMessage();
        }
        if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()
                && missing.getMissing().get(0) instanceof OptionSpec option) {
            String name = option.longestName();
            return typed(option, words) ? messages.get("cli.missing-value", name)
                    : messages.get("cli.missing-option." + name.substring(2));
        }
        // a command's own ParameterException: its message is the sentence
        return e.getMessage();
    }

    /** The option was typed (so its value is what is missing), rather than left out. */
    private static boolean typed(ArgSpec option, List<String> words) {
        for (String name : ((OptionSpec) option).names()) {
            if (words.stream().anyMatch(word -> word.equals(name) || word.startsWith(name + "="))) {
                return true;
            }
        }
        return false;
    }

    private ExitCode usage(picocli.CommandLine command, String problem) {
        out.println(problem);
        out.print(command.getUsageMessage(Ansi.OFF));
        return ExitCode.CONFIGURATION_ERROR;
    }
}
