package vn.giaoban.system.crash;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import vn.giaoban.system.GiaobanRun;

/**
 * What a deployment holds once its processes have ended, in the terms two deployments are compared
 * in: the business checksum of its database ({@link GiaobanRun#businessChecksum()}: business
 * tables, no ids, no timestamps), where each submission was filed and answered, every file under
 * {@code inbox/}, {@code archive/}, {@code rejected/}, {@code outbox/} and {@code reports/} with a
 * hash of what it says (originals byte for byte; feedback without its "Nhận lúc" time; briefings by
 * their text, since a PDF, DOCX or XLSX carries the time it was written), the text of each briefing
 * PDF, the job executions, and the temporary files left anywhere outside the database folder.
 *
 * @param submissions one line per submission row: folder, path, content hash, status, version,
 *                    where it was filed and answered, and whether it is marked filed
 * @param executions  per period, the statuses of its job executions in order
 * @param files       relative path to a hash of the content
 * @param briefings   relative path of each briefing PDF to its text, whitespace collapsed
 * @param leftovers   temporary or hidden files ({@code .part}, {@code .tmp}, {@code .name})
 */
record DeploymentState(String businessChecksum, List<String> submissions, Map<String, List<String>> executions,
        SortedMap<String, String> files, SortedMap<String, String> briefings, List<String> leftovers) {

    private static final List<String> FOLDERS = List.of("inbox", "archive", "rejected", "outbox", "reports");

    /** Reads a deployment no process is running on; {@code settings} are the ones its nights ran with. */
    static DeploymentState of(Path work, List<String> settings) {
        String checksum;
        List<String> submissions;
        Map<String, List<String>> executions = new TreeMap<>();
        try (GiaobanRun run = GiaobanRun.empty(work)) {
            settings.forEach(run::setting);
            checksum = run.businessChecksum();
            submissions = run.jdbc().sql("""
                    SELECT folder, relative_path, content_hash, status, version, filed_path, feedback_path, filed_at
                    FROM submission""")
                    .query((rs, n) -> {
                        List<String> columns = new ArrayList<>();
                        for (int i = 1; i <= 7; i++) {
                            columns.add(rs.getString(i));
                        }
                        columns.add(rs.getTimestamp(8) == null ? "NOT FILED" : "filed");
                        return String.join(" | ", columns);
                    }).list().stream().sorted().toList();
            run.jdbc().sql("""
                    SELECT p.PARAMETER_VALUE, e.STATUS FROM BATCH_JOB_EXECUTION e
                    JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                    WHERE p.PARAMETER_NAME = 'period'
                    ORDER BY e.JOB_EXECUTION_ID""")
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                    .forEach(e -> executions.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        SortedMap<String, String> files = new TreeMap<>();
        SortedMap<String, String> briefings = new TreeMap<>();
        for (String folder : FOLDERS) {
            for (Path file : regularFiles(work.resolve(folder))) {
                String name = work.relativize(file).toString().replace('\\', '/');
                files.put(name, contentHash(name, file));
                if (name.startsWith("reports/") && name.endsWith(".pdf")) {
                    briefings.put(name, pdfText(file));
                }
            }
        }
        return new DeploymentState(checksum, submissions, executions, files, briefings, temporaryFiles(work));
    }

    /**
     * Right after a kill, before anything recovers it: how many originals are filed on disk
     * (archive, rejected) against how many submissions the database marks filed, read through a
     * read-only connection that changes nothing of what the restart will find.
     */
    static String filedOnDiskAndInDatabase(Path work, ReadOnlyConnection database) {
        long onDisk = Stream.of("archive", "rejected").mapToLong(f -> regularFiles(work.resolve(f)).size()).sum();
        try (java.sql.Connection db = database.open();
                java.sql.Statement sql = db.createStatement();
                java.sql.ResultSet rs = sql.executeQuery("""
                        SELECT COUNT(*), COUNT(filed_at), SUM(CASE WHEN status = 'RECEIVED' THEN 1 ELSE 0 END)
                        FROM submission""")) {
            rs.next();
            return onDisk + " originals filed on disk, " + rs.getLong(2) + " of " + rs.getLong(1)
                    + " submissions marked filed, " + rs.getLong(3) + " still to read";
        } catch (java.sql.SQLException e) {
            return onDisk + " originals filed on disk, database not readable (" + e.getMessage() + ")";
        }
    }

    /** Opens a connection to a deployment's database that changes nothing. */
    @FunctionalInterface
    interface ReadOnlyConnection {
        java.sql.Connection open() throws java.sql.SQLException;
    }

    /** Temporary or hidden files anywhere in the working folder but the database's own folder. */
    static List<String> temporaryFiles(Path work) {
        try (Stream<Path> all = Files.walk(work)) {
            return all.filter(Files::isRegularFile)
                    .filter(f -> !work.relativize(f).startsWith("db"))
                    .filter(f -> {
                        String name = f.getFileName().toString();
                        return name.startsWith(".") || name.startsWith("~") || name.endsWith(".part")
                                || name.endsWith(".tmp");
                    })
                    .map(f -> work.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Executions left started (by a process that died) and never recovered, or a period whose last did not complete. */
    List<String> unfinishedExecutions() {
        List<String> problems = new ArrayList<>();
        executions.forEach((period, statuses) -> {
            for (int i = 0; i < statuses.size(); i++) {
                boolean last = i == statuses.size() - 1;
                String status = statuses.get(i);
                if (last ? !status.equals("COMPLETED") : !status.equals("FAILED")) {
                    problems.add(period + " execution " + (i + 1) + " of " + statuses.size() + ": " + status);
                }
            }
        });
        return problems;
    }

    /**
     * Submissions not marked filed, filed or answered where no file is, and filed originals that no
     * submission names (moved twice, or moved and forgotten).
     */
    List<String> unfiledOrMissing() {
        List<String> problems = new ArrayList<>();
        java.util.Set<String> filedPaths = new java.util.HashSet<>();
        for (String row : submissions) {
            String[] columns = row.split(" \\| ", -1);
            filedPaths.add(columns[5]);
            if (!columns[7].equals("filed")) {
                problems.add("not marked filed: " + row);
            } else if (!files.containsKey(columns[5])) {
                problems.add("filed as a file that is not there: " + row);
            } else if (!files.containsKey(columns[6])) {
                problems.add("answered in a feedback file that is not there: " + row);
            }
        }
        filedOriginals().keySet().stream().filter(name -> !filedPaths.contains(name))
                .forEach(name -> problems.add("filed original that no submission names: " + name));
        return problems;
    }

    /** The originals filed away: archive and rejected. */
    Map<String, String> filedOriginals() {
        return files.entrySet().stream()
                .filter(e -> e.getKey().startsWith("archive/") || e.getKey().startsWith("rejected/"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private static List<Path> regularFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentHash(String name, Path file) {
        try {
            if (name.startsWith("outbox/")) {
                // the feedback tells the unit when its file was received: that line is the night's clock
                String text = Files.readString(file, StandardCharsets.UTF_8).lines()
                        .filter(line -> !line.startsWith("Nhận lúc:")).collect(Collectors.joining("\n"));
                return "feedback " + sha256(text.getBytes(StandardCharsets.UTF_8));
            }
            if (name.startsWith("reports/") && name.endsWith(".pdf")) {
                return "pdf text " + sha256(pdfText(file).getBytes(StandardCharsets.UTF_8));
            }
            if (name.startsWith("reports/") && name.endsWith(".docx")) {
                return "docx text " + sha256(docxText(file).getBytes(StandardCharsets.UTF_8));
            }
            if (name.startsWith("reports/") && name.endsWith(".xlsx")) {
                return "xlsx cells " + sha256(xlsxCells(file).getBytes(StandardCharsets.UTF_8));
            }
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static String pdfText(Path pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ").strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the PDF " + pdf, e);
        }
    }

    private static String docxText(Path docx) throws IOException {
        try (InputStream in = Files.newInputStream(docx); XWPFDocument document = new XWPFDocument(in);
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText().replaceAll("\\s+", " ").strip();
        }
    }

    private static String xlsxCells(Path xlsx) throws IOException {
        StringBuilder cells = new StringBuilder();
        DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells.append(sheet.getSheetName()).append('!').append(cell.getAddress()).append('=')
                                .append(formatter.formatCellValue(cell)).append('\n');
                    }
                }
            }
        }
        return cells.toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
