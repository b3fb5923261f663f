package vn.giaoban.briefing;

import static vn.giaoban.briefing.NoticeText.dashed;
import static vn.giaoban.briefing.NoticeText.text;
import static vn.giaoban.briefing.NoticeText.upper;

import java.util.Arrays;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextUtils;
import org.jfree.data.category.CategoryDataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
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
import net.sf.jasperreports.engine.type.SplitTypeEnum;
import net.sf.jasperreports.engine.type.StretchTypeEnum;
import net.sf.jasperreports.engine.type.TextAdjustEnum;
import net.sf.jasperreports.engine.type.VerticalTextAlignEnum;
import net.sf.jasperreports.engine.type.WhenNoDataTypeEnum;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

import vn.giaoban.files.OutputFile;

/**
 * Lays a {@link Briefing} out as the Decree 30/2020/NĐ-CP notice, from the class path layout
 * {@value #LAYOUT} (compiled once, on first use, and kept in memory).
 *
 * <p>When the briefing has an annex, it follows the notice on new pages: {@value #ANNEX_LAYOUT} is
 * filled separately (its page numbers continue the notice's through a page offset) and both are
 * exported as one PDF. The annex tables have any number of columns, so their layouts are built for each
 * table's shape ({@link AnnexTables}); the charts are JFreeChart's, styled by {@link ChartStyle}.
 *
 * <p>Filling is separate from exporting so that other formats (DOCX) can be exported from the same
 * {@link JasperPrint}s. The fonts come from the font extension in {@code fonts/fonts.xml}: the
 * layouts ask for "Times New Roman", the PDF embeds Liberation Serif.
 */
@Component
public class BriefingRenderer {

    /** The layout on the class path (packaged from the top-level {@code reports/} folder). */
    public static final String LAYOUT = "reports/briefing.jrxml";

    /** The annex's layout ("PHỤ LỤC": tables and charts), filled after the notice into the same PDF. */
    public static final String ANNEX_LAYOUT = "reports/briefing-annex.jrxml";

    private static final Logger log = LoggerFactory.getLogger(BriefingRenderer.class);

    /** The font of every layout: Liberation Serif, registered under this name in fonts/fonts.xml. */
    private static final String FONT = "Times New Roman";


    private static final java.util.regex.Pattern DIGIT_HYPHEN_DIGIT = java.util.regex.Pattern.compile("(?<=\\d)-(?=\\d)");

    private final CompiledLayout noticeLayout = new CompiledLayout(LAYOUT);

    private final CompiledLayout annexLayout = new CompiledLayout(ANNEX_LAYOUT);

    private final AnnexTables tables = new AnnexTables();

    /**
     * Writes the notice, and its annex if it has one, as a PDF to {@code target}, creating its folder.
     * The PDF is written to a temporary file beside it and moved into place, so {@code target} is either
     * the previous file or the complete new one, never half a PDF.
     *
     * @return {@code target}
     * @throws BriefingRenderingException when the layout cannot be compiled or filled, or the PDF
     *                                    cannot be written
     */
    public Path renderPdf(Briefing briefing, Path target) {
        Objects.requireNonNull(briefing, "briefing");
        Objects.requireNonNull(target, "target");
        long started = System.nanoTime();
        List<JasperPrint> prints = fill(briefing);
        Path absolute = target.toAbsolutePath();
        try {
            OutputFile.write(absolute, out -> exportPdf(prints, briefing, out));
        } catch (IOException e) {
            throw new BriefingRenderingException("Could not write the briefing PDF to " + absolute, e);
        }
        log.info("Rendered briefing {} ({} pages) to {} in {} ms", briefing.period(),
                prints.stream().mapToInt(print -> print.getPages().size()).sum(), absolute,
                (System.nanoTime() - started) / 1_000_000);
        return target;
    }

