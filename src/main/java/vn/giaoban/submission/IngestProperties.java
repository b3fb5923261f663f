package vn.giaoban.submission;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the ingest step shares out the night's files.
 *
 * @param partitions how many partitions read files at once, each a set of unit folders of about the same
 *                   number of bytes; 1 reads every file in one thread, in the order received. Unset: one per
 *                   processor (reading a file is CPU-bound, storing it waits on the disk: two cores keep two
 *                   partitions busy)
 * @param chunkSize  files stored per transaction: every file of a chunk is stored together with its status, or
 *                   none is and they are read again (a chunk is also what the job repository records as done)
 */
@ConfigurationProperties("giaoban.ingest")
public record IngestProperties(Integer partitions, Integer chunkSize) {

    public IngestProperties {
        partitions = partitions == null ? Runtime.getRuntime().availableProcessors() : partitions;
        chunkSize = chunkSize == null ? 1 : chunkSize;
        if (partitions < 1) {
            throw new IllegalArgumentException("giaoban.ingest.partitions phải từ 1 trở lên, không phải " + partitions);
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("giaoban.ingest.chunk-size phải từ 1 trở lên, không phải " + chunkSize);
        }
    }

    /** Whether the ingest step is partitioned at all. */
    public boolean partitioned() {
        return partitions > 1;
    }
}
