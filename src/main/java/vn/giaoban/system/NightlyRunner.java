package vn.giaoban.system;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ApplicationContext;

import vn.giaoban.briefing.BriefingPublisher;
import vn.giaoban.briefing.OfficeMailing;
import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Office;
import vn.giaoban.catalog.Unit;
import vn.giaoban.submission.InboxUnavailableException;
import vn.giaoban.submission.NightSummary;
import vn.giaoban.submission.SubmissionIngest;
import vn.giaoban.text.Messages;

/**
 * Launches the nightly job for a period and night and tells the person at the terminal what came
 * of it. Launching a failed night again restarts it where it stopped (same identifying parameters).
 */
final class NightlyRunner {

    private static final Logger log = LoggerFactory.getLogger(NightlyRunner.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final PrintStream out;
    private final SubmissionIngest submissions;
    private final Messages messages;
    private final BriefingPublisher briefing;
    private final OfficeMailing mailing;
    private final DataSource dataSource;
    private final Catalog catalog;

    NightlyRunner(ApplicationContext context, PrintStream out) {
        this.catalog = context.getBean(Catalog.class);
        this.dataSource = context.getBean(DataSource.class);
        this.submissions = context.getBean(SubmissionIngest.class);
        this.messages = context.getBean(Messages.class);
        this.briefing = context.getBean(BriefingPublisher.class);
        this.mailing = context.getBean(OfficeMailing.class);
        this.jobOperator = context.getBean(JobOperator.class);
        this.jobRepository = context.getBean(JobRepository.class);
        this.job = context.getBean(NightlyJobConfiguration.JOB_NAME + "Job", Job.class);
        this.out = out;
    }

    static JobParameters parameters(YearMonth period, LocalDate night) {
        return new JobParametersBuilder()
                .addString(NightlyJobConfiguration.PERIOD, period.toString(), true)
                .addLocalDate(NightlyJobConfiguration.NIGHT, night, true)
                .toJobParameters();
    }

    /**
     * This process holds the run locks (the working folder's, and the database's when it is shared), so an
     * execution still marked as started belongs to a process that died (power loss, kill -9): mark it failed
     * so that launching its night again restarts it.
     */
    private void recoverDeadRuns() {
        for (JobExecution dead : jobRepository.findRunningJobExecutions(NightlyJobConfiguration.JOB_NAME)) {
            log.warn("Execution {} of {} was left {} by a process that died: recovering it", dead.getId(),
                    dead.getJobParameters(), dead.getStatus());
            jobOperator.recover(dead);
            out.println(messages.get("cli.night-recovered", dead.getJobParameters().getString(NightlyJobConfiguration.PERIOD),
                    dead.getJobParameters().getLocalDate(NightlyJobConfiguration.NIGHT)));
        }
    }

    /**
     * A night whose chunk could not even be rolled back (the database connection broke in the middle of a write) is
     * left UNKNOWN, its step perhaps still STARTED, which Spring Batch refuses to restart. The database itself rolled back what was not committed, and
     * every step takes its work from the business tables (what is still waiting), not from a saved position, so it is
     * safe to run again: record that night as failed, and the same command restarts it where it stopped.
     */
    private void settleUnknownOutcome(JobParameters parameters) {
        JobExecution last = jobRepository.getLastJobExecution(NightlyJobConfiguration.JOB_NAME, parameters);
        if (last == null || last.getStatus().isRunning()) {
            return;
        }
        boolean settled = false;
        for (StepExecution step : last.getStepExecutions()) {
            // a step whose last update was lost with the connection stays STARTED in a job that has ended:
            // Spring Batch then takes the night for running and refuses to start it again
            if (step.getStatus() == BatchStatus.UNKNOWN || step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED);
                if (step.getEndTime() == null) {
                    step.setEndTime(LocalDateTime.now());
                }
                jobRepository.update(step);
                settled = true;
            }
        }
        if (last.getStatus() == BatchStatus.UNKNOWN) {
            last.setStatus(BatchStatus.FAILED);
            last.setExitStatus(ExitStatus.FAILED);
            jobRepository.update(last);
            settled = true;
        }
        if (settled) {
            log.warn("Execution {} of {} ended with an unknown outcome (a rollback failed): recorded as failed, to restart it",
                    last.getId(), parameters);
        }
    }

