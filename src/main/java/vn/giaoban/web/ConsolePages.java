package vn.giaoban.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.Rule;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.UnitKind;
import vn.giaoban.rules.RuleEngine;
import vn.giaoban.rules.RuleResult;
import vn.giaoban.text.Messages;
import vn.giaoban.text.VietnameseNumbers;
import vn.giaoban.timeliness.ReportCount;
import vn.giaoban.timeliness.ReportState;
import vn.giaoban.timeliness.StatusTable;
import vn.giaoban.timeliness.Timeliness;

/**
 * What each page shows, read in one read-only transaction at repeatable read: the database's multi-version
 * concurrency gives the page one committed state, so a night writing at the same time shows on the page
 * either wholly (its files, figures and rule results committed) or not at all, never half a month.
 */
@Service
public class ConsolePages {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    /** How many reports due one page lists, and how many rule results: a national month has tens of thousands. */
    static final int ROWS_PER_PAGE = 500;
    static final int ATTENTION_SHOWN = 200;

    /**
     * The month page.
     *
     * @param due            the reports of page {@code page} (from 1) of {@code pages}, under the filters
     * @param dueTotal       how many reports the filters let through, on every page
     * @param attention      the first {@link #ATTENTION_SHOWN} rule results that need someone, errors first
     * @param attentionTotal how many there are in all
     */
    public record Month(YearMonth period, List<YearMonth> periods, ReportCount count, List<Due> due, int dueTotal,
            int page, int pages, List<Attention> attention, int attentionTotal, String nightRunningSince) {
    }

    /** A report due and how it stands. */
    public record Due(String unitCode, String unitName, UnitKind kind, String kindLabel, String formCode, String formTitle,
            String deadline, String submitted, ReportState.State state, String stateText) {
    }

    /** A rule result that needs someone's attention. */
    public record Attention(boolean error, String unitCode, String unitName, String rule, String message, String lookedAt) {
    }

    /** A unit's page. */
    public record UnitPage(YearMonth period, Unit unit, List<SentFile> files, List<FigureRow> figures, List<Form> forms,
            String nightRunningSince) {
    }

    /** A file the unit sent, with its feedback as its outbox holds it. */
    public record SentFile(String fileName, String received, String formCode, Integer version, String outcome,
            String rejection, String feedback) {
    }

    /** A figure in force beside last year's and the target. */
    public record FigureRow(String indicator, String measure, String value, String lastYear, String target, String source) {
    }

    private final Catalog catalog;
    private final Timeliness timeliness;
    private final RuleEngine rules;
    private final ConsoleReads reads;
    private final Messages messages;

    public ConsolePages(Catalog catalog, Timeliness timeliness, RuleEngine rules, ConsoleReads reads, Messages messages) {
        this.catalog = catalog;
        this.timeliness = timeliness;
        this.rules = rules;
        this.reads = reads;
        this.messages = messages;
    }

