package vn.giaoban.catalog;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.giaoban.text.VietnameseText;

/**
 * The reporting catalog of one deployment: units, indicators, forms, targets and the column
 * headings people use. Loaded from data files and validated before any job runs.
 */
public final class Catalog {

    private final List<Unit> units;
    private final Map<String, Indicator> indicators = new LinkedHashMap<>();
    private final Map<String, Form> forms = new LinkedHashMap<>();
    private final List<Target> targets;
    private final List<Heading> headings;
    private final List<Meeting> meetings;
    private final List<Task> tasks;
    private final List<Rule> rules;
    private final Map<String, ListForm> listForms = new LinkedHashMap<>();
    private final List<Delegation> delegations;
    private final List<Office.Template> offices;
    private final List<NoticeItem> notice;
    /** Indexes of the units, each in the catalog's order: a national catalog has thousands of units. */
    private final Map<String, Unit> unitsByKey = new HashMap<>();
    private final Map<String, List<Unit>> unitsByCode = new HashMap<>();
    private final Map<String, List<Unit>> unitsByParentCode = new HashMap<>();

    public Catalog(List<Unit> units, List<Indicator> indicators, List<Form> forms, List<Target> targets,
            List<Heading> headings) {
        this(units, indicators, forms, targets, headings, List.of(), List.of());
    }

    public Catalog(List<Unit> units, List<Indicator> indicators, List<Form> forms, List<Target> targets,
            List<Heading> headings, List<Meeting> meetings, List<Task> tasks) {
        this(units, indicators, forms, targets, headings, meetings, tasks, List.of(), List.of());
    }

    public Catalog(List<Unit> units, List<Indicator> indicators, List<Form> forms, List<Target> targets,
            List<Heading> headings, List<Meeting> meetings, List<Task> tasks, List<Rule> rules,
            List<ListForm> listForms) {
        this(units, indicators, forms, targets, headings, meetings, tasks, rules, listForms, List.of());
    }

    public Catalog(List<Unit> units, List<Indicator> indicators, List<Form> forms, List<Target> targets,
            List<Heading> headings, List<Meeting> meetings, List<Task> tasks, List<Rule> rules,
            List<ListForm> listForms, List<Delegation> delegations) {
        this(units, indicators, forms, targets, headings, meetings, tasks, rules, listForms, delegations, List.of());
    }

    public Catalog(List<Unit> units, List<Indicator> indicators, List<Form> forms, List<Target> targets,
            List<Heading> headings, List<Meeting> meetings, List<Task> tasks, List<Rule> rules,
            List<ListForm> listForms, List<Delegation> delegations, List<Office.Template> offices) {
        this(units, indicators, forms, targets, headings, meetings, tasks, rules, listForms, delegations, offices,
                List.of());
    }

    public Catalog(List<Unit> units, List<Indicator> indicators, List<Form> forms, List<Target> targets,
            List<Heading> headings, List<Meeting> meetings, List<Task> tasks, List<Rule> rules,
            List<ListForm> listForms, List<Delegation> delegations, List<Office.Template> offices,
            List<NoticeItem> notice) {
        this.delegations = List.copyOf(delegations);
        this.offices = List.copyOf(offices);
        this.notice = List.copyOf(notice);
        this.rules = List.copyOf(rules);
        listForms.forEach(list -> this.listForms.put(list.formCode(), list));
        this.meetings = List.copyOf(meetings);
        this.tasks = List.copyOf(tasks);
        this.units = List.copyOf(units);
        for (Unit unit : this.units) {
            unitsByKey.putIfAbsent(unit.key(), unit);
            unitsByCode.computeIfAbsent(unit.code(), any -> new ArrayList<>()).add(unit);
            if (unit.parentCode() != null) {
                unitsByParentCode.computeIfAbsent(unit.parentCode(), any -> new ArrayList<>()).add(unit);
            }
        }
        indicators.forEach(indicator -> this.indicators.put(indicator.code(), indicator));
        forms.forEach(form -> this.forms.put(form.code(), form));
        this.targets = List.copyOf(targets);
        this.headings = List.copyOf(headings);
    }

    public List<Unit> units() {
        return units;
    }

    public List<Indicator> indicators() {
        return List.copyOf(indicators.values());
    }

    public List<Form> forms() {
        return List.copyOf(forms.values());
    }

    public List<Target> targets() {
        return targets;
    }

    public List<Heading> headings() {
        return headings;
    }

    /** The unit a code names on a day: codes are reused, so the day decides. */
    public Optional<Unit> unit(String code, LocalDate on) {
        return unitsByCode.getOrDefault(code, List.of()).stream().filter(u -> u.validOn(on)).findFirst();
    }

    /** The unit a code names during a period (its last day, so a reform on the 1st belongs to the new month). */
    public Optional<Unit> unit(String code, YearMonth period) {
        return unit(code, period.atEndOfMonth());
    }

    public Optional<Unit> unitByKey(String key) {
        return Optional.ofNullable(unitsByKey.get(key));
    }

