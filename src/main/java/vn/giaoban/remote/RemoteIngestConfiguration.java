package vn.giaoban.remote;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;

import vn.giaoban.text.Messages;

/**
 * Remote partitioning of the ingest and briefing steps over RabbitMQ (spring-batch-integration and
 * spring-integration-amqp). One jar, two roles: with {@code giaoban.remote.enabled} the nightly job is
 * the manager and sends the ingest partitions (unit folders), then the briefing partitions (offices), to one
 * durable queue; {@code giaoban worker} starts a process that takes them one at a time and runs the partition's
 * step (the ingest's or the briefing's, as the request names it) against the shared job repository.
 * A request travels as text ({@code ingestPartition:42}), never as a serialized Java object.
 */
@Configuration(proxyBeanMethods = false)
public class RemoteIngestConfiguration {

    /** The queue, declared by whichever process reaches the broker first; durable, so partitions outlive a broker restart. */
    @Bean
    @ConditionalOnExpression("${giaoban.remote.enabled:false} or ${giaoban.remote.worker:false}")
    Queue ingestQueue(RemoteProperties settings, Environment environment, Messages messages) {
        requireSharedDatabase(environment, messages);
        return new Queue(settings.queue(), true);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "giaoban.remote.enabled")
    MessageChannel ingestRequests() {
        return new DirectChannel();
    }

    /** Manager: each partition request to the queue, as text with the deployment's version in its headers. */
    @Bean
    @ConditionalOnBooleanProperty(name = "giaoban.remote.enabled")
    IntegrationFlow ingestRequestsToBroker(@Qualifier("ingestRequests") MessageChannel ingestRequests,
            RabbitTemplate rabbit, RemoteProperties settings) {
        return IntegrationFlow.from(ingestRequests)
                .transform(StepExecutionRequest.class, request -> request.getStepName() + ":" + request.getStepExecutionId())
                .handle(Amqp.outboundAdapter(rabbit).routingKey(settings.queue()))
                .get();
    }

    /** Manager: the handlers of the partitioned steps, each sending its partitions to the queue. */
    @Bean
    @ConditionalOnBooleanProperty(name = "giaoban.remote.enabled")
    RemotePartitions remotePartitions(@Qualifier("ingestRequests") MessageChannel ingestRequests,
            JobRepository jobRepository, DeploymentVersion version, RemoteProperties settings, AmqpAdmin broker,
            Messages messages) {
        return new RemotePartitions(ingestRequests, jobRepository, version, settings, () -> {
            QueueInformation queue = broker.getQueueInfo(settings.queue());
            return queue == null ? -1 : queue.getConsumerCount();
        }, messages);
    }

    /** Worker: one partition at a time per consumer, acknowledged when its step has ended. */
    @Bean
    @ConditionalOnBooleanProperty(name = "giaoban.remote.worker")
    IntegrationFlow ingestRequestsFromBroker(ConnectionFactory connectionFactory, RemoteProperties settings,
            IngestWorker worker) {
        return IntegrationFlow.from(Amqp.inboundAdapter(connectionFactory, settings.queue())
                        .configureContainer(container -> container.prefetchCount(1)
                                .concurrentConsumers(settings.consumers()).defaultRequeueRejected(false)
                                // stopped (SIGTERM), a worker finishes the partition in hand before the
                                // database connections close: the partition ends COMPLETED, not half read
                                .shutdownTimeout(settings.timeout().toMillis())))
                .transform(String.class, RemoteIngestConfiguration::request)
                .handle(StepExecutionRequest.class, (request, headers) -> {
                    worker.handle(MessageBuilder.createMessage(request, headers));
                    return null;
                })
                .get();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "giaoban.remote.worker")
    IngestWorker ingestWorker(JobRepository jobRepository, @Qualifier("ingestPartitionStep") Step ingestPartitionStep,
            @Qualifier("briefingPartitionStep") Step briefingPartitionStep, DeploymentVersion version,
            Messages messages) {
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setJobRepository(jobRepository);
        StepLocator partitionStep = name -> ingestPartitionStep.getName().equals(name) ? ingestPartitionStep
                : briefingPartitionStep.getName().equals(name) ? briefingPartitionStep : null;
        handler.setStepLocator(partitionStep);
        return new IngestWorker(jobRepository, handler, version, messages);
    }

    static StepExecutionRequest request(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("not a partition request: " + text);
        }
        return new StepExecutionRequest(text.substring(0, colon), Long.parseLong(text.substring(colon + 1).strip()));
    }

    /** Workers and their manager share the job repository and the figures: an embedded database cannot be shared. */
    private static void requireSharedDatabase(Environment environment, Messages messages) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:hsqldb:")) {
            throw new IllegalStateException(messages.get("cli.remote.embedded-database", url));
        }
    }
}
