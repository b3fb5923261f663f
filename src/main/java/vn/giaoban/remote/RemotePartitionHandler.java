package vn.giaoban.remote;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.MessageChannel;

import vn.giaoban.text.Messages;

/**
 * The manager's side: sends one {@link StepExecutionRequest} per partition to the workers' queue,
 * with this deployment's version in the message, then follows the partitions in the shared job
 * repository until none is running. Spring Batch's own {@code MessageChannelPartitionHandler} polls
 * the same way, but a worker that dies leaves its partition STARTED for ever, the manager waiting out
 * its whole timeout and the night then impossible to restart; here a started partition whose worker
 * has written nothing for {@code workerSilence}, one still waiting while no worker has listened on the
 * queue for as long, or any partition still unfinished at the timeout, is marked FAILED with the reason, so the step fails naming it and the same command restarts only what
 * did not complete. One handler per partitioned step (the ingest's, the briefing's), all on the same queue.
 */
public class RemotePartitionHandler extends AbstractPartitionHandler {

    private static final Logger log = LoggerFactory.getLogger(RemotePartitionHandler.class);
    static final String APPLICATION_HEADER = "giaoban_application";
    static final String CATALOG_HEADER = "giaoban_catalog";

    private final MessageChannel requests;
    private final JobRepository jobRepository;
    private final String stepName;
    private final DeploymentVersion version;
    private final RemoteProperties settings;
    /** How many workers listen on the queue now (the broker knows), or -1 when it cannot be told. */
    private final IntSupplier listeningWorkers;
    private final Messages messages;
    /** What a partition holds, in the operator's words (its folders, its offices), and the message naming it given up. */
    private final Function<ExecutionContext, String> contents;
    private final String givenUpKey;

    public RemotePartitionHandler(MessageChannel requests, JobRepository jobRepository, String stepName,
            DeploymentVersion version, RemoteProperties settings, int gridSize, IntSupplier listeningWorkers,
            Messages messages, Function<ExecutionContext, String> contents, String givenUpKey) {
        this.requests = requests;
        this.contents = contents;
        this.givenUpKey = givenUpKey;
        this.messages = messages;
        this.listeningWorkers = listeningWorkers;
        this.jobRepository = jobRepository;
        this.stepName = stepName;
        this.version = version;
        this.settings = settings;
        setGridSize(gridSize);
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
        for (StepExecution partition : partitions) {
            requests.send(MessageBuilder.withPayload(new StepExecutionRequest(stepName, partition.getId()))
                    .setHeader(APPLICATION_HEADER, version.application())
                    .setHeader(CATALOG_HEADER, version.catalog())
                    .build());
        }
        log.info("Sent {} {} partitions to queue {}", partitions.size(), stepName.replace("Partition", ""),
                settings.queue());
        LocalDateTime deadline = LocalDateTime.now().plus(settings.timeout());
        LocalDateTime noWorkerSince = null;
        while (true) {
            Set<StepExecution> current = new LinkedHashSet<>();
            List<StepExecution> running = new ArrayList<>();
            for (StepExecution partition : partitions) {
                StepExecution now = jobRepository.getStepExecution(partition.getId());
                current.add(now);
                if (now.getStatus().isRunning()) {
                    running.add(now);
                }
            }
            if (running.isEmpty()) {
                return current;
            }
            LocalDateTime now = LocalDateTime.now();
            boolean waiting = running.stream().anyMatch(partition -> partition.getStatus() == BatchStatus.STARTING);
            noWorkerSince = waiting && listeningWorkers.getAsInt() == 0 ? (noWorkerSince == null ? now : noWorkerSince)
                    : null;
            boolean noWorker = noWorkerSince != null && noWorkerSince.plus(settings.workerSilence()).isBefore(now);
            for (StepExecution partition : running) {
                if (noWorker && partition.getStatus() == BatchStatus.STARTING) {
                    giveUp(partition, messages.get("cli.remote.no-worker", settings.queue(),
                            minutes(settings.workerSilence())));
                } else if (now.isAfter(deadline)) {
                    giveUp(partition, messages.get("cli.remote.timeout", minutes(settings.timeout())));
                } else if (partition.getStatus() == BatchStatus.STARTED && partition.getLastUpdated() != null
                        && partition.getLastUpdated().plus(settings.workerSilence()).isBefore(now)) {
                    giveUp(partition, messages.get("cli.remote.worker-silent", minutes(settings.workerSilence())));
                }
            }
            Thread.sleep(settings.pollInterval().toMillis());
        }
    }

    /** Marks a partition failed; a worker that wrote to it meanwhile is alive after all, and is waited for. */
    private void giveUp(StepExecution partition, String reason) {
        String description = messages.get(givenUpKey, partition.getStepName(),
                contents.apply(partition.getExecutionContext()), reason);
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription(description));
        partition.setEndTime(LocalDateTime.now());
        try {
            jobRepository.update(partition);
            log.error("Partition {} given up: {}", partition.getStepName(), description);
        } catch (OptimisticLockingFailureException e) {
            log.info("Partition {} was updated by its worker meanwhile: still waiting for it", partition.getStepName());
        }
    }

    private String minutes(Duration duration) {
        return duration.toMinutes() >= 1 ? messages.get("cli.remote.minutes", duration.toMinutes())
                : messages.get("cli.remote.seconds", duration.toSeconds());
    }
}
