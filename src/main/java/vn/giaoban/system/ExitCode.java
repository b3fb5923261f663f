package vn.giaoban.system;

/** The exit status the command line returns, for cron and scripts to act on. */
public enum ExitCode {
    /** the job completed; rejected files and bad cells are a normal night, listed in the output */
    COMPLETED(0),
    /** the job failed; running the same command again restarts it where it stopped */
    FAILED(1),
    /** the command line or the configuration (catalog, settings) is wrong: nothing was run */
    CONFIGURATION_ERROR(2),
    /** another giaoban process is running on the same working folder: nothing was changed */
    ALREADY_RUNNING(3),
    /** the job completed and the briefing was written, but e-mailing it failed: retried on the next run */
    NOT_DELIVERED(4),
    /** a folder could not be read or written (inbox missing, output not writable, disk full): restartable once fixed */
    STORAGE_ERROR(5);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
