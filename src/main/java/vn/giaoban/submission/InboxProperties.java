package vn.giaoban.submission;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where units drop their files and how the scan treats them.
 *
 * @param dir             the inbox: one sub-folder per unit, named by the unit's code
 * @param stableAfter     a file changed more recently than this is still being copied: left for a later run
 * @param fallbackCharset the encoding of a CSV that is not UTF-8 and has no BOM
 * @param unitCharsets    the same, for a unit whose office PC writes another one (unit code to charset);
 *                        no detector recognises Windows-1258, so it is configured, not guessed
 */
@ConfigurationProperties("giaoban.inbox")
public record InboxProperties(Path dir, Duration stableAfter, String fallbackCharset, Map<String, String> unitCharsets) {

    public InboxProperties {
        unitCharsets = unitCharsets == null ? Map.of() : Map.copyOf(unitCharsets);
        // an unknown encoding is a configuration error at start-up, not a failure in the middle of a night
        Charset.forName(fallbackCharset);
        unitCharsets.values().forEach(Charset::forName);
    }

    /** How a unit's CSV files are encoded when they are neither UTF-8 nor marked by a BOM. */
    public Charset legacyCharset(String unitCode) {
        return Charset.forName(unitCharsets.getOrDefault(unitCode, fallbackCharset));
    }
}