    /**
     * The filled pages, ready for any exporter: the notice, then, when the briefing has one, the annex
     * (filled separately from {@value #ANNEX_LAYOUT}, its page numbers continuing the notice's). Export
     * them together ({@code SimpleExporterInput.getInstance(prints)}) to get one document.
     */
    List<JasperPrint> fill(Briefing briefing) {
        Objects.requireNonNull(briefing.letterhead(), "briefing.letterhead");
        JasperPrint notice;
        try {
            notice = JasperFillManager.fillReport(report(), parameters(briefing),
                    new JRMapCollectionDataSource(rows(briefing.blocks())));
        } catch (JRException | RuntimeException e) {
            if (e instanceof BriefingRenderingException known) {
                throw known;
            }
            throw new BriefingRenderingException("Could not fill the briefing layout " + LAYOUT + " for "
                    + briefing.period() + ": " + e.getMessage(), e);
        }
        if (briefing.annex().isEmpty()) {
            return List.of(notice);
        }
        try {
            JasperPrint annex = JasperFillManager.fillReport(annexReport(),
                    annexParameters(briefing.annex(), notice.getPages().size()),
                    new JRMapCollectionDataSource(annexItems(briefing.annex())));
            return List.of(notice, annex);
        } catch (JRException | RuntimeException e) {
            if (e instanceof BriefingRenderingException known) {
                throw known;
            }
            throw new BriefingRenderingException("Could not fill the annex layout " + ANNEX_LAYOUT + " for "
                    + briefing.period() + ": " + e.getMessage(), e);
        }
    }

    private void exportPdf(List<JasperPrint> prints, Briefing briefing, OutputStream out) {
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(SimpleExporterInput.getInstance(prints));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(documentTitle(briefing));
        configuration.setMetadataAuthor("giaoban");
        configuration.setMetadataCreator("giaoban");
        configuration.setTagLanguage("vi");
        exporter.setConfiguration(configuration);
        try {
            exporter.exportReport();
        } catch (JRException | RuntimeException e) {
            throw new BriefingRenderingException("Could not export the briefing for " + briefing.period()
                    + " as PDF: " + e.getMessage(), e);
        }
    }

    /** The compiled notice layout: compiled on first use (1-1.5 s), then shared by every thread. */
    JasperReport report() {
        return noticeLayout.get();
    }

    /** The compiled annex layout, compiled on first use like the notice's. */
    JasperReport annexReport() {
        return annexLayout.get();
    }

    /** A layout of the class path, compiled once on first use and then shared by every thread. */
    private static final class CompiledLayout {

        private final String resource;

        private volatile JasperReport compiled;

        CompiledLayout(String resource) {
            this.resource = resource;
        }

        JasperReport get() {
            JasperReport result = compiled;
            if (result == null) {
                synchronized (this) {
                    result = compiled;
                    if (result == null) {
                        result = compile(resource);
                        compiled = result;
                    }
                }
            }
            return result;
        }
    }

    private static JasperReport compile(String resource) {
        long started = System.nanoTime();
        ClassLoader loader = BriefingRenderer.class.getClassLoader();
        try (InputStream layout = loader.getResourceAsStream(resource)) {
            if (layout == null) {
                throw new BriefingRenderingException("The briefing layout " + resource
                        + " is not on the class path (is the reports/ folder packaged?)", null);
            }
            JasperReport compiled = JasperCompileManager.compileReport(layout);
            log.debug("Compiled {} in {} ms", resource, (System.nanoTime() - started) / 1_000_000);
            return compiled;
        } catch (JRException | IOException | RuntimeException e) {
            if (e instanceof BriefingRenderingException known) {
                throw known;
            }
            throw new BriefingRenderingException("Could not compile the briefing layout " + resource + ": "
                    + e.getMessage(), e);
        }
    }

