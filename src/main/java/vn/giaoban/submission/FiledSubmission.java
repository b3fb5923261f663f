package vn.giaoban.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A submission that has been read and waits to be filed away and answered.
 *
 * @param modifiedAt the file's modification time in the inbox
 * @param night      the night that received it
 */
public record FiledSubmission(long id, String folder, String relativePath, String originalName, String contentHash,
        Instant modifiedAt, Instant receivedAt, LocalDate night, SubmissionStatus status, String unitKey, String formCode, YearMonth period, LocalDate asOf,
        Integer version, int valuesTaken, String rejection) {
}
