package vn.giaoban.delivery;

/** Where the e-mailing of one generated briefing stands. */
public enum DeliveryStatus {
    /** waiting to be sent, or failed and to be tried again on the next run */
    PENDING,
    /** handed to the SMTP server */
    SENT,
    /** failed {@code max-attempts} times: not tried again; the office sends the file by hand */
    FAILED_FINAL,
    /** a newer briefing of the same period was generated before this one could be sent: only the latest is sent */
    SUPERSEDED
}
