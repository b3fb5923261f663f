package vn.giaoban.submission;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.stereotype.Component;

import vn.giaoban.files.FileNames;
import vn.giaoban.files.OutputFile;
import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.Measure;
import vn.giaoban.catalog.Rule;
import vn.giaoban.rules.RuleEngine;
import vn.giaoban.rules.RuleResult;
import vn.giaoban.submission.internal.FeedbackText;
import vn.giaoban.text.Messages;
import vn.giaoban.submission.internal.SubmissionRepository;
import vn.giaoban.text.VietnameseNumbers;

/**
 * Answers every submission that was read and files its original away: accepted and duplicate
 * files to {@code archive/<period>/<unit>/}, rejected ones to {@code rejected/<period>/<unit>/},
 * never over another file (versions stand side by side), the feedback in {@code outbox/<unit>/}.
 * Safe to repeat: a file already moved is found again by its content.
 */
@Component
public class SubmissionFiling {

    private static final Logger log = LoggerFactory.getLogger(SubmissionFiling.class);
    private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
    /** The folder of a rejected file whose period could not be told. */
    static final String UNKNOWN_PERIOD = "khong-ro-ky";

    private final SubmissionRepository submissions;
    private final InboxProperties inbox;
    private final FilingProperties filing;
    private final FeedbackText feedback;
    private final Clock clock;
    private final Catalog catalog;
        private final RuleEngine rules;
    private final Messages messages;

    public SubmissionFiling(SubmissionRepository submissions, InboxProperties inbox, FilingProperties filing,
            Catalog catalog, Clock clock, RuleEngine rules, Messages messages) {
        this.catalog = catalog;
        this.rules = rules;
        this.submissions = submissions;
        this.inbox = inbox;
        this.filing = filing;
                this.messages = messages;
        this.feedback = new FeedbackText(catalog, clock.getZone(), messages);
        this.clock = clock;
    }

    /** Submissions listed per query. */
    private static final int PAGE = 500;

    /** A new reader for each step execution, asking the database for the next submissions to file. */
    public ItemReader<FiledSubmission> unfiled() {
        return new ItemReader<>() {
            private long lastId = Long.MIN_VALUE;
            private Iterator<FiledSubmission> page = Collections.emptyIterator();

            @Override
            public FiledSubmission read() {
                if (!page.hasNext()) {
                    page = submissions.unfiledAfter(lastId, PAGE).iterator();
                }
                if (!page.hasNext()) {
                    return null;
                }
                FiledSubmission next = page.next();
                lastId = next.id();
                return next;
            }
        };
    }

    /**
     * Files each submission of a chunk. The rule results of a period are read once per step execution (the
     * consolidation before this step fixed them), not once per submission: with thousands of units, reading
     * them for every file made this step quadratic.
     */
    public ItemStreamWriter<FiledSubmission> filing() {
        return new ItemStreamWriter<>() {
            private final Map<YearMonth, Map<String, List<RuleResult>>> results = new HashMap<>();

            @Override
            public void open(ExecutionContext context) {
                results.clear();
            }

            @Override
            public void close() {
                results.clear();
            }

            @Override
            public void write(Chunk<? extends FiledSubmission> chunk) {
                for (FiledSubmission submission : chunk) {
                    file(submission, submission.period() == null ? Map.of()
                            : results.computeIfAbsent(submission.period(), SubmissionFiling.this::resultsByUnit));
                }
            }
        };
    }

    /** A period's rule results that are not passes, by each unit answerable for them, in their stored order. */
    private Map<String, List<RuleResult>> resultsByUnit(YearMonth period) {
        Map<String, List<RuleResult>> byUnit = new HashMap<>();
        for (RuleResult result : rules.results(period)) {
            if (result.outcome() != RuleResult.Outcome.PASSED) {
                for (String unit : new LinkedHashSet<>(result.responsible())) {
                    byUnit.computeIfAbsent(unit, any -> new ArrayList<>()).add(result);
                }
            }
        }
        return byUnit;
    }

