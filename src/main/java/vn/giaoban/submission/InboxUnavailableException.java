package vn.giaoban.submission;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import vn.giaoban.text.Messages;

/** The inbox is missing, is not a folder or cannot be read: nothing to scan, and nothing changed. */
public class InboxUnavailableException extends RuntimeException {

    /** What is wrong with the inbox. */
    public enum Reason {
                MISSING("cli.inbox.missing"),
        NOT_A_FOLDER("cli.inbox.not-a-folder"),
        NOT_READABLE("cli.inbox.not-readable");

        /** The sentence's key in the command line's bundle. */
        private final String key;

        Reason(String key) {
            this.key = key;
        }
    }

    private final Path inbox;
    private final Reason reason;

    public InboxUnavailableException(Path inbox, Reason reason) {
        super("Inbox " + inbox.toAbsolutePath() + ": " + reason);
        this.inbox = inbox.toAbsolutePath();
        this.reason = reason;
    }

    /** What is wrong with {@code inbox}, if anything: a folder this process can list and enter is fine. */
    static Optional<Reason> problem(Path inbox) {
        if (!Files.exists(inbox)) {
            return Optional.of(Reason.MISSING);
        }
        if (!Files.isDirectory(inbox)) {
            return Optional.of(Reason.NOT_A_FOLDER);
        }
        if (!Files.isReadable(inbox) || !Files.isExecutable(inbox)) {
            return Optional.of(Reason.NOT_READABLE);
        }
        return Optional.empty();
    }

    public Path inbox() {
        return inbox;
    }

    public Reason reason() {
        return reason;
    }

        /**
     * For the person at the terminal, in Vietnamese: the shipped wording, because it is told where the
     * office's rewording may not be known yet.
     */
    public String describe() {
        return Messages.defaults().get(reason.key, inbox);
    }
}
