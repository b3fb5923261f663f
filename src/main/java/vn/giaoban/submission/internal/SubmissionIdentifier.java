package vn.giaoban.submission.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.Measure;
import vn.giaoban.catalog.Unit;
import vn.giaoban.submission.Finding;
import vn.giaoban.submission.Severity;
import vn.giaoban.text.Messages;
import vn.giaoban.text.VietnameseText;

/**
 * Tells a file's form and period from what people put in it: the file name and the title lines
 * above the table ("BÁO CÁO ... THÁNG 10/2022", "Kỳ báo cáo: tháng 10 năm 2022"). Where two
 * sources disagree the file is refused with both readings, never guessed; the unit is the folder's,
 * and a title naming another unit is a contradiction too.
 */
final class SubmissionIdentifier {

    /** "tháng 10/2022", "tháng 10 năm 2022", "T10-2022", "T10.2022" once folded. */
    private static final Pattern MONTH_WORD = Pattern.compile("\\b(?:thang|t)\\s?(\\d{1,2})\\s(?:nam\\s)?(\\d{4})\\b");
    /** "2022-10", "2022_10". */
    private static final Pattern YEAR_MONTH = Pattern.compile("\\b(20\\d{2})\\s(\\d{1,2})\\b");
    /** "10-2022", "10.2022". */
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b(\\d{1,2})\\s(20\\d{2})\\b");
    /** "đến ngày 23/10/2022" once folded. */
    private static final Pattern AS_OF = Pattern.compile("\\bden ngay (\\d{1,2}) (\\d{1,2}) (\\d{4})\\b");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Catalog catalog;
    private final Messages words;
    private final LocalNames localNames;
    private final List<FormNames> formNames;

    /** An identifier in the shipped wording. */
    SubmissionIdentifier(Catalog catalog) {
        this(catalog, Messages.defaults());
    }

    SubmissionIdentifier(Catalog catalog, Messages words) {
        this.words = words;
        this.catalog = catalog;
        this.localNames = LocalNames.of(catalog);
        this.formNames = FormNames.of(catalog);
    }

    /**
     * @param folderUnits the units that have carried the folder's code, newest first
     * @param fileName    the file's name
     * @param titleLines  the text of the rows above the table
     */
    public Identification identify(List<Unit> folderUnits, String fileName, List<String> titleLines) {
        return identify(folderUnits, fileName, titleLines, Optional.empty());
    }

