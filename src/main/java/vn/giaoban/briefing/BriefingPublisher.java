package vn.giaoban.briefing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.giaoban.briefing.internal.FigureRepository;
import vn.giaoban.briefing.internal.OutputRepository;
import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Office;
import vn.giaoban.files.OutputFile;
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
    private final FigureRepository figures;
    private final OutputRepository outputs;
    private final NoticeTraces traces;

    public BriefingPublisher(BriefingComposer composer, BriefingRenderer pdf, DocxRenderer docx, AnnexWorkbook xlsx,
            BriefingProperties properties, Catalog catalog, Messages messages, FigureRepository figures,
            OutputRepository outputs, NoticeTraces traces) {
        this.composer = composer;
        this.traces = traces;
        this.outputs = outputs;
        this.figures = figures;
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
     * An office's bundle: one ZIP of the notices of the offices below it, for those who want them together.
     *
     * @param contentKey a fingerprint of what its notices say: the same when none of them says anything new
     * @param notices    how many notices it holds
     */
    public record Bundle(Path zip, String contentKey, int notices) {
    }

    /**
     * Why this deployment cannot write any notice of {@code period}, in words for the person at the terminal: its
     * catalog names no office valid that month ({@code offices.csv}). Checked before a night starts, so that it
     * refuses at once rather than failing at its briefing step.
     */
    public Optional<String> officeProblem(YearMonth period) {
        if (catalog.offices(period).isEmpty()) {
            return Optional.of(messages.get("cli.office-not-configured", period.getMonthValue() + "/" + period.getYear()));
        }
        return Optional.empty();
    }

    /**
     * The offices whose notice of {@code period} is written: each office the catalog names by its code, and each
     * office of a kind (every commune) whose own unit or a unit below it has a figure that month.
     */
    public List<Office> offices(YearMonth period) {
        Set<String> withData = figures.unitsWithData(period);
        return catalog.offices(period).stream()
                .filter(office -> office.named() || Area.of(catalog, office.unit(), period).hasData(withData))
                .toList();
    }

    /**
     * The offices whose notice of {@code period} has been written (by any process), in the catalog's order: one
     * read of what was written, not of the month's figures, for a page that lists them.
     */
    public List<Office> writtenOffices(YearMonth period) {
        Set<String> written = outputs.outputs(period).stream().map(OutputRepository.Output::office)
                .collect(java.util.stream.Collectors.toSet());
        return catalog.offices(period).stream().filter(office -> written.contains(office.code())).toList();
    }

    /** The office of {@code code} in {@code period}, if the catalog has one. */
    public Optional<Office> office(String code, YearMonth period) {
        return catalog.office(code, period);
    }

    /**
     * Writes an office's notice under {@code <output-dir>/<yyyy-MM>/<office code>/}: {@code briefing-<yyyy-MM>.pdf},
     * {@code .docx} and {@code phu-luc-<yyyy-MM>.xlsx}, whose last sheet lists where each figure came from; and
     * records that trace ({@link NoticeTraces}).
     */
    public Published publish(YearMonth period, LocalDate night, Office office) {
        BriefingComposer.Composed composed = composer.composeTraced(office, period, night);
        Briefing briefing = composed.briefing();
        Path folder = folder(period, office.code());
        Published published = new Published(
                pdf.renderPdf(briefing, folder.resolve("briefing-" + period + ".pdf")),
                docx.renderDocx(briefing, folder.resolve("briefing-" + period + ".docx")),
                xlsx.renderXlsx(briefing, composed.trace(), folder.resolve("phu-luc-" + period + ".xlsx")),
                contentKey(briefing));
        traces.record(composed.trace());
        outputs.record(period, new OutputRepository.Output(office.code(), published.pdf(), published.docx(),
                published.annex(), published.contentKey()));
        log.info("Briefing of office {} for {} written to {}", office.code(), period, folder);
        return published;
    }

    /** The office's notice of {@code period} as last written (by any process: a night's partitions, the command). */
    public Optional<Published> written(YearMonth period, String officeCode) {
        return outputs.outputs(period).stream().filter(output -> output.office().equals(officeCode)).findFirst()
                .map(output -> new Published(output.pdf(), output.docx(), output.annex(), output.contentKey()));
    }

    /**
     * Writes {@code office}'s bundle of {@code period}: the PDFs of the notices written for the offices below it (a
     * province's communes), as {@code <folder>/thong-bao-cac-xa-<yyyy-MM>.zip}, an entry
     * {@code <office code>-briefing-<yyyy-MM>.pdf} each. Empty when no office below it has a notice.
     */
    public Optional<Bundle> bundle(YearMonth period, Office office) {
        Area area = Area.of(catalog, office.unit(), period);
        Set<String> below = catalog.offices(period).stream()
                .filter(other -> !other.unit().key().equals(office.unit().key()) && area.contains(other.unit().key()))
                .map(Office::code).collect(java.util.stream.Collectors.toSet());
        List<OutputRepository.Output> notices = outputs.outputs(period).stream()
                .filter(output -> below.contains(output.office())).toList();
        if (notices.isEmpty()) {
            return Optional.empty();
        }
        Path zip = folder(period, office.code()).resolve("thong-bao-cac-xa-" + period + ".zip");
        try {
            OutputFile.write(zip, out -> {
                ZipOutputStream entries = new ZipOutputStream(out);
                for (OutputRepository.Output notice : notices) {
                    entries.putNextEntry(new ZipEntry(notice.office() + "-briefing-" + period + ".pdf"));
                    Files.copy(notice.pdf(), entries);
                    entries.closeEntry();
                }
                entries.finish();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String keys = String.join("\n", notices.stream().map(n -> n.office() + "=" + n.contentKey()).toList());
        log.info("Bundle of office {} for {}: {} notices in {}", office.code(), period, notices.size(), zip);
        return Optional.of(new Bundle(zip, sha256(keys), notices.size()));
    }

    /** Where an office's notices of a period are written. */
    public Path folder(YearMonth period, String officeCode) {
        return properties.outputDir().resolve(period.toString()).resolve(officeCode);
    }

    static String contentKey(Briefing briefing) {
        Briefing undated = new Briefing(briefing.period(), null, briefing.title(), briefing.summary(), briefing.blocks(),
                briefing.draft(), briefing.annex());
        return sha256(undated.toString());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
