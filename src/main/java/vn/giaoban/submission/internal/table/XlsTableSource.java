package vn.giaoban.submission.internal.table;

import static vn.giaoban.submission.internal.table.TableSources.say;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.giaoban.text.LegacyVietnamese;
import vn.giaoban.text.LegacyVietnamese.Encoding;
import vn.giaoban.text.VietnameseText;

/**
 * Reads old .xls (BIFF8) through POI's usermodel: HSSF has no pull API worth its complexity, and
 * a .xls sheet holds at most 65,536 rows, so the whole workbook in memory stays small.
 */
final class XlsTableSource implements TableSource, LegacyFonts {

    static final String ENCRYPTED = "feedback.read.xls.encrypted";
    static final String TOO_OLD = "feedback.read.xls.too-old";
    static final String TOO_LARGE = "feedback.read.xls.too-large";
    static final String DAMAGED = "feedback.read.xls.damaged";

    /**
     * HSSF holds the whole workbook, several times the file's size in memory; a .xls report is a
     * few hundred kilobytes, and 16 MB stays well inside a 256 MB heap.
     */
    static final long MAX_XLS_BYTES = 16L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(XlsTableSource.class);

    private final POIFSFileSystem fs;
    private final HSSFWorkbook workbook;
    /** Per font index, the old Vietnamese encoding it draws; null (no work per cell) when no font is one. */
    private final Encoding[] legacyFonts;
    private boolean used;

    private XlsTableSource(POIFSFileSystem fs, HSSFWorkbook workbook) {
        this.fs = fs;
        this.workbook = workbook;
        this.legacyFonts = legacyFonts(workbook);
    }

    private static Encoding[] legacyFonts(HSSFWorkbook workbook) {
        Encoding[] legacy = null;
        int fonts = workbook.getNumberOfFonts();
        for (int i = 0; i < fonts + 1 && i < XlsxWorkbook.MAX_CELL_STYLES; i++) {
            if (i == 4) {
                continue; // BIFF has no font 4: the indices run 0-3, then 5 on
            }
            String name;
            try {
                name = workbook.getFontAt(i).getFontName();
            } catch (IndexOutOfBoundsException e) {
                break;
            }
            Encoding encoding = LegacyVietnamese.fromFontName(name).orElse(null);
            if (encoding != null) {
                if (legacy == null) {
                    legacy = new Encoding[fonts + 1];
                }
                legacy[i] = encoding;
            }
        }
        return legacy;
    }

    @Override
    public boolean hasLegacyFonts() {
        return legacyFonts != null;
    }

    static XlsTableSource open(Path file) throws UnreadableFileException {
        try {
            if (Files.size(file) > MAX_XLS_BYTES) {
                throw new UnreadableFileException(say(TOO_LARGE,
                        TableSources.count(MAX_XLS_BYTES / (1024 * 1024))));
            }
        } catch (IOException e) {
            throw new UnreadableFileException(say(TableSources.IO_FAILURE), e);
        }
        POIFSFileSystem fs;
        try {
            fs = new POIFSFileSystem(file.toFile(), true);
        } catch (Exception e) {
            log.warn("{} has an OLE2 signature but no readable structure: {}", file, e.toString());
            throw new UnreadableFileException(say(isCutShort(file) ? DAMAGED : XlsxWorkbook.NOT_EXCEL), e);
        }
        try {
            // an .xlsx saved with a password is an OLE2 file holding the encrypted package
            if (fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage")) {
                throw new EncryptedDocumentException("encrypted OOXML package");
            }
            return new XlsTableSource(fs, new HSSFWorkbook(fs));
        } catch (EncryptedDocumentException e) {
            closeQuietly(fs);
            throw new UnreadableFileException(say(ENCRYPTED), e);
        } catch (OldExcelFormatException e) {
            closeQuietly(fs);
            throw new UnreadableFileException(say(TOO_OLD), e);
        } catch (Exception e) {
            closeQuietly(fs);
            log.warn("cannot open {} as .xls: {}", file, e.toString());
            throw new UnreadableFileException(say(isCutShort(file) ? DAMAGED : XlsxWorkbook.NOT_EXCEL), e);
        }
    }

