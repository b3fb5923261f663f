package vn.giaoban.briefing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.giaoban.files.OutputFile;
import vn.giaoban.briefing.BriefingRenderer.BriefingRenderingException;
import vn.giaoban.template.SafeCells;
import vn.giaoban.text.ParsedNumber;
import vn.giaoban.text.VietnameseNumbers;
import vn.giaoban.text.VietnameseText;

/**
 * Writes the briefing's annex as an XLSX of the consolidated data, for those who work the figures
 * further: one sheet per annex table (title row, bold bordered header row with an autofilter,
 * frozen), then one sheet per chart with the figures it draws.
 *
 * <p>Figures are numbers, not text: the annex cells are worded the Vietnamese way ("94.533",
 * "116,71%"), so each cell of a numeric column is read back with {@link VietnameseNumbers#parse}
 * (94533; 1.1671 with a percent format showing as many decimals as the text did). A cell that is
 * not a number ("14/19", "-") stays text. The formats are {@code #,##0}-style, which Excel and
 * LibreOffice show with the reader's own separators (94.533 on a Vietnamese-locale machine). Every
 * text goes through {@link SafeCells}, so nothing from the data is ever run as a formula. Times New
 * Roman throughout.
 */
@Component
public class AnnexWorkbook {

    /** The font of every cell. */
    public static final String FONT = "Times New Roman";

    private static final Logger log = LoggerFactory.getLogger(AnnexWorkbook.class);


