package vn.giaoban.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.file.PathUtils;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.opentest4j.TestAbortedException;

import vn.giaoban.system.postgres.PostgresDatabase;

/**
 * Issue 7's end-to-end ingest of a million-row list: the nightly job, in a JVM of its own with a
 * 512 MB heap, reads the list and stores its records (into HSQLDB, and into PostgreSQL when it
 * answers); its ingest step's time and memory are set against what the two halves of the work cost
 * done bare: a parse that only counts cells (Aalto over the sheet XML, or a plain Commons CSV pass)
 * and a JDBC batch insert of the same records into the same table. giaoban overlaps the two on two
 * threads, so the headline floor is the larger half; their sum is reported beside it. A second run
 * on a quarter of the rows shows whether memory depends on the length of the list.
 */
public final class ListIngestBenchmark {

    private static final Pattern INGEST_STEP = Pattern.compile("Step ingest COMPLETED: .* in (\\d+) ms");
    private static final Pattern SECONDS = Pattern.compile("^floor: .* in ([0-9.]+) s");
    private static final Pattern BOTH_SECONDS = Pattern.compile("^both: .* in ([0-9.]+) s");
    private static final int SAMPLE_RECORDS = 10_000;
    private static final String HSQLDB_OPTIONS = ";hsqldb.tx=mvcc;hsqldb.write_delay=false;"
            + "hsqldb.default_table_type=cached;shutdown=true";
    private static final String TABLE = """
            CREATE TABLE list_record (submission_id BIGINT NOT NULL, sheet_row INTEGER NOT NULL,
                                      fields VARCHAR(32000) NOT NULL, PRIMARY KEY (submission_id, sheet_row))""";

    private final String classpath;
    private final Path work;
    private final int rows;

    private ListIngestBenchmark(String classpath, Path work, int rows) {
        this.classpath = classpath;
        this.work = work;
        this.rows = rows;
    }