    /**
     * @param template the identity a giaoban template embeds: it only confirms what the visible cells
     *                 say (other spreadsheet programs may drop it), fills in what they leave out, and
     *                 refuses a template made for another unit
     */
    public Identification identify(List<Unit> folderUnits, String fileName, List<String> titleLines,
            Optional<TemplateMetadata> template) {
        String name = VietnameseText.fold(stripExtension(fileName));
        List<String> titles = titleLines.stream().map(VietnameseText::fold).toList();
        List<Finding> notes = new ArrayList<>();

        Optional<YearMonth> periodFromName = period(List.of(name));
        Optional<YearMonth> periodFromTitle = period(titles);
        if (periodFromName.isPresent() && periodFromTitle.isPresent() && !periodFromName.equals(periodFromTitle)) {
            return Identification.rejected(words.get("feedback.identify.periods-differ", show(periodFromName.get()),
                    show(periodFromTitle.get())));
        }
        Optional<YearMonth> visible = periodFromTitle.or(() -> periodFromName);
        Optional<YearMonth> period = visible.or(() -> template.map(TemplateMetadata::period));
        if (visible.isEmpty() && period.isPresent()) {
            notes.add(Finding.file(Severity.INFO, "PERIOD_FROM_TEMPLATE",
                    words.get("feedback.identify.period-from-template", show(period.get()))));
        }
        if (period.isEmpty()) {
            return Identification.rejected(words.get("feedback.identify.no-period"));
        }
        Optional<Unit> unit = folderUnits.stream().filter(u -> u.validOn(period.get().atEndOfMonth())).findFirst();
        if (unit.isEmpty()) {
            return Identification.rejected(null, period.get(), noUnitInPeriod(folderUnits, period.get()));
        }
        Optional<Form> formFromName = form(List.of(name));
        Optional<Form> formFromTitle = form(titles);
        Optional<Form> formNamed = formFromTitle.or(() -> formFromName)
                .or(() -> template.flatMap(t -> catalog.form(t.formCode())));
        Optional<Identification> onBehalf = onBehalf(unit.get(), period.get(), name, titles, template, formNamed, notes);
        if (onBehalf.isPresent()) {
            return onBehalf.get();
        }
        Optional<Unit> otherUnit = otherUnitNamed(unit.get(), titles, period.get());
        if (otherUnit.isPresent() && otherUnit.get().validOn(period.get().atEndOfMonth())) {
            // when another may send that unit's report, say who: else, each unit sends its own
            List<Unit> senders = formNamed.map(f -> catalog.sendersFor(f, otherUnit.get(), period.get())).orElse(List.of());
            return Identification.rejected(unit.get(), period.get(), senders.stream().allMatch(otherUnit.get()::equals)
                    ? words.get("feedback.identify.other-unit", unit.get().name(), otherUnit.get().name())
                    : words.get("feedback.identify.other-unit-senders", unit.get().name(), otherUnit.get().name(),
                            formNamed.get().code(), names(senders)));
        }
        if (otherUnit.isPresent()) {
            // a letterhead of a commune merged away (or not yet formed): the period or the title is wrong, not a guess
            Unit other = otherUnit.get();
            return Identification.rejected(unit.get(), period.get(), words.get("feedback.identify.unit-not-in-period",
                    other.name(), validity(other), show(period.get()), unit.get().code(), unit.get().name()));
        }

        if (template.isPresent() && !template.get().unitCode().equals(unit.get().code())) {
            return Identification.rejected(unit.get(), period.get(), words.get("feedback.identify.template-of-other-unit",
                    template.get().unitCode(), unit.get().name(), unit.get().code()));
        }
        List<Form> allowed = catalog.formsSubmittableBy(unit.get());
        if (formFromName.isPresent() && formFromTitle.isPresent() && !formFromName.equals(formFromTitle)) {
            return Identification.rejected(unit.get(), period.get(), words.get("feedback.identify.forms-differ",
                    formFromName.get().code(), formFromTitle.get().code(), formFromTitle.get().title()));
        }
        Optional<Form> form = formNamed;
        if (form.isEmpty() && allowed.size() == 1) {
            form = Optional.of(allowed.get(0));
            notes.add(Finding.file(Severity.INFO, "FORM_ASSUMED",
                    words.get("feedback.identify.form-assumed", allowed.get(0).code())));
        }
        if (form.isEmpty()) {
            return Identification.rejected(unit.get(), period.get(), words.get("feedback.identify.no-form",
                    String.join(", ", allowed.stream().map(Form::code).toList())));
        }
        if (!allowed.contains(form.get())) {
            return Identification.rejected(unit.get(), period.get(), words.get("feedback.identify.form-not-for-unit",
                    unit.get().name(), form.get().code(), form.get().title()));
        }
        if (template.isPresent() && (!template.get().formCode().equals(form.get().code())
                || !template.get().period().equals(period.get()))) {
            // someone reused last month's template and corrected its title: the visible title decides
            notes.add(Finding.file(Severity.WARNING, "TEMPLATE_MISMATCH", words.get("feedback.identify.template-mismatch",
                    template.get().formCode(), show(template.get().period()), form.get().code(), show(period.get()))));
        }
        return new Identification(unit.get(), form.get(), period.get(), asOf(titles, form.get(), period.get(), notes),
                null, notes);
    }

