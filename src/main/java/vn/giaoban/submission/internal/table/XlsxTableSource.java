package vn.giaoban.submission.internal.table;

import static vn.giaoban.submission.internal.table.TableSources.say;
import static vn.giaoban.submission.internal.table.XlsxWorkbook.NOT_EXCEL;
import static vn.giaoban.submission.internal.table.XlsxWorkbook.cellStyles;
import static vn.giaoban.submission.internal.table.XlsxWorkbook.sharedStrings;
import static vn.giaoban.submission.internal.table.XlsxWorkbook.sheets;
import static vn.giaoban.submission.internal.table.XlsxWorkbook.workbookPart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.giaoban.submission.internal.table.XlsxWorkbook.SheetPart;

/**
 * Reads .xlsx by pulling each sheet's XML with StAX: POI's usermodel holds the whole workbook in
 * memory and its SAX sheet handler formats every cell, about four times slower (STACK.md). POI
 * opens the package (with its zip-bomb limits on); the workbook, shared strings, styles and sheets
 * are read here, with StAX that refuses DTDs, so that nothing in the file is expanded or loaded
 * whole without a limit.
 *
 * <p>Three rooms: {@link XlsxPackage} vets the zip before POI opens it, {@link XlsxWorkbook} reads the
 * workbook, its relationships, shared strings and styles, and {@link XlsxSheetRows} is the sheets'
 * cell state machine, the loop a million-row list runs through.
 */
final class XlsxTableSource implements TableSource, LegacyFonts {

    private static final Logger log = LoggerFactory.getLogger(XlsxTableSource.class);

    private final Path file;
    private final OPCPackage pkg;
    private final SharedStrings strings;
    private final XlsxWorkbook.CellStyles styles;
    private final List<SheetPart> sheets;
    private XlsxSheetRows rows;

    private XlsxTableSource(Path file, OPCPackage pkg, SharedStrings strings, XlsxWorkbook.CellStyles styles,
            List<SheetPart> sheets) {
        this.file = file;
        this.pkg = pkg;
        this.strings = strings;
        this.styles = styles;
        this.sheets = sheets;
    }

    static XlsxTableSource open(Path file, ReadLimits limits) throws UnreadableFileException {
        XlsxPackage.raisePoiPartLimit(limits.maxPartBytes());
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            log.warn("{} is a zip but not an Office package: {}", file, e.toString());
            throw new UnreadableFileException(say(NOT_EXCEL), e);
        }
        SharedStrings strings = SharedStrings.EMPTY;
        try {
            PackagePart workbook = workbookPart(pkg, file);
            XlsxWorkbook.CellStyles styles = XlsxWorkbook.CellStyles.NONE;
            for (PackageRelationship rel : workbook.getRelationships()) {
                String type = rel.getRelationshipType();
                if (rel.getTargetMode() == TargetMode.EXTERNAL) {
                    continue;
                }
                if (type.endsWith("/sharedStrings")) {
                    try (InputStream in = workbook.getRelatedPart(rel).getInputStream()) {
                        strings.close();
                        strings = sharedStrings(in, limits.sharedStringsOffHeapAbove());
                    }
                } else if (type.endsWith("/styles")) {
                    try (InputStream in = workbook.getRelatedPart(rel).getInputStream()) {
                        styles = cellStyles(in);
                    }
                }
            }
            List<SheetPart> sheets;
            try (InputStream in = workbook.getInputStream()) {
                sheets = sheets(in, workbook);
            }
            return new XlsxTableSource(file, pkg, strings, styles, sheets);
        } catch (UnreadableFileException e) {
            closeQuietly(strings);
            pkg.revert();
            throw e;
        } catch (Exception e) {
            closeQuietly(strings);
            pkg.revert();
            log.warn("cannot open workbook {}: {}", file, e.toString());
            throw new UnreadableFileException(say(NOT_EXCEL), e);
        }
    }

    @Override
    public Iterator<SheetRow> rows() {
        if (rows != null) {
            throw new IllegalStateException("rows() can be called once");
        }
        rows = new XlsxSheetRows(file, sheets, strings, styles.dates(), styles.legacy());
        return rows;
    }

    @Override
    public boolean hasLegacyFonts() {
        return styles.legacy() != null;
    }

    @Override
    public void close() throws IOException {
        try {
            if (rows != null) {
                rows.closeSheet();
            }
        } finally {
            closeQuietly(strings);
            pkg.revert();
        }
    }

    private static void closeQuietly(SharedStrings strings) {
        try {
            strings.close();
        } catch (IOException e) {
            log.debug("closing the shared strings failed", e);
        }
    }
}
