package vn.giaoban.submission;

import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.Measure;
import vn.giaoban.catalog.Unit;
import vn.giaoban.submission.internal.FeedbackText;
import vn.giaoban.submission.internal.ListRecordStore;
import vn.giaoban.submission.internal.SubmissionReader;
import vn.giaoban.submission.internal.SubmissionRepository;
import vn.giaoban.text.Messages;
import vn.giaoban.text.VietnameseText;

/**
 * Reads one file as the night would read it from a unit's inbox folder, and says what the night would
 * make of it, storing nothing: no submission, value, finding or list record is written, and the file
 * stays where it is. The same reader, identification and findings as the night's ingest, the same
 * wording as the feedback; what a dry check cannot tell is what only the night's consolidation knows
 * (the catalog's rules across units), and files that arrive before the night.
 */
@Component
public class DryCheck {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final SubmissionReader reader;
    private final SubmissionRepository submissions;
    private final SubmissionFiling filing;
    private final InboxProperties inbox;
    private final Catalog catalog;
    private final FeedbackText feedback;
    private final Clock clock;
    private final Messages messages;

    public DryCheck(SubmissionRepository submissions, SubmissionFiling filing, InboxProperties inbox, Catalog catalog,
            Clock clock, Messages messages) {
        this.submissions = submissions;
        this.filing = filing;
        this.inbox = inbox;
        this.catalog = catalog;
        this.clock = clock;
        this.messages = messages;
        // the night's reader, with its limits and wording, but keeping no list records
        this.reader = new SubmissionReader(catalog, Charset.forName(inbox.fallbackCharset()),
                inbox.limits().readLimits(), ListRecordStore.none(), messages);
        this.feedback = new FeedbackText(catalog, clock.getZone(), messages);
    }

    /**
     * What the file is, as far as it could be told: the unit is the folder's, the form and period the
     * file's. Every part is null when it could not be told.
     *
     * @param version the version of the unit's report this file would become, for its sender, if no other
     *                file of the same report arrives before the night
     */
    public record Identity(String unitKey, String unitName, String formCode, String formTitle, YearMonth period,
            LocalDate asOf, Integer version) {
    }

    /**
     * One value the night would take, as the unit wrote it.
     *
     * @param measureName the measure in words ("lũy kế"), null for a status or text at a point in time
     * @param value       as the office writes it: 1.234,5, Đạt, the text
     */
    public record Value(String indicatorCode, String indicatorName, Measure measure, String measureName, String value,
            String sheet, String cell) {
    }

    /**
     * What the night would make of the file.
     *
     * @param fileName  the file's name, which the identification reads too
     * @param unitCode  the unit folder it was checked for
     * @param status    ACCEPTED, REJECTED, or DUPLICATE when its content is the unit's version in force
     * @param rejection why the file would be refused whole, in the feedback's words; null otherwise
     * @param findings  in the order the feedback lists them, each with its sheet and cell
     * @param feedback  the feedback text the unit would read in its outbox (CRLF line ends)
     */
    public record Result(String fileName, String unitCode, String contentHash, SubmissionStatus status,
            Identity identity, String rejection, List<Value> values, List<Finding> findings, String feedback) {

        /** True when the night would take the file's figures. */
        public boolean accepted() {
            return status == SubmissionStatus.ACCEPTED;
        }

        /** True when some value would not be taken: a finding of severity ERROR. */
        public boolean hasErrors() {
            return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        }
    }

    /**
     * Checks a file as if the unit had dropped it into its inbox folder tonight.
     *
     * @param file     the file, anywhere (a file in the inbox is left there)
     * @param unitCode the unit whose folder the file is, or would be, in
     */
    public Result check(Path file, String unitCode) {
        String name = VietnameseText.nfc(file.getFileName().toString());
        String hash = hash(file);
        IngestResult read = reader.read(new ReceivedFile(0, unitCode, file, name), inbox.legacyCharset(unitCode));
        SubmissionStatus status = read.status();
        if (status == SubmissionStatus.ACCEPTED && hash != null
                && submissions.currentWithContent(unitCode, hash).isPresent()) {
            status = SubmissionStatus.DUPLICATE;
        }
        Integer version = read.unitKey() != null && read.formCode() != null && read.period() != null
                ? submissions.nextVersion(unitCode, read.unitKey(), read.formCode(), read.period())
                : null;
        // as the night will file it: the findings stored with it, then those told when it is answered
        FiledSubmission asFiled = new FiledSubmission(Long.MAX_VALUE, unitCode, name, name, hash, null, clock.instant(),
                null, status, read.unitKey(), read.formCode(), read.period(), read.asOf(), version,
                read.values().size(), read.rejection());
        List<Finding> findings = new ArrayList<>(submissions.findingsStored(read));
        if (status == SubmissionStatus.ACCEPTED && read.period() != null) {
            findings.addAll(filing.implausibleJumps(asFiled, read.values()));
        }
        List<StagedValue> taken = status == SubmissionStatus.ACCEPTED ? read.values() : List.of();
        // a duplicate is not read by the night: its feedback says so, and nothing else
        String text = feedback.write(asFiled, filing.taken(asFiled, taken),
                status == SubmissionStatus.DUPLICATE ? List.of() : findings, null);
        return new Result(name, unitCode, hash, status, identity(unitCode, read, version), read.rejection(),
                values(read), List.copyOf(findings), text);
    }