    /**
     * A report the folder's unit sends about another under a delegation of the catalog (the agriculture office's
     * BM05-NTM for a commune): the subject is the unit the title names, else the file's name, else the template's;
     * the sender may only write the subjects delegated to it. Empty when the file is not such a report: the form is
     * not one the sender sends for others, or it names no other unit and the sender may send it for itself.
     */
    private Optional<Identification> onBehalf(Unit sender, YearMonth period, String name, List<String> titles,
            Optional<TemplateMetadata> template, Optional<Form> form, List<Finding> notes) {
        if (form.isEmpty() || !catalog.formsSentForOthersBy(sender).contains(form.get())) {
            return Optional.empty();
        }
        LocalDate day = period.atEndOfMonth();
        List<Unit> delegated = catalog.units().stream().filter(u -> u.validOn(day))
                .filter(u -> catalog.delegation(sender, form.get(), u).isPresent()).toList();
        Optional<Unit> subject = namedAmong(delegated, titles).or(() -> namedAmong(delegated, List.of(name)))
                .or(() -> template.filter(t -> !t.unitCode().equals(sender.code()))
                        .flatMap(t -> catalog.unit(t.unitCode(), period)))
                .or(() -> otherUnitNamed(sender, titles, period).filter(u -> u.validOn(day)));
        if (subject.isEmpty()) {
            return form.get().submittableBy(sender) ? Optional.empty()
                    : Optional.of(Identification.rejected(sender, period, words.get("feedback.identify.no-subject",
                            form.get().code(), sender.name())));
        }
        if (catalog.delegation(sender, form.get(), subject.get()).isEmpty()) {
            List<Unit> senders = catalog.sendersFor(form.get(), subject.get(), period);
            return Optional.of(Identification.rejected(sender, period, senders.isEmpty()
                    ? words.get("feedback.identify.not-delegated-nobody", sender.name(), form.get().code(),
                            subject.get().name())
                    : words.get("feedback.identify.not-delegated", sender.name(), form.get().code(), subject.get().name(),
                            names(senders))));
        }
        notes.add(Finding.file(Severity.INFO, "SENT_FOR", words.get("feedback.identify.sent-for", subject.get().name(),
                sender.name())));
        if (template.isPresent() && (!template.get().formCode().equals(form.get().code())
                || !template.get().period().equals(period))) {
            notes.add(Finding.file(Severity.WARNING, "TEMPLATE_MISMATCH", words.get("feedback.identify.template-mismatch",
                    template.get().formCode(), show(template.get().period()), form.get().code(), show(period))));
        }
        return Optional.of(new Identification(subject.get(), form.get(), period, asOf(titles, form.get(), period, notes),
                null, notes));
    }

