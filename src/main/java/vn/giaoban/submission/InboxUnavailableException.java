package vn.giaoban.submission;

import java.nio.file.Path;

/** The inbox is missing or cannot be read: nothing to scan, and nothing changed. */
public class InboxUnavailableException extends RuntimeException {

    private final Path inbox;

    public InboxUnavailableException(Path inbox) {
        super("Inbox " + inbox.toAbsolutePath() + " does not exist or cannot be read");
        this.inbox = inbox.toAbsolutePath();
    }

    public Path inbox() {
        return inbox;
    }
}
