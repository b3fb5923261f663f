package vn.giaoban.submission;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where units drop their files and how the scan treats them.
 *
 * @param dir             the inbox: one sub-folder per unit, named by the unit's code
 * @param stableAfter     a file changed more recently than this is still being copied: left for a later run
 * @param fallbackCharset the encoding of a CSV that is not UTF-8 and has no BOM
 */
@ConfigurationProperties("giaoban.inbox")
public record InboxProperties(Path dir, Duration stableAfter, String fallbackCharset) {
}
