package vn.giaoban.submission;

import java.nio.file.Path;

/** A file the scan registered, waiting to be read. */
public record ReceivedFile(long submissionId, String folder, Path path, String relativePath) {
}
