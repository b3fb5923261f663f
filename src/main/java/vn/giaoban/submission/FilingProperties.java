package vn.giaoban.submission;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a received file goes once read, and where its unit finds the answer.
 *
 * @param root        the working folder: paths told to people and stored are relative to it
 * @param outboxDir   {@code <outbox>/<unit>/<file>.phan-hoi.txt}: the feedback of each submission
 * @param archiveDir  {@code <archive>/<period>/<unit>/}: accepted originals, versions side by side
 * @param rejectedDir {@code <rejected>/<period>/<unit>/}: rejected originals
 */
@ConfigurationProperties("giaoban.filing")
public record FilingProperties(Path root, Path outboxDir, Path archiveDir, Path rejectedDir) {
}