    /**
     * {@code --size smoke|full --work <folder> --out <table.md> --classpath <cp>}; also, in the JVMs it
     * starts, {@code --floor-parse <file>}, {@code --floor-insert <jdbc url> <user> <records file> <rows>}
     * and {@code --floor-both <jdbc url> <user> <records file> <rows> <file>}.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        if (options.containsKey("floor-parse")) {
            floorParse(Path.of(options.get("floor-parse")));
            return;
        }
        if (options.containsKey("floor-insert")) {
            String[] insert = options.get("floor-insert").split(" ");
            floorInsert(insert[0], insert[1], Path.of(insert[2]), Integer.parseInt(insert[3]), null);
            return;
        }
        if (options.containsKey("floor-both")) {
            String[] both = options.get("floor-both").split(" ", 5); // the file last: its name has spaces
            floorBoth(Path.of(both[4]), both[0], both[1], Path.of(both[2]), Integer.parseInt(both[3]));
            return;
        }
        boolean smoke = "smoke".equals(options.getOrDefault("size", "full"));
        Path work = Path.of(options.getOrDefault("work", "target/benchmarks/ingest"));
        ListIngestBenchmark benchmark = new ListIngestBenchmark(options.getOrDefault("classpath",
                System.getProperty("java.class.path")), work, smoke ? 4_000 : LargeListGenerator.DEFAULT_ROWS);
        String table = benchmark.run();
        System.out.println(table);
        Files.writeString(Path.of(options.getOrDefault("out", work.resolve("ingest.md").toString())), table,
                StandardCharsets.UTF_8);
    }

    private String run() throws IOException {
        Path data = work.resolve("data");
        Files.createDirectories(data);
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("xlsx", generated(data, "xlsx", rows));
        files.put("csv", generated(data, "csv", rows));
        Path quarter = generated(data.resolve("quarter"), "xlsx", rows / 4);

        StringBuilder table = new StringBuilder();
        table.append("## End-to-end ingest of a ").append(String.format(Locale.ROOT, "%,d", rows))
                .append("-row list (nightly job, -Xmx512m)\n\n")
                .append("Two floors, from the two halves of the work done bare, each in a JVM of its own: a parse that only")
                .append(" counts cells (Aalto, giaoban's StAX parser, over the sheet XML; a plain Commons CSV pass) and a JDBC")
                .append(" batch insert of the same records into the same table (batches of 1,000, a commit every 20,000).")
                .append(" giaoban parses on one thread and inserts on another, so the floor of its overlapped work is the")
                .append(" larger half, max(parse, insert): the headline, and the stricter one. The sum, parse + insert, is")
                .append(" the floor of doing them one after the other (issue 7's, kept for comparison). giaoban's figure")
                .append(" is its ingest step (read, check, aggregate, store records and values), from the job's log.")
                .append(" \"Both bare at once\": the bare parse and the bare insert run together on two threads of one JVM,")
                .append(" what the two halves cost overlapped on these two cores (not a floor: the cores and the collector")
                .append(" are shared).\n\n")
                .append("| database | file | records | giaoban ingest | records/s | parse floor | insert floor |")
                .append(" overlapped floor: max | giaoban / max (goal ≤ 1.3) | summed floor: + | giaoban / sum (issue 7: ≤ 1.5)")
                .append(" | both bare at once | peak RSS | peak heap |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<String> notes = new ArrayList<>();
        for (String database : List.of("HSQLDB", "PostgreSQL")) {
            for (Map.Entry<String, Path> file : files.entrySet()) {
                Database target = database.equals("HSQLDB") ? Database.hsqldb(work.resolve("run-" + file.getKey()))
                        : Database.postgresql("bench_" + file.getKey());
                if (target == null) {
                    notes.add("PostgreSQL does not answer on 127.0.0.1:5432: its rows were not measured.");
                    break;
                }
                try (target) {
                    table.append(row(database, file.getKey(), file.getValue(), target)).append('\n');
                }
            }
        }
        try (Database target = Database.hsqldb(work.resolve("run-quarter"))) {
            Measured small = ingest(quarter, target, "quarter");
            table.append("\nMemory against length (HSQLDB, .xlsx): ")
                    .append(String.format(Locale.ROOT, "%,d records: peak heap %d MB, peak RSS %d MB", small.records,
                            small.run.peakHeapMb(), small.run.peakRssMb()))
                    .append(" — the full list's figures are in the table above.\n");
        }
        notes.forEach(note -> table.append('\n').append(note).append('\n'));
        return table.toString();
    }

    private String row(String database, String format, Path file, Database target) throws IOException {
        Measured giaoban = ingest(file, target, database + "-" + format);
        if (giaoban.records != rows) {
            throw new IllegalStateException("giaoban stored " + giaoban.records + " of the " + rows + " records of " + file
                    + ": see its log in " + work.resolve("logs"));
        }
        Path sample = work.resolve("sample-records-" + format + ".txt");
        target.sampleRecords(sample);
        double parse = floor(List.of("--floor-parse", file.toString()), "parse-" + format);
        double insert;
        try (Database floorTarget = target.fresh()) {
            floorTarget.createTable();
            insert = floor(List.of("--floor-insert", floorTarget.url + " " + floorTarget.user + " " + sample + " "
                    + giaoban.records), "insert-" + database + "-" + format);
        }
        double both;
        try (Database floorTarget = target.fresh()) {
            floorTarget.createTable();
            ChildJvm.Run run = ChildJvm.run(classpath, work.resolve("logs"), "floor-both-" + database + "-" + format,
                    List.of("-Xmx512m"), ListIngestBenchmark.class.getName(), List.of("--floor-both", floorTarget.url + " "
                            + floorTarget.user + " " + sample + " " + giaoban.records + " " + file))
                    .requireSuccess("the two floors at once");
            both = Double.parseDouble(run.find(BOTH_SECONDS));
        }
        double overlapped = Math.max(parse, insert);
        double summed = parse + insert;
        return String.format(Locale.ROOT, "| %s | .%s | %,d | %.1f s | %,.0f | %.1f s | %.1f s | %.1f s | **%.2f× %s** |"
                + " %.1f s | %.2f× %s | %.1f s | %d MB | %d MB |",
                database, format, giaoban.records, giaoban.seconds, giaoban.records / giaoban.seconds, parse, insert,
                overlapped, giaoban.seconds / overlapped, giaoban.seconds / overlapped <= 1.3 ? "✓" : "✗",
                summed, giaoban.seconds / summed, giaoban.seconds / summed <= 1.5 ? "✓" : "✗", both,
                giaoban.run.peakRssMb(), giaoban.run.peakHeapMb());
    }

    private record Measured(ChildJvm.Run run, double seconds, long records) {
    }

    /** The nightly job on an inbox holding only this list; the ingest step's time from its log. */
    private Measured ingest(Path list, Database target, String name) throws IOException {
        Path deployment = target.workDir;
        Path inbox = deployment.resolve("inbox").resolve(LargeListGenerator.UNIT_CODE);
        Files.createDirectories(inbox);
        Files.createLink(inbox.resolve(list.getFileName()), list);
        List<String> args = new ArrayList<>(List.of("nightly", "--period", LargeListGenerator.PERIOD.toString(),
                "--night", LargeListGenerator.PERIOD.atDay(25).toString(), "--giaoban.work-dir=" + deployment,
                "--giaoban.inbox.stable-after=0s",
                // a million-row list is beyond the default limits, which suit monthly reports (README, "Settings")
                "--giaoban.inbox.limits.max-file-size=1GB", "--giaoban.inbox.limits.max-part-size=2GB",
                "--giaoban.inbox.limits.max-package-size=4GB",
                "--giaoban.inbox.limits.shared-strings-off-heap-above=16MB"));
        args.addAll(target.settings());
        ChildJvm.Run run = ChildJvm.run(classpath, work.resolve("logs"), "giaoban-" + name,
                List.of("-Xmx512m"), "vn.giaoban.system.CommandLine", args).requireSuccess("the nightly job on " + list);
        double seconds = Long.parseLong(run.find(INGEST_STEP)) / 1000.0;
        return new Measured(run, seconds, target.count("SELECT COUNT(*) FROM list_record"));
    }

