package vn.giaoban.submission.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import vn.giaoban.text.Messages;
import vn.giaoban.text.VietnameseNumbers;
import vn.giaoban.catalog.Measure;

/** The submissions, their staged values and findings. */
@Repository
public class SubmissionRepository {

    private static final Logger log = LoggerFactory.getLogger(SubmissionRepository.class);

    /** The columns' lengths (V2__consolidated_data.sql) that text read from a file is fitted to. */
    static final int SHEET = 100;
    static final int CELL = 20;
    static final int TEXT = 2000;
    static final int FOUND = 500;
    static final int MESSAGE = 2000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Messages messages;

    public SubmissionRepository(JdbcClient jdbc, JdbcTemplate batch, Messages messages) {
        this.messages = messages;
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

    /** What a submission gave the figures, as stored: its staged values. */
    public List<StagedValue> values(long submissionId) {
        return jdbc.sql("""
                SELECT unit_key, indicator_code, period, measure, num_value, text_value, sheet, cell
                FROM staged_value WHERE submission_id = ?""").param(submissionId)
                .query((rs, n) -> new StagedValue(rs.getString(1), rs.getString(2), YearMonth.parse(rs.getString(3).strip()),
                        Measure.valueOf(rs.getString(4)), rs.getBigDecimal(5), rs.getString(6), rs.getString(7),
                        rs.getString(8)))
                .list();
    }

    /**
     * The values of the same sender's previous accepted version of a report, by indicator and measure, with that
     * version's number: what a new version's figures are compared with.
     */
    public Map<String, BigDecimal> previousVersionNumbers(FiledSubmission submission) {
        Map<String, BigDecimal> numbers = new HashMap<>();
        jdbc.sql("""
                SELECT p.indicator_code, p.measure, p.num_value FROM staged_value p
                WHERE p.num_value IS NOT NULL
                  AND p.submission_id = (SELECT MAX(id) FROM submission WHERE unit_key = ? AND form_code = ? AND period = ?
                                         AND folder = ? AND status = 'ACCEPTED' AND id < ?)""")
                .params(submission.unitKey(), submission.formCode(), submission.period().toString(), submission.folder(),
                        submission.id())
                .query(rs -> {
                    numbers.put(rs.getString(1) + "|" + rs.getString(2), rs.getBigDecimal(3));
                });
        return numbers;
    }

    /** A unit's consolidated numbers of a period, by indicator and measure (last year's, to compare with). */
    public Map<String, BigDecimal> consolidatedNumbers(String unitKey, YearMonth period) {
        Map<String, BigDecimal> numbers = new HashMap<>();
        jdbc.sql("""
                SELECT indicator_code, measure, num_value FROM data_value
                WHERE unit_key = ? AND period = ? AND num_value IS NOT NULL AND NOT derived""")
                .params(unitKey, period.toString())
                .query(rs -> {
                    numbers.put(rs.getString(1) + "|" + rs.getString(2), rs.getBigDecimal(3));
                });
        return numbers;
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
                              AND folder = ? AND status = 'ACCEPTED' AND id < ?)
                  AND NOT EXISTS (SELECT 1 FROM staged_value c WHERE c.submission_id = ?
                                  AND c.indicator_code = p.indicator_code AND c.measure = p.measure)
                ORDER BY p.indicator_code, p.measure
                """).params(submission.unitKey(), submission.formCode(), submission.period().toString(),
                submission.folder(), submission.id(), submission.id())
                .query((rs, n) -> new RemovedValue(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getString(5), rs.getInt(6)))
                .list();
    }

    /** An accepted version of a unit's report: who sent it (its folder), its file, and whether it is current. */
    public record Version(long id, String folder, String originalName, int version, LocalDate night, boolean current) {
    }

    /** Every accepted version of the same unit's report of the same form and period, oldest first. */
    public List<Version> versions(FiledSubmission submission) {
        return jdbc.sql("""
                SELECT s.id, s.folder, s.original_name, s.version, s.received_night,
                       CASE WHEN c.submission_id = s.id THEN 1 ELSE 0 END
                FROM submission s LEFT JOIN current_submission c
                     ON c.unit_key = s.unit_key AND c.form_code = s.form_code AND c.period = s.period
                WHERE s.unit_key = ? AND s.form_code = ? AND s.period = ? AND s.status = 'ACCEPTED'
                ORDER BY s.id""").params(submission.unitKey(), submission.formCode(), submission.period().toString())
                .query((rs, n) -> new Version(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, LocalDate.class), rs.getInt(6) == 1))
                .list();
    }

    /** Whether the period's figures still hold a value the submission left empty (another form gives it). */
    public boolean stillConsolidated(FiledSubmission submission, RemovedValue removed) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM data_value WHERE unit_key = ? AND indicator_code = ? AND period = ? AND measure = ?
                  AND NOT derived
                """).params(removed.unitKey(), removed.indicatorCode(), submission.period().toString(), removed.measure())
                .query(Long.class).single() > 0;
    }

    /** @param findingsTold how many points the feedback file lists, as the unit reads them */
    public void markFiled(long submissionId, String filedPath, String feedbackPath, Instant at, int findingsTold) {
        jdbc.sql("UPDATE submission SET filed_path = ?, feedback_path = ?, filed_at = ?, findings_told = ? WHERE id = ?")
                .params(filedPath, feedbackPath, Timestamp.from(at), findingsTold, submissionId).update();
    }

    /** What the files received on one night came to. */
    public NightSummary summary(LocalDate night) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(CASE WHEN status = 'ACCEPTED' THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN status = 'REJECTED' THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN status = 'DUPLICATE' THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN status = 'RECEIVED' THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(values_taken), 0),
                       COALESCE(SUM(findings_told), 0)
                FROM submission WHERE received_night = ?
                """).params(night)
                .query((rs, n) -> new NightSummary(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getLong(5), rs.getLong(6), repeated(night)))
                .single();
    }

    /** The reports of which a night accepted several versions, or that two senders have sent, with the one in force. */
    private List<NightSummary.Repeated> repeated(LocalDate night) {
        return jdbc.sql("""
                SELECT t.unit_key, t.form_code, t.period, t.tonight, COUNT(DISTINCT a.folder), MAX(f.original_name)
                FROM (SELECT unit_key, form_code, period, COUNT(*) AS tonight FROM submission
                      WHERE received_night = ? AND status = 'ACCEPTED' GROUP BY unit_key, form_code, period) t
                JOIN submission a ON a.unit_key = t.unit_key AND a.form_code = t.form_code AND a.period = t.period
                                 AND a.status = 'ACCEPTED'
                LEFT JOIN current_submission c
                       ON c.unit_key = t.unit_key AND c.form_code = t.form_code AND c.period = t.period
                LEFT JOIN submission f ON f.id = c.submission_id
                GROUP BY t.unit_key, t.form_code, t.period, t.tonight
                HAVING t.tonight > 1 OR COUNT(DISTINCT a.folder) > 1
                ORDER BY t.period, t.unit_key, t.form_code""").param(night)
                .query((rs, n) -> new NightSummary.Repeated(rs.getString(1), rs.getString(2),
                        YearMonth.parse(rs.getString(3).strip()), rs.getInt(4), rs.getInt(5), rs.getString(6)))
                .list();
    }

    /** Stores what reading a file gave, in the caller's transaction: all of it or none. */
    public void store(IngestResult result, Instant ingestedAt) {
        Integer version = null;
        if (result.formCode() != null && result.unitKey() != null && result.period() != null) {
            // the sender's own versions: a report another sends for the unit (a delegation) counts apart
            version = jdbc.sql("""
                    SELECT COALESCE(MAX(version), 0) + 1 FROM submission
                    WHERE unit_key = ? AND form_code = ? AND period = ? AND id <> ?
                      AND folder = (SELECT folder FROM submission WHERE id = ?)
                    """).params(result.unitKey(), result.formCode(), result.period().toString(), result.submissionId(),
                    result.submissionId())
                    .query(Integer.class).single();
        }
        int updated = jdbc.sql("""
                UPDATE submission
                SET status = ?, unit_key = ?, form_code = ?, period = ?, as_of = ?, version = ?, values_taken = ?,
                    rejection = ?, ingested_at = ?
                WHERE id = ? AND status = 'RECEIVED'
                """).params(result.status().name(), result.unitKey(), result.formCode(),
                result.period() == null ? null : result.period().toString(), result.asOf(), version,
                result.values().size(), fit(result.rejection(), MESSAGE), Timestamp.from(ingestedAt), result.submissionId())
                .update();
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
        List<Finding> findings = findingsStored(result);
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
                    ps.setString(7, fit(v.text(), TEXT));
                    ps.setString(8, fit(v.sheet(), SHEET));
                    ps.setString(9, fit(v.cell(), CELL));
                });
        batch.batchUpdate("""
                INSERT INTO finding (submission_id, severity, code, sheet, cell, found, message)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, findings, 500, (ps, f) -> {
                    ps.setLong(1, result.submissionId());
                    ps.setString(2, f.severity().name());
                    ps.setString(3, f.code());
                    ps.setString(4, fit(f.sheet(), SHEET));
                    ps.setString(5, fit(f.cell(), CELL));
                    ps.setString(6, fit(f.found(), FOUND));
                    ps.setString(7, fit(f.message(), MESSAGE));
                });
    }

    /**
     * The findings a result is stored with: the reading's, and a text too long for its column told as cut (its
     * cell's value is kept shortened). A dry check tells the same without storing anything.
     */
    public List<Finding> findingsStored(IngestResult result) {
        List<Finding> findings = new ArrayList<>(result.findings());
        for (StagedValue value : result.values()) {
            if (value.text() != null && value.text().length() > TEXT) {
                findings.add(new Finding(Severity.WARNING, "TEXT_CUT", value.sheet(), value.cell(), null,
                        messages.get("feedback.reading.text-cut", VietnameseNumbers.format(
                                BigDecimal.valueOf(value.text().length()), 0), VietnameseNumbers.format(
                                BigDecimal.valueOf(TEXT), 0))));
            }
        }
        return findings;
    }

    /**
     * The version a sender's next file of a unit's report would become: one more than the highest its folder
     * has sent for that unit, form and period ({@link #store} numbers a read file the same way).
     */
    public int nextVersion(String folder, String unitKey, String formCode, YearMonth period) {
        return jdbc.sql("""
                SELECT COALESCE(MAX(version), 0) + 1 FROM submission
                WHERE unit_key = ? AND form_code = ? AND period = ? AND folder = ?
                """).params(unitKey, formCode, period.toString(), folder).query(Integer.class).single();
    }

    /**
     * A text from a file cut to its column, ending in "…", never half a character: a sheet named after a CSV of
     * 250 characters, a cell of 5,000, a finding quoting either, is a value of the night, never a failed night.
     */
    static String fit(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        int end = length - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
