package vn.giaoban.system;

import java.time.ZoneId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.io.file.PathUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.giaoban.briefing.BriefingProperties;
import vn.giaoban.submission.FilingProperties;
import vn.giaoban.text.Messages;

/**
 * Removes what the retention settings say is old: finished job executions, the staged values of
 * replaced versions, old originals, outputs and feedback. Never the consolidated figures, never the
 * current version of a report, never a job execution that has not ended.
 */
@Component
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final JdbcClient jdbc;
    private final RetentionProperties retention;
    private final FilingProperties filing;
    private final BriefingProperties briefing;

    Housekeeping(JdbcClient jdbc, RetentionProperties retention, FilingProperties filing, BriefingProperties briefing) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.filing = filing;
        this.briefing = briefing;
    }

    /** What one clean-up removed. */
    record Summary(int jobExecutions, int stagedValues, int listRecords, int folders, int feedbackFiles) {

        String line(Messages messages) {
            return messages.get("cli.housekeeping-summary", jobExecutions, stagedValues, listRecords, folders, feedbackFiles);
        }
    }

    /** @param today the business day the ages count from: the night of the run, so a replayed past night removes nothing recent */
    Summary clean(LocalDate today) {
        int executions = batchMetadata(today.minus(retention.batchMetadata()).atStartOfDay());
        String supersededBefore = YearMonth.from(today.minus(retention.supersededValues())).toString();
        String superseded = """
                SELECT s.id FROM submission s
                WHERE s.period < ?
                  AND NOT EXISTS (SELECT 1 FROM current_submission c WHERE c.submission_id = s.id)""";
        int values = jdbc.sql("DELETE FROM staged_value WHERE submission_id IN (" + superseded + ")")
                .param(supersededBefore).update();
        int records = jdbc.sql("DELETE FROM list_record WHERE submission_id IN (" + superseded + ")")
                .param(supersededBefore).update();
        YearMonth oldOriginals = YearMonth.from(today.minus(retention.originals()));
        YearMonth oldOutputs = YearMonth.from(today.minus(retention.outputs()));
        int folders = periodFolders(filing.archiveDir(), oldOriginals) + periodFolders(filing.rejectedDir(), oldOriginals)
                + periodFolders(briefing.outputDir(), oldOutputs);
        int feedback = oldFiles(filing.outboxDir(), today.minus(retention.feedback()));
        Summary summary = new Summary(executions, values, records, folders, feedback);
        log.info("Housekeeping: {}", summary);
        return summary;
    }

    /** Finished executions created before the cut-off, with their steps and contexts, then the instances left empty. */
    private int batchMetadata(LocalDateTime before) {
        String finished = """
                SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE CREATE_TIME < ? AND END_TIME IS NOT NULL""";
        jdbc.sql("DELETE FROM BATCH_STEP_EXECUTION_CONTEXT WHERE STEP_EXECUTION_ID IN (SELECT STEP_EXECUTION_ID FROM"
                + " BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN (" + finished + "))").param(before).update();
        jdbc.sql("DELETE FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN (" + finished + ")").param(before).update();
        jdbc.sql("DELETE FROM BATCH_JOB_EXECUTION_CONTEXT WHERE JOB_EXECUTION_ID IN (" + finished + ")").param(before)
                .update();
        jdbc.sql("DELETE FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID IN (" + finished + ")").param(before)
                .update();
        int executions = jdbc.sql("DELETE FROM BATCH_JOB_EXECUTION WHERE CREATE_TIME < ? AND END_TIME IS NOT NULL")
                .param(before).update();
        jdbc.sql("""
                DELETE FROM BATCH_JOB_INSTANCE i
                WHERE NOT EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION e WHERE e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID)
                """).update();
        return executions;
    }

    /** Removes {@code <base>/<yyyy-MM>} folders of periods before {@code before}. */
    private static int periodFolders(Path base, YearMonth before) {
        int removed = 0;
        for (Path folder : list(base)) {
            try {
                if (Files.isDirectory(folder) && YearMonth.parse(folder.getFileName().toString()).isBefore(before)) {
                    PathUtils.deleteDirectory(folder);
                    removed++;
                }
            } catch (DateTimeParseException e) {
                // not a period folder ("khong-ro-ky"): left alone
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return removed;
    }

    private static int oldFiles(Path base, LocalDate before) {
        if (!Files.isDirectory(base)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(base)) {
            int removed = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneId.systemDefault())
                        .isBefore(before)) {
                    Files.delete(file);
                    removed++;
                }
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path base) {
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(base)) {
            return entries.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
