package vn.giaoban.briefing;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Composes the period's briefing from the consolidated data and writes it where the office finds it. */
@Component
public class BriefingPublisher {

    private static final Logger log = LoggerFactory.getLogger(BriefingPublisher.class);

    private final BriefingComposer composer;
    private final BriefingRenderer renderer;
    private final BriefingProperties properties;

    public BriefingPublisher(BriefingComposer composer, BriefingRenderer renderer, BriefingProperties properties) {
        this.composer = composer;
        this.renderer = renderer;
        this.properties = properties;
    }

    /** @return the PDF written: {@code <output-dir>/<yyyy-MM>/briefing-<yyyy-MM>.pdf} */
    public Path publish(YearMonth period, LocalDate noticeDate) {
        Briefing briefing = composer.compose(period, noticeDate);
        Path pdf = properties.outputDir().resolve(period.toString()).resolve("briefing-" + period + ".pdf");
        renderer.renderPdf(briefing, pdf);
        log.info("Briefing for {} written to {}", period, pdf);
        return pdf;
    }
}
