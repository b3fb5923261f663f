package vn.giaoban.web;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may sign in to the console: the users file ({@code giaoban.web.users-file}, UTF-8 CSV with the header
 * {@code username,role,unit,office,name,password}), one line per person, the password a bcrypt hash. Read
 * again whenever the file changes, so a person added by {@code giaoban user add} signs in without a restart.
 * A line with an unknown role or without a hash signs nobody in (and is named in the log by its number).
 */
@Component
public class ConsoleUsers implements UserDetailsService {

    static final String[] HEADER = { "username", "role", "unit", "office", "name", "password" };
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader(HEADER).setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConsoleUsers.class);

    private final Path file;
    private Map<String, ConsoleUser> users = Map.of();
    private FileTime readAt;

    public ConsoleUsers(WebProperties settings) {
        this.file = settings.usersFile();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException(username));
    }

    Optional<ConsoleUser> find(String username) {
        return Optional.ofNullable(current().get(username.trim()));
    }

    List<ConsoleUser> all() {
        return List.copyOf(current().values());
    }

    /** Adds a person, or replaces the line of one of that name (a new password, a new unit). */
    synchronized void put(ConsoleUser user) {
        Map<String, ConsoleUser> next = new LinkedHashMap<>(read());
        next.put(user.username(), user);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".users", ".csv");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
                    CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(writer)) {
                for (ConsoleUser each : next.values()) {
                    printer.printRecord(each.username(), each.role().word(), blank(each.unitCode()),
                            blank(each.officeCode()), blank(each.name()), each.passwordHash());
                }
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        readAt = null;
    }

    private synchronized Map<String, ConsoleUser> current() {
        try {
            FileTime modified = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
            if (modified == null) {
                users = Map.of();
            } else if (!modified.equals(readAt)) {
                users = read();
                readAt = modified;
            }
            return users;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private Map<String, ConsoleUser> read() {
        if (!Files.exists(file)) {
            return Map.of();
        }
        Map<String, ConsoleUser> read = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord line : FORMAT.parse(reader)) {
                Optional<Role> role = Role.of(line.get("role"));
                String hash = line.get("password");
                if (role.isEmpty() || hash.isEmpty() || line.get("username").isEmpty()
                        || role.get() == Role.UNIT && line.get("unit").isEmpty()) {
                    log.warn("{} line {}: no username, role, hash or (for a unit) unit code; nobody signs in with it",
                            file, line.getRecordNumber() + 1);
                    continue;
                }
                read.put(line.get("username"), new ConsoleUser(line.get("username"), role.get(), nullIfBlank(line.get("unit")),
                        nullIfBlank(line.get("office")), line.get("name"), hash));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return read;
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }

    private static String nullIfBlank(String value) {
        return value.isEmpty() ? null : value;
    }
}
