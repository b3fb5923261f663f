package vn.giaoban.submission.internal;

/** What one unit folder has waiting to be read: the weight the ingest partitions are balanced by. */
public record FolderLoad(String folder, long bytes, int files) {
}