    private static Map<String, Object> parameters(Briefing briefing) {
        Briefing.Letterhead head = briefing.letterhead();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(JRParameter.REPORT_LOCALE, NoticeText.VIETNAMESE);
        parameters.put("PARENT_BODY", blankToNull(upper(head.parentBody())));
        parameters.put("ISSUING_BODY", blankToNull(upper(head.issuingBody())));
        parameters.put("DOCUMENT_NUMBER", blankToNull(text(head.documentNumber())));
        parameters.put("PLACE_AND_DATE", head.date() == null ? blankToNull(text(head.place()))
                : AdministrativeDate.placeAndDate(text(head.place()), head.date()));
        parameters.put("TITLE", blankToNull(text(briefing.title())));
        parameters.put("SUMMARY", blankToNull(text(briefing.summary())));
        parameters.put("RECIPIENTS", blankToNull(lines(head.recipients(), true)));
        parameters.put("SIGNER_LINES", blankToNull(lines(head.signerLines(), false)));
        parameters.put("SIGNER_NAME", blankToNull(text(head.signerName())));
        parameters.put("DRAFT", briefing.draft());
        return parameters;
    }

    /** One row a block: "kind" is the enum name, "text" NFC, a dash put before an item that lacks one. */
    private static List<Map<String, ?>> rows(List<Briefing.Block> blocks) {
        List<Map<String, ?>> rows = new ArrayList<>();
        if (blocks == null) {
            return rows;
        }
        for (Briefing.Block block : blocks) {
            if (block == null || block.kind() == null) {
                continue;
            }
            String text = unbreakableRanges(text(block.text()));
            if (block.kind() == Briefing.Kind.ITEM) {
                text = dashed(text);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", block.kind().name());
            row.put("text", text);
            rows.add(row);
        }
        return rows;
    }

    // --- the annex ---------------------------------------------------------------------------------

    private static Map<String, Object> annexParameters(Briefing.Annex annex, int noticePages) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(JRParameter.REPORT_LOCALE, NoticeText.VIETNAMESE);
        String title = text(annex.title());
        parameters.put("ANNEX_TITLE", title.isEmpty() ? "PHỤ LỤC" : title);
        parameters.put("PAGE_OFFSET", noticePages);
        return parameters;
    }

    /** One record an annex item: the tables in order, then the charts (see briefing-annex.jrxml). */
    private List<Map<String, ?>> annexItems(Briefing.Annex annex) {
        List<Map<String, ?>> items = new ArrayList<>();
        for (Briefing.Table table : annex.tables()) {
            if (table == null || table.columns().isEmpty()) {
                continue;
            }
            AnnexTables.Prepared prepared = tables.prepare(table);
            Map<String, Object> item = new HashMap<>();
            item.put("index", items.size());
            item.put("kind", "TABLE");
            item.put("title", blankToNull(text(table.title())));
            item.put("note", blankToNull(text(table.note())));
            item.put("layout", prepared.layout());
            item.put("parameters", prepared.parameters());
            item.put("rows", prepared.rows());
            items.add(item);
        }
        for (Briefing.Chart chart : annex.charts()) {
            if (chart == null || chart.kind() == null) {
                continue;
            }
            List<Map<String, ?>> points = new ArrayList<>();
            for (Briefing.Series series : chart.series()) {
                String name = text(series.name());
                for (Briefing.Point point : series.points()) {
                    if (point == null || point.value() == null) {
                        continue;
                    }
                    Map<String, Object> row = new HashMap<>();
                    row.put("series", name);
                    row.put("category", text(point.category()));
                    row.put("value", point.value());
                    points.add(row);
                }
            }
            Map<String, Object> item = new HashMap<>();
            item.put("index", items.size());
            item.put("kind", chart.kind().name());
            item.put("title", blankToNull(text(chart.title())));
            item.put("valueAxis", blankToNull(text(chart.valueAxis())));
            item.put("points", points);
            items.add(item);
        }
        return items;
    }

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
    static final class AnnexTables {

        /** The text width of the page (A4 minus the 30 mm left and 20 mm right margins). */
        static final int WIDTH = 453;

        private static final int PADDING = 3;

        private static final int MAX_CACHED = 64;

        private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