    @Override
    public Iterator<SheetRow> rows() {
        if (used) {
            throw new IllegalStateException("rows() can be called once");
        }
        used = true;
        return new Rows();
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.close();
        } finally {
            fs.close();
        }
    }

    private final class Rows extends LookaheadRows {

        private int sheetIndex = -1;
        private Sheet sheet;
        private boolean sheetHidden;
        private Iterator<Row> sheetRows;

        @Override
        protected SheetRow computeNext() {
            try {
                return advance();
            } catch (UncheckedIOException e) {
                throw e;
            } catch (RuntimeException e) {
                log.warn("sheet {} of a .xls cannot be read: {}", sheetIndex, e.toString());
                throw TableSources.unreadable(say(DAMAGED), e);
            }
        }

        private SheetRow advance() {
            SheetRow row = null;
            while (row == null) {
                if (sheetRows == null || !sheetRows.hasNext()) {
                    if (++sheetIndex >= workbook.getNumberOfSheets()) {
                        return null;
                    }
                    sheet = workbook.getSheetAt(sheetIndex);
                    sheetHidden = workbook.isSheetHidden(sheetIndex) || workbook.isSheetVeryHidden(sheetIndex);
                    sheetRows = sheet.rowIterator();
                    continue;
                }
                row = toSheetRow(sheetRows.next());
            }
            return row;
        }

        private SheetRow toSheetRow(Row row) {
            List<SheetCell> cells = new ArrayList<>();
            for (Cell cell : row) {
                SheetCell read = legacy(toSheetCell(cell), cell);
                if (read != null && read.text().length() > TableSources.MAX_CELL_CHARS) {
                    throw TableSources.unreadable(say(TableSources.CELL_TOO_LONG, read.reference(),
                            VietnameseText.nfc(sheet.getSheetName()), TableSources.count(TableSources.MAX_CELL_CHARS)));
                }
                if (read != null) {
                    cells.add(read);
                }
            }
            if (cells.isEmpty()) {
                return null;
            }
            return new SheetRow(VietnameseText.nfc(sheet.getSheetName()), row.getRowNum() + 1,
                    sheetHidden || row.getZeroHeight(), List.copyOf(cells));
        }
    }

    /** A text cell whose font is .VnTime or VNI-Times, converted to Unicode. */
    private SheetCell legacy(SheetCell read, Cell cell) {
        if (legacyFonts == null || read == null || read.kind() != CellKind.TEXT) {
            return read;
        }
        int font = cell.getCellStyle().getFontIndex();
        Encoding encoding = font < legacyFonts.length ? legacyFonts[font] : null;
        if (encoding == null) {
            return read;
        }
        String unicode = LegacyVietnamese.toUnicode(read.text(), encoding);
        return unicode.equals(read.text()) ? read : read.converted(unicode, encoding);
    }

    /** A formula cell is read as its cached result, the value the unit saw when it saved. */
    private static SheetCell toSheetCell(Cell cell) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        int column = cell.getColumnIndex();
        int rowNumber = cell.getRowIndex() + 1;
        return switch (type) {
            case NUMERIC -> {
                BigDecimal number = exact(cell.getNumericCellValue());
                yield new SheetCell(column, rowNumber, CellKind.NUMBER, number.toPlainString(), number,
                        DateUtil.isCellDateFormatted(cell));
            }
            case STRING -> text(column, rowNumber, CellKind.TEXT, cell.getRichStringCellValue().getString());
            case BOOLEAN -> text(column, rowNumber, CellKind.BOOLEAN, cell.getBooleanCellValue() ? "TRUE" : "FALSE");
            case ERROR -> text(column, rowNumber, CellKind.ERROR, errorText(cell.getErrorCellValue()));
            default -> null;
        };
    }

    /** The shortest decimal that is the double ({@code 0.1}, not 0.1000000000000000055...), without ".0". */
    static BigDecimal exact(double value) {
        BigDecimal number = BigDecimal.valueOf(value);
        if (number.scale() < 0) {
            return number.setScale(0);
        }
        if (number.scale() == 1 && number.unscaledValue().mod(BigInteger.TEN).signum() == 0) {
            return number.setScale(0);
        }
        return number;
    }

    private static SheetCell text(int column, int rowNumber, CellKind kind, String text) {
        if (TableSources.isBlank(text)) {
            return null;
        }
        return new SheetCell(column, rowNumber, kind, VietnameseText.nfc(text), null, false);
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#N/A";
        }
    }

    /** An OLE2 file is a whole number of 512-byte sectors; one cut off in transit is not. */
    private static boolean isCutShort(Path file) {
        try {
            return Files.size(file) % 512 != 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(POIFSFileSystem fs) {
        try {
            fs.close();
        } catch (IOException e) {
            log.debug("closing an unreadable .xls failed", e);
        }
    }
}
