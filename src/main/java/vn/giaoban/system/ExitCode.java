package vn.giaoban.system;

import vn.giaoban.cli.ExitStatus;

/** The exit status the command line returns, for cron and scripts to act on. */
public enum ExitCode {
    /** the job completed; rejected files and bad cells are a normal night, listed in the output */
    COMPLETED(ExitStatus.COMPLETED),
    /** the job failed; running the same command again restarts it where it stopped */
    FAILED(ExitStatus.FAILED),
    /** the command line or the configuration (catalog, settings) is wrong: nothing was run */
    CONFIGURATION_ERROR(ExitStatus.CONFIGURATION_ERROR),
    /** another giaoban process is running on the same working folder: nothing was changed */
    ALREADY_RUNNING(ExitStatus.ALREADY_RUNNING),
    /** the job completed and the briefing was written, but e-mailing it failed: retried on the next run */
    NOT_DELIVERED(ExitStatus.NOT_DELIVERED),
    /** a folder could not be read or written (inbox missing, output not writable, disk full): restartable once fixed */
    STORAGE_ERROR(ExitStatus.STORAGE_ERROR),
    /** validate: the file would be refused by the night, or some of its values would not be taken */
    NOT_ACCEPTED(ExitStatus.NOT_ACCEPTED);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The code of a status a command returned. */
    static ExitCode of(int status) {
        for (ExitCode code : values()) {
            if (code.status == status) {
                return code;
            }
        }
        throw new IllegalArgumentException("no exit code " + status);
    }
}
