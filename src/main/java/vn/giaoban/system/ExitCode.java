package vn.giaoban.system;

/** The exit status the command line returns, for cron and scripts to act on. */
public enum ExitCode {
    /** the job completed; rejected files and bad cells are a normal night, listed in the output */
    COMPLETED(0),
    /** the job failed; running the same command again restarts it where it stopped */
    FAILED(1),
    /** the command line or the configuration (catalog, settings) is wrong: nothing was run */
    CONFIGURATION_ERROR(2),
    /** a run with the same period and night is in progress */
    ALREADY_RUNNING(3);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
