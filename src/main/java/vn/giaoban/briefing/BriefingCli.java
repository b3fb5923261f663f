package vn.giaoban.briefing;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
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
import vn.giaoban.briefing.internal.PeriodReads;
import vn.giaoban.catalog.Office;
import vn.giaoban.delivery.BriefingDelivery;
import vn.giaoban.text.Messages;

/**
 * {@code giaoban briefing --period yyyy-MM [--office CODE] [--date yyyy-MM-dd]}: writes a period's briefings
 * (every office's, or one office's) again from
 * the database alone (no scan, no reading of files) and e-mails each to its office as a night would (and the
 * bundles of the offices that ask for one). An office whose notice cannot be written is named; the others are
 * still written.
 *
 * <p>The e-mailing is why briefing depends on delivery: delivery is a leaf (files and a content key in,
 * mail out; it knows nothing of a briefing), so the arrow makes no cycle, and the command reads as what
 * it does, write then send, rather than through a hook that {@code system} would have to fill in.
 */
@Command(name = "briefing", sortOptions = false, sortSynopsis = false)
public final class BriefingCli implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(BriefingCli.class);

    private final Console console;

    @Option(names = "--period", required = true, paramLabel = "yyyy-MM", converter = Values.Period.class)
    YearMonth period;

    @Option(names = "--date", paramLabel = "yyyy-MM-dd", converter = Values.Date.class)
    LocalDate date;

    @Option(names = "--office", paramLabel = "CODE")
    String officeCode;

    @Mixin
    HelpOption help;

    public BriefingCli(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        PrintStream out = console.out();
        LocalDate on = date != null ? date : LocalDate.now();
        return console.withApplication(context -> {
            BriefingPublisher publisher = context.getBean(BriefingPublisher.class);
            Optional<String> problem = publisher.officeProblem(period)
                    .or(() -> context.getBean(OfficeMailing.class).problem(period));
            if (problem.isPresent()) {
                out.println(problem.get());
                return ExitStatus.CONFIGURATION_ERROR;
            }
            Messages messages = context.getBean(Messages.class);
            List<Office> offices;
            if (officeCode != null) {
                Optional<Office> one = publisher.office(officeCode, period);
                if (one.isEmpty()) {
                    out.println(messages.get("cli.briefing-office-unknown", officeCode,
                            period.getMonthValue() + "/" + period.getYear()));
                    return ExitStatus.CONFIGURATION_ERROR;
                }
                offices = List.of(one.get());
            } else {
                offices = publisher.offices(period);
            }
            OfficeMailing mailing = context.getBean(OfficeMailing.class);
            // the period's figures read once for all the offices, as a night's partition reads them
            boolean failed = PeriodReads.sharedWhile(() -> writeAll(offices, publisher, mailing, messages, on, out));
            mailing.queueBundles(period);
            context.getBean(BriefingDelivery.class).deliverPending().lines(messages).forEach(out::println);
            if (failed) {
                out.println(messages.get("cli.briefing-failed", period));
                return ExitStatus.FAILED;
            }
            return ExitStatus.COMPLETED;
        });
    }

    /** Writes each office's notice and queues its e-mail; one office's failure is its own. Whether any failed. */
    private boolean writeAll(List<Office> offices, BriefingPublisher publisher, OfficeMailing mailing,
            Messages messages, LocalDate on, PrintStream out) {
        boolean failed = false;
        for (Office office : offices) {
            try {
                BriefingPublisher.Published published = publisher.publish(period, on, office);
                out.println("briefing: " + published.pdf().toAbsolutePath());
                out.println("docx: " + published.docx().toAbsolutePath());
                out.println("annex: " + published.annex().toAbsolutePath());
                mailing.queue(period, office, published);
            } catch (RuntimeException e) {
                // one office's failure is its own: the others' notices are still written and mailed
                log.error("Could not write the briefing of office {} for {}", office.code(), period, e);
                out.println(messages.get("cli.briefing.office-failed", office.unit().name(), office.code(),
                        e.getMessage()));
                failed = true;
            }
        }
        return failed;
    }
}
