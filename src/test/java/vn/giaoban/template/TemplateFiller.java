package vn.giaoban.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.Measure;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.ValueType;
import vn.giaoban.submission.StagedValue;

/**
 * Fills a generated template the way a person does: finds the table by its headings, types a
 * number (or picks "Đạt" / "Chưa đạt") into each yellow cell, writes the as-of date next to its
 * label, saves. Only cells the sheet's protection leaves unlocked are touched; trying to type into
 * a locked one fails the test. The values typed are a function of unit, indicator and measure, so
 * fixtures made from them can be checked without a copy of the numbers.
 */
final class TemplateFiller {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Catalog catalog;

    TemplateFiller(Catalog catalog) {
        this.catalog = catalog;
    }

    /** What was typed: the values the reader must give back, and the as-of date (null when the template has no such line). */
    record Filled(List<StagedValue> expected, LocalDate asOf) {
    }

    /** The day typed as the as-of date: the 23rd of the period's month. */
    static LocalDate asOfDay(YearMonth period) {
        return period.atDay(23);
    }

    /** The number typed for a unit, indicator and measure: a cumulative is above its month, money has decimals. */
    static BigDecimal number(Unit unit, Indicator indicator, Measure measure) {
        int seed = Math.floorMod((unit.code() + "/" + indicator.code()).hashCode(), 900) + 7;
        BigDecimal month = BigDecimal.valueOf(seed);
        if ("triệu đồng".equals(indicator.unitOfMeasure())) {
            month = month.multiply(BigDecimal.valueOf(113)).add(new BigDecimal("0.75"));
        }
        return measure == Measure.CUMULATIVE ? month.multiply(BigDecimal.valueOf(9)).add(BigDecimal.valueOf(seed % 5))
                : month;
    }

    /** The free text typed for a unit's text row. */
    static String text(Unit unit, Indicator indicator) {
        return "Ghi nhận của " + unit.name() + " về " + indicator.shortName();
    }

    /** The status picked: criteria of odd number "Đạt", a few even ones "Chưa đạt", varying with the unit. */
    static String status(Unit unit, Indicator indicator) {
        return Math.floorMod((unit.code() + indicator.code()).hashCode(), 3) == 0 ? TemplateWriter.STATUS_NOT_DONE
                : TemplateWriter.STATUS_DONE;
    }

    static String statusCode(String shown) {
        return TemplateWriter.STATUS_DONE.equals(shown) ? "DAT" : "CHUA_DAT";
    }

    /** Fills {@code template} in place (it is saved over itself) and tells what was typed. */
    Filled fill(Path template, Unit unit, YearMonth period) throws IOException {
        String subject = unit.kind().reportsForParent() ? catalog.parent(unit).orElseThrow().key() : unit.key();
        List<StagedValue> expected = new ArrayList<>();
        LocalDate asOf = null;
        XSSFWorkbook workbook;
        try (InputStream in = Files.newInputStream(template)) {
            workbook = new XSSFWorkbook(in);
        }
        try (workbook) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = headerRow(sheet);
            int codeColumn = column(header, TemplateWriter.HEADING_CODE);
            List<Integer> valueColumns = new ArrayList<>();
            List<Measure> measures = new ArrayList<>();
            for (Cell cell : header) {
                String heading = cell.getStringCellValue();
                Measure measure = heading.startsWith("Thực hiện tháng") ? Measure.MONTH
                        : heading.equals(TemplateWriter.HEADING_CUMULATIVE) ? Measure.CUMULATIVE
                        : heading.equals(TemplateWriter.HEADING_STATUS) ? Measure.POINT : null;
                if (measure != null) {
                    valueColumns.add(cell.getColumnIndex());
                    measures.add(measure);
                }
            }
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Cell codeCell = row == null ? null : row.getCell(codeColumn);
                if (codeCell == null || codeCell.getCellType() != CellType.STRING || codeCell.getStringCellValue().isBlank()) {
                    continue;
                }
                Indicator indicator = catalog.indicator(codeCell.getStringCellValue());
                if (indicator.valueType() == ValueType.TEXT) {
                    // free text goes in the first value cell; the reader takes it as the unit's own words
                    Cell cell = typeInto(row, valueColumns.get(0));
                    String text = text(unit, indicator);
                    cell.setCellValue(text);
                    expected.add(new StagedValue(unit.key(), indicator.code(), period, Measure.POINT, null, text,
                            sheet.getSheetName(), new CellReference(cell).formatAsString(false)));
                    continue;
                }
                for (int i = 0; i < valueColumns.size(); i++) {
                    Cell cell = typeInto(row, valueColumns.get(i));
                    Measure measure = measures.get(i);
                    String reference = new CellReference(cell).formatAsString(false);
                    if (indicator.valueType() == ValueType.STATUS) {
                        String shown = status(unit, indicator);
                        cell.setCellValue(shown);
                        expected.add(new StagedValue(subject, indicator.code(), period, measure, null, statusCode(shown),
                                sheet.getSheetName(), reference));
                    } else {
                        BigDecimal value = number(unit, indicator, measure);
                        cell.setCellValue(value.doubleValue());
                        expected.add(new StagedValue(subject, indicator.code(), period, measure, value, null,
                                sheet.getSheetName(), reference));
                    }
                }
            }
            Cell asOfLabel = find(sheet, TemplateWriter.AS_OF_LABEL);
            if (asOfLabel != null) {
                Row row = asOfLabel.getRow();
                // the label stands in a merged range; the date goes in the first cell to its right
                int dateColumn = sheet.getMergedRegions().stream()
                        .filter(m -> m.isInRange(row.getRowNum(), asOfLabel.getColumnIndex()))
                        .mapToInt(m -> m.getLastColumn() + 1).findFirst().orElse(asOfLabel.getColumnIndex() + 1);
                asOf = asOfDay(period);
                typeInto(row, dateColumn).setCellValue(asOf.format(DAY));
            }
            try (OutputStream out = Files.newOutputStream(template)) {
                workbook.write(out);
            }
        }
        return new Filled(expected, asOf);
    }

    /** The cell a person can type into: it must be unlocked on the protected sheet. */
    private static Cell typeInto(Row row, int column) {
        Cell cell = row.getCell(column);
        if (cell == null || cell.getCellStyle().getLocked() || !row.getSheet().getProtect()) {
            throw new AssertionError("cell " + new CellReference(row.getRowNum(), column).formatAsString()
                    + " of " + row.getSheet().getSheetName() + " is not an unlocked cell of a protected sheet");
        }
        return cell;
    }

    static Row headerRow(Sheet sheet) {
        Cell code = find(sheet, TemplateWriter.HEADING_CODE);
        if (code == null) {
            throw new AssertionError("no \"Mã số\" heading in " + sheet.getSheetName());
        }
        return code.getRow();
    }

    static int column(Row row, String heading) {
        for (Cell cell : row) {
            if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(heading)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no heading " + heading);
    }

    static Cell find(Sheet sheet, String text) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                    return cell;
                }
            }
        }
        return null;
    }
}