    private double floor(List<String> args, String name) {
        ChildJvm.Run run = ChildJvm.run(classpath, work.resolve("logs"), "floor-" + name, List.of("-Xmx512m"),
                ListIngestBenchmark.class.getName(), args).requireSuccess("the floor " + name);
        return Double.parseDouble(run.find(SECONDS));
    }

    private static Path generated(Path folder, String format, int rows) throws IOException {
        Path file = folder.resolve("rows-" + rows + "." + format);
        if (!Files.exists(file)) {
            Files.createDirectories(folder);
            Path partial = folder.resolve(file.getFileName() + ".part");
            if (format.equals("xlsx")) {
                LargeListGenerator.writeXlsx(partial, rows, LargeListGenerator.DEFAULT_SEED);
            } else {
                LargeListGenerator.writeCsv(partial, rows, LargeListGenerator.DEFAULT_SEED);
            }
            Files.move(partial, file);
        }
        // the scan identifies the file by its name, as a unit names it
        Path named = folder.resolve(format + "-" + rows).resolve(LargeListGenerator.FILE_NAME + "." + format);
        if (!Files.exists(named)) {
            Files.createDirectories(named.getParent());
            Files.createLink(named, file);
        }
        return named;
    }

    /** The parse floor: every cell of every sheet counted, nothing looked up or converted. */
    private static void floorParse(Path file) throws IOException, XMLStreamException, OpenXML4JException {
        long start = System.nanoTime();
        long cells = 0;
        if (file.toString().endsWith(".xlsx")) {
            // Aalto, named as giaoban names it: the class path's default (Woodstox, or the JDK's) takes twice as long
            XMLInputFactory factory = new InputFactoryImpl();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                Iterator<InputStream> sheets = new XSSFReader(pkg).getSheetsData();
                while (sheets.hasNext()) {
                    try (InputStream sheet = sheets.next()) {
                        XMLStreamReader xml = factory.createXMLStreamReader(sheet);
                        while (xml.hasNext()) {
                            if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                                cells++;
                            }
                        }
                    }
                }
            }
        } else {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    CSVParser parser = CSVFormat.DEFAULT.parse(reader)) {
                for (CSVRecord record : parser) {
                    cells += record.size();
                }
            }
        }
        System.out.printf(Locale.ROOT, "floor: %d cells in %.3f s%n", cells, (System.nanoTime() - start) / 1e9);
    }

    /** The bare parse and the bare insert on two threads at once, as giaoban overlaps its own two halves. */
    private static void floorBoth(Path file, String url, String user, Path sample, int rows) throws Exception {
        Thread parse = new Thread(() -> {
            try {
                floorParse(file);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "floor-parse");
        floorInsert(url, user, sample, rows, parse);
    }

    /**
     * The insert floor: {@code rows} records cycled from a sample of the real ones, batched and committed
     * as giaoban does; with {@code alongside}, that thread runs from the first insert on and is waited for.
     */
    private static void floorInsert(String url, String user, Path sample, int rows, Thread alongside)
            throws IOException, SQLException, InterruptedException {
        List<String> records = Files.readAllLines(sample, StandardCharsets.UTF_8);
        long start;
        try (Connection connection = DriverManager.getConnection(url, user, "");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO list_record (submission_id, sheet_row, fields) VALUES (?, ?, ?)")) {
            connection.setAutoCommit(false);
            start = System.nanoTime(); // the database is open, as it is when the ingest step starts
            if (alongside != null) {
                alongside.start();
            }
            for (int row = 1; row <= rows; row++) {
                insert.setLong(1, 1);
                insert.setInt(2, row);
                insert.setString(3, records.get(row % records.size()));
                insert.addBatch();
                if (row % 1_000 == 0 || row == rows) {
                    insert.executeBatch();
                }
                if (row % 20_000 == 0) {
                    connection.commit();
                }
            }
            connection.commit();
        }
        if (alongside != null) {
            alongside.join();
        }
        System.out.printf(Locale.ROOT, "%s: %d records in %.3f s%n", alongside == null ? "floor" : "both", rows,
                (System.nanoTime() - start) / 1e9);
    }

    /** Where a run stores: a deployment folder and the database its settings select. */
    private static final class Database implements AutoCloseable {
        private final Path workDir;
        private final String url;
        private final String user;
        private final PostgresDatabase postgres;

        private Database(Path workDir, String url, String user, PostgresDatabase postgres) {
            this.workDir = workDir;
            this.url = url;
            this.user = user;
            this.postgres = postgres;
        }

        static Database hsqldb(Path workDir) throws IOException {
            if (Files.exists(workDir)) {
                PathUtils.deleteDirectory(workDir);
            }
            return new Database(workDir, "jdbc:hsqldb:file:" + workDir.resolve("db/giaoban") + HSQLDB_OPTIONS, "SA", null);
        }

        /** A new database on the local server, or null when it does not answer. */
        static Database postgresql(String purpose) throws IOException {
            PostgresDatabase database;
            try {
                database = PostgresDatabase.create(purpose);
            } catch (TestAbortedException e) {
                return null;
            }
            Path workDir = Files.createTempDirectory("giaoban-bench-" + purpose);
            return new Database(workDir, database.url(), "postgres", database);
        }

        /** Another empty database of the same kind, for a floor. */
        Database fresh() throws IOException {
            return postgres == null ? hsqldb(workDir.resolveSibling(workDir.getFileName() + "-floor"))
                    : postgresql("floor");
        }

        List<String> settings() {
            return postgres != null ? postgres.settings() : List.of();
        }

        void createTable() {
            try (Connection connection = DriverManager.getConnection(url, user, "");
                    Statement statement = connection.createStatement()) {
                statement.execute(TABLE);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        long count(String sql) {
            try (Connection connection = DriverManager.getConnection(url, user, "");
                    Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                result.next();
                return result.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The first records the run stored, one per line, for the insert floor to insert again. */
        void sampleRecords(Path file) throws IOException {
            List<String> sample = new ArrayList<>();
            try (Connection connection = DriverManager.getConnection(url, user, "");
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT fields FROM list_record ORDER BY submission_id, sheet_row"
                            + " FETCH FIRST " + SAMPLE_RECORDS + " ROWS ONLY")) {
                while (result.next()) {
                    sample.add(result.getString(1).replace('\n', ' '));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            Files.write(file, sample, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
                PathUtils.deleteDirectory(workDir);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            List<String> values = new ArrayList<>();
            while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.add(args[++i]);
            }
            options.put(name, String.join(" ", values));
        }
        return options;
    }
}
