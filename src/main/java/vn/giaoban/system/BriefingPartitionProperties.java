package vn.giaoban.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the night's briefing step shares out the offices (the rest of {@code giaoban.briefing} is the briefing's own
 * {@code BriefingProperties}).
 *
 * @param partitions how many partitions write notices at once, each a set of offices; unset: one per processor
 *                   (composing and rendering a notice is CPU-bound). With {@code giaoban.remote.enabled} the
 *                   partitions go to the workers. Kept by a restarted night: a partition's offices are its own
 */
@ConfigurationProperties("giaoban.briefing")
public record BriefingPartitionProperties(Integer partitions) {

    public BriefingPartitionProperties {
        partitions = partitions == null ? Runtime.getRuntime().availableProcessors() : partitions;
        if (partitions < 1) {
            throw new IllegalArgumentException("giaoban.briefing.partitions phải từ 1 trở lên, không phải " + partitions);
        }
    }
}