    private Identity identity(String unitCode, IngestResult read, Integer version) {
        Optional<Unit> unit = read.unitKey() != null ? catalog.unitByKey(read.unitKey())
                : catalog.unitsWithCode(unitCode).stream().findFirst();
        Optional<Form> form = Optional.ofNullable(read.formCode()).flatMap(catalog::form);
        return new Identity(unit.map(Unit::key).orElse(null), unit.map(Unit::name).orElse(null), read.formCode(),
                form.map(Form::title).orElse(null), read.period(), read.asOf(), version);
    }

    /** The values read, in the form's order, each as the feedback lists it. */
    private List<Value> values(IngestResult read) {
        List<String> order = new ArrayList<>(Optional.ofNullable(read.formCode()).flatMap(catalog::form)
                .map(Form::indicatorCodes).orElse(List.of()));
        catalog.indicators().forEach(indicator -> order.add(indicator.code()));
        return read.values().stream()
                .sorted(Comparator.comparingInt((StagedValue v) -> order.indexOf(v.indicatorCode()))
                        .thenComparing(v -> v.measure().ordinal()))
                .map(v -> new Value(v.indicatorCode(), filing.indicatorName(v.indicatorCode()), v.measure(),
                        v.measure() == Measure.POINT ? null : filing.measureName(v.measure().name()), filing.shown(v),
                        v.sheet(), v.cell()))
                .toList();
    }

    /** The content's hash, as the scan takes it; null when the file cannot be read (the reading says why). */
    private static String hash(Path file) {
        try {
            return InboxScanner.sha256(file);
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    /** A cell as Excel and the feedback name it: 'Thu NSNN T10'!B10, Biểu01!F12; null without a cell. */
    public static String where(String sheet, String cell) {
        return cell == null ? null : sheet == null ? cell : FeedbackText.sheetReference(sheet) + "!" + cell;
    }

    /** A period as the feedback writes it: 10/2022. */
    public static String show(YearMonth period) {
        return String.format("%02d/%d", period.getMonthValue(), period.getYear());
    }

    /** A finding as the feedback words it: severity, cell, what was found, the message. */
    public String describe(Finding finding) {
        return feedback.describe(finding);
    }

    /**
     * The dry check as {@code giaoban validate} prints it and the web console shows it: what the file is, what the
     * night would make of it, each value with its cell, each finding with its cell, and that nothing was stored.
     */
    public List<String> lines(Result result) {
        List<String> out = new ArrayList<>();
        Identity identity = result.identity();
        out.add(messages.get("cli.validate.title", result.fileName()));
        out.add(identity.unitName() == null ? messages.get("cli.validate.unit-folder", result.unitCode())
                : messages.get("cli.validate.unit", identity.unitName(), result.unitCode()));
        if (identity.formCode() != null) {
            out.add(messages.get("cli.validate.form", identity.formCode(),
                    identity.formTitle() == null ? "" : identity.formTitle()));
        }
        if (identity.period() != null) {
            String period = show(identity.period());
            out.add(identity.asOf() == null ? messages.get("cli.validate.period", period)
                    : messages.get("cli.validate.period-as-of", period, DAY.format(identity.asOf())));
        }
        if (identity.version() != null && result.status() == SubmissionStatus.ACCEPTED) {
            out.add(messages.get("cli.validate.version", identity.version()));
        }
        switch (result.status()) {
            case ACCEPTED -> out.add(result.hasErrors()
                    ? messages.get("cli.validate.accepted-with-errors", result.values().size())
                    : messages.get("cli.validate.accepted", result.values().size()));
            case DUPLICATE -> out.add(messages.get("cli.validate.duplicate"));
            default -> out.add(messages.get("cli.validate.refused", result.rejection()));
        }
        if (!result.values().isEmpty()) {
            out.add(messages.get("cli.validate.values", result.values().size()));
            for (Value value : result.values()) {
                String name = value.measureName() == null ? value.indicatorName()
                        : value.indicatorName() + ", " + value.measureName();
                out.add(messages.get("cli.validate.value", value.indicatorCode(), name, value.value(),
                        where(value.sheet(), value.cell())));
            }
        }
        if (!result.findings().isEmpty()) {
            out.add(messages.get("cli.validate.findings", result.findings().size()));
            int number = 0;
            for (Finding finding : result.findings()) {
                out.add("  " + (++number) + ". " + describe(finding));
            }
        }
        out.add(messages.get("cli.validate.nothing-stored"));
        return out;
    }
}
