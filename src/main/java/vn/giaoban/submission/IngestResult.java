package vn.giaoban.submission;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What reading one file gave: its identification, its values and its findings, or why it was
 * refused whole.
 */
public record IngestResult(long submissionId, SubmissionStatus status, String unitKey, String formCode,
        YearMonth period, LocalDate asOf, List<StagedValue> values, List<Finding> findings, String rejection) {

    public static IngestResult rejected(long submissionId, String unitKey, String formCode, YearMonth period,
            List<Finding> findings, String rejection) {
        return new IngestResult(submissionId, SubmissionStatus.REJECTED, unitKey, formCode, period, null, List.of(),
                findings, rejection);
    }
}