    /**
     * The unit of {@code candidates} whose name or alias ("Xã Trùng Khánh", "Trùng Khánh") is a run of a line's words,
     * the longest such name winning: how a sender writes which of its subjects a report is about, in a title or a
     * file's name ("BM05-NTM_Trung Khanh_T10-2022.xlsx").
     */
    private static Optional<Unit> namedAmong(List<Unit> candidates, List<String> lines) {
        Unit best = null;
        int bestLength = 0;
        for (String line : lines) {
            String text = " " + line + " ";
            for (Unit candidate : candidates) {
                List<String> names = new ArrayList<>(List.of(candidate.name()));
                names.addAll(candidate.aliases());
                for (String named : names) {
                    String folded = VietnameseText.fold(named);
                    if (!folded.isEmpty() && folded.length() > bestLength && text.contains(" " + folded + " ")) {
                        best = candidate;
                        bestLength = folded.length();
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** "Xã Trùng Khánh (mã 06127) hoặc Phòng Nông nghiệp và Phát triển nông thôn (mã PNNPTNT)". */
    private String names(List<Unit> units) {
        return String.join(words.get("feedback.identify.or"),
                units.stream().map(u -> words.get("feedback.identify.unit-with-code", u.name(), u.code())).toList());
    }

    public static String show(YearMonth period) {
        return String.format("%02d/%d", period.getMonthValue(), period.getYear());
    }

    private static Optional<YearMonth> period(List<String> lines) {
        for (Pattern pattern : List.of(MONTH_WORD, YEAR_MONTH, MONTH_YEAR)) {
            Set<YearMonth> found = new LinkedHashSet<>();
            for (String line : lines) {
                // an as-of date is not the period: "đến ngày 23/10/2022" would read as 10/2022 by accident
                Matcher matcher = pattern.matcher(AS_OF.matcher(line).replaceAll(" "));
                while (matcher.find()) {
                    boolean yearFirst = pattern == YEAR_MONTH;
                    int month = Integer.parseInt(matcher.group(yearFirst ? 2 : 1));
                    int year = Integer.parseInt(matcher.group(yearFirst ? 1 : 2));
                    if (month >= 1 && month <= 12) {
                        found.add(YearMonth.of(year, month));
                    }
                }
            }
            if (!found.isEmpty()) {
                return Optional.of(found.iterator().next());
            }
        }
        return Optional.empty();
    }

    /**
     * How far the figures run: "đến ngày 23/10/2022" in a title; failing that, for a cumulative form whose cut-off
     * the catalog gives, that cut-off in the period (a CSV has no title line), told as assumed; else none.
     */
    private LocalDate asOf(List<String> titles, Form form, YearMonth period, List<Finding> notes) {
        Optional<LocalDate> written = asOf(titles);
        if (written.isPresent() || !form.cutoffStated() || form.defaultMeasure() != Measure.CUMULATIVE) {
            return written.orElse(null);
        }
        LocalDate assumed = form.dataTo(period);
        notes.add(Finding.file(Severity.INFO, "AS_OF_ASSUMED", words.get("feedback.identify.as-of-assumed",
                form.code(), DAY.format(assumed))));
        return assumed;
    }

    private static Optional<LocalDate> asOf(List<String> lines) {
        for (String line : lines) {
            Matcher matcher = AS_OF.matcher(line);
            if (matcher.find()) {
                try {
                    return Optional.of(LocalDate.of(Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(2)),
                            Integer.parseInt(matcher.group(1))));
                } catch (DateTimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The form whose code, title or alias the lines name; the longest match wins. */
    private Optional<Form> form(List<String> lines) {
        Form best = null;
        int bestLength = 0;
        for (String line : lines) {
            String text = " " + line + " ";
            for (FormNames form : formNames) {
                for (String folded : form.names()) {
                    if (!folded.isEmpty() && folded.length() > bestLength && text.contains(" " + folded + " ")) {
                        best = form.form();
                        bestLength = folded.length();
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** A form's code, title and aliases, folded once rather than for every file. */
    private record FormNames(Form form, List<String> names) {

        static List<FormNames> of(Catalog catalog) {
            List<FormNames> all = new ArrayList<>();
            for (Form form : catalog.forms()) {
                List<String> names = new ArrayList<>();
                names.add(VietnameseText.fold(form.code()));
                names.add(VietnameseText.fold(form.title()));
                form.aliases().forEach(alias -> names.add(VietnameseText.fold(alias)));
                all.add(new FormNames(form, List.copyOf(names)));
            }
            return List.copyOf(all);
        }
    }

    /**
     * A commune or town other than {@code unit} that a title line names, if any: one valid in the
     * period first, then one of another time (a commune merged away by a reform, whose letterhead
     * an office kept using), since names repeat across a reform.
     */
    private Optional<Unit> otherUnitNamed(Unit unit, List<String> titles, YearMonth period) {
        String own = VietnameseText.fold(unit.name());
        for (boolean valid : List.of(true, false)) {
            for (String line : titles) {
                String text = " " + line + " ";
                if (text.contains(" " + own + " ")) {
                    continue;
                }
                // the first unit in the catalog's order whose whole name is a run of the line's words
                Unit first = null;
                int firstIndex = Integer.MAX_VALUE;
                String[] words = line.isEmpty() ? new String[0] : line.split(" ");
                for (int from = 0; from < words.length; from++) {
                    StringBuilder run = new StringBuilder();
                    for (int to = from; to < words.length && to - from < localNames.longestName(); to++) {
                        run.append(to > from ? " " : "").append(words[to]);
                        for (NamedUnit candidate : localNames.named(run.toString())) {
                            if (candidate.index() < firstIndex && !candidate.name().equals(own)
                                    && candidate.unit().validOn(period.atEndOfMonth()) == valid) {
                                first = candidate.unit();
                                firstIndex = candidate.index();
                            }
                        }
                    }
                }
                if (first != null) {
                    return Optional.of(first);
                }
            }
        }
        return Optional.empty();
    }

    /** A commune's or town's folded name, with its place in the catalog. */
    private record NamedUnit(Unit unit, String name, int index) {
    }

    /**
     * The communes and towns by folded name, folded once: a title line is looked up by its runs of words
     * instead of being searched for every unit's name (thousands of units in a national catalog).
     */
    private record LocalNames(Map<String, List<NamedUnit>> byName, int longestName) {

        static LocalNames of(Catalog catalog) {
            Map<String, List<NamedUnit>> byName = new HashMap<>();
            int longest = 0;
            List<Unit> units = catalog.units();
            for (int i = 0; i < units.size(); i++) {
                Unit unit = units.get(i);
                if (!unit.kind().isLocalGovernment()) {
                    continue;
                }
                String name = VietnameseText.fold(unit.name());
                if (name.isEmpty()) {
                    continue;
                }
                byName.computeIfAbsent(name, any -> new ArrayList<>()).add(new NamedUnit(unit, name, i));
                longest = Math.max(longest, name.split(" ").length);
            }
            return new LocalNames(byName, longest);
        }

        List<NamedUnit> named(String run) {
            return byName.getOrDefault(run, List.of());
        }
    }

    /**
     * Why no unit answers to the folder's code in the period: whose the code was and until when, and
     * where that unit's reports go since.
     */
    private String noUnitInPeriod(List<Unit> folderUnits, YearMonth period) {
        String code = folderUnits.get(0).code();
        List<String> owners = new ArrayList<>(folderUnits.stream()
                .map(u -> words.get("feedback.identify.code-owner", u.name(), validity(u))).toList());
        Collections.reverse(owners);
        StringBuilder text = new StringBuilder(words.get("feedback.identify.code-not-in-period", code, show(period),
                String.join(", ", owners)));
        LocalDate day = period.atEndOfMonth();
        for (Unit old : folderUnits) {
            if (old.validTo() == null || !old.validTo().isBefore(day) || old.successors().isEmpty()) {
                continue;
            }
            List<String> successors = old.successors().stream()
                    .flatMap(s -> catalog.unitByKey(s.successorKey()).stream())
                    .map(u -> words.get("feedback.identify.successor", u.name(), u.code())).toList();
            text.append(' ').append(successors.size() > 1
                    ? words.get("feedback.identify.split-into", DAY.format(old.validTo().plusDays(1)), old.name(),
                            String.join(", ", successors), show(period))
                    : words.get("feedback.identify.merged-into", DAY.format(old.validTo().plusDays(1)), old.name(),
                            String.join(", ", successors), show(period)));
        }
        return text.append(' ').append(words.get("feedback.identify.if-old-figures")).toString();
    }

    /** "chỉ có hiệu lực đến 30/06/2025", "có hiệu lực từ 01/07/2025". */
    private String validity(Unit unit) {
        if (unit.validFrom() != null && unit.validTo() != null) {
            return words.get("feedback.identify.valid-between", DAY.format(unit.validFrom()), DAY.format(unit.validTo()));
        }
        if (unit.validTo() != null) {
            return words.get("feedback.identify.valid-until", DAY.format(unit.validTo()));
        }
        return unit.validFrom() == null ? words.get("feedback.identify.valid-now")
                : words.get("feedback.identify.valid-from", DAY.format(unit.validFrom()));
    }

    private static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
