package vn.giaoban.remote;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The ingest and briefing steps on worker processes (README, "Several machines"). The broker is Spring Boot's
 * {@code spring.rabbitmq.*}; the job repository and the figures are the shared PostgreSQL of
 * {@code spring.datasource.*}; the inbox is a folder every worker mounts at its own
 * {@code giaoban.inbox.dir}.
 *
 * @param enabled       this process is a manager: the nightly job's ingest and briefing steps send their partitions to
 *                      the workers instead of running them itself (off: partitions read by local threads)
 * @param worker        this process is a worker; set by {@code giaoban worker}, not by hand
 * @param queue         the RabbitMQ queue the partitions are sent to, declared by whichever process starts first
 * @param timeout       how long the manager waits for all partitions; those unfinished then are failed
 * @param pollInterval  how often the manager reads the partitions' state from the job repository
 * @param workerSilence a partition whose worker has written nothing to the job repository for this long is
 *                      taken for dead (its machine stopped) and failed, so the night can be restarted
 * @param consumers     partitions one worker process reads at once
 */
@ConfigurationProperties("giaoban.remote")
public record RemoteProperties(boolean enabled, boolean worker, String queue, Duration timeout, Duration pollInterval,
        Duration workerSilence, Integer consumers) {

    public RemoteProperties {
        queue = queue == null || queue.isBlank() ? "giaoban.ingest" : queue;
        timeout = timeout == null ? Duration.ofHours(2) : timeout;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        workerSilence = workerSilence == null ? Duration.ofMinutes(10) : workerSilence;
        consumers = consumers == null ? 1 : consumers;
        if (consumers < 1) {
            throw new IllegalArgumentException("giaoban.remote.consumers phải từ 1 trở lên, không phải " + consumers);
        }
        if (enabled && worker) {
            throw new IllegalArgumentException("Một tiến trình không thể vừa điều phối (giaoban.remote.enabled) vừa là"
                    + " máy xử lý (giaoban worker).");
        }
    }
}
