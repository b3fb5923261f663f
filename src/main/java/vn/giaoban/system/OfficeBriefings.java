package vn.giaoban.system;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import vn.giaoban.briefing.BriefingPublisher;
import vn.giaoban.briefing.OfficeMailing;
import vn.giaoban.catalog.Office;
import vn.giaoban.text.Messages;

/**
 * One partition of the briefing step: writes the notice of each office its context names, one office per
 * transaction, and queues its e-mail as soon as its files are written. The offices written are kept in the
 * partition's context ({@link #DONE}), committed with each office, so a restarted partition writes only those it
 * has not. An office that fails is named and skipped; the partition writes the others, then fails naming every
 * office it could not write, so the night fails and its restart writes those again. Step-scoped: one instance per
 * partition's execution, which remembers the offices that failed in it.
 */
class OfficeBriefings implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(OfficeBriefings.class);

    /** The codes of the offices whose notice the partition has written, separated by ','. */
    static final String DONE = "done";

    private final BriefingPublisher publisher;
    private final OfficeMailing mailing;
    private final Messages messages;
    private final List<String> failed = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();
    private RuntimeException firstFailure;

    OfficeBriefings(BriefingPublisher publisher, OfficeMailing mailing, Messages messages) {
        this.publisher = publisher;
        this.mailing = mailing;
        this.messages = messages;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ExecutionContext context = contribution.getStepExecution().getExecutionContext();
        List<String> done = new ArrayList<>(codes(context.getString(DONE, "")));
        Optional<String> next = BriefingPartitioner.offices(context).stream()
                .filter(code -> !done.contains(code) && !failed.contains(code)).findFirst();
        if (next.isEmpty()) {
            if (failed.isEmpty()) {
                return RepeatStatus.FINISHED;
            }
            throw new OfficesNotWritten(String.join("; ", reasons), firstFailure);
        }
        JobParameters parameters = contribution.getStepExecution().getJobParameters();
        YearMonth period = YearMonth.parse(parameters.getString(NightlyJobConfiguration.PERIOD));
        LocalDate night = parameters.getLocalDate(NightlyJobConfiguration.NIGHT);
        String code = next.get();
        Optional<Office> office = publisher.office(code, period);
        try {
            Office writing = office.orElseThrow(() -> new IllegalStateException(
                    "office " + code + " is not in the catalog's offices.csv for " + period));
            BriefingPublisher.Published published = publisher.publish(period, night, writing);
            mailing.queue(period, writing, published);
            done.add(code);
            context.putString(DONE, String.join(",", done));
            contribution.incrementWriteCount(1);
        } catch (RuntimeException e) {
            // this office's alone: the partition goes on with its other offices, and fails at its end
            log.error("The briefing of office {} for {} could not be written", code, period, e);
            failed.add(code);
            reasons.add(messages.get("cli.briefing.office-failed", office.map(o -> o.unit().name()).orElse(code), code,
                    reason(e)));
            firstFailure = firstFailure == null ? e : firstFailure;
        }
        return RepeatStatus.CONTINUABLE;
    }

    /** The innermost message: what a person can act on. */
    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null || root.getMessage().isBlank() ? root.getClass().getSimpleName()
                : root.getMessage().strip();
    }

    private static List<String> codes(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    /**
     * The offices of a partition whose notice could not be written, in the operator's words; the first failure as
     * its cause (a full disk is then told as the storage problem it is).
     */
    static final class OfficesNotWritten extends RuntimeException {

        OfficesNotWritten(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
