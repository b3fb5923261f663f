package vn.giaoban.submission;

/** Where a received file stands. */
public enum SubmissionStatus {
    /** seen by the scan, not yet read */
    RECEIVED,
    /** read; its values count (some cells may have findings) */
    ACCEPTED,
    /** refused whole: unreadable, unidentifiable or contradictory */
    REJECTED,
    /** the same content as the version already current for its unit: nothing new */
    DUPLICATE
}
