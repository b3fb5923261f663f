package vn.giaoban.system;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * One log line as each step starts and ends: what a person watching a long night reads, and the
 * markers the crash tests wait for before they kill the process.
 */
final class StepProgress implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StepProgress.class);

    @Override
    public void beforeStep(StepExecution step) {
        log.info("Step {} started", step.getStepName());
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        log.info("Step {} {}: read {}, written {}, in {} ms", step.getStepName(), step.getStatus(),
                step.getReadCount(), step.getWriteCount(),
                step.getStartTime() == null || step.getEndTime() == null ? 0
                        : Duration.between(step.getStartTime(), step.getEndTime()).toMillis());
        return step.getExitStatus();
    }
}
