package vn.giaoban.briefing;

import static vn.giaoban.briefing.BriefingRenderer.FONT;
import static vn.giaoban.briefing.BriefingRenderer.unbreakableRanges;
import static vn.giaoban.briefing.NoticeText.text;

import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.design.JRDesignBand;
import net.sf.jasperreports.engine.design.JRDesignExpression;
import net.sf.jasperreports.engine.design.JRDesignField;
import net.sf.jasperreports.engine.design.JRDesignParameter;
import net.sf.jasperreports.engine.design.JRDesignSection;
import net.sf.jasperreports.engine.design.JRDesignStyle;
import net.sf.jasperreports.engine.design.JRDesignTextField;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.fonts.FontUtil;
import net.sf.jasperreports.engine.type.HorizontalTextAlignEnum;
import net.sf.jasperreports.engine.type.ModeEnum;
import net.sf.jasperreports.engine.type.SplitTypeEnum;
import net.sf.jasperreports.engine.type.StretchTypeEnum;
import net.sf.jasperreports.engine.type.TextAdjustEnum;
import net.sf.jasperreports.engine.type.VerticalTextAlignEnum;
import net.sf.jasperreports.engine.type.WhenNoDataTypeEnum;

import vn.giaoban.briefing.BriefingRenderer.BriefingRenderingException;

/**
 * The layouts of the annex tables. A table arrives with any number of columns, so its layout is
 * built here, as a {@link JasperDesign}, for its shape: column widths fitted to the 453 pt text width
 * from the measured header and cells, figures right-aligned, a smaller font for many columns; a
 * header row (bold, ruled, repeated on every page the table spans, since it is the subreport's
 * column header) and one ruled row a record, never split across pages.
 *
 * <p>Why this and not a fixed JRXML with a maximum of columns: element widths are fixed in a
 * compiled report, so a fixed design can only hide columns, not fit them to what they hold (a
 * "Chỉ tiêu" column needs four times the width of a "%" column). And why it is cheap: every
 * expression of these layouts is a plain {@code $P{Hi}} or {@code $F{ci}} reference, which
 * JasperReports 7 evaluates directly ("direct expressions"), so compiling such a design generates
 * and compiles no Java: it takes about 2 ms, against 1-1.5 s for a layout with real expressions.
 * The layouts are still cached by shape, so a table that keeps its shape from one month to the next
 * (or between the PDF and a re-render) reuses the same compiled report.
 */
final class AnnexTableLayout {

    /** The text width of the page (A4 minus the 30 mm left and 20 mm right margins). */
    static final int WIDTH = 453;

    private static final int PADDING = 3;

    /** The header row's light grey, the PDF's and the DOCX's. */
    static final String HEADER_SHADING = "F2F2F2";

    private static final int MAX_CACHED = 64;

    private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