    /**
     * Why each failed partition failed, as the job repository holds it (a remote worker records its own
     * outcome there, not in this process's copy): the reasons giaoban wrote in Vietnamese, else the error.
     */
    private List<String> failedPartitions(JobExecution execution) {
        JobExecution stored = jobRepository.getJobExecution(execution.getId());
        return (stored == null ? execution : stored).getStepExecutions().stream()
                .filter(step -> step.getStepName().contains(":") && step.getStatus() == BatchStatus.FAILED)
                .sorted(Comparator.comparing(StepExecution::getStepName))
                .map(step -> {
                    String description = step.getExitStatus().getExitDescription().lines().findFirst().orElse("")
                            // the offices a briefing partition could not write: its message is for people already
                            .replace(OfficeBriefings.OfficesNotWritten.class.getName() + ": ", "");
                    // a partition's own reason, written by giaoban, already names the partition
                    return description.contains(step.getStepName()) ? description
                            : messages.get("cli.partition-failed", step.getStepName(), description);
                })
                .toList();
    }

    /** The file or folder a failed night could not read or write, in words for the person at the terminal. */
    private Optional<String> storageProblem(JobExecution execution) {
        for (Throwable failure : execution.getAllFailureExceptions()) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof InboxUnavailableException inbox) {
                    return Optional.of(inbox.describe());
                }
                if (cause instanceof FileSystemException io) {
                    String message = String.valueOf(io.getMessage());
                    String reason = messages.get(io instanceof AccessDeniedException ? "cli.storage.denied"
                            : message.contains("No space") ? "cli.storage.full"
                            : io instanceof NotDirectoryException || io instanceof FileAlreadyExistsException
                                    || message.contains("Not a directory") ? "cli.storage.not-a-folder"
                            : "cli.storage.other");
                    return Optional.of(io.getFile() + " (" + reason + ")");
                }
                // some libraries wrap the IOException without exposing it as a cause (OpenPDF's ExceptionConverter)
                if (cause.getMessage() != null && cause.getMessage().contains("No space left on device")) {
                    return Optional.of(messages.get("cli.storage.full"));
                }
            }
        }
        return Optional.empty();
    }

    /** One screen for the office: what came in tonight, what was left in the inbox and why. */
    private void summarise(YearMonth period, LocalDate night, JobExecution execution) {
        NightSummary summary = submissions.summary(night);
        int received = summary.accepted() + summary.rejected() + summary.duplicates() + summary.waiting();
        out.println(messages.get("cli.night-summary", period, night, received, summary.accepted(), summary.rejected(),
                summary.duplicates(), summary.values(), summary.findings()));
        if (!summary.repeated().isEmpty()) {
            out.println(messages.get("cli.night-repeated"));
            for (NightSummary.Repeated report : summary.repeated()) {
                String unit = catalog.unitByKey(report.unitKey()).map(Unit::name).orElse(report.unitKey());
                String month = report.period().getMonthValue() + "/" + report.period().getYear();
                out.println("  " + (report.senders() > 1
                        ? messages.get("cli.night-repeated-senders", unit, report.formCode(), month, report.senders(),
                                report.current())
                        : messages.get("cli.night-repeated-versions", unit, report.formCode(), month, report.tonight(),
                                report.current())));
            }
        }
        execution.getStepExecutions().stream().filter(step -> step.getStepName().equals("scan")).findFirst()
                .map(step -> step.getExecutionContext().getString("leftAlone", ""))
                .filter(text -> !text.isEmpty())
                .ifPresent(text -> {
                    out.println(messages.get("cli.night-left-alone"));
                    text.lines().forEach(line -> out.println("  " + line));
                });
    }

    /** A line for each office's notice besides the first one's (printed above as briefing:, docx:, annex:). */
    private void otherOffices(YearMonth period, String first) {
        for (Office office : briefing.offices(period)) {
            briefing.written(period, office.code())
                    .filter(written -> !written.pdf().toAbsolutePath().toString().equals(first))
                    .ifPresent(written -> out.println(messages.get("cli.briefing.office-written", office.unit().name(),
                            office.code(), written.pdf().toAbsolutePath().getParent())));
        }
    }

    ExitCode run(YearMonth period, LocalDate night) {
        Optional<String> office = briefing.officeProblem(period)
                .or(() -> mailing.problem(period));
        if (office.isPresent()) {
            log.error("The office is not configured: {}", office.get());
            out.println(office.get());
            return ExitCode.CONFIGURATION_ERROR;
        }
        Optional<DatabaseRunLock> held = DatabaseRunLock.acquire(dataSource);
        if (held.isEmpty()) {
            out.println(messages.get("cli.run-in-progress-database"));
            return ExitCode.ALREADY_RUNNING;
        }
        try (DatabaseRunLock lock = held.get()) {
            return launch(period, night);
        }
    }

    /** With both run locks held: an execution still marked as started belongs to a process that died. */
    private ExitCode launch(YearMonth period, LocalDate night) {
        recoverDeadRuns();
        JobExecution execution;
        try {
            settleUnknownOutcome(parameters(period, night));
            execution = jobOperator.start(job, parameters(period, night));
        } catch (JobInstanceAlreadyCompleteException e) {
            out.println(messages.get("cli.night-done-already", night, period));
            return ExitCode.COMPLETED;
        } catch (JobExecutionAlreadyRunningException e) {
            out.println(messages.get("cli.night-running", period, night));
            return ExitCode.ALREADY_RUNNING;
        } catch (Exception e) {
            log.error("Could not launch the nightly job for {} {}", period, night, e);
            out.println(messages.get("cli.night-not-launched", period, e.getMessage()));
            return ExitCode.FAILED;
        }
        // as the job repository holds them: a remote worker records its partition there, not in this copy
        JobExecution stored = jobRepository.getJobExecution(execution.getId());
        for (StepExecution step : (stored == null ? execution : stored).getStepExecutions()) {
            log.info("step {}: {} read {} written {}", step.getStepName(), step.getStatus(), step.getReadCount(),
                    step.getWriteCount());
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            Optional<String> storage = storageProblem(execution);
            if (storage.isPresent()) {
                log.error("Nightly job {} {} ended {}: {}", period, night, execution.getStatus(),
                        execution.getAllFailureExceptions());
                out.println(messages.get("cli.night-storage-stopped", period, storage.get()));
                return ExitCode.STORAGE_ERROR;
            }
            String step = execution.getStepExecutions().stream()
                    .filter(s -> s.getStatus() != BatchStatus.COMPLETED).map(StepExecution::getStepName)
                    .findFirst().orElse("?");
            log.error("Nightly job {} {} ended {}: {}", period, night, execution.getStatus(),
                    execution.getAllFailureExceptions());
            out.println(messages.get("cli.night-failed", period, step));
            failedPartitions(execution).forEach(reason -> out.println("  " + reason));
            return ExitCode.FAILED;
        }
        summarise(period, night, execution);
        out.println("briefing: " + execution.getExecutionContext().getString(NightlyJobConfiguration.BRIEFING_PDF));
        out.println("docx: " + execution.getExecutionContext().getString(NightlyJobConfiguration.BRIEFING_DOCX));
        out.println("annex: " + execution.getExecutionContext().getString(NightlyJobConfiguration.BRIEFING_ANNEX));
        otherOffices(period, execution.getExecutionContext().getString(NightlyJobConfiguration.BRIEFING_PDF, ""));
        execution.getExecutionContext().getString(NightlyJobConfiguration.DELIVERY_SUMMARY, "").lines()
                .forEach(out::println);
        if (execution.getExecutionContext().getInt(NightlyJobConfiguration.DELIVERY_FAILED, 0) > 0) {
            return ExitCode.NOT_DELIVERED;
        }
        return ExitCode.COMPLETED;
    }
}
