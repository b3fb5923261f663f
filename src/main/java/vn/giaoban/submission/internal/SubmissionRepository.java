package vn.giaoban.submission.internal;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.giaoban.submission.Finding;
import vn.giaoban.submission.IngestResult;
import vn.giaoban.submission.ReceivedFile;
import vn.giaoban.submission.StagedValue;
import vn.giaoban.submission.SubmissionStatus;

/** The submissions, their staged values and findings. */
@Repository
public class SubmissionRepository {

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

    /** True when the content is that of a version currently in force for the folder's unit. */
    public boolean isCurrentContent(String folder, String hash) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM submission s
                JOIN current_submission c ON c.submission_id = s.id
                WHERE s.folder = ? AND s.content_hash = ?
                """).params(folder, hash).query(Long.class).single() > 0;
    }

    public void register(String folder, String relativePath, String hash, long size, Instant modifiedAt,
            Instant receivedAt, LocalDate night, SubmissionStatus status) {
        jdbc.sql("""
                INSERT INTO submission (folder, relative_path, content_hash, size_bytes, modified_at, received_at,
                                        received_night, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(folder, relativePath, hash, size, Timestamp.from(modifiedAt), Timestamp.from(receivedAt),
                night, status.name()).update();
    }

    /** The oldest file still waiting to be read after {@code afterId}, in the order received. */
    public Optional<ReceivedFile> nextReceived(long afterId, Path inbox) {
        return jdbc.sql("""
                SELECT id, folder, relative_path FROM submission
                WHERE status = 'RECEIVED' AND id > ?
                ORDER BY id
                FETCH FIRST 1 ROWS ONLY
                """).param(afterId)
                .query((rs, n) -> new ReceivedFile(rs.getLong("id"), rs.getString("folder"),
                        inbox.resolve(rs.getString("relative_path")), rs.getString("relative_path")))
                .optional();
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
        jdbc.sql("""
                UPDATE submission
                SET status = ?, unit_key = ?, form_code = ?, period = ?, as_of = ?, version = ?, values_taken = ?,
                    rejection = ?, ingested_at = ?
                WHERE id = ?
                """).params(result.status().name(), result.unitKey(), result.formCode(),
                result.period() == null ? null : result.period().toString(), result.asOf(), version,
                result.values().size(), result.rejection(), Timestamp.from(ingestedAt), result.submissionId()).update();
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
