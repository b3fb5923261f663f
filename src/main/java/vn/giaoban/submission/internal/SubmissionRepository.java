package vn.giaoban.submission.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.giaoban.submission.FiledSubmission;
import vn.giaoban.submission.Finding;
import vn.giaoban.submission.IngestResult;
import vn.giaoban.submission.NightSummary;
import vn.giaoban.submission.Severity;
import vn.giaoban.submission.ReceivedFile;
import vn.giaoban.submission.StagedValue;
import vn.giaoban.submission.SubmissionStatus;

/** The submissions, their staged values and findings. */
@Repository
public class SubmissionRepository {

    private static final Logger log = LoggerFactory.getLogger(SubmissionRepository.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public SubmissionRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** True when this very file (same place, same content, same modification time) was registered before. */
    public boolean alreadySeen(String folder, String relativePath, String hash, Instant modifiedAt) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM submission
                WHERE folder = ? AND relative_path = ? AND content_hash = ? AND modified_at = ?
                """).params(folder, relativePath, hash, Timestamp.from(modifiedAt)).query(Long.class).single() > 0;
    }

    /** The version currently in force for the folder's unit whose content this is, if any. */
    public Optional<Long> currentWithContent(String folder, String hash) {
        return jdbc.sql("""
                SELECT s.id FROM submission s
                JOIN current_submission c ON c.submission_id = s.id
                WHERE s.folder = ? AND s.content_hash = ?
                """).params(folder, hash).query(Long.class).optional();
    }

    /** Registers a file the scan found, waiting to be read. */
    public void register(String folder, String relativePath, String originalName, String hash, long size,
            Instant modifiedAt, Instant receivedAt, LocalDate night) {
        jdbc.sql("""
                INSERT INTO submission (folder, relative_path, original_name, content_hash, size_bytes, modified_at,
                                        received_at, received_night, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED')
                """).params(folder, relativePath, originalName, hash, size, Timestamp.from(modifiedAt),
                Timestamp.from(receivedAt), night).update();
    }

    /**
     * Registers a file whose content is the version already in force: nothing to read, but the unit
     * is told, and the file is filed beside that version.
     */
    public void registerDuplicate(long currentId, String folder, String relativePath, String originalName, String hash,
            long size, Instant modifiedAt, Instant receivedAt, LocalDate night) {
        jdbc.sql("""
                INSERT INTO submission (folder, relative_path, original_name, content_hash, size_bytes, modified_at,
                                        received_at, received_night, status, unit_key, form_code, period, as_of,
                                        values_taken, ingested_at)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, 'DUPLICATE', unit_key, form_code, period, as_of, 0, ?
                FROM submission WHERE id = ?
                """).params(folder, relativePath, originalName, hash, size, Timestamp.from(modifiedAt),
                Timestamp.from(receivedAt), night, Timestamp.from(receivedAt), currentId).update();
    }

    /**
     * The oldest files still waiting to be read after {@code afterId}, in the order received, at most
     * {@code limit} of them: one query per page of files rather than per file.
     */
    public List<ReceivedFile> receivedAfter(long afterId, int limit, Path inbox) {
        return jdbc.sql("""
                SELECT id, folder, relative_path FROM submission
                WHERE status = 'RECEIVED' AND id > ?
                ORDER BY id
                FETCH FIRST ? ROWS ONLY
                """).params(afterId, limit)
                .query((rs, n) -> new ReceivedFile(rs.getLong("id"), rs.getString("folder"),
                        inbox.resolve(rs.getString("relative_path")), rs.getString("relative_path")))
                .list();
    }

    /** The files waiting to be read, by unit folder: how many and how many bytes (the partitions' load). */
    public List<FolderLoad> receivedByFolder() {
        return jdbc.sql("""
                SELECT folder, COALESCE(SUM(size_bytes), 0), COUNT(*) FROM submission
                WHERE status = 'RECEIVED'
                GROUP BY folder
                ORDER BY folder
                """).query((rs, n) -> new FolderLoad(rs.getString(1), rs.getLong(2), rs.getInt(3)))
                .list();
    }

    /** The files of these unit folders waiting to be read, in the order received. */
    public List<ReceivedFile> receivedIn(Set<String> folders, Path inbox) {
        List<ReceivedFile> files = new ArrayList<>();
        jdbc.sql("""
                SELECT id, folder, relative_path FROM submission
                WHERE status = 'RECEIVED'
                ORDER BY id
                """).query(rs -> {
                    if (folders.contains(rs.getString(2))) {
                        files.add(new ReceivedFile(rs.getLong(1), rs.getString(2), inbox.resolve(rs.getString(3)),
                                rs.getString(3)));
                    }
                });
        return files;
    }

    /** The oldest submissions after {@code afterId} read but not yet filed away and answered, at most {@code limit}. */
    public List<FiledSubmission> unfiledAfter(long afterId, int limit) {
        return jdbc.sql("""
                SELECT id, folder, relative_path, original_name, content_hash, modified_at, received_at, received_night,
                       status, unit_key, form_code, period, as_of, version, values_taken, rejection
                FROM submission
                WHERE filed_at IS NULL AND status <> 'RECEIVED' AND id > ?
                ORDER BY id
                FETCH FIRST ? ROWS ONLY
                """).params(afterId, limit)
                .query((rs, n) -> new FiledSubmission(rs.getLong("id"), rs.getString("folder"),
                        rs.getString("relative_path"), rs.getString("original_name"), rs.getString("content_hash"),
                        rs.getTimestamp("modified_at").toInstant(), rs.getTimestamp("received_at").toInstant(),
                        rs.getObject("received_night", LocalDate.class), SubmissionStatus.valueOf(rs.getString("status")),
                        rs.getString("unit_key"), rs.getString("form_code"),
                        rs.getString("period") == null ? null : YearMonth.parse(rs.getString("period")),
                        rs.getObject("as_of", LocalDate.class), (Integer) rs.getObject("version"),
                        rs.getInt("values_taken"), rs.getString("rejection")))
                .list();
    }

    /** The findings of a submission, in the order the file was read. */
    public List<Finding> findings(long submissionId) {
        return jdbc.sql("""
                SELECT severity, code, sheet, cell, found, message FROM finding WHERE submission_id = ? ORDER BY id
                """).param(submissionId)
                .query((rs, n) -> new Finding(Severity.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    /** A value an earlier accepted version gave and this one leaves empty. */
    public record RemovedValue(String unitKey, String indicatorCode, String measure, BigDecimal number, String text,
            int previousVersion) {
    }

    /**
     * What the previous accepted version of the same unit, form and period had that this one does not:
     * a resubmission replaces the whole report, so an empty cell removes the value.
     */
    public List<RemovedValue> removedSincePreviousVersion(FiledSubmission submission) {
        if (submission.status() != SubmissionStatus.ACCEPTED || submission.version() == null || submission.version() < 2) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT p.unit_key, p.indicator_code, p.measure, p.num_value, p.text_value, s.version
                FROM submission s JOIN staged_value p ON p.submission_id = s.id
                WHERE s.id = (SELECT MAX(id) FROM submission WHERE unit_key = ? AND form_code = ? AND period = ?
                              AND status = 'ACCEPTED' AND id < ?)
                  AND NOT EXISTS (SELECT 1 FROM staged_value c WHERE c.submission_id = ?
                                  AND c.indicator_code = p.indicator_code AND c.measure = p.measure)
                ORDER BY p.indicator_code, p.measure
                """).params(submission.unitKey(), submission.formCode(), submission.period().toString(), submission.id(),
                submission.id())
                .query((rs, n) -> new RemovedValue(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getString(5), rs.getInt(6)))
                .list();
    }

