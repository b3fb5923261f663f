package vn.giaoban.system;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import vn.giaoban.GiaobanApplication;
import vn.giaoban.catalog.CatalogException;
import vn.giaoban.cli.Console;
import vn.giaoban.cli.ExitStatus;
import vn.giaoban.text.Messages;

/**
 * The {@link Console} of one command line: the application started with the settings typed, under the
 * working folder's {@link RunLock}; a start that fails is one Vietnamese sentence and an exit status, the
 * details go to the log.
 */
final class ApplicationConsole implements Console {

    private static final Logger log = LoggerFactory.getLogger(ApplicationConsole.class);

    private final PrintStream out;
    private final List<String> settings;

    ApplicationConsole(PrintStream out, List<String> settings) {
        this.out = out;
        this.settings = List.copyOf(settings);
    }

    @Override
    public PrintStream out() {
        return out;
    }

    @Override
    public List<String> settings() {
        return settings;
    }

    @Override
    public int withApplication(Work work) {
        return withApplication(settings, work);
    }

    /** Like {@link #withApplication(Work)} with settings of the command's own (the demo's). */
    int withApplication(List<String> settings, Work work) {
        ConfigurableApplicationContext context;
        RunLock.Initializer runLock = new RunLock.Initializer();
        try {
            SpringApplication application = new SpringApplication(GiaobanApplication.class);
            application.addInitializers(runLock);
            context = application.run(settings.toArray(String[]::new));
        } catch (RunLock.RunInProgressException e) {
            log.warn(e.getMessage());
            out.println(Messages.defaults().get("cli.run-in-progress"));
            return ExitStatus.ALREADY_RUNNING;
        } catch (RuntimeException e) {
            runLock.release();
            return cannotStart(e);
        }
        try (context) {
            return work.run(context);
        }
    }

    /**
     * Starts the application as the web console ({@code giaoban serve}): under the run lock while it starts
     * (its migrations), then, once it listens, the embedded database opened to the folder's other commands
     * and the run lock left to them ({@link ConsoleLock}); returns when the process is asked to stop.
     */
    int serve(List<String> settings) {
        ConfigurableApplicationContext context;
        RunLock.Initializer runLock = new RunLock.Initializer();
        ConsoleLock.Initializer consoleLock = new ConsoleLock.Initializer();
        try {
            SpringApplication application = new SpringApplication(GiaobanApplication.class);
            application.addInitializers(runLock, consoleLock);
            context = application.run(settings.toArray(String[]::new));
        } catch (RunLock.RunInProgressException e) {
            log.warn(e.getMessage());
            out.println(Messages.defaults().get("cli.run-in-progress"));
            return ExitStatus.ALREADY_RUNNING;
        } catch (ConsoleLock.ConsoleRunningException e) {
            runLock.release();
            log.warn(e.getMessage());
            out.println(Messages.defaults().get("cli.console-running"));
            return ExitStatus.ALREADY_RUNNING;
        } catch (RuntimeException e) {
            runLock.release();
            consoleLock.release();
            return cannotStart(e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> stopped.countDown());
        String url = context.getEnvironment().getProperty("spring.datasource.url");
        try (context; EmbeddedDatabaseServer server = EmbeddedDatabaseServer.embedded(url)
                ? EmbeddedDatabaseServer.start(url,
                        context.getEnvironment().getProperty("giaoban.web.database-port", Integer.class, 0)) : null) {
            if (server != null) {
                consoleLock.advertise(server.port());
            }
            runLock.release();
            out.println(Messages.defaults().get("cli.serving", context.getEnvironment().getProperty("local.server.port"),
                    context.getEnvironment().getProperty("server.address")));
            stopped.await();
            return ExitStatus.COMPLETED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitStatus.COMPLETED;
        } catch (RuntimeException e) {
            // the database's server could not listen (its port taken): said as any start that failed
            return cannotStart(e);
        } finally {
            runLock.release();
            consoleLock.release();
        }
    }

    @Override
    public int cannotStart(RuntimeException e) {
        log.error("giaoban could not start", e);
        out.println(startFailure(e));
        return ExitStatus.CONFIGURATION_ERROR;
    }

    /** The catalog's own message when the catalog is what failed, else the root cause's. */
    static String startFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CatalogException) {
                return cause.getMessage();
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return Messages.defaults().get("cli.cannot-start", root.getMessage());
    }
}