    private final Map<Shape, JasperReport> layouts = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Shape, JasperReport> eldest) {
            return size() > MAX_CACHED;
        }
    };

    private final Map<Float, Font[]> fonts = new ConcurrentHashMap<>();

    /** What a table's layout depends on: its compiled report is shared by every table of that shape. */
    record Shape(List<Integer> widths, List<Boolean> numeric, float fontSize) {
    }

    /** A table ready to fill: its layout, its header cells as parameters, its rows. */
    record Prepared(JasperReport layout, Map<String, Object> parameters, List<Map<String, ?>> rows) {
    }

    /** The column widths, in points, of the table as the PDF lays it out (and the DOCX after it). */
    List<Integer> columnWidths(Briefing.Table table) {
        List<String> header = table.columns().stream().map(NoticeText::text).toList();
        return widths(header, cells(table), fontSize(table.columns().size()));
    }

    private static List<List<String>> cells(Briefing.Table table) {
        int columns = table.columns().size();
        List<List<String>> cells = new ArrayList<>();
        for (List<String> row : table.rows()) {
            List<String> cleaned = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                cleaned.add(row != null && c < row.size() ? unbreakableRanges(text(row.get(c))) : "");
            }
            cells.add(cleaned);
        }
        return cells;
    }

    Prepared prepare(Briefing.Table table) {
        int columns = table.columns().size();
        List<String> header = table.columns().stream().map(NoticeText::text).toList();
        List<List<String>> cells = cells(table);
        List<Boolean> numeric = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            numeric.add(c < table.numeric().size() && Boolean.TRUE.equals(table.numeric().get(c)));
        }
        float fontSize = fontSize(columns);
        Shape shape = new Shape(widths(header, cells, fontSize), List.copyOf(numeric), fontSize);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(JRParameter.REPORT_LOCALE, NoticeText.VIETNAMESE);
        for (int c = 0; c < columns; c++) {
            parameters.put("H" + c, header.get(c));
        }
        List<Map<String, ?>> rows = new ArrayList<>(cells.size());
        for (List<String> row : cells) {
            Map<String, Object> record = new HashMap<>();
            for (int c = 0; c < columns; c++) {
                record.put("c" + c, row.get(c));
            }
            rows.add(record);
        }
        return new Prepared(layout(shape), parameters, rows);
    }

    /** 12 pt for up to five columns, 11 pt up to eight, 10 pt beyond. */
    static float fontSize(int columns) {
        return columns <= 5 ? 12f : columns <= 8 ? 11f : 10f;
    }

    JasperReport layout(Shape shape) {
        synchronized (layouts) {
            JasperReport cached = layouts.get(shape);
            if (cached != null) {
                return cached;
            }
        }
        JasperReport compiled;
        try {
            compiled = JasperCompileManager.compileReport(design(shape));
        } catch (JRException e) {
            throw new BriefingRenderingException("Could not build the layout of an annex table of "
                    + shape.widths().size() + " columns: " + e.getMessage(), e);
        }
        synchronized (layouts) {
            return layouts.computeIfAbsent(shape, any -> compiled);
        }
    }

    int cachedLayouts() {
        synchronized (layouts) {
            return layouts.size();
        }
    }

    /**
     * Column widths summing to {@link #WIDTH}, shared by {@link ColumnFitting}: each column wants its
     * longest unbroken line (of a cell, or half the header's) and needs at least its longest word,
     * measured in the fonts the fill uses.
     */
    List<Integer> widths(List<String> header, List<List<String>> rows, float fontSize) {
        int columns = header.size();
        Font[] font = fonts(fontSize);
        double[] min = new double[columns];
        double[] max = new double[columns];
        double[] headerMin = new double[columns];
        double[] headerMax = new double[columns];
        for (int c = 0; c < columns; c++) {
            measure(header.get(c), font[1], c, headerMin, headerMax);
            for (List<String> row : rows) {
                measure(row.get(c), font[0], c, min, max);
            }
            // a header may take two lines ("Dự toán tỉnh / giao"): it asks for half its length only
            min[c] = Math.max(min[c], headerMin[c]) + 2 * PADDING + 2;
            max[c] = Math.max(max[c], Math.max(headerMin[c], headerMax[c] / 2)) + 2 * PADDING + 2;
        }
        int[] widths = ColumnFitting.roundDown(ColumnFitting.share(min, max, WIDTH), WIDTH);
        return Arrays.stream(widths).boxed().toList();
    }

    private static void measure(String text, Font font, int column, double[] min, double[] max) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (String line : text.split("\n")) {
            max[column] = Math.max(max[column], font.getStringBounds(line, MEASURE).getWidth());
            for (String word : line.split("\\s+")) {
                if (!word.isEmpty()) {
                    min[column] = Math.max(min[column], font.getStringBounds(word, MEASURE).getWidth());
                }
            }
        }
    }

    /** The regular and bold fonts of the tables, as the fill measures them (the font extension's). */
    private Font[] fonts(float size) {
        return fonts.computeIfAbsent(size, any -> {
            FontUtil util = FontUtil.getInstance(DefaultJasperReportsContext.getInstance());
            Font regular = util.getAwtFontFromBundles(FONT, Font.PLAIN, size, NoticeText.VIETNAMESE, true);
            Font bold = util.getAwtFontFromBundles(FONT, Font.BOLD, size, NoticeText.VIETNAMESE, true);
            if (regular == null || bold == null) {
                throw new BriefingRenderingException("The font " + FONT
                        + " is not registered as a font extension (fonts/fonts.xml)", null);
            }
            return new Font[] {regular, bold};
        });
    }

    /** The layout of one shape: header row and row band, only direct expressions. */
    private static JasperDesign design(Shape shape) throws JRException {
        int columns = shape.widths().size();
        float size = shape.fontSize();
        int lineHeight = (int) Math.ceil(size * 1.15f) + 2 * 2 + 1;
        JasperDesign design = new JasperDesign();
        design.setName("briefing_annex_table_" + columns);
        design.setPageWidth(WIDTH);
        design.setColumnWidth(WIDTH);
        design.setPageHeight(842);
        design.setLeftMargin(0);
        design.setRightMargin(0);
        design.setTopMargin(0);
        design.setBottomMargin(0);
        design.setWhenNoDataType(WhenNoDataTypeEnum.ALL_SECTIONS_NO_DETAIL);
        design.setProperty("net.sf.jasperreports.awt.ignore.missing.font", "false");
        JRDesignStyle base = new JRDesignStyle();
        base.setName("Base");
        base.setDefault(true);
        base.setFontName(FONT);
        base.setFontSize(size);
        base.setForecolor(Color.BLACK);
        design.addStyle(base);
        JRDesignBand header = new JRDesignBand();
        header.setHeight(lineHeight);
        header.setSplitType(SplitTypeEnum.PREVENT);
        JRDesignBand row = new JRDesignBand();
        row.setHeight(lineHeight);
        row.setSplitType(SplitTypeEnum.PREVENT);
        int x = 0;
        for (int c = 0; c < columns; c++) {
            int width = shape.widths().get(c);
            JRDesignParameter parameter = new JRDesignParameter();
            parameter.setName("H" + c);
            parameter.setValueClass(String.class);
            design.addParameter(parameter);
            JRDesignField field = new JRDesignField();
            field.setName("c" + c);
            field.setValueClass(String.class);
            design.addField(field);
            JRDesignTextField head = cell(x, width, lineHeight, "$P{H" + c + "}");
            head.setBold(true);
            head.setHorizontalTextAlign(HorizontalTextAlignEnum.CENTER);
            head.setMode(ModeEnum.OPAQUE);
            head.setBackcolor(new Color(Integer.parseInt(HEADER_SHADING, 16)));
            header.addElement(head);
            JRDesignTextField value = cell(x, width, lineHeight, "$F{c" + c + "}");
            value.setHorizontalTextAlign(shape.numeric().get(c) ? HorizontalTextAlignEnum.RIGHT
                    : HorizontalTextAlignEnum.LEFT);
            row.addElement(value);
            x += width;
        }
        design.setColumnHeader(header);
        ((JRDesignSection) design.getDetailSection()).addBand(row);
        return design;
    }

    private static JRDesignTextField cell(int x, int width, int height, String expression) {
        JRDesignTextField cell = new JRDesignTextField();
        cell.setX(x);
        cell.setY(0);
        cell.setWidth(width);
        cell.setHeight(height);
        cell.setExpression(new JRDesignExpression(expression));
        cell.setBlankWhenNull(true);
        cell.setTextAdjust(TextAdjustEnum.STRETCH_HEIGHT);
        cell.setStretchType(StretchTypeEnum.CONTAINER_HEIGHT);
        cell.setVerticalTextAlign(VerticalTextAlignEnum.MIDDLE);
        cell.getLineBox().getPen().setLineWidth(0.5f);
        cell.getLineBox().getPen().setLineColor(Color.BLACK);
        cell.getLineBox().setTopPadding(2);
        cell.getLineBox().setBottomPadding(2);
        cell.getLineBox().setLeftPadding(PADDING);
        cell.getLineBox().setRightPadding(PADDING);
        return cell;
    }
}
