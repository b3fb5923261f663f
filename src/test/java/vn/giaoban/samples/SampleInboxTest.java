package vn.giaoban.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.giaoban.text.VietnameseText;

/**
 * The committed sample inbox is what the briefing of October 2022 is built from: its folders must
 * be units of the catalog and its petition figures must add up to the seed's. The values are found
 * the way a person reads the sheets (row labels, the cumulative column's title), not at fixed
 * addresses, so the test holds however messy the files are.
 */
class SampleInboxTest {

    private static final Path INBOX = Path.of("input-samples/van-lang");
    private static final String CATALOG = "/catalog/van-lang/";

    private static final Map<String, String> unitKinds = new LinkedHashMap<>();
    private static final Map<String, List<String>> labels = new LinkedHashMap<>();

    @BeforeAll
    static void readCatalog() throws IOException {
        for (CSVRecord unit : catalog("units.csv")) {
            // the units before the July 2025 reform are the ones that sent these reports
            if (unit.get("valid_from").isEmpty()) {
                unitKinds.put(unit.get("code"), unit.get("kind"));
            }
        }
        for (CSVRecord indicator : catalog("indicators.csv")) {
            String code = indicator.get("code");
            if (code.startsWith("DT_")) {
                List<String> names = new ArrayList<>();
                names.add(VietnameseText.fold(indicator.get("name")));
                for (String alias : indicator.get("aliases").split("\\|")) {
                    names.add(VietnameseText.fold(alias));
                }
                labels.put(code, names);
            }
        }
    }

    @Test
    void everyFolderIsAUnitOfTheCatalog() throws IOException {
        // given the sample inbox
        List<Path> folders;
        try (Stream<Path> list = Files.list(INBOX)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        // then each folder is named by a unit code and holds something
        assertThat(folders).hasSizeGreaterThanOrEqualTo(21);
        for (Path folder : folders) {
            assertThat(unitKinds).as("unit folder %s", folder.getFileName())
                .containsKey(folder.getFileName().toString());
            assertThat(files(folder)).as("files of %s", folder).isNotEmpty();
        }
    }

    @Test
    void everyFileNameCarriesItsPeriod() throws IOException {
        for (Path file : allFiles()) {
            String name = VietnameseText.fold(file.getFileName().toString());
            assertThat(name).as(file.toString()).containsAnyOf("2021", "2022").contains("10");
        }
    }

    @Test
    void communesAndTownReportTheSeedsPetitionFiguresFor2022() throws IOException {
        // when the cumulative petition figures of every commune and the town are added up
        int[] sum = communesAndTown(2022);
        // then they are the seed's "cấp xã 168/186 đơn"
        assertThat(sum).containsExactly(186, 168);
        assertThat(petitions("TTH", 2022)).containsExactly(57, 51);
    }

    @Test
    void lastYearsPetitionFiguresAreThereToo() throws IOException {
        assertThat(communesAndTown(2021)).containsExactly(170, 151);
        assertThat(petitions("TTH", 2021)).containsExactly(49, 44);
    }

    private static int[] communesAndTown(int year) throws IOException {
        int received = 0;
        int resolved = 0;
        int units = 0;
        for (Map.Entry<String, String> unit : unitKinds.entrySet()) {
            if (unit.getValue().equals("commune") || unit.getValue().equals("town")) {
                int[] figures = petitions(unit.getKey(), year);
                assertThat(figures[1]).as("resolved ≤ received at %s", unit.getKey()).isLessThanOrEqualTo(figures[0]);
                received += figures[0];
                resolved += figures[1];
                units++;
            }
        }
        assertThat(units).isEqualTo(17);
        return new int[] {received, resolved};
    }

    /** The cumulative received and resolved petitions of one unit's report for October of a year. */
    private static int[] petitions(String unit, int year) throws IOException {
        List<int[]> found = new ArrayList<>();
        for (Path file : files(INBOX.resolve(unit))) {
            String name = VietnameseText.fold(file.getFileName().toString());
            // the petitions list (BM03-DS) has a row per petition, not the two figures
            if (!name.contains(Integer.toString(year)) || name.replaceAll("[^a-z0-9]", "").startsWith("bm03ds")) {
                continue;
            }
            for (List<List<String>> grid : grids(file)) {
                int[] figures = petitionsIn(grid);
                if (figures != null) {
                    assertThat(periodAbove(grid)).as("period written in %s", file).contains(Integer.toString(year));
                    found.add(figures);
                }
            }
        }
        assertThat(found).as("petition reports of %s for %d", unit, year).hasSize(1);
        return found.get(0);
    }

    private static int[] petitionsIn(List<List<String>> grid) {
        int header = -1;
        int cumulative = -1;
        for (int r = 0; r < grid.size() && header < 0; r++) {
            List<String> row = grid.get(r);
            for (int c = 0; c < row.size(); c++) {
                String title = VietnameseText.fold(row.get(c));
                if (containsWords(title, "luy ke") || containsWords(title, "cong don")) {
                    header = r;
                    cumulative = c;
                    break;
                }
            }
        }
        if (header < 0) {
            return null;
        }
        Integer received = null;
        Integer resolved = null;
        for (int r = header + 1; r < grid.size(); r++) {
            List<String> row = grid.get(r);
            String code = rowIndicator(row, cumulative);
            if (code == null) {
                continue;
            }
            assertThat(cumulative).as("cumulative column present in row %d", r + 1).isLessThan(row.size());
            int value = number(row.get(cumulative));
            if (code.equals("DT_TIEP_NHAN")) {
                assertThat(received).as("one received row").isNull();
                received = value;
            } else {
                assertThat(resolved).as("one resolved row").isNull();
                resolved = value;
            }
        }
        if (received == null && resolved == null) {
            return null;
        }
        assertThat(received).isNotNull();
        assertThat(resolved).isNotNull();
        return new int[] {received, resolved};
    }

    /** The petition indicator a row is about, from its code or its (alias) name; null if none. */
    private static String rowIndicator(List<String> row, int skip) {
        TreeSet<String> matched = new TreeSet<>();
        for (int c = 0; c < row.size(); c++) {
            if (c == skip) {
                continue;
            }
            String raw = row.get(c).strip();
            String folded = VietnameseText.fold(raw);
            for (Map.Entry<String, List<String>> indicator : labels.entrySet()) {
                if (raw.equalsIgnoreCase(indicator.getKey())
                    || indicator.getValue().stream().anyMatch(name -> containsWords(folded, name))) {
                    matched.add(indicator.getKey());
                }
            }
        }
        assertThat(matched).as("row %s names one indicator at most", row).hasSizeLessThanOrEqualTo(1);
        return matched.isEmpty() ? null : matched.first();
    }

    private static String periodAbove(List<List<String>> grid) {
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < Math.min(9, grid.size()); r++) {
            text.append(String.join(" ", grid.get(r))).append(' ');
        }
        return text.toString();
    }

