package vn.giaoban.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.cli.Console;
import vn.giaoban.cli.ExitStatus;
import vn.giaoban.cli.HelpOption;
import vn.giaoban.text.Messages;

/**
 * {@code giaoban user add NAME --role van-phong|don-vi|lanh-dao [--unit CODE] [--office CODE] [--full-name ...]}:
 * adds a person to the console's users file (or replaces their line), the password read from the terminal
 * without echo, or as one line from standard input, and stored as a bcrypt hash; {@code giaoban user list}
 * prints who may sign in.
 */
@Command(name = "user")
public final class UserCli {

    @Mixin
    HelpOption help;

    private UserCli() {
    }

    /** The command with its sub-commands, each given the console. */
    public static picocli.CommandLine commandLine(Console console) {
        return new picocli.CommandLine(new UserCli()).addSubcommand(new Add(console))
                .addSubcommand(new ListUsers(console));
    }

    @Command(name = "add", sortOptions = false, sortSynopsis = false)
    static final class Add implements Callable<Integer> {

        private final Console console;

        @Parameters(index = "0", paramLabel = "TÊN")
        String username;

        @Option(names = "--role", required = true, paramLabel = "van-phong|don-vi|lanh-dao")
        String role;

        @Option(names = "--unit", paramLabel = "mã-đơn-vị")
        String unit;

        @Option(names = "--office", paramLabel = "mã-cơ-quan")
        String office;

        @Option(names = "--full-name", paramLabel = "họ-tên")
        String fullName;

        @Mixin
        HelpOption help;

        Add(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            PrintStream out = console.out();
            Messages words = Messages.defaults();
            Role chosen = Role.of(role).orElse(null);
            if (chosen == null) {
                out.println(words.get("cli.user.bad-role", role));
                return ExitStatus.CONFIGURATION_ERROR;
            }
            if (chosen == Role.UNIT && (unit == null || unit.isBlank())) {
                out.println(words.get("cli.user.unit-needed"));
                return ExitStatus.CONFIGURATION_ERROR;
            }
            if (!username.matches("[\\p{L}\\p{N}._@-]{1,100}")) {
                out.println(words.get("cli.user.bad-name", username));
                return ExitStatus.CONFIGURATION_ERROR;
            }
            return console.withApplication(context -> {
                Catalog catalog = context.getBean(Catalog.class);
                if (unit != null && catalog.unitsWithCode(unit).isEmpty()) {
                    out.println(words.get("cli.user.unknown-unit", unit));
                    return ExitStatus.CONFIGURATION_ERROR;
                }
                if (office != null && catalog.office(office, YearMonth.now()).isEmpty()) {
                    out.println(words.get("cli.user.unknown-office", office));
                    return ExitStatus.CONFIGURATION_ERROR;
                }
                char[] password = password(out, words);
                if (password.length < 8) {
                    out.println(words.get("cli.user.short-password"));
                    return ExitStatus.CONFIGURATION_ERROR;
                }
                String hash = new BCryptPasswordEncoder().encode(new String(password));
                Arrays.fill(password, ' ');
                ConsoleUsers users = context.getBean(ConsoleUsers.class);
                users.put(new ConsoleUser(username, chosen, chosen == Role.UNIT ? unit : null, office,
                        fullName == null ? "" : fullName, hash));
                out.println(words.get("cli.user.added", username, chosen.label(),
                        context.getBean(WebProperties.class).usersFile()));
                return ExitStatus.COMPLETED;
            });
        }

        /** From the terminal without echo, twice; or the first line of standard input (a script's). */
        private static char[] password(PrintStream out, Messages words) {
            java.io.Console terminal = System.console();
            if (terminal != null) {
                char[] first = terminal.readPassword("%s", words.get("cli.user.password-prompt"));
                char[] again = terminal.readPassword("%s", words.get("cli.user.password-again"));
                if (first == null || !Arrays.equals(first, again)) {
                    out.println(words.get("cli.user.password-mismatch"));
                    return new char[0];
                }
                return first;
            }
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return line == null ? new char[0] : line.toCharArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Command(name = "list")
    static final class ListUsers implements Callable<Integer> {

        private final Console console;

        @Mixin
        HelpOption help;

        ListUsers(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            return console.withApplication(context -> {
                for (ConsoleUser user : context.getBean(ConsoleUsers.class).all()) {
                    console.out().println(String.join("  ", user.username(), user.role().label(),
                            user.unitCode() == null ? "" : user.unitCode(), user.name()));
                }
                return ExitStatus.COMPLETED;
            });
        }
    }
}
