package vn.giaoban.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import vn.giaoban.cli.HelpOption;

/**
 * {@code giaoban serve}: the web console on the working folder and database the nights use
 * ({@code giaoban.web.*}: address, port, users file), until the process is stopped. Nights from cron keep
 * running beside it ({@link ConsoleLock}).
 */
@Command(name = "serve", sortOptions = false, sortSynopsis = false)
final class ServeCli implements Callable<Integer> {

    private final ApplicationConsole console;

    @Mixin
    HelpOption help;

    ServeCli(ApplicationConsole console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        List<String> settings = new ArrayList<>();
        settings.add("--spring.main.web-application-type=servlet");
        settings.addAll(console.settings());
        return console.serve(settings);
    }
}
