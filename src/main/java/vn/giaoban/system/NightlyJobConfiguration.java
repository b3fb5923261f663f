package vn.giaoban.system;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import vn.giaoban.briefing.BriefingPublisher;
import vn.giaoban.briefing.OfficeMailing;
import vn.giaoban.catalog.CatalogSynchronizer;
import vn.giaoban.catalog.Office;
import vn.giaoban.consolidation.Consolidator;
import vn.giaoban.delivery.BriefingDelivery;
import vn.giaoban.delivery.DeliverySummary;
import vn.giaoban.remote.RemotePartitions;
import vn.giaoban.submission.IngestPartitioner;
import vn.giaoban.submission.IngestProperties;
import vn.giaoban.submission.InboxScanner;
import vn.giaoban.submission.ReceivedFile;
import vn.giaoban.submission.SubmissionFiling;
import vn.giaoban.submission.SubmissionIngest;
import vn.giaoban.submission.FiledSubmission;
import vn.giaoban.text.Messages;

/**
 * The nightly job: catalog → scan → ingest → consolidate (with the rules) → feedback → briefing → delivery →
 * housekeeping. Feedback comes after the rules so that it can tell each unit the discrepancies it can fix. One instance per period and
 * night ({@link #PERIOD}, {@link #NIGHT}); a failed night is restarted with the same two, and
 * every step is safe to run again.
 */
@Configuration(proxyBeanMethods = false)
public class NightlyJobConfiguration {

    /** The job's name is stored in the job repository: renaming it splits its history. */
    public static final String JOB_NAME = "nightly";
    public static final String PERIOD = "period";
    public static final String NIGHT = "night";
    /** Where the briefing step leaves the PDF's path for the command line to print. */
    public static final String BRIEFING_PDF = "briefing.pdf";
    public static final String BRIEFING_DOCX = "briefing.docx";
    public static final String BRIEFING_ANNEX = "briefing.annex";
    public static final String DELIVERY_SUMMARY = "delivery.summary";
    public static final String DELIVERY_FAILED = "delivery.failed";
    private static final StepProgress PROGRESS = new StepProgress();

    @Bean
    Step catalogStep(JobRepository jobRepository, PlatformTransactionManager tx, CatalogSynchronizer synchronizer) {
        return new StepBuilder("catalog", jobRepository).tasklet((contribution, context) -> {
            synchronizer.synchronize();
            return RepeatStatus.FINISHED;
        }, tx).allowStartIfComplete(true).listener(PROGRESS).build();
    }

    @Bean
    Step scanStep(JobRepository jobRepository, PlatformTransactionManager tx, InboxScanner scanner) {
        return new StepBuilder("scan", jobRepository).tasklet((contribution, context) -> {
            InboxScanner.Summary summary = scanner.scan(night(contribution));
            var scanned = contribution.getStepExecution().getExecutionContext();
            scanned.putInt("received", summary.received());
            scanned.putInt("duplicates", summary.duplicates());
            scanned.putInt("alreadySeen", summary.alreadySeen());
            scanned.putString("leftAlone", String.join("\n", summary.leftAlone().stream().map(Object::toString).toList()));
            return RepeatStatus.FINISHED;
        }, tx).listener(PROGRESS).build();
    }

    /**
     * Reads the received files and stores each with its values, findings and status, a chunk of files per
     * transaction: each file is either fully stored or still waiting. With {@code giaoban.ingest.partitions}
     * above 1 the files are shared out between partitions (by unit folder, of about the same bytes) read at
     * once, each partition a step execution of its own: a restarted night reads again only what a partition
     * left waiting.
     */
    @Bean
    Step ingestStep(JobRepository jobRepository, PlatformTransactionManager tx, SubmissionIngest ingest,
            IngestProperties settings, IngestPartitioner partitioner, Step ingestPartitionStep,
            ObjectProvider<RemotePartitions> remote) {
        RemotePartitions workers = remote.getIfAvailable();
        if (workers != null) {
            // giaoban.remote.enabled: the partitions go to worker processes (README, "Several machines")
            return new StepBuilder("ingest", jobRepository)
                    .partitioner(ingestPartitionStep.getName(), partitioner)
                    .partitionHandler(workers.handler(ingestPartitionStep, settings.partitions(),
                            context -> String.join(", ", IngestPartitioner.folders(context)), "cli.remote.given-up"))
                    .listener(PROGRESS)
                    .build();
        }
        if (!settings.partitioned()) {
            return new StepBuilder("ingest", jobRepository).<ReceivedFile, SubmissionIngest.FileRead>chunk(settings.chunkSize())
                    .transactionManager(tx)
                    .reader(ingest.receivedFiles())
                    .processor(ingest.reading())
                    .writer(ingest.storing())
                    .listener(PROGRESS)
                    .build();
        }
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("ingest-");
        threads.setConcurrencyLimit(settings.partitions());
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setStep(ingestPartitionStep);
        handler.setTaskExecutor(threads);
        handler.setGridSize(settings.partitions());
        return new StepBuilder("ingest", jobRepository)
                .partitioner(ingestPartitionStep.getName(), partitioner)
                .partitionHandler(handler)
                .listener(PROGRESS)
                .build();
    }