    private void file(FiledSubmission submission, Map<String, List<RuleResult>> results) {
        Path base = submission.status() == SubmissionStatus.REJECTED ? filing.rejectedDir() : filing.archiveDir();
        Path folder = base.resolve(submission.period() == null ? UNKNOWN_PERIOD : submission.period().toString())
                .resolve(submission.folder());
        Optional<Path> filed = move(submission, folder);
        String name = filed.map(p -> p.getFileName().toString()).orElse(submission.originalName());
        Path answer = filing.outboxDir().resolve(submission.folder()).resolve(FileNames.fit(name, ".phan-hoi.txt"));
        String filedAs = filed.map(p -> relativeToWork(p)).orElse(null);
        // what the file gave, read once: listed for the unit and compared with its previous figures
        List<StagedValue> values = submission.status() == SubmissionStatus.ACCEPTED ? submissions.values(submission.id())
                : List.of();
        List<Finding> told = findings(submission, values, results);
        writeAtomically(answer, feedback.write(submission, taken(submission, values), told, filedAs));
        submissions.markFiled(submission.id(), filedAs, relativeToWork(answer), clock.instant(), told.size());
        log.info("{} {} filed as {}, feedback {}", submission.relativePath(), submission.status(), filedAs, answer);
    }

    /**
     * What the unit reads about its file: the findings of reading it, the values its previous
     * version gave that this one leaves empty (removed), and the discrepancies the catalog's rules
     * found in the period's figures that this unit can fix.
     */
    private List<Finding> findings(FiledSubmission submission, List<StagedValue> values,
            Map<String, List<RuleResult>> results) {
        List<Finding> findings = new ArrayList<>(submissions.findings(submission.id()));
        for (SubmissionRepository.RemovedValue removed : submissions.removedSincePreviousVersion(submission)) {
            String name = catalog.indicators().stream().filter(i -> i.code().equals(removed.indicatorCode()))
                    .map(Indicator::name).findFirst().orElse(removed.indicatorCode());
            // a cell that could not be read is told by its own finding; a figure another form still gives was not removed
            boolean unreadable = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR
                    && f.message().contains("\"" + name + "\""));
            if (unreadable || submissions.stillConsolidated(submission, removed)) {
                continue;
            }
            String was = removed.number() != null ? VietnameseNumbers.format(removed.number(),
                    Math.max(0, removed.number().stripTrailingZeros().scale())) : removed.text();
            findings.add(Finding.file(Severity.INFO, "VALUE_REMOVED", messages.get("feedback.filing.value-removed",
                    name, measureName(removed.measure()), removed.previousVersion(), was)));
        }
        if (submission.status() == SubmissionStatus.ACCEPTED && submission.period() != null) {
            findings.addAll(whichVersionCounts(submission));
            findings.addAll(implausibleJumps(submission, values));
            for (RuleResult result : results.getOrDefault(submission.unitKey(), List.of())) {
                if (concerns(result, submission)) {
                    Severity severity = result.outcome() == RuleResult.Outcome.NOT_EVALUATED ? Severity.INFO
                            : result.severity() == Rule.Severity.ERROR ? Severity.ERROR : Severity.WARNING;
                    String message = result.message();
                    findings.add(Finding.file(severity, "RULE_" + result.ruleCode(),
                            message.endsWith(".") ? Character.toUpperCase(message.charAt(0)) + message.substring(1)
                                    : messages.get("feedback.filing.rule-check-again",
                                            Character.toUpperCase(message.charAt(0)) + message.substring(1))));
                }
            }
        }
        return findings;
    }

    /**
     * Which version of a unit's report the figures are, told in each version when that is not plain: several
     * arrived on one night, or the report came from two senders (the unit and another sending for it, a
     * delegation), where the catalog's authoritative party counts whatever arrived last.
     */
    private List<Finding> whichVersionCounts(FiledSubmission submission) {
        List<SubmissionRepository.Version> versions = submissions.versions(submission);
        Optional<SubmissionRepository.Version> self = versions.stream().filter(v -> v.id() == submission.id()).findFirst();
        Optional<SubmissionRepository.Version> current = versions.stream().filter(SubmissionRepository.Version::current)
                .findFirst();
        if (self.isEmpty() || current.isEmpty()) {
            return List.of();
        }
        List<Finding> told = new ArrayList<>();
        String folder = self.get().folder();
        List<String> otherSenders = versions.stream().map(SubmissionRepository.Version::folder)
                .filter(other -> !other.equals(folder)).distinct().map(other -> sender(other, submission.period())).toList();
        long tonight = versions.stream()
                .filter(v -> v.folder().equals(folder) && v.night().equals(self.get().night())).count();
        if (!current.get().folder().equals(folder)) {
            told.add(Finding.file(Severity.WARNING, "OTHER_SENDER_CURRENT", messages.get("feedback.filing.other-sender-current",
                    sender(current.get().folder(), submission.period()), current.get().originalName())));
        } else if (tonight > 1) {
            told.add(Finding.file(Severity.INFO, "SEVERAL_TONIGHT", self.get().current()
                    ? messages.get("feedback.filing.several-tonight-current", tonight)
                    : messages.get("feedback.filing.several-tonight-replaced", tonight, current.get().originalName(),
                            current.get().version())));
        }
        if (self.get().current() && !otherSenders.isEmpty()) {
            told.add(Finding.file(Severity.INFO, "OTHER_SENDER_KEPT", messages.get("feedback.filing.other-sender-kept",
                    String.join(", ", otherSenders))));
        }
        return told;
    }

    /**
     * A figure ten times (or a tenth of) what the unit's previous version of the same report said, or what it
     * reported for the same month last year, and at least {@link #JUMP_AT_LEAST} apart: an extra or a missing digit,
     * a value typed in the wrong row. Told with the cell; the figure is taken (it may be right), the unit checks it.
     */
    List<Finding> implausibleJumps(FiledSubmission submission, List<StagedValue> values) {
        List<StagedValue> numbers = values.stream().filter(v -> v.number() != null).toList();
        if (numbers.isEmpty()) {
            return List.of();
        }
        Map<String, BigDecimal> previous = submission.version() != null && submission.version() > 1
                ? submissions.previousVersionNumbers(submission) : Map.of();
        YearMonth lastYear = submission.period().minusYears(1);
        Map<String, BigDecimal> sameMonthLastYear = submissions.consolidatedNumbers(submission.unitKey(), lastYear);
        List<Finding> jumps = new ArrayList<>();
        for (StagedValue value : numbers) {
            String key = value.indicatorCode() + "|" + value.measure().name();
            String name = indicatorName(value.indicatorCode());
            String measure = measureName(value.measure().name());
            if (implausible(value.number(), previous.get(key))) {
                jumps.add(new Finding(Severity.WARNING, "IMPLAUSIBLE_JUMP", value.sheet(), value.cell(), null,
                        messages.get("feedback.filing.jump-version", name, measure, shown(value),
                                submission.version() - 1, number(previous.get(key)))));
            } else if (implausible(value.number(), sameMonthLastYear.get(key))) {
                jumps.add(new Finding(Severity.WARNING, "IMPLAUSIBLE_JUMP", value.sheet(), value.cell(), null,
                        messages.get("feedback.filing.jump-last-year", name, measure, shown(value), lastYear.getYear(),
                                number(sameMonthLastYear.get(key)))));
            }
        }
        return jumps;
    }

    /** How many times larger (or smaller) a figure is than the one it is compared with before it is told. */
    static final BigDecimal JUMP_FACTOR = BigDecimal.TEN;
    /** The least difference told: 3 petitions after 0 or 30 after 3 is a month, not a typing slip. */
    static final BigDecimal JUMP_AT_LEAST = BigDecimal.valueOf(50);

    static boolean implausible(BigDecimal now, BigDecimal before) {
        if (before == null || before.signum() <= 0 || now.signum() < 0
                || now.subtract(before).abs().compareTo(JUMP_AT_LEAST) < 0) {
            return false;
        }
        return now.compareTo(before.multiply(JUMP_FACTOR)) >= 0 || now.multiply(JUMP_FACTOR).compareTo(before) <= 0;
    }

    private static String number(BigDecimal value) {
        return VietnameseNumbers.format(value, Math.max(0, value.stripTrailingZeros().scale()));
    }

    /** The name of the unit whose folder a version came from, as it stood in the period. */
    private String sender(String folder, YearMonth period) {
        return catalog.unit(folder, period).map(unit -> unit.name()).orElse(folder);
    }

    /**
     * A rule result goes to a submission's feedback when its unit can fix it: a failure, or a rule
     * over its own form that could not be evaluated for lack of one of this period's figures of its
     * own (not for lack of history, which it cannot supply).
     */
    private boolean concerns(RuleResult result, FiledSubmission submission) {
        if (result.outcome() == RuleResult.Outcome.PASSED || !result.responsible().contains(submission.unitKey())) {
            return false;
        }
        Optional<Rule> rule = catalog.rules().stream().filter(r -> r.code().equals(result.ruleCode())).findFirst();
        boolean ownForm = rule.map(r -> r.appliesTo().kind() == Rule.Scope.Kind.FORM
                && r.appliesTo().values().contains(submission.formCode())).orElse(false);
        return result.failed() ? rule.isPresent() : ownForm && result.lacksOwnFigure();
    }

    String measureName(String measure) {
        return switch (measure) {
            case "MONTH" -> messages.get("feedback.filing.measure.month");
            case "CUMULATIVE" -> messages.get("feedback.filing.measure.cumulative");
            default -> messages.get("feedback.filing.measure.other");
        };
    }

    /** What the figures took from an accepted file, in its form's order, as the unit wrote it. */
    List<FeedbackText.TakenValue> taken(FiledSubmission submission, List<StagedValue> values) {
        // the form's order of its rows; a list form's figures (no rows of their own) in the catalog's order
        List<String> order = new ArrayList<>(catalog.form(submission.formCode()).map(form -> form.indicatorCodes())
                .orElse(List.of()));
        catalog.indicators().forEach(indicator -> order.add(indicator.code()));
        return values.stream()
                .sorted(Comparator.comparingInt((StagedValue v) -> order.indexOf(v.indicatorCode()))
                        .thenComparing(v -> v.measure().ordinal()))
                .map(v -> new FeedbackText.TakenValue(indicatorName(v.indicatorCode()),
                        v.measure() == Measure.POINT ? null : measureName(v.measure().name()), shown(v), v.sheet(), v.cell()))
                .toList();
    }

    /** A value's indicator as people read it (the catalog knows every code a value can carry). */
    String indicatorName(String code) {
        return catalog.indicator(code).name();
    }

    /** A number as the office writes it (1.234,5), a status as the form's choice (Đạt), a long text cut. */
    String shown(StagedValue value) {
        if (value.number() != null) {
            return VietnameseNumbers.format(value.number(), Math.max(0, value.number().stripTrailingZeros().scale()));
        }
        String text = value.text() == null ? "" : value.text();
        return switch (text) {
            case "DAT" -> messages.get("feedback.filing.status.done");
            case "CHUA_DAT" -> messages.get("feedback.filing.status.not-done");
            default -> text.length() <= 80 ? text : text.substring(0, 79) + "…";
        };
    }

    /** Moves the original beside earlier versions, never over them; finds it again if a killed run moved it. */
    private Optional<Path> move(FiledSubmission submission, Path folder) {
        Path source = inbox.dir().resolve(submission.relativePath());
        try {
            Files.createDirectories(folder);
            String name = submission.originalName();
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            String extension = dot > 0 ? name.substring(dot) : "";
            for (int copy = 1;; copy++) {
                Path target = folder.resolve(copy == 1 ? name : FileNames.fit(stem, " (" + copy + ")" + extension));
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    if (InboxScanner.sha256(target).equals(submission.contentHash())
                            && !Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                        return Optional.of(target);
                    }
                    continue;
                }
                if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                    log.warn("{} is no longer in the inbox: nothing to file", source);
                    return Optional.empty();
                }
                try {
                    Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(source, target);
                }
                return Optional.of(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UTF-8 with a BOM, so Notepad and Excel on an old Windows PC show the Vietnamese letters. */
    private static void writeAtomically(Path file, String text) {
        try {
            OutputFile.write(file, out -> {
                out.write(UTF8_BOM);
                out.write(text.getBytes(StandardCharsets.UTF_8));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String relativeToWork(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path work = filing.root().toAbsolutePath().normalize();
        return absolute.startsWith(work) ? work.relativize(absolute).toString().replace('\\', '/')
                : absolute.toString();
    }
}
