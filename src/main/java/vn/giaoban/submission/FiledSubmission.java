package vn.giaoban.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** A submission that has been read and waits to be filed away and answered. */
public record FiledSubmission(long id, String folder, String relativePath, String originalName, String contentHash,
        Instant receivedAt, SubmissionStatus status, String unitKey, String formCode, YearMonth period, LocalDate asOf,
        Integer version, int valuesTaken, String rejection) {
}
