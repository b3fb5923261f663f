package vn.giaoban.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.files.FileNames;
import vn.giaoban.text.Messages;
import vn.giaoban.text.VietnameseText;

/**
 * Puts a file a unit uploaded into its inbox folder, where the night's scan finds it as it finds a file the
 * unit copied there itself: nothing is registered or read here. The client's name is not trusted (only a
 * plain base name is kept, NFC, never a path) and neither is its type: the bytes say what the file is, and a
 * name whose extension says otherwise is refused. The file is written under a name the scan leaves alone
 * and appears under its own name at once and whole, never over another file.
 */
@Component
public class InboxDrop {

    private static final Logger log = LoggerFactory.getLogger(InboxDrop.class);

    /** The most characters of a name kept; the bytes are bounded by {@link FileNames#MAX_BYTES}. */
    public static final int MAX_NAME_CHARS = 200;
    /** Characters Windows refuses in a name: the inbox is often a share the units also reach over SMB. */
    private static final String WINDOWS_RESERVED = "<>:\"|?*";
    /** Names Windows keeps for devices, whatever their extension: "CON.xlsx" cannot be opened over SMB. */
    private static final Pattern WINDOWS_DEVICES = Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])\\s*");
    private static final byte[] ZIP = { 0x50, 0x4B, 0x03, 0x04 };
    private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1 };
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final String ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

    /** What a file's bytes are, of the kinds a unit may send. */
    public enum Kind {
        XLSX, XLS, ODS, CSV
    }

    /** The extensions accepted, and the kind each must be. Excel's "Unicode text" is saved as .txt. */
    private static final Map<String, Kind> EXTENSIONS = Map.of("xlsx", Kind.XLSX, "xls", Kind.XLS, "ods", Kind.ODS,
            "csv", Kind.CSV, "txt", Kind.CSV);

    /** Why a file is refused; each has its sentence ({@code feedback.upload.*}). */
    public enum Reason {
        UNKNOWN_UNIT, BAD_NAME, NAME_TOO_LONG, HIDDEN_NAME, EXTENSION_NOT_ACCEPTED, EMPTY, TOO_LARGE,
        NOT_A_SPREADSHEET, EXTENSION_MISMATCH
    }

    /** What became of an upload. */
    public sealed interface Outcome permits Stored, Refused {
    }

    /**
     * The file in the unit's inbox folder.
     *
     * @param path     where it is: {@code <inbox>/<unit>/<name>}
     * @param fileName the name it got: the client's base name, NFC, with " (2)" etc. when that was taken
     * @param sha256   its content's SHA-256, hexadecimal (the scan's content hash)
     */
    public record Stored(Path path, String fileName, String sha256, long size, Kind kind) implements Outcome {
    }

    /** @param message in Vietnamese, for the unit: what is wrong and what to do */
    public record Refused(Reason reason, String message) implements Outcome {
    }

    private final InboxProperties inbox;
    private final Catalog catalog;
    private final Messages messages;

    public InboxDrop(InboxProperties inbox, Catalog catalog, Messages messages) {
        this.inbox = inbox;
        this.catalog = catalog;
        this.messages = messages;
    }

    /**
     * Stores an upload in the unit's inbox folder, or refuses it, leaving nothing behind.
     *
     * @param unitCode   the unit's code, its inbox folder's name
     * @param clientName the name the client gave: checked, never used as a path
     * @param content    the upload's bytes, read to their end or to one past {@code maxBytes}; not closed
     * @param maxBytes   the most bytes accepted
     * @throws InboxUnavailableException when the inbox is missing or unreadable (a share not mounted)
     * @throws UncheckedIOException       when the unit's folder cannot be written (not the file's fault)
     */
    public Outcome drop(String unitCode, String clientName, InputStream content, long maxBytes) {
        if (unitCode == null || !unitCode.matches("[A-Za-z0-9_-]+") || catalog.unitsWithCode(unitCode).isEmpty()) {
            return refused(Reason.UNKNOWN_UNIT, unitCode);
        }
        if (clientName == null) {
            return refused(Reason.BAD_NAME);
        }
        String name = VietnameseText.nfc(clientName.strip());
        Reason nameProblem = nameProblem(name);
        if (nameProblem != null) {
            return refused(nameProblem, String.join(", ", EXTENSIONS.keySet().stream().sorted().map(e -> "." + e).toList()));
        }
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        // a share that is not mounted must not become a local folder the night never scans
        InboxUnavailableException.problem(inbox.dir()).ifPresent(reason -> {
            throw new InboxUnavailableException(inbox.dir(), reason);
        });
        Path folder = inbox.dir().resolve(unitCode);
        if (Files.isSymbolicLink(folder)) {
            // the scan leaves a linked folder alone: a file put there would never be read
            throw new UncheckedIOException(new IOException("The inbox folder " + folder + " is a symbolic link"));
        }
        Path partial = folder.resolve(".upload-" + UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(folder);
            Written written = write(content, partial, maxBytes);
            if (written.size() > maxBytes) {
                return refused(Reason.TOO_LARGE, megabytes(maxBytes));
            }
            if (written.size() == 0) {
                return refused(Reason.EMPTY);
            }
            Kind kind = sniff(partial, written.sawNul());
            if (kind == null) {
                return refused(Reason.NOT_A_SPREADSHEET);
            }
            if (EXTENSIONS.get(extension) != kind) {
                return refused(Reason.EXTENSION_MISMATCH, "." + extension, kind.name().toLowerCase(Locale.ROOT));
            }
            Path stored = place(partial, folder, name);
            log.info("Upload for {} stored as {} ({} bytes, {}, SHA-256 {})", unitCode, stored, written.size(), kind,
                    written.sha256());
            return new Stored(stored, stored.getFileName().toString(), written.sha256(), written.size(), kind);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                log.warn("Could not remove the partial upload {}: {}", partial, e.toString());
            }
        }
    }

    /** What is wrong with a name (already NFC and stripped), or null. */
    static Reason nameProblem(String name) {
        if (name.isEmpty() || name.equals(".") || name.contains("..")) {
            return Reason.BAD_NAME;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            // control characters, NUL included; invisible format characters (a right-to-left override hides the
            // real extension)
            if (c == '/' || c == '\\' || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || WINDOWS_RESERVED.indexOf(c) >= 0) {
                return Reason.BAD_NAME;
            }
        }
        String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (WINDOWS_DEVICES.matcher(stem).matches()) {
            return Reason.BAD_NAME;
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_CHARS
                || name.getBytes(StandardCharsets.UTF_8).length > FileNames.MAX_BYTES) {
            return Reason.NAME_TOO_LONG;
        }
        // the scan leaves these alone as somebody's work in progress: the file would never be read
        if (name.startsWith(".") || name.startsWith("~")) {
            return Reason.HIDDEN_NAME;
        }
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || !EXTENSIONS.containsKey(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            return Reason.EXTENSION_NOT_ACCEPTED;
        }
        return null;
    }

    private record Written(long size, String sha256, boolean sawNul) {
    }

    /** Copies at most one byte past the limit, hashing, and flushed to the disk before it is named. */
    private static Written write(InputStream content, Path partial, long maxBytes) throws IOException {
        MessageDigest digest = sha256();
        long size = 0;
        boolean sawNul = false;
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream out = Channels.newOutputStream(channel)) {
            byte[] buffer = new byte[64 * 1024];
            while (size <= maxBytes) {
                int n = content.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1 - size));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                for (int i = 0; i < n && !sawNul; i++) {
                    sawNul = buffer[i] == 0;
                }
                size += n;
            }
            channel.force(true);
        }
        return new Written(size, HexFormat.of().formatHex(digest.digest()), sawNul);
    }

    /**
     * The kind the bytes are, or null: a ZIP with a workbook's parts (.xlsx) or an OpenDocument spreadsheet's
     * mimetype (.ods); an OLE2 file with a workbook stream (.xls); text, which has no NUL byte unless it is
     * UTF-16 with its BOM (Excel's "Unicode text").
     */
    static Kind sniff(Path file, boolean sawNul) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        if (startsWith(head, ZIP)) {
            return zipKind(file);
        }
        if (startsWith(head, OLE2)) {
            return workbookStream(file) ? Kind.XLS : null;
        }
        if (startsWith(head, PDF)) {
            return null;
        }
        boolean utf16 = head.length >= 2 && (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE
                || head[0] == (byte) 0xFE && head[1] == (byte) 0xFF);
        return utf16 || !sawNul ? Kind.CSV : null;
    }

    private static Kind zipKind(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null && zip.getEntry("content.xml") != null) {
                try (InputStream in = zip.getInputStream(mimetype)) {
                    String type = new String(in.readNBytes(ODS_MIMETYPE.length() + 1), StandardCharsets.US_ASCII);
                    return type.strip().equals(ODS_MIMETYPE) ? Kind.ODS : null;
                }
            }
            return zip.getEntry("[Content_Types].xml") != null && zip.getEntry("xl/workbook.xml") != null ? Kind.XLSX
                    : null;
        } catch (ZipException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean workbookStream(Path file) {
        try (POIFSFileSystem ole = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = ole.getRoot();
            return root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book");
        } catch (IOException | RuntimeException e) {
            // a damaged or hostile compound file is not a workbook we take
            return false;
        }
    }

    /**
     * Gives the written file its name, or the first of "name (2).xlsx", "name (3).xlsx"… that is free: a hard
     * link fails rather than replace a file, so no upload ever takes another's place. Where links are not
     * supported (some shares), a plain move that refuses an existing target.
     */
    private static Path place(Path partial, Path folder, String name) throws IOException {
        int dot = name.lastIndexOf('.');
        String stem = name.substring(0, dot);
        String extension = name.substring(dot);
        for (int copy = 1;; copy++) {
            Path target = folder.resolve(copy == 1 ? name : FileNames.fit(stem, " (" + copy + ")" + extension));
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                Files.createLink(target, partial);
                return target;
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
            }
            try {
                Files.move(partial, target);
                return target;
            } catch (FileAlreadyExistsException e) {
                // taken meanwhile: the next name
            }
        }
    }

    private Refused refused(Reason reason, Object... arguments) {
        String key = "feedback.upload." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return new Refused(reason, messages.get(key, arguments));
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? String.valueOf(bytes / (1024 * 1024))
                : String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024)).replace('.', ',');
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