    /** The period a person lands on: the latest the nights have read files for, else this month. */
    @Transactional(readOnly = true)
    public YearMonth latestPeriod() {
        return reads.periods().stream().findFirst().orElse(YearMonth.now());
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Month month(YearMonth period, Optional<ReportState.State> state, Optional<UnitKind> kind, int page) {
        List<ReportState> states = timeliness.of(period);
        List<ReportState> wanted = states.stream()
                .filter(s -> state.isEmpty() || s.state() == state.get())
                .filter(s -> kind.isEmpty() || s.report().unit().kind() == kind.get())
                .toList();
        int pages = Math.max(1, (wanted.size() + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE);
        int shown = Math.min(Math.max(page, 1), pages);
        List<Due> due = wanted.subList((shown - 1) * ROWS_PER_PAGE, Math.min(wanted.size(), shown * ROWS_PER_PAGE)).stream()
                .map(s -> new Due(s.report().unit().code(), s.report().unit().name(), s.report().unit().kind(),
                        kindLabel(s.report().unit().kind()), s.report().form().code(), s.report().form().title(),
                        DAY.format(s.report().deadline()), s.submitted() == null ? "" : DAY.format(s.submitted()), s.state(),
                        StatusTable.describe(messages, s)))
                .toList();
        List<RuleResult> needing = rules.results(period).stream().filter(r -> r.failed() || r.lacksOwnFigure()).toList();
        List<Attention> attention = needing.stream()
                .sorted(Comparator.comparing((RuleResult r) -> r.severity() != Rule.Severity.ERROR)
                        .thenComparing(r -> unitName(r.unitKey())))
                .map(r -> new Attention(r.failed() && r.severity() == Rule.Severity.ERROR,
                        catalog.unitByKey(r.unitKey()).map(Unit::code).orElse(r.unitKey()), unitName(r.unitKey()),
                        RuleEngine.title(catalog, r.ruleCode()), r.message(), r.lookedAt()))
                .limit(ATTENTION_SHOWN)
                .toList();
        return new Month(period, periods(period), ReportCount.of(states), due, wanted.size(), shown, pages, attention,
                needing.size(), nightRunning());
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<UnitPage> unit(String code, YearMonth period) {
        Optional<Unit> found = catalog.unit(code, period);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Unit unit = found.get();
        List<SentFile> files = reads.sent(code, period).stream()
                .map(sent -> new SentFile(sent.fileName(), TIME.format(sent.received()), sent.formCode(), sent.version(),
                        outcome(sent.status()), sent.rejection(), reads.feedback(sent).orElse(null)))
                .toList();
        List<ConsoleReads.Figure> figures = reads.figuresFrom(code, period);
        Map<String, ConsoleReads.Figure> lastYear = lastYear(figures, period);
        List<FigureRow> rows = new ArrayList<>();
        for (ConsoleReads.Figure figure : figures) {
            Indicator indicator = catalog.indicator(figure.indicator());
            ConsoleReads.Figure before = lastYear.get(figure.unitKey() + "|" + figure.indicator() + "|" + figure.measure());
            String subjectCode = catalog.unitByKey(figure.unitKey()).map(Unit::code).orElse(code);
            String target = catalog.targets(figure.indicator(), period.getYear(), subjectCode).stream().findFirst()
                    .map(t -> show(t.value(), indicator) + " (" + t.level().label() + ")").orElse("");
            rows.add(new FigureRow(indicator.name(), measureLabel(figure.measure()), show(figure, indicator),
                    before == null ? "" : show(before, indicator), target,
                    figure.fileName() + "!" + figure.sheet() + "!" + figure.cell()));
        }
        List<Form> forms = new ArrayList<>(catalog.formsSubmittableBy(unit));
        catalog.formsSentForOthersBy(unit).stream().filter(f -> !forms.contains(f)).forEach(forms::add);
        return Optional.of(new UnitPage(period, unit, files, rows, forms.stream().filter(f -> f.dueIn(period)).toList(),
                nightRunning()));
    }

    /** Last year's figures of the same units, by "unit|indicator|measure"; a reformed unit's are its predecessors' sum. */
    private Map<String, ConsoleReads.Figure> lastYear(List<ConsoleReads.Figure> figures, YearMonth period) {
        YearMonth before = period.minusYears(1);
        Map<String, Set<String>> sources = new LinkedHashMap<>();
        for (String key : figures.stream().map(ConsoleReads.Figure::unitKey).distinct().toList()) {
            Set<String> then = catalog.unitByKey(key)
                    .filter(u -> !u.validOn(before.atEndOfMonth()))
                    .map(u -> catalog.predecessors(u).keySet().stream().map(Unit::key).collect(Collectors.toSet()))
                    .filter(keys -> !keys.isEmpty())
                    .orElse(Set.of(key));
            sources.put(key, then);
        }
        List<ConsoleReads.Figure> found = reads.figuresOf(sources.values().stream().flatMap(Set::stream).toList(), before);
        Map<String, ConsoleReads.Figure> byKey = new LinkedHashMap<>();
        sources.forEach((key, then) -> found.stream().filter(f -> then.contains(f.unitKey()))
                .collect(Collectors.groupingBy(f -> f.indicator() + "|" + f.measure(), LinkedHashMap::new, Collectors.toList()))
                .forEach((what, parts) -> byKey.put(key + "|" + what, parts.size() == 1 ? parts.get(0)
                        : new ConsoleReads.Figure(key, parts.get(0).indicator(), parts.get(0).measure(),
                                parts.stream().map(ConsoleReads.Figure::number).filter(java.util.Objects::nonNull)
                                        .reduce(BigDecimal.ZERO, BigDecimal::add),
                                null, 0, "", "", "", null))));
        return byKey;
    }

    private List<YearMonth> periods(YearMonth shown) {
        List<YearMonth> periods = new ArrayList<>(reads.periods());
        if (!periods.contains(shown)) {
            periods.add(shown);
            periods.sort(Comparator.reverseOrder());
        }
        return periods;
    }

    private String nightRunning() {
        return reads.nightRunningSince().map(TIME::format).orElse(null);
    }

    private String unitName(String key) {
        return catalog.unitByKey(key).map(Unit::name).orElse(key);
    }

    static String show(ConsoleReads.Figure figure, Indicator indicator) {
        if (figure.number() == null) {
            return figure.text() == null ? "" : figure.text();
        }
        return show(figure.number(), indicator);
    }

    static String show(BigDecimal number, Indicator indicator) {
        return VietnameseNumbers.format(number, indicator.decimals(), indicator.minDigits());
    }

    static String kindLabel(UnitKind kind) {
        return switch (kind) {
            case PROVINCE -> "Tỉnh";
            case DISTRICT -> "Huyện";
            case TOWN -> "Thị trấn";
            case COMMUNE -> "Xã";
            case DEPARTMENT -> "Cơ quan, phòng ban";
        };
    }

    static String measureLabel(String measure) {
        return switch (measure) {
            case "MONTH" -> "Trong tháng";
            case "CUMULATIVE" -> "Lũy kế từ đầu năm";
            case "POINT" -> "Tại thời điểm";
            default -> measure;
        };
    }

    private static String outcome(String status) {
        return switch (status) {
            case "ACCEPTED" -> "Tiếp nhận";
            case "REJECTED" -> "Không tiếp nhận";
            case "DUPLICATE" -> "Trùng bản đã nhận";
            case "RECEIVED" -> "Đã nhận, đang đọc";
            default -> status;
        };
    }
}
