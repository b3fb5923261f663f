package vn.giaoban.template;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import vn.giaoban.cli.Console;
import vn.giaoban.cli.ExitStatus;
import vn.giaoban.cli.HelpOption;
import vn.giaoban.cli.Values;
import vn.giaoban.text.Messages;

/**
 * {@code giaoban template --period yyyy-MM [--form F] [--unit U] [--out DIR]}: writes the templates
 * ({@link TemplateCommand}). Reads only the settings and the catalog (no database, no run lock), so it
 * runs beside a night.
 */
@Command(name = "template", sortOptions = false, sortSynopsis = false)
public final class TemplateCli implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(TemplateCli.class);

    private final Console console;

    @Option(names = "--period", required = true, paramLabel = "yyyy-MM", converter = Values.Period.class)
    YearMonth period;

    @Option(names = "--form", paramLabel = "mã-biểu")
    String form;

    @Option(names = "--unit", paramLabel = "mã-đơn-vị")
    String unit;

    @Option(names = "--out", paramLabel = "thư-mục")
    Path out;

    @Option(names = "--format", paramLabel = "xlsx|ods", split = ",", converter = FormatConverter.class)
    java.util.List<TemplateFormat> formats;

    @Mixin
    HelpOption help;

    public TemplateCli(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        TemplateCommand command;
        try {
            command = TemplateCommand.fromSettings(console.settings(), console.out());
        } catch (RuntimeException e) {
            return console.cannotStart(e);
        }
        try {
            command.run(new TemplateCommand.Request(period, form, unit, out,
                    formats == null || formats.isEmpty() ? java.util.List.of(TemplateFormat.XLSX) : formats));
            return ExitStatus.COMPLETED;
        } catch (TemplateCommand.InvalidRequest e) {
            console.out().println(e.getMessage());
            return ExitStatus.CONFIGURATION_ERROR;
        } catch (IOException e) {
            log.error("Could not write the templates", e);
            console.out().println(Messages.defaults().get("cli.template-failed", e.getMessage()));
            return ExitStatus.FAILED;
        }
    }

    /** {@code xlsx} or {@code ods}. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<TemplateFormat> {
        @Override
        public TemplateFormat convert(String text) {
            return TemplateFormat.of(text).orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                    Messages.defaults().get("cli.invalid-template-format", text)));
        }
    }
}
