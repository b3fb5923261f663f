package vn.giaoban.submission;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

import vn.giaoban.submission.internal.FolderLoad;
import vn.giaoban.submission.internal.SubmissionRepository;

/**
 * Shares the files waiting to be read out between partitions of about the same number of bytes (reading
 * time follows the bytes, not the number of files), a unit folder never split: the versions a unit sent of
 * one report are filed in the order they arrived. Each partition's {@link ExecutionContext} names its
 * folders, so any worker, in this JVM or another, reads the same files from it; a restarted partition keeps
 * the folders it was given.
 */
@Component
public class IngestPartitioner implements Partitioner {

    private static final Logger log = LoggerFactory.getLogger(IngestPartitioner.class);

    /** The unit folders of a partition, separated by '/', which no folder name contains. */
    public static final String FOLDERS = "folders";
    public static final String BYTES = "bytes";
    public static final String FILES = "files";

    private final SubmissionRepository submissions;

    public IngestPartitioner(SubmissionRepository submissions) {
        this.submissions = submissions;
    }

    /** One partition: its folders, in name order, and what they hold. */
    public record Share(List<String> folders, long bytes, int files) {
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<Share> shares = balance(submissions.receivedByFolder(), gridSize);
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int i = 0; i < shares.size(); i++) {
            Share share = shares.get(i);
            ExecutionContext context = new ExecutionContext();
            context.putString(FOLDERS, String.join("/", share.folders()));
            context.putLong(BYTES, share.bytes());
            context.putInt(FILES, share.files());
            partitions.put("partition" + i, context);
            log.info("Ingest partition {}: {} files, {} bytes, {} folders", i, share.files(), share.bytes(),
                    share.folders().size());
        }
        return partitions;
    }

    /** The folders a partition's context names. */
    public static Set<String> folders(ExecutionContext context) {
        String folders = context.getString(FOLDERS, "");
        return folders.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(folders.split("/")));
    }

    /**
     * {@code gridSize} shares of about the same bytes: the largest folder first, each to the share that has
     * the fewest bytes so far (the first of them on a tie), which is never more than the largest folder above
     * the mean. Always {@code gridSize} shares, some perhaps empty, so that a restart finds the same names.
     */
    public static List<Share> balance(List<FolderLoad> loads, int gridSize) {
        if (gridSize < 1) {
            throw new IllegalArgumentException("grid size " + gridSize);
        }
        List<FolderLoad> largestFirst = new ArrayList<>(loads);
        largestFirst.sort(Comparator.comparingLong(FolderLoad::bytes).reversed().thenComparing(FolderLoad::folder));
        List<List<String>> folders = new ArrayList<>();
        long[] bytes = new long[gridSize];
        int[] files = new int[gridSize];
        for (int i = 0; i < gridSize; i++) {
            folders.add(new ArrayList<>());
        }
        for (FolderLoad load : largestFirst) {
            int lightest = 0;
            for (int i = 1; i < gridSize; i++) {
                if (bytes[i] < bytes[lightest]) {
                    lightest = i;
                }
            }
            folders.get(lightest).add(load.folder());
            bytes[lightest] += load.bytes();
            files[lightest] += load.files();
        }
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < gridSize; i++) {
            List<String> sorted = new ArrayList<>(folders.get(i));
            sorted.sort(Comparator.naturalOrder());
            shares.add(new Share(List.copyOf(sorted), bytes[i], files[i]));
        }
        return shares;
    }
}