    /** Whether the period's figures still hold a value the submission left empty (another form gives it). */
    public boolean stillConsolidated(FiledSubmission submission, RemovedValue removed) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM data_value WHERE unit_key = ? AND indicator_code = ? AND period = ? AND measure = ?
                """).params(removed.unitKey(), removed.indicatorCode(), submission.period().toString(), removed.measure())
                .query(Long.class).single() > 0;
    }

    public void markFiled(long submissionId, String filedPath, String feedbackPath, Instant at) {
        jdbc.sql("UPDATE submission SET filed_path = ?, feedback_path = ?, filed_at = ? WHERE id = ?")
                .params(filedPath, feedbackPath, Timestamp.from(at), submissionId).update();
    }

    /** What the files received on one night came to. */
    public NightSummary summary(LocalDate night) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(CASE WHEN status = 'ACCEPTED' THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN status = 'REJECTED' THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN status = 'DUPLICATE' THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN status = 'RECEIVED' THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(values_taken), 0),
                       (SELECT COUNT(*) FROM finding f JOIN submission t ON t.id = f.submission_id
                        WHERE t.received_night = ?)
                FROM submission WHERE received_night = ?
                """).params(night, night)
                .query((rs, n) -> new NightSummary(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getLong(5), rs.getLong(6)))
                .single();
    }

    /** Stores what reading a file gave, in the caller's transaction: all of it or none. */
    public void store(IngestResult result, Instant ingestedAt) {
        Integer version = null;
        if (result.formCode() != null && result.unitKey() != null && result.period() != null) {
            version = jdbc.sql("""
                    SELECT COALESCE(MAX(version), 0) + 1 FROM submission
                    WHERE unit_key = ? AND form_code = ? AND period = ? AND id <> ?
                    """).params(result.unitKey(), result.formCode(), result.period().toString(), result.submissionId())
                    .query(Integer.class).single();
        }
        int updated = jdbc.sql("""
                UPDATE submission
                SET status = ?, unit_key = ?, form_code = ?, period = ?, as_of = ?, version = ?, values_taken = ?,
                    rejection = ?, ingested_at = ?
                WHERE id = ? AND status = 'RECEIVED'
                """).params(result.status().name(), result.unitKey(), result.formCode(),
                result.period() == null ? null : result.period().toString(), result.asOf(), version,
                result.values().size(), result.rejection(), Timestamp.from(ingestedAt), result.submissionId()).update();
        if (updated == 0) {
            // stored already, by another reader of the same file (a worker given up for dead that was only slow)
            log.warn("Submission {} was stored by another reader meanwhile: not stored twice", result.submissionId());
            return;
        }
        if (result.status() == SubmissionStatus.REJECTED) {
            // a list refused after some of its records were written (the file broke off half-way)
            jdbc.sql("DELETE FROM list_record WHERE submission_id = ?").param(result.submissionId()).update();
        }
        List<StagedValue> values = result.values();
        batch.batchUpdate("""
                INSERT INTO staged_value (submission_id, unit_key, indicator_code, period, measure, num_value, text_value,
                                          sheet, cell)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, values, 500, (ps, v) -> {
                    ps.setLong(1, result.submissionId());
                    ps.setString(2, v.unitKey());
                    ps.setString(3, v.indicatorCode());
                    ps.setString(4, v.period().toString());
                    ps.setString(5, v.measure().name());
                    ps.setBigDecimal(6, v.number());
                    ps.setString(7, v.text());
                    ps.setString(8, v.sheet());
                    ps.setString(9, v.cell());
                });
        batch.batchUpdate("""
                INSERT INTO finding (submission_id, severity, code, sheet, cell, found, message)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, result.findings(), 500, (ps, f) -> {
                    ps.setLong(1, result.submissionId());
                    ps.setString(2, f.severity().name());
                    ps.setString(3, f.code());
                    ps.setString(4, f.sheet());
                    ps.setString(5, f.cell());
                    ps.setString(6, truncate(f.found(), 500));
                    ps.setString(7, truncate(f.message(), 2000));
                });
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
