package vn.giaoban.briefing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

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

    public BriefingPublisher(BriefingComposer composer, BriefingRenderer pdf, DocxRenderer docx, AnnexWorkbook xlsx,
            BriefingProperties properties) {
        this.composer = composer;
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
