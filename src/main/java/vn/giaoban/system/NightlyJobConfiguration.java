package vn.giaoban.system;

import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.batch.core.configuration.annotation.StepScope;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import vn.giaoban.briefing.BriefingPublisher;
import vn.giaoban.catalog.CatalogSynchronizer;
import vn.giaoban.catalog.Office;
import vn.giaoban.consolidation.Consolidator;
import vn.giaoban.delivery.BriefingDelivery;
import vn.giaoban.delivery.DeliverySummary;
import vn.giaoban.remote.RemotePartitionHandler;
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
            ObjectProvider<RemotePartitionHandler> remote) {
        RemotePartitionHandler workers = remote.getIfAvailable();
        if (workers != null) {
            // giaoban.remote.enabled: the partitions go to worker processes (README, "Several machines")
            return new StepBuilder("ingest", jobRepository)
                    .partitioner(ingestPartitionStep.getName(), partitioner)
                    .partitionHandler(workers)
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

    @Bean
    Step briefingStep(JobRepository jobRepository, PlatformTransactionManager tx, BriefingPublisher publisher,
            BriefingDelivery delivery) {
        return new StepBuilder("briefing", jobRepository).tasklet((contribution, context) -> {
            YearMonth period = period(contribution);
            var outputs = contribution.getStepExecution().getJobExecution().getExecutionContext();
            for (Office office : publisher.offices(period)) {
                BriefingPublisher.Published published = publisher.publish(period, night(contribution), office);
                if (!outputs.containsKey(BRIEFING_PDF)) {
                    outputs.putString(BRIEFING_PDF, published.pdf().toAbsolutePath().toString());
                    outputs.putString(BRIEFING_DOCX, published.docx().toAbsolutePath().toString());
                    outputs.putString(BRIEFING_ANNEX, published.annex().toAbsolutePath().toString());
                }
                delivery.enqueue(period, published.pdf(), published.docx(), published.contentKey());
            }
            return RepeatStatus.FINISHED;
        }, tx).listener(PROGRESS).build();
    }

    /** E-mails the briefings waiting to be sent; a failed send is reported and retried next run, never fatal. */
    @Bean
    Step deliveryStep(JobRepository jobRepository, PlatformTransactionManager tx, BriefingDelivery delivery,
            Messages messages) {
        return new StepBuilder("delivery", jobRepository).tasklet((contribution, context) -> {
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
