package vn.giaoban.briefing;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.giaoban.briefing.NoticeTrace.Derivation;
import vn.giaoban.briefing.NoticeTrace.Figure;
import vn.giaoban.briefing.NoticeTrace.Paragraph;
import vn.giaoban.briefing.NoticeTrace.Segment;
import vn.giaoban.briefing.NoticeTrace.Source;
import vn.giaoban.briefing.internal.TraceRepository;
import vn.giaoban.briefing.internal.TraceRepository.FigureRow;
import vn.giaoban.briefing.internal.TraceRepository.SegmentRow;
import vn.giaoban.briefing.internal.TraceRepository.SourceRow;
import vn.giaoban.briefing.internal.TraceRepository.Stored;

/**
 * The traces of the notices as they were written: where every figure of an office's notice came from.
 *
 * <p>A trace is recorded by the composition that wrote the notice ({@link BriefingPublisher#publish}, in the
 * night's briefing step or by {@code giaoban briefing}), so it matches the notice's PDF, DOCX and XLSX exactly, and
 * it is replaced whenever the notice is written again. Reading it computes nothing: it is one read of the stored
 * rows.
 */
@Component
public class NoticeTraces {

    private final TraceRepository repository;

    public NoticeTraces(TraceRepository repository) {
        this.repository = repository;
    }

    /**
     * The trace of {@code officeCode}'s notice of {@code period}, as last written.
     *
     * @return empty when no notice of that office and month has been written (or it was written before traces
     *         were kept); otherwise section I's paragraphs, each cut into plain text and figures (joined, a
     *         paragraph's segments are the printed item, without its leading dash), and every figure of the notice
     *         in order, section I's then the annex tables', each with its id ("so-12", an HTML anchor), its place,
     *         what it is, the text printed, its derivation with its parts (each traced in turn) and, at the leaves,
     *         the cells it was read from. Every {@link Segment#figureId()} names a figure of the list.
     */
    public Optional<NoticeTrace> trace(String officeCode, YearMonth period) {
        return repository.stored(officeCode, period).map(stored -> assemble(officeCode, period, stored));
    }

    /** Replaces the office's trace of the month with {@code trace}. */
    void record(NoticeTrace trace) {
        List<SegmentRow> segments = new ArrayList<>();
        for (Paragraph paragraph : trace.paragraphs()) {
            for (Segment segment : paragraph.segments()) {
                segments.add(new SegmentRow(paragraph.section(), paragraph.number(), segment.text(), segment.figureId()));
            }
        }
        List<FigureRow> figures = new ArrayList<>();
        List<SourceRow> sources = new ArrayList<>();
        trace.figures().forEach(figure -> flatten(figure, null, figures, sources));
        repository.replace(trace.officeCode(), trace.period(), trace.night(), segments, figures, sources);
    }

    private static void flatten(Figure figure, String parent, List<FigureRow> figures, List<SourceRow> sources) {
        figures.add(new FigureRow(figure.id(), parent, figure.place(), figure.label(), figure.shown() == null ? ""
                : figure.shown(), figure.value(), figure.derivation().name(), figure.how()));
        for (Source s : figure.sources()) {
            sources.add(new SourceRow(figure.id(), s.unitCode(), s.unitName(), s.file(), s.sheet(), s.cell(),
                    s.version(), s.receivedNight(), s.valueRead(), s.note()));
        }
        figure.parts().forEach(part -> flatten(part, figure.id(), figures, sources));
    }

    private static NoticeTrace assemble(String officeCode, YearMonth period, Stored stored) {
        Map<String, List<Source>> sources = new HashMap<>();
        for (SourceRow s : stored.sources()) {
            sources.computeIfAbsent(s.figureId(), id -> new ArrayList<>()).add(new Source(s.unitCode(), s.unitName(),
                    s.file(), s.sheet(), s.cell(), s.version(), s.receivedNight(), s.valueRead(), s.note()));
        }
        Map<String, List<FigureRow>> children = new HashMap<>();
        List<FigureRow> top = new ArrayList<>();
        for (FigureRow row : stored.figures()) {
            if (row.parent() == null) {
                top.add(row);
            } else {
                children.computeIfAbsent(row.parent(), id -> new ArrayList<>()).add(row);
            }
        }
        List<Figure> figures = top.stream().map(row -> figure(row, children, sources)).toList();
        Map<String, List<Segment>> bySection = new LinkedHashMap<>();
        for (SegmentRow row : stored.segments()) {
            bySection.computeIfAbsent(row.section() + " " + row.paragraph(), key -> new ArrayList<>())
                    .add(new Segment(row.text(), row.figureId()));
        }
        List<Paragraph> paragraphs = new ArrayList<>();
        bySection.forEach((key, segments) -> paragraphs.add(new Paragraph(key.substring(0, key.indexOf(' ')),
                Integer.parseInt(key.substring(key.indexOf(' ') + 1)), segments)));
        return new NoticeTrace(officeCode, period, stored.night(), paragraphs, figures);
    }

    private static Figure figure(FigureRow row, Map<String, List<FigureRow>> children, Map<String, List<Source>> sources) {
        List<Figure> parts = children.getOrDefault(row.id(), List.of()).stream()
                .map(part -> figure(part, children, sources)).toList();
        return new Figure(row.id(), row.place(), row.label(), row.shown().isEmpty() ? null : row.shown(),
                row.value(), Derivation.valueOf(row.derivation()), row.how(), parts,
                sources.getOrDefault(row.id(), List.of()));
    }
}