    private static final Pattern NUMBERED = Pattern.compile("((?:Biểu đồ|Biểu|Bảng|Phụ lục)\\s+\\d+[a-z]?)[.:]");
    private static final Pattern DATE = Pattern.compile("\\d{2}/\\d{2}/\\d{4}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private static final String NORMAL_STYLE =
            "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>";

    /** Excel's limit on a sheet name. */
    static final int SHEET_NAME_MAX = 31;

    /**
     * Writes the workbook to {@code target}, creating its folder: first to a temporary file beside
     * it, then moved into place.
     *
     * @return {@code target}
     * @throws BriefingRenderingException when the workbook cannot be built or written
     */
    public Path renderXlsx(Briefing briefing, Path target) {
        return renderXlsx(briefing, null, target);
    }

    /**
     * As {@link #renderXlsx(Briefing, Path)}, with a last sheet "Nguồn số liệu" listing where each figure of the
     * notice came from, when {@code trace} is given.
     */
    public Path renderXlsx(Briefing briefing, NoticeTrace trace, Path target) {
        Objects.requireNonNull(briefing, "briefing");
        Objects.requireNonNull(target, "target");
        long started = System.nanoTime();
        Path absolute = target.toAbsolutePath();
        try (XSSFWorkbook workbook = build(briefing, trace)) {
            OutputFile.write(absolute, out -> withDefaultStyle(workbook, out));
        } catch (IOException e) {
            throw new BriefingRenderingException("Could not write the briefing annex workbook to " + absolute, e);
        } catch (RuntimeException e) {
            if (e instanceof BriefingRenderingException known) {
                throw known;
            }
            throw new BriefingRenderingException("Could not build the briefing annex workbook for " + briefing.period()
                    + ": " + e.getMessage(), e);
        }
        log.info("Rendered the annex of briefing {} as XLSX to {} in {} ms", briefing.period(), absolute,
                (System.nanoTime() - started) / 1_000_000);
        return target;
    }

    /**
     * Writes the workbook with the "Normal" cell style that its cell formats refer to: POI writes none,
     * and readers such as openpyxl then warn that the workbook has no default style. (The schema classes
     * of that element are not in poi-ooxml-lite, hence the text.)
     */
    static void withDefaultStyle(XSSFWorkbook workbook, OutputStream out) throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream(64 * 1024);
        workbook.write(written);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(written.toByteArray()));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals("xl/styles.xml")) {
                    String styles = new String(bytes, StandardCharsets.UTF_8);
                    if (!styles.contains("<cellStyles") && styles.contains("</cellXfs>")) {
                        styles = styles.replace("</cellXfs>", "</cellXfs>" + NORMAL_STYLE);
                    }
                    bytes = styles.getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
            zip.finish();
        }
    }

    /** The workbook, in memory. */
    XSSFWorkbook build(Briefing briefing) {
        return build(briefing, null);
    }

    /** The workbook, in memory, with the trace's sheet last when there is one. */
    XSSFWorkbook build(Briefing briefing, NoticeTrace trace) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        try {
            Styles styles = new Styles(workbook);
            SafeCells cells = new SafeCells(workbook);
            Set<String> names = new HashSet<>();
            Briefing.Annex annex = ChartFigures.readable(briefing.annex());
            int number = 0;
            for (Briefing.Table table : annex.tables()) {
                if (table != null) {
                    number++;
                    table(workbook, styles, cells, uniqueName(shortName(table.title()), "Bảng " + number, names), table);
                }
            }
            number = 0;
            for (Briefing.Chart chart : annex.charts()) {
                if (chart != null) {
                    number++;
                    table(workbook, styles, cells, uniqueName("Biểu đồ " + number, "Biểu đồ " + number, names),
                            ChartFigures.table(chart));
                }
            }
            if (workbook.getNumberOfSheets() == 0) {
                Sheet sheet = workbook.createSheet(uniqueName(annex.title(), "Phụ lục", names));
                cells.text(styled(sheet.createRow(0).createCell(0), styles.title), title(briefing, annex.title()));
                cells.text(styled(sheet.createRow(1).createCell(0), styles.note),
                        "Kỳ " + period(briefing) + " không có bảng số liệu nào trong phụ lục.");
                sheet.setColumnWidth(0, 80 * 256);
            }
            if (trace != null && !trace.figures().isEmpty()) {
                sources(workbook, styles, cells, uniqueName(SOURCES, SOURCES, names), trace, briefing);
            }
            workbook.getProperties().getCoreProperties().setTitle(title(briefing, annex.title()));
            workbook.getProperties().getCoreProperties().setCreator("giaoban");
            workbook.getProperties().getExtendedProperties().setApplication("giaoban");
            workbook.setActiveSheet(0);
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

    /** One sheet: the title in row 1, the header in row 2 (frozen, autofilter), the rows, the note. */
    private static void table(XSSFWorkbook workbook, Styles styles, SafeCells cells, String name, Briefing.Table table) {
        Sheet sheet = workbook.createSheet(name);
        int columns = Math.max(1, table.columns().size());
        for (List<String> row : table.rows()) {
            columns = Math.max(columns, row.size());
        }
        int[] widths = new int[columns];

        Row titleRow = sheet.createRow(0);
        titleRow.setHeightInPoints(21);
        cells.text(styled(titleRow.createCell(0), styles.title), text(table.title()));
        if (columns > 1) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
        }

        Row header = sheet.createRow(1);
        for (int c = 0; c < columns; c++) {
            String value = c < table.columns().size() ? text(table.columns().get(c)) : "";
            cells.text(styled(header.createCell(c), styles.header), value);
            widths[c] = Math.max(widths[c], Math.min(longestLine(value), 30));
        }

        // one format down each column: the most decimals any of its figures shows, percent if any is one
        int[] decimals = new int[columns];
        boolean[] percent = new boolean[columns];
        for (List<String> values : table.rows()) {
            for (int c = 0; c < Math.min(columns, values.size()); c++) {
                Optional<ParsedNumber> number = parsed(text(values.get(c)));
                if (number.isPresent()) {
                    decimals[c] = Math.max(decimals[c], Math.max(0, number.get().value().scale()));
                    percent[c] |= number.get().percent();
                }
            }
        }
        int r = 2;
        for (List<String> values : table.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < columns; c++) {
                String value = c < values.size() ? text(values.get(c)) : "";
                boolean numeric = c < table.numeric().size() && Boolean.TRUE.equals(table.numeric().get(c));
                Cell cell = row.createCell(c);
                Optional<LocalDate> date = date(value);
                if (date.isPresent()) {
                    styled(cell, styles.date).setCellValue(date.get());
                } else if (numeric) {
                    figure(cell, value, styles.number(Math.min(decimals[c], 6), percent[c]), styles, cells);
                } else {
                    cells.text(styled(cell, styles.text), value);
                }
                widths[c] = Math.max(widths[c], longestLine(value));
            }
        }
        int last = Math.max(2, r - 1);
        sheet.setAutoFilter(new CellRangeAddress(1, last, 0, columns - 1));
        sheet.createFreezePane(0, 2);

        String note = text(table.note());
        if (!note.isEmpty()) {
            Row noteRow = sheet.createRow(r + 1);
            cells.text(styled(noteRow.createCell(0), styles.note), note);
        }
        for (int c = 0; c < columns; c++) {
            // characters of Times New Roman 12 pt are about 1.1 of the default width; filter arrow room
            int chars = Math.max(8, Math.min(60, (int) Math.ceil(widths[c] * 1.1) + 3));
            sheet.setColumnWidth(c, chars * 256);
        }
        // A4 portrait holds about 90 characters of Times New Roman 12 pt between the default margins
        sheet.getPrintSetup().setLandscape(IntStream.range(0, columns).map(c -> sheet.getColumnWidth(c) / 256).sum() > 90);
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(new CellRangeAddress(1, 1, -1, -1));
    }

    static final String SOURCES = "Nguồn số liệu";

    private static final List<String> SOURCE_COLUMNS = List.of("Mã số", "Vị trí trong thông báo", "Nội dung số liệu",
            "Số in trong thông báo", "Giá trị", "Cách tính", "Diễn giải", "Đơn vị gửi tệp", "Tham chiếu ô (tệp!trang!ô)",
            "Phiên bản", "Đêm nhận tệp", "Giá trị đọc được");

    /** Column widths, in characters, that hold a long label or explanation on a few wrapped lines. */
    private static final int[] SOURCE_WIDTH_MAX = { 12, 30, 60, 16, 14, 18, 50, 30, 50, 10, 13, 16 };

    /**
     * The sheet "Nguồn số liệu": a row per figure of the notice (section I, then the annex), its parts on the rows
     * under it, indented and grouped so that a reader can fold them; a figure's first cell on its own row, any
     * further cells on rows of their own.
     */
    private static void sources(XSSFWorkbook workbook, Styles styles, SafeCells cells, String name, NoticeTrace trace,
            Briefing briefing) {
        Sheet sheet = workbook.createSheet(name);
        int columns = SOURCE_COLUMNS.size();
        int[] widths = new int[columns];
        Row titleRow = sheet.createRow(0);
        titleRow.setHeightInPoints(21);
        cells.text(styled(titleRow.createCell(0), styles.title), "Nguồn của các số liệu trong thông báo - "
                + period(briefing));
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
        Row header = sheet.createRow(1);
        for (int c = 0; c < columns; c++) {
            cells.text(styled(header.createCell(c), styles.header), SOURCE_COLUMNS.get(c));
            widths[c] = Math.min(longestLine(SOURCE_COLUMNS.get(c)), SOURCE_WIDTH_MAX[c]);
        }
        sheet.setRowSumsBelow(false);
        int[] next = { 2 };
        for (NoticeTrace.Figure figure : trace.figures()) {
            sourceRows(sheet, styles, cells, figure, 0, next, widths);
        }
        int last = Math.max(2, next[0] - 1);
        sheet.setAutoFilter(new CellRangeAddress(1, last, 0, columns - 1));
        sheet.createFreezePane(1, 2);
        Row noteRow = sheet.createRow(next[0] + 1);
        cells.text(styled(noteRow.createCell(0), styles.note), "Mỗi số liệu của thông báo (mục I và các biểu của phụ"
                + " lục) một dòng; các dòng thụt vào dưới nó là các phần của nó (các số hạng của tổng, tử số và mẫu số"
                + " của tỷ lệ); tham chiếu ô ghi theo dạng tệp!trang tính!ô của tệp đơn vị đã gửi.");
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, Math.max(8, Math.min(SOURCE_WIDTH_MAX[c] + 3, (int) Math.ceil(widths[c] * 1.1) + 3))
                    * 256);
        }
        // a row as high as its longest wrapped text: LibreOffice does not grow a row POI wrote to fit its text
        for (int r = 2; r < next[0]; r++) {
            Row row = sheet.getRow(r);
            int lines = 1;
            for (Cell cell : row) {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    int room = Math.max(1, (int) ((sheet.getColumnWidth(cell.getColumnIndex()) / 256 - 2) / 1.1));
                    lines = Math.max(lines, (cell.getStringCellValue().length() + room - 1) / room);
                }
            }
            row.setHeightInPoints(Math.min(lines, 12) * 15.5f);
        }
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(new CellRangeAddress(1, 1, -1, -1));
    }

    /** A figure's rows and, grouped under them, its parts' (Excel folds at most 7 levels). */
    private static void sourceRows(Sheet sheet, Styles styles, SafeCells cells, NoticeTrace.Figure figure, int level,
            int[] next, int[] widths) {
        int first = next[0];
        Row row = sheet.createRow(next[0]++);
        String[] texts = { figure.id(), figure.place(), figure.label(), figure.shown() == null ? "" : figure.shown(),
                null, figure.derivation().words(), figure.how() == null ? "" : figure.how() };
        for (int c = 0; c < texts.length; c++) {
            if (c == 4) {
                number(row.createCell(c), figure.value(), styles);
                continue;
            }
            CellStyle style = c == 2 ? styles.indented(level) : c == 3 ? styles.textRight : styles.text;
            cells.text(styled(row.createCell(c), style), texts[c]);
            widths[c] = Math.max(widths[c], longestLine(texts[c]) + (c == 2 ? 2 * level : 0));
        }
        List<NoticeTrace.Source> sources = figure.sources();
        for (int i = 0; i < Math.max(1, sources.size()); i++) {
            Row at = i == 0 ? row : sheet.createRow(next[0]++);
            if (i > 0) {
                for (int c = 0; c < 7; c++) {
                    styled(at.createCell(c), c == 2 ? styles.indented(level) : styles.text).setBlank();
                }
            }
            source(at, i < sources.size() ? sources.get(i) : null, styles, cells, widths);
        }
        for (NoticeTrace.Figure part : figure.parts()) {
            sourceRows(sheet, styles, cells, part, level + 1, next, widths);
        }
        if (next[0] - 1 > first && level < 7) {
            sheet.groupRow(first + 1, next[0] - 1);
        }
    }

    private static void source(Row row, NoticeTrace.Source source, Styles styles, SafeCells cells, int[] widths) {
        if (source == null) {
            for (int c = 7; c < SOURCE_COLUMNS.size(); c++) {
                styled(row.createCell(c), styles.text).setBlank();
            }
            return;
        }
        String unit = source.unitCode() + " - " + source.unitName();
        String reference = source.reference() + (source.note() == null ? "" : " (" + source.note() + ")");
        cells.text(styled(row.createCell(7), styles.text), unit);
        cells.text(styled(row.createCell(8), styles.text), reference);
        Cell version = row.createCell(9);
        if (source.version() == null) {
            styled(version, styles.text).setBlank();
        } else {
            styled(version, styles.number(0, false)).setCellValue(source.version());
        }
        Cell night = row.createCell(10);
        if (source.receivedNight() == null) {
            styled(night, styles.date).setBlank();
        } else {
            styled(night, styles.date).setCellValue(source.receivedNight());
        }
        Cell read = row.createCell(11);
        try {
            number(read, new BigDecimal(source.valueRead()), styles);
        } catch (NumberFormatException | NullPointerException text) {
            cells.text(styled(read, styles.text), source.valueRead() == null ? "" : source.valueRead());
        }
        widths[7] = Math.max(widths[7], unit.length());
        widths[8] = Math.max(widths[8], reference.length());
        widths[9] = Math.max(widths[9], 4);
        widths[10] = Math.max(widths[10], 10);
        widths[11] = Math.max(widths[11], source.valueRead() == null ? 0 : Math.min(source.valueRead().length(), 40));
    }

    /** A figure's value as a number with as many decimals as it has (at most 6); blank when it has none. */
    private static void number(Cell cell, BigDecimal value, Styles styles) {
        if (value == null) {
            styled(cell, styles.number(0, false)).setBlank();
            return;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        styled(cell, styles.number(Math.min(6, Math.max(0, stripped.scale())), false));
        cell.setCellValue(stripped.doubleValue());
    }

    /** A figure as a number in its column's format; what is not a number stays text (right-aligned). */
    private static void figure(Cell cell, String value, CellStyle format, Styles styles, SafeCells cells) {
        if (value.isEmpty()) {
            styled(cell, format).setBlank();
            return;
        }
        Optional<ParsedNumber> parsed = parsed(value);
        if (parsed.isEmpty()) {
            cells.text(styled(cell, styles.textRight), value);
            return;
        }
        BigDecimal number = parsed.get().value();
        if (parsed.get().percent()) {
            number = number.movePointLeft(2);
        }
        styled(cell, format);
        cell.setCellValue(number.doubleValue());
    }

    private static Optional<ParsedNumber> parsed(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(VietnameseNumbers.parse(value));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** "24/10/2022" as the date it is, so that a clerk can sort and compute with it. */
    static Optional<LocalDate> date(String value) {
        if (!DATE.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value, DAY));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    private static Cell styled(Cell cell, CellStyle style) {
        cell.setCellStyle(style);
        return cell;
    }

    /** The cell styles of one workbook, Times New Roman, the number formats made once each. */
    private static final class Styles {

        private final XSSFWorkbook workbook;
        final CellStyle title;
        final CellStyle header;
        final CellStyle text;
        final CellStyle textRight;
        final CellStyle note;
        final CellStyle date;
        private final Map<String, CellStyle> numbers = new HashMap<>();
        private final Map<Integer, CellStyle> indents = new HashMap<>();

        Styles(XSSFWorkbook workbook) {
            this.workbook = workbook;
            Font regular = workbook.getFontAt(0); // the default font: blank cells show Times New Roman too
            regular.setFontName(FONT);
            regular.setFontHeightInPoints((short) 12);
            CellStyle base = workbook.getCellStyleAt(0);
            base.setFont(regular);

            title = workbook.createCellStyle();
            title.setFont(font(true, false, 14));
            title.setAlignment(HorizontalAlignment.LEFT);
            title.setVerticalAlignment(VerticalAlignment.CENTER);

            header = bordered();
            header.setFont(font(true, false, 12));
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

            text = bordered();
            text.setWrapText(true);
            textRight = bordered();
            textRight.setAlignment(HorizontalAlignment.RIGHT);

            note = workbook.createCellStyle();
            note.setFont(font(false, true, 12));

            date = bordered();
            date.setAlignment(HorizontalAlignment.CENTER);
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
        }

        /** Wrapped text indented by {@code level} steps: a part under the figure it is a part of. */
        CellStyle indented(int level) {
            return indents.computeIfAbsent(Math.min(level, 15), l -> {
                CellStyle style = bordered();
                style.setWrapText(true);
                style.setIndention((short) (2 * l));
                return style;
            });
        }

        /** "#,##0", "#,##0.0", "0.00%"...: the separators are the reader's own. */
        CellStyle number(int decimals, boolean percent) {
            String fraction = decimals == 0 ? "" : "." + "0".repeat(decimals);
            String format = percent ? "0" + fraction + "%" : "#,##0" + fraction;
            return numbers.computeIfAbsent(format, f -> {
                CellStyle style = bordered();
                style.setAlignment(HorizontalAlignment.RIGHT);
                style.setDataFormat(workbook.createDataFormat().getFormat(f));
                return style;
            });
        }

        private CellStyle bordered() {
            CellStyle style = workbook.createCellStyle();
            style.setFont(workbook.getFontAt(0));
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            return style;
        }

        private Font font(boolean bold, boolean italic, int points) {
            Font font = workbook.createFont();
            font.setFontName(FONT);
            font.setFontHeightInPoints((short) points);
            font.setBold(bold);
            font.setItalic(italic);
            return font;
        }
    }

    // --- names and text --------------------------------------------------------------------------------

    /**
     * A sheet name Excel accepts: at most 31 characters, none of {@code [ ] : * ? / \}, no
     * apostrophe at either end, unique in the workbook regardless of case ("Tên (2)").
     */
    static String uniqueName(String wanted, String fallback, Set<String> taken) {
        String base = sheetName(wanted);
        if (base.isEmpty() || base.equalsIgnoreCase("History")) {
            base = sheetName(fallback);
        }
        String name = base;
        for (int n = 2; taken.contains(name.toLowerCase(NoticeText.VIETNAMESE)); n++) {
            String suffix = " (" + n + ")";
            name = cut(base, SHEET_NAME_MAX - suffix.length()).strip() + suffix;
        }
        taken.add(name.toLowerCase(NoticeText.VIETNAMESE));
        return name;
    }

    /**
     * A short sheet name: the table's number ("Biểu 4" of "Biểu 4. Tình hình nộp báo cáo..."), else the
     * title cut at a word within Excel's 31 characters. The full title is the sheet's first row.
     */
    static String shortName(String title) {
        String text = text(title);
        Matcher numbered = NUMBERED.matcher(text);
        if (numbered.lookingAt()) {
            return numbered.group(1);
        }
        String name = sheetName(text);
        if (name.length() < text.length() && Character.isLetterOrDigit(text.charAt(name.length()))
                && name.lastIndexOf(' ') > 0) {
            name = name.substring(0, name.lastIndexOf(' ')).strip();
        }
        return name;
    }

    static String sheetName(String text) {
        String name = text(text).replaceAll("[\\[\\]:*?/\\\\\\p{Cntrl}]", " ").replaceAll("\\s+", " ").strip();
        name = cut(name, SHEET_NAME_MAX).strip();
        while (name.startsWith("'")) {
            name = name.substring(1).strip();
        }
        while (name.endsWith("'")) {
            name = name.substring(0, name.length() - 1).strip();
        }
        return name;
    }

    /** At most {@code max} characters, never half a surrogate pair. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        if (Character.isLowSurrogate(text.charAt(end)) && end > 0) {
            end--;
        }
        return text.substring(0, end);
    }

    private static int longestLine(String text) {
        int longest = 0;
        for (String line : text.split("\n", -1)) {
            longest = Math.max(longest, line.length());
        }
        return longest;
    }

    private static String title(Briefing briefing, String annexTitle) {
        String title = text(annexTitle);
        return (title.isEmpty() ? "PHỤ LỤC" : title) + " - " + period(briefing);
    }

    private static String period(Briefing briefing) {
        if (briefing.period() == null) {
            return "";
        }
        int month = briefing.period().getMonthValue();
        return "tháng " + (month <= 2 ? "0" + month : Integer.toString(month)) + "/" + briefing.period().getYear();
    }

    private static String text(String text) {
        return text == null ? "" : VietnameseText.nfc(text).strip();
    }
}
