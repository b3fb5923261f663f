package vn.giaoban.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import de.siegmar.fastcsv.reader.CsvReader;
import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.CatalogFiles;
import vn.giaoban.submission.IngestResult;
import vn.giaoban.submission.ReceivedFile;
import vn.giaoban.submission.SubmissionStatus;
import vn.giaoban.submission.internal.table.BenchmarkReaders;
import vn.giaoban.submission.internal.ListRecordStore;
import vn.giaoban.submission.internal.table.ReadLimits;
import vn.giaoban.submission.internal.SubmissionReader;

/**
 * Every reader the benchmark compares, each reading one whole file once and returning what it
 * counted (cells, or a list's records), so that the work cannot be skipped.
 */
public enum Readers {

    XLSX_STAX_AALTO("xlsx", "Aalto (the StAX parser giaoban reads with) over the sheet XML from XSSFReader,"
            + " counting cells (floor)") {
        @Override
        long read(Path file) throws Exception {
            return staxCells(file, new InputFactoryImpl());
        }
    },
    XLSX_STAX_FLOOR("xlsx", "the same with the JDK's StAX parser (issue 7's floor)") {
        @Override
        long read(Path file) throws Exception {
            return staxCells(file, XMLInputFactory.newDefaultFactory());
        }
    },
    XLSX_STAX_AALTO_VALUES("xlsx", "Aalto, reading what a reader of the cells must: the shared strings' text, each"
            + " cell's attributes and value (not a floor: where the time of the bare pass goes)") {
        @Override
        long read(Path file) throws Exception {
            return staxValues(file, new InputFactoryImpl());
        }
    },
    XLSX_GIAOBAN("xlsx", "giaoban XlsxTableSource, shared strings on the heap") {
        @Override
        long read(Path file) {
            return BenchmarkReaders.xlsx(file, LARGE);
        }
    },
    XLSX_GIAOBAN_OFF_HEAP("xlsx", "giaoban XlsxTableSource, shared strings memory-mapped") {
        @Override
        long read(Path file) {
            return BenchmarkReaders.xlsx(file, LARGE_OFF_HEAP);
        }
    },
    XLSX_GIAOBAN_LIST("xlsx",
            "giaoban SubmissionReader: reading + list aggregation (strings mapped; a vetting pass only up to 4 MB)") {
        @Override
        long read(Path file) {
            return submission(file);
        }
    },
    XLSX_FASTEXCEL("xlsx", "dhatim fastexcel-reader 0.20.2, every cell's value") {
        @Override
        long read(Path file) throws IOException {
            long[] cells = new long[1];
            try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
                workbook.getFirstSheet().openStream().forEach(row -> {
                    for (org.dhatim.fastexcel.reader.Cell cell : row) {
                        if (cell != null && cell.getValue() != null) {
                            cells[0]++;
                        }
                    }
                });
            }
            return cells[0];
        }
    },
    XLSX_POI_EVENT("xlsx", "POI event API (XSSFSheetXMLHandler), handler that only counts") {
        @Override
        long read(Path file) throws Exception {
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
                StylesTable styles = reader.getStylesTable();
                CountingHandler handler = new CountingHandler();
                Iterator<InputStream> sheets = reader.getSheetsData();
                while (sheets.hasNext()) {
                    try (InputStream sheet = sheets.next()) {
                        XMLReader xml = XMLHelper.newXMLReader();
                        xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, handler,
                                new org.apache.poi.ss.usermodel.DataFormatter(), false));
                        xml.parse(new InputSource(sheet));
                    }
                }
                return handler.cells;
            }
        }
    },
    XLSX_POI_USERMODEL("xlsx", "POI usermodel (WorkbookFactory), load + every cell's value") {
        @Override
        long read(Path file) throws IOException {
            long cells = 0;
            try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
                for (Sheet sheet : workbook) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            switch (cell.getCellType()) {
                                case NUMERIC -> cells += cell.getNumericCellValue() != 0 ? 1 : 1;
                                case STRING -> cells += cell.getStringCellValue() != null ? 1 : 0;
                                default -> {
                                }
                            }
                        }
                    }
                }
            }
            return cells;
        }
    },
    CSV_COMMONS_FLOOR("csv", "Commons CSV 1.14.1, every field touched (floor)") {
        @Override
        long read(Path file) throws IOException {
            try (InputStream in = BOMInputStream.builder().setPath(file).setByteOrderMarks(ByteOrderMark.UTF_8)
                    .get();
                    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                    CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CSVFormat.DEFAULT).get()) {
                long fields = 0;
                long chars = 0;
                for (CSVRecord record : parser) {
                    for (String field : record) {
                        fields++;
                        chars += field.length();
                    }
                }
                return chars < 0 ? -1 : fields;
            }
        }
    },
    CSV_GIAOBAN("csv", "giaoban CsvTableSource (encoding scan + reading)") {
        @Override
        long read(Path file) {
            return BenchmarkReaders.csv(file, Charset.forName("windows-1258"));
        }
    },
    CSV_GIAOBAN_LIST("csv", "giaoban SubmissionReader: reading + list aggregation (a vetting pass only up to 4 MB)") {
        @Override
        long read(Path file) {
            return submission(file);
        }
    },
    CSV_FASTCSV("csv", "FastCSV 4.0.0, every field touched") {
        @Override
        long read(Path file) throws IOException {
            try (CsvReader<de.siegmar.fastcsv.reader.CsvRecord> csv = CsvReader.builder().detectBomHeader(true)
                    .allowExtraFields(true).allowMissingFields(true).ofCsvRecord(file, StandardCharsets.UTF_8)) {
                long fields = 0;
                long chars = 0;
                for (de.siegmar.fastcsv.reader.CsvRecord record : csv) {
                    for (String field : record.getFields()) {
                        fields++;
                        chars += field.length();
                    }
                }
                return chars < 0 ? -1 : fields;
            }
        }
    };

    /** A bare pass over every sheet's XML, counting its cells: no shared string, no value read. */
    static long staxCells(Path file, XMLInputFactory factory) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            Iterator<InputStream> sheets = new XSSFReader(pkg).getSheetsData();
            long cells = 0;
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    XMLStreamReader xml = factory.createXMLStreamReader(sheet);
                    while (xml.hasNext()) {
                        if (xml.next() == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
                            cells++;
                        }
                    }
                    xml.close();
                }
            }
            return cells;
        }
    }

    /**
     * The bare pass plus what it leaves out and every reader of the cells must do: the shared strings
     * table parsed and its text fetched (not kept), each cell's {@code r}, {@code t} and {@code s}
     * attributes and the text of its {@code <v>} fetched. No string is normalised, kept or looked up.
     */
    static long staxValues(Path file, XMLInputFactory factory) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            long chars = 0;
            try (InputStream strings = reader.getSharedStringsData()) {
                XMLStreamReader xml = factory.createXMLStreamReader(strings);
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.CHARACTERS) {
                        chars += xml.getTextLength();
                    }
                }
                xml.close();
            }
            Iterator<InputStream> sheets = reader.getSheetsData();
            long cells = 0;
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    XMLStreamReader xml = factory.createXMLStreamReader(sheet);
                    while (xml.hasNext()) {
                        int event = xml.next();
                        if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
                            cells++;
                            for (int i = 0; i < xml.getAttributeCount(); i++) {
                                chars += xml.getAttributeValue(i).length();
                            }
                        } else if (event == XMLStreamConstants.CHARACTERS) {
                            chars += xml.getTextLength();
                        }
                    }
                    xml.close();
                }
            }
            return chars < 0 ? -1 : cells;
        }
    }

    /** Limits that let a million-row list in; strings on the heap (within an eighth of it). */
    static final ReadLimits LARGE = new ReadLimits(1L << 30, 1L << 30, 2L << 30, Long.MAX_VALUE);
    /** The same with the shared strings past 16 MB in a memory-mapped file. */
    static final ReadLimits LARGE_OFF_HEAP = LARGE.withSharedStringsOffHeapAbove(16L << 20);

    private static Catalog catalog;

    final String format;
    final String label;

    Readers(String format, String label) {
        this.format = format;
        this.label = label;
    }

    /** Reads the whole file once; what it counted. */
    abstract long read(Path file) throws Exception;

    static List<Readers> of(String format) {
        return java.util.Arrays.stream(values()).filter(r -> r.format.equals(format)).toList();
    }

    /** The list's records as giaoban counts them, read the way the nightly job reads a file. */
    static long submission(Path file) {
        SubmissionReader reader = new SubmissionReader(catalog(), Charset.forName("windows-1258"), LARGE_OFF_HEAP,
                ListRecordStore.none());
        IngestResult result = reader.read(new ReceivedFile(1, LargeListGenerator.UNIT_CODE, file,
                LargeListGenerator.UNIT_CODE + "/" + file.getFileName()));
        if (result.status() != SubmissionStatus.ACCEPTED) {
            throw new IllegalStateException(file + " rejected: " + result.rejection());
        }
        return result.values().stream().mapToLong(v -> v.number().longValue()).max().orElse(0);
    }

    static synchronized Catalog catalog() {
        if (catalog == null) {
            catalog = CatalogFiles.load("classpath:catalog/van-lang/");
        }
        return catalog;
    }

    /** The "do nothing" handler: counts, so that the cells are not optimised away. */
    private static final class CountingHandler implements XSSFSheetXMLHandler.SheetContentsHandler {
        long cells;

        @Override
        public void startRow(int rowNum) {
        }

        @Override
        public void endRow(int rowNum) {
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            cells++;
        }
    }
}