        private final Map<Shape, JasperReport> layouts = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Shape, JasperReport> eldest) {
                return size() > MAX_CACHED;
            }
        };

        private final Map<Float, Font[]> fonts = new java.util.concurrent.ConcurrentHashMap<>();

        /** What a table's layout depends on: its compiled report is shared by every table of that shape. */
        record Shape(List<Integer> widths, List<Boolean> numeric, float fontSize) {
        }

        /** A table ready to fill: its layout, its header cells as parameters, its rows. */
        record Prepared(JasperReport layout, Map<String, Object> parameters, List<Map<String, ?>> rows) {
        }

        Prepared prepare(Briefing.Table table) {
            int columns = table.columns().size();
            List<String> header = table.columns().stream().map(NoticeText::text).toList();
            List<List<String>> cells = new ArrayList<>();
            for (List<String> row : table.rows()) {
                List<String> cleaned = new ArrayList<>(columns);
                for (int c = 0; c < columns; c++) {
                    cleaned.add(row != null && c < row.size() ? unbreakableRanges(text(row.get(c))) : "");
                }
                cells.add(cleaned);
            }
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
         * Column widths summing to {@link #WIDTH}, as a browser's automatic table layout does: each column
         * wants its longest unbroken line (of a cell, or half the header's) and needs at least its longest
         * word; when
         * everything fits on one line the spare width goes in proportion to those wants, otherwise every
         * column gets its longest word and the rest goes to the columns that would wrap, in proportion to
         * how much they would like to grow.
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
            double sumMin = Arrays.stream(min).sum();
            double sumMax = Arrays.stream(max).sum();
            double[] width = new double[columns];
            for (int c = 0; c < columns; c++) {
                if (sumMax <= WIDTH) {
                    width[c] = max[c] * WIDTH / sumMax;
                } else if (sumMin < WIDTH) {
                    double slack = sumMax - sumMin;
                    width[c] = min[c] + (WIDTH - sumMin) * (max[c] - min[c]) / slack;
                } else {
                    width[c] = min[c] * WIDTH / sumMin;
                }
            }
            List<Integer> rounded = new ArrayList<>(columns);
            int total = 0;
            int widest = 0;
            for (int c = 0; c < columns; c++) {
                int w = Math.max(1, (int) Math.floor(width[c]));
                rounded.add(w);
                total += w;
                if (w > rounded.get(widest)) {
                    widest = c;
                }
            }
            rounded.set(widest, rounded.get(widest) + WIDTH - total);
            return List.copyOf(rounded);
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
            base.setForecolor(java.awt.Color.BLACK);
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
            cell.getLineBox().getPen().setLineColor(java.awt.Color.BLACK);
            cell.getLineBox().setTopPadding(2);
            cell.getLineBox().setBottomPadding(2);
            cell.getLineBox().setLeftPadding(PADDING);
            cell.getLineBox().setRightPadding(PADDING);
            return cell;
        }
    }

    /**
     * The look of the annex charts, applied by JasperReports after it has built them: Vietnamese number
     * format on the value axis ("94.533"), flat bars without shadows, thicker lines, a light grid. The
     * fonts stay those of the layout (the font extension's, so the PDF embeds them).
     */
    public static class ChartStyle implements JRChartCustomizer {

        private static final java.awt.Color[] PALETTE = {new java.awt.Color(0x1F4E79), new java.awt.Color(0xC55A11),
                new java.awt.Color(0x548235), new java.awt.Color(0x7F6000), new java.awt.Color(0x7030A0),
                new java.awt.Color(0x404040)};

        static {
            // JFreeChart draws rotated labels (the value axis label, slanted months) through a TextLayout by
            // default, a workaround for old JREs that the PDF's Graphics2D can only fill as outlines: drawn
            // with drawString under a rotation instead, they are text in the embedded font like the others.
            // A JVM-wide JFreeChart setting; giaoban draws no other charts.
            TextUtils.setUseDrawRotatedStringWorkaround(false);
        }

        @Override
        public void customize(JFreeChart chart, JRChart jasperChart) {
            chart.setBackgroundPaint(java.awt.Color.WHITE);
            if (!(chart.getPlot() instanceof CategoryPlot plot) || plot.getDataset() == null) {
                return;
            }
            CategoryDataset dataset = plot.getDataset();
            plot.setBackgroundPaint(java.awt.Color.WHITE);
            plot.setOutlineVisible(false);
            plot.setRangeGridlinePaint(new java.awt.Color(0xBFBFBF));
            plot.setRangeGridlineStroke(new java.awt.BasicStroke(0.5f));
            plot.setRangeGridlinesVisible(true);
            java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.##",
                    java.text.DecimalFormatSymbols.getInstance(NoticeText.VIETNAMESE));
            if (plot.getRangeAxis() instanceof NumberAxis axis) {
                if (wholeNumbers(dataset)) {
                    axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(NoticeText.VIETNAMESE));
                }
                axis.setNumberFormatOverride(format);
            }
            CategoryAxis categories = plot.getDomainAxis();
            categories.setLowerMargin(0.02);
            categories.setUpperMargin(0.02);
            if (dataset.getColumnCount() > 8) {
                // twelve months ("11/2021" ... "10/2022") do not fit side by side in 453 pt
                categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
            } else {
                categories.setMaximumCategoryLabelLines(3);
            }
            CategoryItemRenderer renderer = plot.getRenderer();
            for (int s = 0; s < dataset.getRowCount(); s++) {
                renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
            }
            if (renderer instanceof BarRenderer bars) {
                bars.setBarPainter(new StandardBarPainter());
                bars.setShadowVisible(false);
                bars.setItemMargin(0.05);
                if (dataset.getRowCount() * dataset.getColumnCount() <= 12) {
                    // few bars: their values above them, in the tick labels' (embedded) font
                    bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format));
                    bars.setDefaultItemLabelFont(plot.getRangeAxis().getTickLabelFont());
                    bars.setDefaultItemLabelsVisible(true);
                    plot.getRangeAxis().setUpperMargin(0.1);
                }
            }
            if (renderer instanceof LineAndShapeRenderer lines) {
                for (int s = 0; s < dataset.getRowCount(); s++) {
                    lines.setSeriesStroke(s, new java.awt.BasicStroke(2f));
                }
            }
        }

        private static boolean wholeNumbers(CategoryDataset dataset) {
            for (int row = 0; row < dataset.getRowCount(); row++) {
                for (int column = 0; column < dataset.getColumnCount(); column++) {
                    Number value = dataset.getValue(row, column);
                    if (value != null && value.doubleValue() != Math.rint(value.doubleValue())) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    private static String documentTitle(Briefing briefing) {
        String title = text(briefing.title());
        String summary = text(briefing.summary());
        if (title.isEmpty()) {
            return summary;
        }
        return summary.isEmpty() ? title : title + " - " + summary;
    }

    private static String lines(List<String> lines, boolean dashed) {
        if (lines == null) {
            return "";
        }
        return lines.stream()
                .map(NoticeText::text)
                .filter(line -> !line.isEmpty())
                .map(line -> dashed ? dashed(line) : line)
                .collect(Collectors.joining("\n"));
    }

    /**
     * Keeps "1-2-3-4-7-9-10" and "2021-2030" on one line: the JDK line breaker (unlike Unicode UAX #14)
     * breaks after a hyphen before a digit, and text extraction then rejoins "9-" + "10" as "910".
     * A ZERO WIDTH NO-BREAK SPACE after such a hyphen forbids the break; it has no glyph, so the PDF
     * shows and extracts the hyphen alone.
     */
    static String unbreakableRanges(String text) {
        return DIGIT_HYPHEN_DIGIT.matcher(text).replaceAll("-\uFEFF");
    }







    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The layout could not be compiled or filled, or the document could not be written. */
    public static class BriefingRenderingException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public BriefingRenderingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
