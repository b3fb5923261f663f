package vn.giaoban.template;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.CatalogFiles;
import vn.giaoban.text.Messages;

/**
 * {@code giaoban template --period yyyy-MM [--form F] [--unit U] [--out DIR] [--format xlsx,ods]}: writes the
 * templates of a period, as .xlsx (the default), .ods, or both side by side. With a form and a unit, that one template; with only a unit, every form it submits;
 * with only a form, that form for every unit that submits it; with neither, every form of every unit
 * valid in the period. Files go to {@code ${giaoban.work-dir}/templates/<period>/<unit>/}, or all
 * into {@code --out DIR}. Each file written is told on one line ({@code biểu mẫu: /path}), then one
 * Vietnamese sentence sums up; a request that cannot be met is an {@link InvalidRequest} whose
 * message is for the person who typed it. The command line's side (options, help) is {@link TemplateCli}.
 */
public final class TemplateCommand {

    private final Catalog catalog;
    private final Path workDir;
    private final PrintStream out;
    private final TemplateWriter writer;
    private final Messages messages;

    public TemplateCommand(Catalog catalog, Path workDir, PrintStream out, Messages messages) {
        this.catalog = catalog;
        this.workDir = workDir;
        this.out = out;
        this.writer = new TemplateWriter(catalog);
        this.messages = messages;
    }

    /**
     * The command as the settings describe it (command line {@code --giaoban.*}, environment,
     * {@code application.yml}), without starting the application: no database, no job repository,
     * so it runs beside a nightly run. A catalog that does not validate throws the loader's
     * {@code CatalogException}.
     */
    public static TemplateCommand fromSettings(List<String> settings, PrintStream out) {
        SpringApplication application = new SpringApplication(Settings.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setRegisterShutdownHook(false);
        try (ConfigurableApplicationContext context = application.run(settings.toArray(String[]::new))) {
            return fromEnvironment(context.getEnvironment(), context, out);
        }
    }

    /**
     * The command for an environment that holds {@code giaoban.work-dir} and {@code giaoban.catalog.location}
     * (and {@code giaoban.messages.dir}, the office's rewording of what the command prints).
     */
    public static TemplateCommand fromEnvironment(Environment environment, ResourceLoader resources, PrintStream out) {
        String location = environment.getRequiredProperty("giaoban.catalog.location");
        Path workDir = Path.of(environment.getProperty("giaoban.work-dir", "work"));
        String messagesDir = environment.getProperty("giaoban.messages.dir");
        Messages messages = messagesDir == null ? Messages.defaults() : Messages.withOverrides(Path.of(messagesDir));
        return new TemplateCommand(CatalogFiles.load(resources, location), workDir, out, messages);
    }

    /** The bean {@link #fromSettings} starts with: nothing, only the environment is wanted. */
    static final class Settings {
    }

    /**
     * What to write.
     *
     * @param period   the reporting period (required)
     * @param formCode a form's code, or null for every form the units submit
     * @param unitCode a unit's code, or null for every unit valid in the period
     * @param outDir   where to put every file, or null for {@code <work-dir>/templates/<period>/<unit>/}
     * @param formats  the formats each template is written in, side by side (default .xlsx)
     */
    public record Request(YearMonth period, String formCode, String unitCode, Path outDir, List<TemplateFormat> formats) {
        public Request {
            if (period == null) {
                throw new InvalidRequest(Messages.defaults().get("cli.missing-option.period"));
            }
            formCode = blankToNull(formCode);
            unitCode = blankToNull(unitCode);
            formats = formats == null || formats.isEmpty() ? List.of(TemplateFormat.XLSX)
                    : List.copyOf(new java.util.LinkedHashSet<>(formats));
        }

        /** The .xlsx templates. */
        public Request(YearMonth period, String formCode, String unitCode, Path outDir) {
            this(period, formCode, unitCode, outDir, List.of(TemplateFormat.XLSX));
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.trim();
        }
    }

    /** A request that cannot be met; the message is one Vietnamese sentence for the person who typed it. */
    public static final class InvalidRequest extends RuntimeException {
        public InvalidRequest(String message) {
            super(message);
        }
    }

    /** One template to write. */
    public record Planned(Form form, Unit unit) {
    }

    /**
     * Writes the templates the request names and returns their paths, in the catalog's order of
     * units and forms.
     *
     * @throws InvalidRequest when a form or unit is unknown, not valid in the period, or does not go together
     * @throws IOException    when a file cannot be written (the files written before it stay)
     */
    public List<Path> run(Request request) throws IOException {
        List<Planned> plan = plan(request);
        List<Path> written = new ArrayList<>();
        for (Planned planned : plan) {
            Path directory = request.outDir() != null ? request.outDir()
                    : workDir.resolve("templates").resolve(request.period().toString()).resolve(planned.unit().code());
            for (TemplateFormat format : request.formats()) {
                Path file = writer.write(planned.form(), planned.unit(), request.period(), directory, format);
                out.println(messages.get("cli.template.written", file.toAbsolutePath().normalize()));
                written.add(file);
            }
        }
        long units = plan.stream().map(p -> p.unit().code()).distinct().count();
        out.println(messages.get("cli.template.summary", written.size(), show(request.period()), units));
        return written;
    }

    /** The templates a request names, checked against the catalog; nothing is written. */
    public List<Planned> plan(Request request) {
        YearMonth period = request.period();
        Optional<Form> form = Optional.empty();
        if (request.formCode() != null) {
            form = catalog.form(request.formCode());
            if (form.isEmpty()) {
                throw new InvalidRequest(messages.get("cli.template.unknown-form", request.formCode(),
                        String.join(", ", catalog.forms().stream().map(Form::code).toList())));
            }
        }
        List<Unit> units;
        if (request.unitCode() != null) {
            if (catalog.unitsWithCode(request.unitCode()).isEmpty()) {
                throw new InvalidRequest(messages.get("cli.unknown-unit", request.unitCode()));
            }
            Unit unit = catalog.unit(request.unitCode(), period).orElseThrow(() -> new InvalidRequest(
                    messages.get("cli.template.unit-not-valid", request.unitCode(), show(period))));
            if (form.isPresent() && !form.get().submittableBy(unit)) {
                throw new InvalidRequest(messages.get("cli.template.form-not-sent", unit.name(), form.get().code(),
                        form.get().title(), formsOf(unit)));
            }
            if (catalog.formsSubmittableBy(unit).isEmpty()) {
                throw new InvalidRequest(messages.get("cli.template.unit-sends-none", unit.name()));
            }
            units = List.of(unit);
        } else {
            units = catalog.units().stream().filter(u -> u.validOn(period.atEndOfMonth())).toList();
        }
        List<Planned> plan = new ArrayList<>();
        for (Unit unit : units) {
            for (Form candidate : catalog.formsSubmittableBy(unit)) {
                if (form.isEmpty() || form.get().equals(candidate)) {
                    plan.add(new Planned(candidate, unit));
                }
            }
        }
        if (plan.isEmpty()) {
            throw new InvalidRequest(form.isPresent()
                    ? messages.get("cli.template.nobody-sends-form", form.get().code(), show(period))
                    : messages.get("cli.template.nobody-sends", show(period)));
        }
        return plan;
    }

    private String formsOf(Unit unit) {
        List<String> codes = catalog.formsSubmittableBy(unit).stream().map(Form::code).toList();
        return codes.isEmpty() ? messages.get("cli.template.no-form") : String.join(", ", codes);
    }

    private static String show(YearMonth period) {
        return String.format("%02d/%d", period.getMonthValue(), period.getYear());
    }
}
