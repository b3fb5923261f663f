package vn.giaoban.submission;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.cli.Console;
import vn.giaoban.cli.ExitStatus;
import vn.giaoban.cli.HelpOption;
import vn.giaoban.text.Messages;

/**
 * {@code giaoban validate FILE --unit CODE}: what the night would make of a file if the unit dropped it into
 * its inbox folder, read now and stored nowhere ({@link DryCheck}). Exits {@link ExitStatus#NOT_ACCEPTED} when
 * the file would be refused or a value of it would not be taken, so a script can tell.
 */
@Command(name = "validate", sortOptions = false, sortSynopsis = false)
public final class ValidateCli implements Callable<Integer> {

    private final Console console;

    @Parameters(index = "0", paramLabel = "TỆP", descriptionKey = "file")
    Path file;

    @Option(names = "--unit", required = true, paramLabel = "mã-đơn-vị")
    String unit;

    @Mixin
    HelpOption help;

    public ValidateCli(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        PrintStream out = console.out();
        return console.withApplication(context -> {
            Messages messages = context.getBean(Messages.class);
            if (context.getBean(Catalog.class).unitsWithCode(unit).isEmpty()) {
                out.println(messages.get("cli.unknown-unit", unit));
                return ExitStatus.CONFIGURATION_ERROR;
            }
            if (!Files.isRegularFile(file)) {
                out.println(messages.get("cli.validate.no-file", file));
                return ExitStatus.CONFIGURATION_ERROR;
            }
            DryCheck checks = context.getBean(DryCheck.class);
            DryCheck.Result result = checks.check(file, unit);
            checks.lines(result).forEach(out::println);
            return result.status() == SubmissionStatus.REJECTED || result.hasErrors() ? ExitStatus.NOT_ACCEPTED
                    : ExitStatus.COMPLETED;
        });
    }
}
