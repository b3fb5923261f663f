package vn.giaoban.submission;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
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

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

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
            print(out, messages, checks, result);
            return result.status() == SubmissionStatus.REJECTED || result.hasErrors() ? ExitStatus.NOT_ACCEPTED
                    : ExitStatus.COMPLETED;
        });
    }

    private static void print(PrintStream out, Messages messages, DryCheck checks, DryCheck.Result result) {
        DryCheck.Identity identity = result.identity();
        out.println(messages.get("cli.validate.title", result.fileName()));
        out.println(identity.unitName() == null ? messages.get("cli.validate.unit-folder", result.unitCode())
                : messages.get("cli.validate.unit", identity.unitName(), result.unitCode()));
        if (identity.formCode() != null) {
            out.println(messages.get("cli.validate.form", identity.formCode(),
                    identity.formTitle() == null ? "" : identity.formTitle()));
        }
        if (identity.period() != null) {
            String period = DryCheck.show(identity.period());
            out.println(identity.asOf() == null ? messages.get("cli.validate.period", period)
                    : messages.get("cli.validate.period-as-of", period, DAY.format(identity.asOf())));
        }
        if (identity.version() != null && result.status() == SubmissionStatus.ACCEPTED) {
            out.println(messages.get("cli.validate.version", identity.version()));
        }
        switch (result.status()) {
            case ACCEPTED -> out.println(result.hasErrors()
                    ? messages.get("cli.validate.accepted-with-errors", result.values().size())
                    : messages.get("cli.validate.accepted", result.values().size()));
            case DUPLICATE -> out.println(messages.get("cli.validate.duplicate"));
            default -> out.println(messages.get("cli.validate.refused", result.rejection()));
        }
        if (!result.values().isEmpty()) {
            out.println(messages.get("cli.validate.values", result.values().size()));
            for (DryCheck.Value value : result.values()) {
                String name = value.measureName() == null ? value.indicatorName()
                        : value.indicatorName() + ", " + value.measureName();
                out.println(messages.get("cli.validate.value", value.indicatorCode(), name, value.value(),
                        DryCheck.where(value.sheet(), value.cell())));
            }
        }
        if (!result.findings().isEmpty()) {
            out.println(messages.get("cli.validate.findings", result.findings().size()));
            int number = 0;
            for (Finding finding : result.findings()) {
                out.println("  " + (++number) + ". " + checks.describe(finding));
            }
        }
        out.println(messages.get("cli.validate.nothing-stored"));
    }
}
