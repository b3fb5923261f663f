package vn.giaoban.system;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import vn.giaoban.cli.ExitStatus;
import vn.giaoban.cli.HelpOption;
import vn.giaoban.text.Messages;

/**
 * {@code giaoban backup [--to DIR]}: an online backup of the embedded database (HSQLDB's BACKUP DATABASE
 * ... NOT BLOCKING), a .tar.gz a person copies elsewhere. PostgreSQL is backed up with its own tools (pg_dump).
 */
@Command(name = "backup", sortOptions = false, sortSynopsis = false)
final class BackupCli implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(BackupCli.class);

    private final ApplicationConsole console;

    @Option(names = "--to", paramLabel = "thư-mục")
    String to;

    @Mixin
    HelpOption help;

    BackupCli(ApplicationConsole console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        PrintStream out = console.out();
        return console.withApplication(context -> {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            if (!"HSQL Database Engine".equals(product)) {
                out.println(context.getBean(Messages.class).get("cli.backup-not-embedded", product));
                return ExitStatus.CONFIGURATION_ERROR;
            }
            Path target = Path.of(to != null ? to
                    : context.getEnvironment().getProperty("giaoban.work-dir", "work") + "/backup").toAbsolutePath();
            try {
                Files.createDirectories(target);
                jdbc.execute("BACKUP DATABASE TO '" + target.toString().replace("'", "''") + "/' NOT BLOCKING");
            } catch (IOException | RuntimeException e) {
                log.error("Backup to {} failed", target, e);
                out.println(context.getBean(Messages.class).get("cli.backup-failed", target, e.getMessage()));
                return ExitStatus.STORAGE_ERROR;
            }
            try (var files = Files.list(target)) {
                files.filter(f -> f.getFileName().toString().endsWith(".tar.gz"))
                        .max(Comparator.comparing(f -> f.toFile().lastModified()))
                        .ifPresent(f -> out.println("backup: " + f));
            } catch (IOException e) {
                out.println("backup: " + target);
            }
            return ExitStatus.COMPLETED;
        });
    }
}