    private static boolean containsWords(String folded, String words) {
        return !words.isEmpty() && (" " + folded + " ").contains(" " + words + " ");
    }

    /** A figure as a person typed it: an Excel number or text such as "12" or "1.234". */
    private static int number(String text) {
        String digits = text.strip().replace(".", "");
        assertThat(digits).as("figure '%s'", text).matches("\\d+");
        return Integer.parseInt(digits);
    }

    // ---- reading the files: every sheet of a workbook, or the one table of a CSV, as text rows

    private static List<List<List<String>>> grids(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase();
        if (name.endsWith(".csv")) {
            return List.of(csv(file));
        }
        List<List<List<String>>> grids = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            for (Sheet sheet : wb) {
                List<List<String>> grid = new ArrayList<>();
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    List<String> cells = new ArrayList<>();
                    if (row != null) {
                        for (int c = 0; c < row.getLastCellNum(); c++) {
                            cells.add(text(row.getCell(c)));
                        }
                    }
                    grid.add(cells);
                }
                grids.add(grid);
            }
        }
        return grids;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                double d = cell.getNumericCellValue();
                yield d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
            }
            case STRING -> VietnameseText.nfc(cell.getStringCellValue());
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> "";
        };
    }

    private static List<List<String>> csv(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        } else {
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        char delimiter = ',';
        long best = -1;
        for (char candidate : new char[] {';', '\t', ','}) {
            long count = text.chars().filter(ch -> ch == candidate).count();
            if (count > best) {
                best = count;
                delimiter = candidate;
            }
        }
        List<List<String>> grid = new ArrayList<>();
        try (Reader reader = new StringReader(text)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(reader)) {
                List<String> cells = new ArrayList<>();
                record.forEach(value -> cells.add(VietnameseText.nfc(value)));
                grid.add(cells);
            }
        }
        return grid;
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<Path> allFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(INBOX)) {
            return walk.filter(Files::isRegularFile)
                .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
                .sorted().toList();
        }
    }

    private static Iterable<CSVRecord> catalog(String name) throws IOException {
        try (InputStream in = SampleInboxTest.class.getResourceAsStream(CATALOG + name)) {
            assertThat(in).as(name).isNotNull();
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
