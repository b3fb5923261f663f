package vn.giaoban.submission;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import vn.giaoban.submission.internal.table.ReadLimits;

/**
 * Where units drop their files and how the scan treats them.
 *
 * @param dir             the inbox: one sub-folder per unit, named by the unit's code
 * @param stableAfter     a file changed more recently than this is still being copied: left for a later run
 * @param fallbackCharset the encoding of a CSV that is not UTF-8 and has no BOM
 * @param unitCharsets    the same, for a unit whose office PC writes another one (unit code to charset);
 *                        no detector recognises Windows-1258, so it is configured, not guessed
 * @param limits          how large a file is read at all
 */
@ConfigurationProperties("giaoban.inbox")
public record InboxProperties(Path dir, Duration stableAfter, String fallbackCharset, Map<String, String> unitCharsets,
        @DefaultValue Limits limits) {

    public InboxProperties {
        unitCharsets = unitCharsets == null ? Map.of() : Map.copyOf(unitCharsets);
        limits = limits == null ? new Limits(null, null, null, null) : limits;
        // an unknown encoding is a configuration error at start-up, not a failure in the middle of a night
        Charset.forName(fallbackCharset);
        unitCharsets.values().forEach(Charset::forName);
    }

    /** How a unit's CSV files are encoded when they are neither UTF-8 nor marked by a BOM. */
    public Charset legacyCharset(String unitCode) {
        return Charset.forName(unitCharsets.getOrDefault(unitCode, fallbackCharset));
    }

    /**
     * The defaults refuse what no monthly report is; an office that receives lists of hundreds of
     * thousands of rows (a household review) raises them, e.g. {@code max-file-size: 512MB},
     * {@code max-part-size: 1GB}, {@code max-package-size: 2GB}, {@code shared-strings-off-heap-above: 16MB}.
     *
     * @param maxFileSize                the largest file read at all
     * @param maxPartSize                the most one part of an .xlsx (a sheet, its shared strings) may expand to
     * @param maxPackageSize             the most all parts of an .xlsx together may expand to
     * @param sharedStringsOffHeapAbove  past this size an .xlsx's shared strings (a list's names and addresses)
     *                                   are kept in a memory-mapped temporary file, not on the heap; unset:
     *                                   always on the heap, and a table larger than an eighth of it is refused
     */
    public record Limits(DataSize maxFileSize, DataSize maxPartSize, DataSize maxPackageSize,
            DataSize sharedStringsOffHeapAbove) {

        public Limits {
            ReadLimits defaults = ReadLimits.DEFAULTS;
            maxFileSize = maxFileSize == null ? DataSize.ofBytes(defaults.maxFileBytes()) : maxFileSize;
            maxPartSize = maxPartSize == null ? DataSize.ofBytes(defaults.maxPartBytes()) : maxPartSize;
            maxPackageSize = maxPackageSize == null ? DataSize.ofBytes(defaults.maxPackageBytes()) : maxPackageSize;
            readLimits(maxFileSize, maxPartSize, maxPackageSize, sharedStringsOffHeapAbove); // invalid: refused at start-up
        }

        public ReadLimits readLimits() {
            return readLimits(maxFileSize, maxPartSize, maxPackageSize, sharedStringsOffHeapAbove);
        }

        private static ReadLimits readLimits(DataSize file, DataSize part, DataSize pkg, DataSize offHeapAbove) {
            return new ReadLimits(file.toBytes(), part.toBytes(), pkg.toBytes(),
                    offHeapAbove == null ? Long.MAX_VALUE : offHeapAbove.toBytes());
        }
    }
}
