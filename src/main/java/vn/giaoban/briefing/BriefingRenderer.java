package vn.giaoban.briefing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import vn.giaoban.text.VietnameseText;

/**
 * Lays a {@link Briefing} out as the Decree 30/2020/NĐ-CP notice, from the class path layout
 * {@value #LAYOUT} (compiled once, on first use, and kept in memory).
 *
 * <p>Filling is separate from exporting so that other formats (DOCX) can be exported from the same
 * {@link JasperPrint}. The fonts come from the font extension in {@code fonts/fonts.xml}: the
 * layout asks for "Times New Roman", the PDF embeds Liberation Serif.
 */
@Component
public class BriefingRenderer {

    /** The layout on the class path (packaged from the top-level {@code reports/} folder). */
    public static final String LAYOUT = "reports/briefing.jrxml";

    private static final Logger log = LoggerFactory.getLogger(BriefingRenderer.class);

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private static final java.util.regex.Pattern DIGIT_HYPHEN_DIGIT = java.util.regex.Pattern.compile("(?<=\\d)-(?=\\d)");

    private final Object compileLock = new Object();

    private volatile JasperReport report;

    /**
     * Writes the notice as a PDF to {@code target}, creating its folder. The PDF is written to a
     * temporary file beside it and moved into place, so {@code target} is either the previous file
     * or the complete new one, never half a PDF.
     *
     * @return {@code target}
     * @throws BriefingRenderingException when the layout cannot be compiled or filled, or the PDF
     *                                    cannot be written
     */
    public Path renderPdf(Briefing briefing, Path target) {
        Objects.requireNonNull(briefing, "briefing");
        Objects.requireNonNull(target, "target");
        long started = System.nanoTime();
        JasperPrint print = fill(briefing);
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, "." + absolute.getFileName() + "-", ".part");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                exportPdf(print, briefing, out);
            }
            moveIntoPlace(temporary, absolute);
            temporary = null;
        } catch (IOException e) {
            throw new BriefingRenderingException("Could not write the briefing PDF to " + absolute, e);
        } finally {
            deleteQuietly(temporary);
        }
        log.info("Rendered briefing {} ({} pages) to {} in {} ms", briefing.period(), print.getPages().size(),
                absolute, (System.nanoTime() - started) / 1_000_000);
        return target;
    }

    /** The filled pages, ready for any exporter. */
    private JasperPrint fill(Briefing briefing) {
        Objects.requireNonNull(briefing.letterhead(), "briefing.letterhead");
        try {
            return JasperFillManager.fillReport(report(), parameters(briefing),
                    new JRMapCollectionDataSource(rows(briefing.blocks())));
        } catch (JRException | RuntimeException e) {
            if (e instanceof BriefingRenderingException known) {
                throw known;
            }
            throw new BriefingRenderingException("Could not fill the briefing layout " + LAYOUT + " for "
                    + briefing.period() + ": " + e.getMessage(), e);
        }
    }

    private void exportPdf(JasperPrint print, Briefing briefing, OutputStream out) {
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
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

    /** The compiled layout: compiled on first use (1-1.5 s), then shared by every thread. */
    JasperReport report() {
        JasperReport compiled = report;
        if (compiled == null) {
            synchronized (compileLock) {
                compiled = report;
                if (compiled == null) {
                    compiled = compile();
                    report = compiled;
                }
            }
        }
        return compiled;
    }

    private static JasperReport compile() {
        long started = System.nanoTime();
        ClassLoader loader = BriefingRenderer.class.getClassLoader();
        try (InputStream layout = loader.getResourceAsStream(LAYOUT)) {
            if (layout == null) {
                throw new BriefingRenderingException("The briefing layout " + LAYOUT
                        + " is not on the class path (is the reports/ folder packaged?)", null);
            }
            JasperReport compiled = JasperCompileManager.compileReport(layout);
            log.debug("Compiled {} in {} ms", LAYOUT, (System.nanoTime() - started) / 1_000_000);
            return compiled;
        } catch (JRException | IOException | RuntimeException e) {
            if (e instanceof BriefingRenderingException known) {
                throw known;
            }
            throw new BriefingRenderingException("Could not compile the briefing layout " + LAYOUT + ": "
                    + e.getMessage(), e);
        }
    }

    private static Map<String, Object> parameters(Briefing briefing) {
        Briefing.Letterhead head = briefing.letterhead();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(JRParameter.REPORT_LOCALE, VIETNAMESE);
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
                .map(BriefingRenderer::text)
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

    private static String dashed(String text) {
        if (text.isEmpty() || text.startsWith("-") || text.startsWith("\u2013")) {
            return text;
        }
        return "- " + text;
    }

    private static String text(String text) {
        return text == null ? "" : VietnameseText.nfc(text).strip();
    }

    private static String upper(String text) {
        return text(text).toUpperCase(VIETNAMESE);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not delete the temporary file {}", path, e);
        }
    }

    /** The layout could not be compiled or filled, or the document could not be written. */
    public static class BriefingRenderingException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public BriefingRenderingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
