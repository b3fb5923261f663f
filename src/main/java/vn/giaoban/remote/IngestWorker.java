package vn.giaoban.remote;

import java.time.LocalDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.messaging.Message;

import vn.giaoban.text.Messages;

/**
 * The worker's side: takes one partition request at a time from the queue and runs the partition's
 * step (the ingest's or the briefing's) (Spring Batch's {@link StepExecutionRequestHandler}), which records its progress and outcome
 * in the shared job repository, where the manager follows it. Two requests are refused, each with
 * its reason written into the partition, so the manager reports it and a restart sends it again: one
 * from a manager of another version or catalog, and one for a partition another worker already
 * started (a message the broker delivers again after its worker died: that partition may be half
 * read, and only a restarted night may read it again).
 */
public class IngestWorker {

    private static final Logger log = LoggerFactory.getLogger(IngestWorker.class);

    private final JobRepository jobRepository;
    private final StepExecutionRequestHandler steps;
    private final DeploymentVersion version;
    private final Messages messages;

    public IngestWorker(JobRepository jobRepository, StepExecutionRequestHandler steps, DeploymentVersion version,
            Messages messages) {
        this.jobRepository = jobRepository;
        this.steps = steps;
        this.version = version;
        this.messages = messages;
    }

    public void handle(Message<StepExecutionRequest> message) {
        StepExecutionRequest request = message.getPayload();
        StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
        if (partition == null) {
            log.warn("No partition {} in the job repository: request ignored", request);
            return;
        }
        Optional<String> refusal = version.refusal(
                String.valueOf(message.getHeaders().get(RemotePartitionHandler.APPLICATION_HEADER)),
                String.valueOf(message.getHeaders().get(RemotePartitionHandler.CATALOG_HEADER)), messages);
        if (refusal.isEmpty() && partition.getStatus() != BatchStatus.STARTING) {
            if (!partition.getStatus().isRunning()) {
                log.info("Partition {} is already {}: request ignored", partition.getStepName(), partition.getStatus());
                return;
            }
            refusal = Optional.of(messages.get("cli.remote.begun-elsewhere", partition.getStepName()));
        }
        if (refusal.isPresent()) {
            log.error("Partition {} refused: {}", partition.getStepName(), refusal.get());
            partition.setStatus(BatchStatus.FAILED);
            partition.setExitStatus(ExitStatus.FAILED.addExitDescription(refusal.get()));
            partition.setEndTime(LocalDateTime.now());
            jobRepository.update(partition);
            return;
        }
        log.info("Reading partition {} ({})", partition.getStepName(), partition.getExecutionContext());
        StepExecution done = steps.handle(request);
        if (jobRepository.getStepExecution(done.getId()).getStatus().isRunning()) {
            // the step failed before it could record its own end (the handler leaves that to its caller)
            jobRepository.update(done);
        }
        log.info("Partition {} {}", done.getStepName(), done.getStatus());
    }
}
