package vn.giaoban.submission.internal.table;

/** A file that cannot be read at all; the message is the Vietnamese sentence the unit reads. */
public class UnreadableFileException extends Exception {

    public UnreadableFileException(String vietnameseReason, Throwable cause) {
        super(vietnameseReason, cause);
    }

    public UnreadableFileException(String vietnameseReason) {
        super(vietnameseReason);
    }
}
