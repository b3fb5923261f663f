package vn.giaoban.remote;

import java.util.function.Function;
import java.util.function.IntSupplier;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.messaging.MessageChannel;

import vn.giaoban.text.Messages;

/**
 * The manager's handlers, one per partitioned step of the night (the ingest's, the briefing's), all sending to the
 * one queue the workers listen on. Present only with {@code giaoban.remote.enabled}.
 */
public final class RemotePartitions {

    private final MessageChannel requests;
    private final JobRepository jobRepository;
    private final DeploymentVersion version;
    private final RemoteProperties settings;
    private final IntSupplier listeningWorkers;
    private final Messages messages;

    RemotePartitions(MessageChannel requests, JobRepository jobRepository, DeploymentVersion version,
            RemoteProperties settings, IntSupplier listeningWorkers, Messages messages) {
        this.requests = requests;
        this.jobRepository = jobRepository;
        this.version = version;
        this.settings = settings;
        this.listeningWorkers = listeningWorkers;
        this.messages = messages;
    }

    /**
     * A handler that sends {@code partitionStep}'s partitions to the workers.
     *
     * @param contents   what a partition holds, in the operator's words, for the message that gives it up
     * @param givenUpKey that message's key ({@code cli.remote.given-up}: folders; {@code cli.remote.given-up-offices})
     */
    public RemotePartitionHandler handler(Step partitionStep, int gridSize, Function<ExecutionContext, String> contents,
            String givenUpKey) {
        return new RemotePartitionHandler(requests, jobRepository, partitionStep.getName(), version, settings, gridSize,
                listeningWorkers, messages, contents, givenUpKey);
    }
}
