package vn.giaoban.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import vn.giaoban.GiaobanApplication;
import vn.giaoban.cli.ExitStatus;
import vn.giaoban.cli.HelpOption;
import vn.giaoban.text.Messages;

/**
 * {@code giaoban worker}: takes ingest and briefing partitions from the queue until it is stopped (SIGTERM, Ctrl+C),
 * which it obeys after the partition in hand. It holds no run lock (it does not own a working folder) and
 * never migrates the shared database: the manager does.
 */
@Command(name = "worker")
final class WorkerCli implements Callable<Integer> {

    private final ApplicationConsole console;

    @Mixin
    HelpOption help;

    WorkerCli(ApplicationConsole console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        List<String> settings = new ArrayList<>(console.settings());
        settings.add("--giaoban.remote.worker=true");
        settings.add("--spring.flyway.enabled=false");
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplication(GiaobanApplication.class).run(settings.toArray(String[]::new));
        } catch (RuntimeException e) {
            return console.cannotStart(e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        context.addApplicationListener((ContextClosedEvent event) -> stopped.countDown());
        console.out().println(context.getBean(Messages.class).get("cli.worker-waiting",
                context.getEnvironment().getProperty("giaoban.remote.queue", "giaoban.ingest")));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.close();
        }
        return ExitStatus.COMPLETED;
    }
}