    /** One partition of the ingest step: the files of the unit folders its context names. */
    @Bean
    Step ingestPartitionStep(JobRepository jobRepository, PlatformTransactionManager tx, SubmissionIngest ingest,
            IngestProperties settings, SubmissionIngest.PartitionFiles ingestPartitionReader) {
        return new StepBuilder("ingestPartition", jobRepository).<ReceivedFile, SubmissionIngest.FileRead>chunk(settings.chunkSize())
                .transactionManager(tx)
                .reader(ingestPartitionReader)
                .processor(ingest.reading())
                .writer(ingest.storing())
                .build();
    }

    /** A reader for each partition's step execution: it lists the files of the folders its context names. */
    @Bean
    @StepScope
    SubmissionIngest.PartitionFiles ingestPartitionReader(SubmissionIngest ingest) {
        return ingest.receivedFilesOfPartition();
    }

    /** Answers each unit and files its original away; a few files per transaction, each step repeatable. */
    @Bean
    Step feedbackStep(JobRepository jobRepository, PlatformTransactionManager tx, SubmissionFiling filing) {
        return new StepBuilder("feedback", jobRepository).<FiledSubmission, FiledSubmission>chunk(10)
                .transactionManager(tx)
                .reader(filing.unfiled())
                .writer(filing.filing())
                .listener(PROGRESS)
                .build();
    }

    @Bean
    Step consolidateStep(JobRepository jobRepository, PlatformTransactionManager tx, Consolidator consolidator) {
        return new StepBuilder("consolidate", jobRepository).tasklet((contribution, context) -> {
            Consolidator.Summary summary = consolidator.consolidate(period(contribution));
            contribution.incrementWriteCount(summary.versionsChanged());
            return RepeatStatus.FINISHED;
        }, tx).listener(PROGRESS).build();
    }

    /**
     * Writes every office's notice of the period ({@code BriefingPublisher.offices}), the offices shared out between
     * {@code giaoban.briefing.partitions} partitions written at once, on this machine's threads or, with
     * {@code giaoban.remote.enabled}, on the workers. An office that fails fails its partition alone (the others'
     * notices are written), and the restarted night writes only the offices not yet written. When the step ends,
     * the first office's files go into the job's context, for the command line to print.
     */
    @Bean
    Step briefingStep(JobRepository jobRepository, Step briefingPartitionStep, Partitioner briefingPartitioner,
            BriefingPartitionProperties settings, ObjectProvider<RemotePartitions> remote, BriefingPublisher publisher) {
        PartitionHandler handler;
        RemotePartitions workers = remote.getIfAvailable();
        if (workers != null) {
            handler = workers.handler(briefingPartitionStep, settings.partitions(),
                    context -> String.join(", ", BriefingPartitioner.offices(context)), "cli.remote.given-up-offices");
        } else {
            SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("briefing-");
            threads.setConcurrencyLimit(settings.partitions());
            TaskExecutorPartitionHandler local = new TaskExecutorPartitionHandler();
            local.setStep(briefingPartitionStep);
            local.setTaskExecutor(threads);
            local.setGridSize(settings.partitions());
            handler = local;
        }
        return new StepBuilder("briefing", jobRepository)
                .partitioner(briefingPartitionStep.getName(), briefingPartitioner)
                .partitionHandler(handler)
                .listener(PROGRESS)
                .listener(new StepExecutionListener() {
                    @Override
                    public ExitStatus afterStep(StepExecution step) {
                        firstOffice(step, publisher);
                        return null;
                    }
                })
                .build();
    }

