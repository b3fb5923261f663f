package vn.giaoban.system;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import vn.giaoban.briefing.BriefingPublisher;
import vn.giaoban.catalog.Office;

/**
 * Shares the period's offices (those whose notice is written) between {@code gridSize} partitions, dealt in the
 * catalog's order like cards, so each partition gets offices of every size. Always {@code gridSize} partitions,
 * {@code partition0} to {@code partition<n-1>}, some perhaps empty: a restarted night finds the same names, and
 * Spring Batch then runs again only those that did not complete, each with the offices it was given.
 */
final class BriefingPartitioner implements Partitioner {

    private static final Logger log = LoggerFactory.getLogger(BriefingPartitioner.class);

    /** The offices' codes of a partition, separated by ','. */
    static final String OFFICES = "offices";

    private final BriefingPublisher publisher;
    private final YearMonth period;

    BriefingPartitioner(BriefingPublisher publisher, YearMonth period) {
        this.publisher = publisher;
        this.period = period;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<List<String>> shares = deal(publisher.offices(period).stream().map(Office::code).toList(), gridSize);
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int i = 0; i < shares.size(); i++) {
            ExecutionContext context = new ExecutionContext();
            context.putString(OFFICES, String.join(",", shares.get(i)));
            partitions.put("partition" + i, context);
            log.info("Briefing partition {}: offices {}", i, shares.get(i));
        }
        return partitions;
    }

    static List<List<String>> deal(List<String> offices, int gridSize) {
        if (gridSize < 1) {
            throw new IllegalArgumentException("grid size " + gridSize);
        }
        List<List<String>> shares = new ArrayList<>();
        for (int i = 0; i < gridSize; i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < offices.size(); i++) {
            shares.get(i % gridSize).add(offices.get(i));
        }
        return shares;
    }

    /** The offices' codes a partition's context names. */
    static List<String> offices(ExecutionContext context) {
        String offices = context.getString(OFFICES, "");
        return offices.isEmpty() ? List.of() : Arrays.asList(offices.split(","));
    }
}
