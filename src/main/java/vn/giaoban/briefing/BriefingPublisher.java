package vn.giaoban.briefing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.giaoban.catalog.Catalog;
import vn.giaoban.text.Messages;

/**
 * Composes the period's briefing from the consolidated data and writes it where the office finds
 * it: the PDF leadership reads, the DOCX the office edits before signing, the XLSX annex.
 */
@Component
public class BriefingPublisher {

    private static final Logger log = LoggerFactory.getLogger(BriefingPublisher.class);

    private final BriefingComposer composer;
    private final BriefingRenderer pdf;
    private final DocxRenderer docx;
    private final AnnexWorkbook xlsx;
    private final BriefingProperties properties;
    private final Catalog catalog;
    private final Messages messages;

    public BriefingPublisher(BriefingComposer composer, BriefingRenderer pdf, DocxRenderer docx, AnnexWorkbook xlsx,
            BriefingProperties properties, Catalog catalog, Messages messages) {
        this.composer = composer;
        this.catalog = catalog;
        this.messages = messages;
        this.pdf = pdf;
        this.docx = docx;
        this.xlsx = xlsx;
        this.properties = properties;
    }

    /**
     * The files of one period's briefing.
     *
     * @param contentKey a fingerprint of what the briefing says, its date left out: a night that
     *                   changed nothing gives the same key, so the office is not mailed the same draft again
     */
    public record Published(Path pdf, Path docx, Path annex, String contentKey) {
    }

    /**
     * Why this deployment cannot write the notice of {@code period}, in words for the person at the
     * terminal: an office setting left empty, or an issuing unit the catalog does not hold in that period.
     * Checked before a night starts, so that it refuses at once rather than failing at its briefing step.
     */
    public Optional<String> officeProblem(YearMonth period) {
        List<String> missing = properties.missingOfficeSettings();
        if (!missing.isEmpty()) {
            return Optional.of(messages.get("cli.office-not-configured", String.join(", ", missing)));
        }
        if (catalog.unit(properties.unitCode(), period).isEmpty()) {
            return Optional.of(messages.get("cli.office-unit-unknown", properties.unitCode(),
                    period.getMonthValue() + "/" + period.getYear()));
        }
        return Optional.empty();
    }

    /** Writes {@code <output-dir>/<yyyy-MM>/briefing-<yyyy-MM>.pdf}, {@code .docx} and {@code phu-luc-<yyyy-MM>.xlsx}. */
    public Published publish(YearMonth period, LocalDate night) {
        Briefing briefing = composer.compose(period, night);
        Path folder = properties.outputDir().resolve(period.toString());
        Published published = new Published(
                pdf.renderPdf(briefing, folder.resolve("briefing-" + period + ".pdf")),
                docx.renderDocx(briefing, folder.resolve("briefing-" + period + ".docx")),
                xlsx.renderXlsx(briefing, folder.resolve("phu-luc-" + period + ".xlsx")),
                contentKey(briefing));
        log.info("Briefing for {} written to {}", period, folder);
        return published;
    }

    static String contentKey(Briefing briefing) {
        Briefing undated = new Briefing(briefing.period(), null, briefing.title(), briefing.summary(), briefing.blocks(),
                briefing.draft(), briefing.annex());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(undated.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