    /** Every unit that has ever carried this code, newest first. */
    public List<Unit> unitsWithCode(String code) {
        return unitsByCode.getOrDefault(code, List.of()).stream()
                .sorted(Comparator.comparing(Unit::validFrom, Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
                .toList();
    }

    /** The units that {@code unit} took over, each with what it took of them (the reverse of successors). */
    public Map<Unit, Succession> predecessors(Unit unit) {
        Map<Unit, Succession> predecessors = new LinkedHashMap<>();
        for (Unit candidate : units) {
            candidate.successors().stream().filter(s -> s.successorKey().equals(unit.key())).findFirst()
                    .ifPresent(s -> predecessors.put(candidate, s));
        }
        return predecessors;
    }

    public Optional<Unit> parent(Unit unit) {
        if (unit.parentCode() == null) {
            return Optional.empty();
        }
        LocalDate on = unit.validTo() != null ? unit.validTo() : unit.validFrom() != null ? unit.validFrom() : LocalDate.now();
        return unit(unit.parentCode(), on);
    }

    /** The units directly under {@code parent} that were valid during the period. */
    public List<Unit> children(Unit parent, YearMonth period) {
        LocalDate day = period.atEndOfMonth();
        List<Unit> children = new ArrayList<>();
        for (Unit unit : unitsByParentCode.getOrDefault(parent.code(), List.of())) {
            if (unit.validOn(day) && parent.validOn(day)) {
                children.add(unit);
            }
        }
        return children;
    }

    public Indicator indicator(String code) {
        Indicator indicator = indicators.get(code);
        if (indicator == null) {
            throw new IllegalArgumentException("Unknown indicator " + code);
        }
        return indicator;
    }

    public Optional<Form> form(String code) {
        return Optional.ofNullable(forms.get(code));
    }

    public List<Form> formsSubmittableBy(Unit unit) {
        return forms.values().stream().filter(form -> form.submittableBy(unit)).toList();
    }

    public List<Delegation> delegations() {
        return delegations;
    }

    /** The delegation under which {@code sender} sends {@code form} for {@code subject}, if it may. */
    public Optional<Delegation> delegation(Unit sender, Form form, Unit subject) {
        return delegations.stream().filter(delegation -> delegation.covers(sender, form, subject)).findFirst();
    }

    /** The forms {@code sender} sends for other units, in the catalog's order. */
    public List<Form> formsSentForOthersBy(Unit sender) {
        return forms.values().stream().filter(form -> delegations.stream().anyMatch(
                delegation -> delegation.senderCode().equals(sender.code()) && delegation.formCode().equals(form.code())))
                .toList();
    }

    /**
     * Who may send {@code form} about {@code subject} in {@code period}: the subject itself when the form is its own
     * to send, then every unit delegated to send it for the subject, valid that month.
     */
    public List<Unit> sendersFor(Form form, Unit subject, YearMonth period) {
        List<Unit> senders = new ArrayList<>();
        if (form.submittableBy(subject)) {
            senders.add(subject);
        }
        for (Delegation delegation : delegations) {
            unit(delegation.senderCode(), period).filter(sender -> delegation.covers(sender, form, subject))
                    .filter(sender -> !senders.contains(sender)).ifPresent(senders::add);
        }
        return senders;
    }

    /** The form that carries an indicator (the catalog allows one). */
    public Optional<Form> formOf(String indicatorCode) {
        return forms.values().stream().filter(form -> form.indicatorCodes().contains(indicatorCode)).findFirst();
    }

    public List<Target> targets(String indicatorCode, int year, String unitCode) {
        return targets.stream()
                .filter(t -> t.indicator().equals(indicatorCode) && t.year() == year && t.unitCode().equals(unitCode))
                .sorted(Comparator.comparing(Target::level))
                .toList();
    }

    /** The lines of {@code briefing.csv}: what the notices say and show, in their order. */
    public List<NoticeItem> notice() {
        return notice;
    }

    /**
     * Every office that issues a notice for {@code period}: each unit valid that month that a line of
     * {@code offices.csv} covers, in the order of {@code units.csv} (the province before its communes). A line that
     * names a unit's code wins over a line for its kind.
     */
    public List<Office> offices(YearMonth period) {
        List<Office> found = new ArrayList<>();
        LocalDate day = period.atEndOfMonth();
        for (Unit unit : units) {
            if (unit.validOn(day)) {
                office(unit).ifPresent(found::add);
            }
        }
        return found;
    }

    /** The office of the unit carrying {@code code} in {@code period}, when {@code offices.csv} covers it. */
    public Optional<Office> office(String code, YearMonth period) {
        return unit(code, period).flatMap(this::office);
    }

    private Optional<Office> office(Unit unit) {
        Optional<Office.Template> template = offices.stream().filter(t -> t.kind() == null && t.covers(unit)).findFirst()
                .or(() -> offices.stream().filter(t -> t.kind() != null && t.covers(unit)).findFirst());
        return template.map(t -> t.of(unit, parent(unit).orElse(null)));
    }

    /** The briefing meeting an office held about a period, if it recorded it. */
    public Optional<Meeting> meeting(String office, YearMonth period) {
        return meetings.stream().filter(m -> m.office().equals(office) && m.period().equals(period)).findFirst();
    }

    /** The tasks an office's briefing of a period assigns, in the office's order. */
    public List<Task> tasks(String office, YearMonth period) {
        return tasks.stream().filter(t -> t.office().equals(office) && t.period().equals(period)).toList();
    }

    /** The checks between figures, in the catalog's order. */
    public List<Rule> rules() {
        return rules;
    }

    /** The rows-and-columns definition of a form whose rows are records; empty for an aggregate form. */
    public Optional<ListForm> listForm(String formCode) {
        return Optional.ofNullable(listForms.get(formCode));
    }

    public List<ListForm> listForms() {
        return List.copyOf(listForms.values());
    }

    /** Folded names by which people write an indicator: its code, its name and its aliases. */
    public static List<String> foldedNames(Indicator indicator) {
        List<String> names = new ArrayList<>();
        names.add(VietnameseText.fold(indicator.code()));
        names.add(VietnameseText.fold(indicator.name()));
        indicator.aliases().forEach(alias -> names.add(VietnameseText.fold(alias)));
        return names;
    }
}
