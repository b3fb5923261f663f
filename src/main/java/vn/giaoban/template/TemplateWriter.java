package vn.giaoban.template;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.giaoban.files.OutputFile;
import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Form;
import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.Measure;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.UnitKind;
import vn.giaoban.submission.internal.TemplateMetadata;

/**
 * Writes the .xlsx template a unit fills in for one form and period: the administrative title
 * block, the form's title and code, the unit and period, the as-of date to fill in, and one row
 * per indicator under the headings the reader recognises ("STT | Mã số | Chỉ tiêu | Đơn vị tính |
 * Thực hiện tháng 10 | Lũy kế từ đầu năm | Ghi chú").
 *
 * <p>What identifies the file is visible: the form code, the unit's name and code and the period
 * stand in the title block, the indicator codes in their column. The same identity is repeated as
 * custom document properties ({@link TemplateMetadata}), which only confirm it: other programs may
 * drop them. The sheet is protected without a password: only the yellow cells (values, notes, the
 * as-of date) can be typed into, numbers are validated (≥ 0), statuses chosen from "Đạt, Chưa đạt".
 * Every text that comes from data goes through {@link SafeCells}.
 */
public final class TemplateWriter {

    /** The layout version, written into each template's properties; raise it when the layout changes. */
    public static final String TEMPLATE_VERSION = "1";
    public static final String STATUS_DONE = "Đạt";
    public static final String STATUS_NOT_DONE = "Chưa đạt";

    static final String FONT = "Times New Roman";
    static final String HEADING_ORDINAL = "STT";
    static final String HEADING_CODE = "Mã số";
    static final String HEADING_UNIT_OF_MEASURE = "Đơn vị tính";
    static final String HEADING_NOTE = "Ghi chú";
    static final String HEADING_CUMULATIVE = "Lũy kế từ đầu năm";
    static final String HEADING_STATUS = "Kết quả đánh giá";
    static final String AS_OF_LABEL = "Số liệu đến ngày:";

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    /** The empty rows a list template offers; more can be inserted. */
    static final int LIST_ROWS = 200;

    private final Catalog catalog;

    public TemplateWriter(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * {@code BM03-DT_06172_2022-10.xlsx}: the form, the unit's code and the period, which the reader
     * also finds in a file's name. A character that has no place in a file name becomes {@code _}.
     */
    public static String fileName(Form form, Unit unit, YearMonth period) {
        return fileName(form, unit, period, TemplateFormat.XLSX);
    }

    /** The same name with the format's extension: {@code BM03-DT_06172_2022-10.ods}. */
    public static String fileName(Form form, Unit unit, YearMonth period, TemplateFormat format) {
        return safe(form.code()) + "_" + safe(unit.code()) + "_" + period + "." + format.extension();
    }

    private static String safe(String part) {
        String safe = part.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return safe.startsWith(".") ? "_" + safe.substring(1) : safe;
    }

    /**
     * Writes the template into {@code directory} (created if needed), replacing a previous one of
     * the same name, and returns its path. The file appears whole or not at all.
     *
     * @throws IllegalArgumentException when the unit is not valid in the period or does not submit the form
     */
    public Path write(Form form, Unit unit, YearMonth period, Path directory) throws IOException {
        return write(form, unit, period, directory, TemplateFormat.XLSX);
    }

    /** As {@link #write(Form, Unit, YearMonth, Path)}, in the given format (the same layout and identity). */
    public Path write(Form form, Unit unit, YearMonth period, Path directory, TemplateFormat format) throws IOException {
        check(form, unit, period);
        Files.createDirectories(directory);
        Path target = directory.resolve(fileName(form, unit, period, format));
        try (XSSFWorkbook workbook = workbook(form, unit, period)) {
            if (format == TemplateFormat.ODS) {
                OutputFile.write(target, out -> OdsTemplate.write(workbook, form.code() + " - " + form.title(),
                        identity(form, unit, period), out));
            } else {
                OutputFile.write(target, workbook::write);
            }
        }
        return target;
    }

    /** The template's identity as document properties ({@link TemplateMetadata}'s names). */
    static java.util.Map<String, String> identity(Form form, Unit unit, YearMonth period) {
        java.util.Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put(TemplateMetadata.FORM, form.code());
        properties.put(TemplateMetadata.UNIT, unit.code());
        properties.put(TemplateMetadata.PERIOD, period.toString());
        properties.put(TemplateMetadata.TEMPLATE_VERSION, TEMPLATE_VERSION);
        return properties;
    }

    /** Writes the template to a stream (not closed). */
    public void write(Form form, Unit unit, YearMonth period, OutputStream out) throws IOException {
        check(form, unit, period);
        try (XSSFWorkbook workbook = workbook(form, unit, period)) {
            workbook.write(out);
        }
    }

    private static void check(Form form, Unit unit, YearMonth period) {
        if (!unit.validOn(period.atEndOfMonth())) {
            throw new IllegalArgumentException(unit.key() + " is not valid in " + period);
        }
        if (!form.submittableBy(unit)) {
            throw new IllegalArgumentException(unit.code() + " does not submit " + form.code());
        }
    }

    /** The value columns of a form: what the reader takes each heading to mean. */
    static List<ValueColumn> valueColumns(Form form, YearMonth period) {
        String month = "Thực hiện tháng " + period.getMonthValue();
        return switch (form.defaultMeasure()) {
            case CUMULATIVE -> List.of(new ValueColumn(month, Measure.MONTH),
                    new ValueColumn(HEADING_CUMULATIVE, Measure.CUMULATIVE));
            case MONTH -> List.of(new ValueColumn(month, Measure.MONTH));
            case POINT -> List.of(new ValueColumn(HEADING_STATUS, Measure.POINT));
            default -> List.of(new ValueColumn("Thực hiện", form.defaultMeasure()));
        };
    }

    /** A value column: its heading and the measure the reader gives its values. */
    record ValueColumn(String heading, Measure measure) {
    }

    /** The line of the title block that names the unit; the reader checks it against the folder. */
    static String unitLine(Unit unit) {
        return "Đơn vị báo cáo: " + unit.name() + " (mã " + unit.code() + ")";
    }

    static String periodLine(YearMonth period) {
        return "Kỳ báo cáo: tháng " + period.getMonthValue() + " năm " + period.getYear();
    }

    static String formCodeLine(Form form) {
        return "Biểu mẫu: " + form.code();
    }

    /** "UBND XÃ TÂN MỸ"; a department by its own name ("THANH TRA HUYỆN"). */
    static String issuer(Unit unit) {
        String name = unit.name().toUpperCase(VIETNAMESE);
        return unit.kind() == UnitKind.DEPARTMENT || unit.kind() == UnitKind.PROVINCE ? name : "UBND " + name;
    }

    XSSFWorkbook workbook(Form form, Unit unit, YearMonth period) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        try {
            List<Indicator> indicators = form.indicatorCodes().stream().map(catalog::indicator).toList();
            new TemplateSheet(workbook, form, unit, period, indicators, catalog.listForm(form.code()).orElse(null))
                    .write();
            return workbook;
        } catch (RuntimeException e) {
            try {
                workbook.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

}
