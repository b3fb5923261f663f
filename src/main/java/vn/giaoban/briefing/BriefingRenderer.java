package vn.giaoban.briefing;

import static vn.giaoban.briefing.NoticeText.dashed;
import static vn.giaoban.briefing.NoticeText.text;
import static vn.giaoban.briefing.NoticeText.upper;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

import vn.giaoban.briefing.internal.DesignCompiler;
import vn.giaoban.files.OutputFile;

/**
 * Lays a {@link Briefing} out as the Decree 30/2020/NĐ-CP notice, from the class path layout
 * {@value #LAYOUT} (compiled at build time, read once, on first use, and kept in memory).
 *
 * <p>When the briefing has an annex, it follows the notice on new pages: {@value #ANNEX_LAYOUT} is
 * filled separately (its page numbers continue the notice's through a page offset) and both are
 * exported as one PDF. The annex tables have any number of columns, so their layouts are built for each
 * table's shape ({@link AnnexTableLayout}); the charts are JFreeChart's, styled by {@link ChartStyle}.
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
    static final String FONT = "Times New Roman";


    private static final Pattern DIGIT_HYPHEN_DIGIT = Pattern.compile("(?<=\\d)-(?=\\d)");

    // static: one compiled design per JVM, whatever the number of renderers and partitions that fill it
    private static final CompiledLayout NOTICE_LAYOUT = new CompiledLayout(LAYOUT);

    private static final CompiledLayout ANNEX_LAYOUT_COMPILED = new CompiledLayout(ANNEX_LAYOUT);

    private final AnnexTableLayout tables = new AnnexTableLayout();

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
                    new JRMapCollectionDataSource(annexItems(ChartFigures.readable(briefing.annex()))));
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

    /**
     * The compiled notice layout: the build's {@code reports/briefing.jasper}, read on first use (compiled from
     * the {@code .jrxml} then, 1-1.5 s, when that is missing or stale), then shared by every thread.
     */
    JasperReport report() {
        return NOTICE_LAYOUT.get();
    }

    /** The compiled annex layout, read or compiled on first use like the notice's. */
    JasperReport annexReport() {
        return ANNEX_LAYOUT_COMPILED.get();
    }

    /** A layout of the class path, loaded once on first use and then shared by every thread. */
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
        try {
            JasperReport compiled = DesignCompiler.load(BriefingRenderer.class.getClassLoader(), resource);
            log.debug("Loaded {} in {} ms", resource, (System.nanoTime() - started) / 1_000_000);
            return compiled;
        } catch (JRException | IOException | RuntimeException e) {
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
            row.put("justified", NoticeText.justified(text(block.text())));
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
            AnnexTableLayout.Prepared prepared = tables.prepare(table);
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
