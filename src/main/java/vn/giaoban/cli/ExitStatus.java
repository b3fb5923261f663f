package vn.giaoban.cli;

/**
 * The process's exit statuses, for cron and scripts to act on; {@code system.ExitCode} names them for the
 * command line, which owns what each means.
 */
public final class ExitStatus {

    public static final int COMPLETED = 0;
    public static final int FAILED = 1;
    /** the command line or the configuration is wrong: nothing was run */
    public static final int CONFIGURATION_ERROR = 2;
    public static final int ALREADY_RUNNING = 3;
    public static final int NOT_DELIVERED = 4;
    public static final int STORAGE_ERROR = 5;
    /** a file checked without a night (validate) would be refused, or some of its values would not be taken */
    public static final int NOT_ACCEPTED = 6;

    private ExitStatus() {
    }
}