    /**
     * One partition of the briefing step: the notices of the offices its context names. No database transaction
     * around an office: what it writes (its outputs' row, its e-mail) commits on its own at once, so a partition
     * holds at most one connection at a time (the one its reads use) and never one while it waits for a second:
     * more partitions than the pool has connections wait their turn, not for ever. The job repository still
     * records each office done, in its own transaction.
     */
    @Bean
    Step briefingPartitionStep(JobRepository jobRepository, Tasklet briefingPartitionTasklet) {
        return new StepBuilder("briefingPartition", jobRepository)
                .tasklet(briefingPartitionTasklet, new ResourcelessTransactionManager()).build();
    }

    /** The offices of the night's period, shared out; step-scoped for the period, a job parameter. */
    @Bean
    @StepScope
    Partitioner briefingPartitioner(BriefingPublisher publisher,
            @Value("#{jobParameters['" + PERIOD + "']}") String period) {
        return new BriefingPartitioner(publisher, YearMonth.parse(period));
    }

    /** A tasklet for each partition's execution: it remembers which of its offices failed in it. */
    @Bean
    @StepScope
    Tasklet briefingPartitionTasklet(BriefingPublisher publisher, OfficeMailing mailing, Messages messages) {
        return new OfficeBriefings(publisher, mailing, messages);
    }

    /** The first office's files (the province's, the district's) where the command line and the tests read them. */
    private static void firstOffice(StepExecution step, BriefingPublisher publisher) {
        YearMonth period = YearMonth.parse(step.getJobParameters().getString(PERIOD));
        var outputs = step.getJobExecution().getExecutionContext();
        for (Office office : publisher.offices(period)) {
            Optional<BriefingPublisher.Published> written = publisher.written(period, office.code());
            if (written.isPresent()) {
                outputs.putString(BRIEFING_PDF, written.get().pdf().toAbsolutePath().toString());
                outputs.putString(BRIEFING_DOCX, written.get().docx().toAbsolutePath().toString());
                outputs.putString(BRIEFING_ANNEX, written.get().annex().toAbsolutePath().toString());
                return;
            }
        }
    }

    /** Queues the bundles, then e-mails the briefings waiting to be sent; a failed send is reported and retried next run, never fatal. */
    @Bean
    Step deliveryStep(JobRepository jobRepository, PlatformTransactionManager tx, BriefingDelivery delivery,
            OfficeMailing mailing, Messages messages) {
        return new StepBuilder("delivery", jobRepository).tasklet((contribution, context) -> {
            // every notice is written now: the bundles of the offices that want their communes' together
            mailing.queueBundles(period(contribution));
            DeliverySummary summary = delivery.deliverPending();
            contribution.incrementWriteCount(summary.sent());
            contribution.getStepExecution().getJobExecution().getExecutionContext()
                    .putString(DELIVERY_SUMMARY, String.join("\n", summary.lines(messages)));
            contribution.getStepExecution().getJobExecution().getExecutionContext()
                    .putInt(DELIVERY_FAILED, summary.pending() + summary.failedFinally());
            return RepeatStatus.FINISHED;
        }, tx).listener(PROGRESS).build();
    }

    /** Removes what the retention settings say is old; nothing the night needs. */
    @Bean
    Step housekeepingStep(JobRepository jobRepository, PlatformTransactionManager tx, Housekeeping housekeeping) {
        return new StepBuilder("housekeeping", jobRepository).tasklet((contribution, context) -> {
            contribution.incrementWriteCount(housekeeping.clean(night(contribution)).stagedValues());
            return RepeatStatus.FINISHED;
        }, tx).listener(PROGRESS).build();
    }

    @Bean
    Job nightlyJob(JobRepository jobRepository, Step catalogStep, Step scanStep, Step ingestStep,
            Step feedbackStep, Step consolidateStep, Step briefingStep, Step deliveryStep, Step housekeepingStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(catalogStep)
                .next(scanStep)
                .next(ingestStep)
                .next(consolidateStep)
                .next(feedbackStep)
                .next(briefingStep)
                .next(deliveryStep)
                .next(housekeepingStep)
                .build();
    }

    private static YearMonth period(StepContribution contribution) {
        return YearMonth.parse(parameters(contribution).getString(PERIOD));
    }

    private static LocalDate night(StepContribution contribution) {
        return parameters(contribution).getLocalDate(NIGHT);
    }

    private static JobParameters parameters(StepContribution contribution) {
        return contribution.getStepExecution().getJobParameters();
    }
}
