package vn.giaoban.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The console's trail ({@code console_audit}): sign-ins, failed ones, sign-outs and uploads. */
@Component
public class ConsoleAudit {

    /** What was done. */
    public enum Action {
        SIGN_IN, SIGN_IN_FAILED, SIGN_OUT, UPLOAD, UPLOAD_REFUSED
    }

    /** One line of the trail. */
    public record Entry(LocalDateTime at, String username, Action action, String unitCode, String fileName,
            String contentHash, Long sizeBytes, String remote, String detail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public ConsoleAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void signIn(String username, String remote) {
        record(new Entry(now(), username, Action.SIGN_IN, null, null, null, null, remote, null));
    }

    void signInFailed(String username, String remote, String why) {
        record(new Entry(now(), username, Action.SIGN_IN_FAILED, null, null, null, null, remote, why));
    }

    void signOut(String username, String remote) {
        record(new Entry(now(), username, Action.SIGN_OUT, null, null, null, null, remote, null));
    }

    void upload(String username, String unitCode, String fileName, String hash, long size, String remote) {
        record(new Entry(now(), username, Action.UPLOAD, unitCode, fileName, hash, size, remote, null));
    }

    void uploadRefused(String username, String unitCode, String fileName, String remote, String why) {
        record(new Entry(now(), username, Action.UPLOAD_REFUSED, unitCode, fileName, null, null, remote, why));
    }

    private void record(Entry entry) {
        jdbc.sql("""
                INSERT INTO console_audit (happened_at, username, action, unit_code, file_name, content_hash, size_bytes, remote, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.valueOf(entry.at()), cut(entry.username(), 100), entry.action().name(), entry.unitCode(),
                        cut(entry.fileName(), 500), entry.contentHash(), entry.sizeBytes(), cut(entry.remote(), 64),
                        cut(entry.detail(), 2000))
                .update();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(Instant.now(clock), clock.getZone());
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
