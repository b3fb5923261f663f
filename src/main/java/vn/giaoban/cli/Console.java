package vn.giaoban.cli;

import java.io.PrintStream;
import java.util.List;

import org.springframework.context.ApplicationContext;

/**
 * What a command gets from the command line that runs it: where its lines go, the settings typed beside
 * it, and the application started with them. {@code system} implements it (the run lock, the start-up
 * failures as one Vietnamese sentence); a feature's command needs nothing else of {@code system}.
 */
public interface Console {

    /** Where the command's lines go: what a person at the terminal, or cron, reads. */
    PrintStream out();

    /** The settings typed on the command line ({@code --giaoban.*}, {@code --spring.*}, {@code --logging.*}), in order. */
    List<String> settings();

    /**
     * Starts the application with {@link #settings()}, holding the working folder's run lock, runs
     * {@code work} and closes the application.
     *
     * @return what {@code work} returns, or the {@link ExitStatus} of a start that failed (its sentence printed)
     */
    int withApplication(Work work);

    /** Tells a start-up that failed outside {@link #withApplication} in one sentence (details to the log). */
    int cannotStart(RuntimeException e);

    /** A command's work on the started application: its {@link ExitStatus}. */
    @FunctionalInterface
    interface Work {
        int run(ApplicationContext context);
    }
}
