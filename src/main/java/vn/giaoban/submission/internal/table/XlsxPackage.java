package vn.giaoban.submission.internal.table;

import static vn.giaoban.submission.internal.table.TableSources.say;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vets an .xlsx as a zip before POI opens it: every entry expanded once and counted, so that a zip
 * bomb, an oversized part, too many parts or a zip cut off in transit is refused with its reason.
 * POI's own limits are set here too, explicitly, so that nothing else in the process loosens them.
 */
final class XlsxPackage {

    static final String DAMAGED_ZIP = "feedback.read.xlsx.damaged-zip";
    static final String ZIP_BOMB = "feedback.read.xlsx.zip-bomb";
    static final String PART_TOO_LARGE = "feedback.read.xlsx.part-too-large";
    static final String TOO_MANY_PARTS = "feedback.read.xlsx.too-many-parts";

    /**
     * A part may expand to at most a hundred times its compressed size (POI's default, kept):
     * spreadsheet XML compresses 10 to 20 times, a zip bomb thousands of times.
     */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** The ratio is judged only past this size: tiny parts of repeated XML compress very well. */
    static final long GRACE_PART_BYTES = 100 * 1024;
    /**
     * The most one part may expand to. 32 MB of sheet XML is about 120,000 rows of six columns,
     * a hundred times the largest report; it also bounds what one attribute, comment or text the
     * XML parser holds whole (twice that in chars) under a 256 MB heap.
     */
    static final long MAX_PART_BYTES = 32L * 1024 * 1024;
    /** All parts together, expanded: bounds the time a package costs to check and read twice. */
    static final long MAX_PACKAGE_BYTES = 128L * 1024 * 1024;
    /**
     * The parts POI reads as a DOM when it opens a package (content types, relationships, core
     * properties) list a few parts each; a DOM costs ten times its XML, so these stay small.
     */
    static final long MAX_INDEX_PART_BYTES = 1024L * 1024;
    /** POI's default count of zip entries, kept: a workbook with every feature has a few hundred. */
    static final int MAX_PARTS = 1000;
    /** Each sheet is its own part, so a workbook cannot have more sheets than parts. */
    static final int MAX_SHEETS = MAX_PARTS;

    private static final Logger log = LoggerFactory.getLogger(XlsxPackage.class);

    static {
        // POI's protections, set explicitly so that nothing else in the process loosens them.
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setGraceEntrySize(GRACE_PART_BYTES);
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
        ZipSecureFile.setMaxFileCount(MAX_PARTS);
    }

    private XlsxPackage() {
    }

    /**
     * Expands every entry once, counting, before POI parses any of it: a zip bomb, an oversized
     * part, too many parts or a zip cut off in transit is refused with its reason. The sizes are
     * the bytes really inflated, not the ones the zip's directory claims.
     */
    static void checkPackage(Path file, ReadLimits limits) throws UnreadableFileException {
        long fileSize;
        try {
            fileSize = Files.size(file);
        } catch (IOException e) {
            throw new UnreadableFileException(say(TableSources.IO_FAILURE), e);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_PARTS) {
                throw new UnreadableFileException(say(TOO_MANY_PARTS, TableSources.count(MAX_PARTS)));
            }
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                long limit = isIndexPart(entry.getName()) ? MAX_INDEX_PART_BYTES : limits.maxPartBytes();
                long compressed = Math.max(entry.getCompressedSize(), 1);
                long expanded = 0;
                CRC32 crc = new CRC32();
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        crc.update(buffer, 0, n);
                        expanded += n;
                        total += n;
                        if (expanded > GRACE_PART_BYTES && (double) compressed / expanded < MIN_INFLATE_RATIO
                                || total > GRACE_PART_BYTES && (double) fileSize / total < MIN_INFLATE_RATIO) {
                            log.warn("{}: entry {} expands over {} times ({} bytes from {})", file, entry.getName(),
                                    Math.round(1 / MIN_INFLATE_RATIO), expanded, compressed);
                            throw new UnreadableFileException(say(ZIP_BOMB, entry.getName(),
                                    TableSources.count(Math.round(1 / MIN_INFLATE_RATIO))));
                        }
                        if (expanded > limit || total > limits.maxPackageBytes()) {
                            log.warn("{}: entry {} expands beyond {} bytes", file, entry.getName(), limit);
                            throw new UnreadableFileException(say(PART_TOO_LARGE, entry.getName(),
                                    TableSources.count(Math.min(limit, limits.maxPackageBytes()) / (1024 * 1024))));
                        }
                    }
                }
                if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
                    // the zip's own checksum: bytes changed since Excel wrote them
                    log.warn("{}: entry {} fails its checksum", file, entry.getName());
                    throw new UnreadableFileException(say(DAMAGED_ZIP));
                }
            }
        } catch (UnreadableFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            log.warn("{} starts like a zip but cannot be expanded: {}", file, e.toString());
            throw new UnreadableFileException(say(e instanceof ZipException || e.getCause() instanceof ZipException
                    || e instanceof java.io.EOFException ? DAMAGED_ZIP : XlsxWorkbook.NOT_EXCEL), e);
        }
    }

    private static boolean isIndexPart(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".rels") || lower.equals("[content_types].xml") || lower.startsWith("docprops/");
    }

    /**
     * POI's own entry limit is one setting for the whole process; the limit of each source is
     * checked by {@link #checkPackage} before POI opens it, so POI's is only raised to the largest
     * one configured, never lowered below it.
     */
    static synchronized void raisePoiPartLimit(long maxPartBytes) {
        if (ZipSecureFile.getMaxEntrySize() < maxPartBytes) {
            ZipSecureFile.setMaxEntrySize(maxPartBytes);
        }
    }
}
