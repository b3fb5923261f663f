package vn.giaoban.briefing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.giaoban.briefing.NoticeTrace.Derivation;
import vn.giaoban.briefing.NoticeTrace.Figure;
import vn.giaoban.briefing.NoticeTrace.Paragraph;
import vn.giaoban.briefing.NoticeTrace.Segment;
import vn.giaoban.briefing.NoticeTrace.Source;
import vn.giaoban.briefing.internal.FigureRepository;
import vn.giaoban.briefing.internal.FigureRepository.Total;
import vn.giaoban.briefing.internal.TraceRepository;
import vn.giaoban.catalog.Catalog;
import vn.giaoban.catalog.Indicator;
import vn.giaoban.catalog.Lineage;
import vn.giaoban.catalog.Measure;
import vn.giaoban.catalog.Rollup;
import vn.giaoban.catalog.Target;
import vn.giaoban.catalog.Unit;
import vn.giaoban.catalog.UnitKind;
import vn.giaoban.text.VietnameseNumbers;

/**
 * Records, while one notice is composed, where each figure it prints comes from. A figure put in a sentence is
 * {@linkplain #mark marked}: its text travels through the catalog's sentence patterns wrapped in characters of
 * Unicode's private use area, which no sentence holds, so that the finished sentence tells exactly where each of
 * its figures is; {@link #paragraph} takes the marks out again, giving the text the notice prints and its
 * segments. A mark whose sentence was not said (an alternative left out) is simply never found. The annex's
 * cells are recorded by table ({@link #cells}).
 *
 * <p>One tracer per notice: it is not shared between threads.
 */
final class Tracer {

    private static final char OPEN = '\uE000';
    private static final char MIDDLE = '\uE001';
    private static final char CLOSE = '\uE002';

    /** A number as a text writes it: "277", "3,4", "1.234,5"; not the digits of a code ("BM03-DT", "ô D12"). */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])\\d+(?:[.,]\\d+)*(?![\\p{L}\\p{N}])");

    /** A figure before it has a place in the notice: an id and a place are given when it is found printed. */
    record Node(Derivation derivation, String label, BigDecimal value, String shown, String how, List<Node> parts,
            List<Source> sources) {

        Node {
            parts = List.copyOf(parts);
            sources = List.copyOf(sources);
        }

        Node shownAs(String text) {
            return new Node(derivation, label, value, text, how, parts, sources);
        }
    }

    /** The figures of one annex table, by row and column. */
    static final class Cells {

        private record Cell(String row, String column, Node node) {
        }

        private final List<Cell> cells = new ArrayList<>();

        /** Records the cell at {@code row}, {@code column} showing {@code shown}; nothing for "—". */
        void add(String row, String column, String shown, Optional<Node> node) {
            node.filter(n -> !shown.isBlank() && !shown.equals("—"))
                    .ifPresent(n -> cells.add(new Cell(row, column, n.shownAs(shown))));
        }
    }

    private final Catalog catalog;
    private final FigureRepository figures;
    private final TraceRepository cells;
    private final List<Node> marked = new ArrayList<>();
    private final List<Figure> found = new ArrayList<>();
    private final List<Figure> annex = new ArrayList<>();

    Tracer(Catalog catalog, FigureRepository figures, TraceRepository cells) {
        this.catalog = catalog;
        this.figures = figures;
        this.cells = cells;
    }

    // ---- marking figures in sentences

    /** {@code shown} marked as the figure {@code node}, for a sentence's slot; blank stays blank. */
    String mark(Node node, String shown) {
        if (shown == null || shown.isBlank()) {
            return shown;
        }
        marked.add(node.shownAs(shown));
        return OPEN + String.valueOf(marked.size() - 1) + MIDDLE + shown + CLOSE;
    }

    /** The text with its marks taken out: what the notice prints. */
    static String plain(String text) {
        if (text.indexOf(OPEN) < 0) {
            return text;
        }
        StringBuilder plain = new StringBuilder();
        for (Segment segment : cut(text)) {
            plain.append(segment.text());
        }
        return plain.toString();
    }

    /**
     * A marked sentence as item {@code number} of section {@code section}: its segments, each figure given the
     * next id ("so-1", "so-2", ...) and its place.
     */
    Paragraph paragraph(String section, int number, String text) {
        List<Segment> segments = new ArrayList<>();
        for (Segment segment : cut(text)) {
            if (segment.figureId() == null) {
                segments.add(segment);
                continue;
            }
            Node node = marked.get(Integer.parseInt(segment.figureId()));
            String id = "so-" + (found.size() + 1);
            found.add(figure(id, "Mục " + section + ", đoạn " + number, node));
            segments.add(new Segment(segment.text(), id));
        }
        return new Paragraph(section, number, segments);
    }

    /** Cut at the marks: plain text, and figures whose id is still the mark's index. */
    private static List<Segment> cut(String text) {
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf(OPEN, at);
            if (open < 0) {
                segments.add(new Segment(text.substring(at), null));
                break;
            }
            if (open > at) {
                segments.add(new Segment(text.substring(at, open), null));
            }
            int middle = text.indexOf(MIDDLE, open);
            int close = middle < 0 ? -1 : text.indexOf(CLOSE, middle);
            if (close < 0 || !text.substring(open + 1, middle).matches("\\d+")) {
                // not a mark of ours: a character of the private use area in what a unit wrote, kept as it is
                segments.add(new Segment(text.substring(open, open + 1), null));
                at = open + 1;
                continue;
            }
            segments.add(new Segment(text.substring(middle + 1, close), text.substring(open + 1, middle)));
            at = close + 1;
        }
        // adjacent plain pieces joined, so a paragraph reads as few segments as it can
        List<Segment> joined = new ArrayList<>();
        for (Segment segment : segments) {
            Segment last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && last.figureId() == null && segment.figureId() == null) {
                joined.set(joined.size() - 1, new Segment(last.text() + segment.text(), null));
            } else {
                joined.add(segment);
            }
        }
        return joined;
    }

    /** The annex table numbered {@code number} ("Biểu 2") holds these cells. */
    void table(int number, Cells table) {
        for (Cells.Cell cell : table.cells) {
            String id = "so-" + (found.size() + annex.size() + 1);
            annex.add(figure(id, "Biểu " + number + ", hàng " + cell.row() + ", cột " + cell.column(), cell.node()));
        }
    }

    Cells cells() {
        return new Cells();
    }

    /** Section I's figures found in its paragraphs, then the annex's, renumbered after section I's. */
    List<Figure> figures() {
        List<Figure> all = new ArrayList<>(found);
        int next = found.size();
        for (Figure figure : annex) {
            next++;
            all.add(renamed(figure, "so-" + next));
        }
        return all;
    }

    private static Figure renamed(Figure figure, String id) {
        List<Figure> parts = new ArrayList<>();
        for (int i = 0; i < figure.parts().size(); i++) {
            parts.add(renamed(figure.parts().get(i), id + "-" + (i + 1)));
        }
        return new Figure(id, figure.place(), figure.label(), figure.shown(), figure.value(), figure.derivation(),
                figure.how(), parts, figure.sources());
    }

    private static Figure figure(String id, String place, Node node) {
        List<Figure> parts = new ArrayList<>();
        for (int i = 0; i < node.parts().size(); i++) {
            Node part = node.parts().get(i);
            parts.add(figure(id + "-" + (i + 1), partPlace(node.derivation(), i), part));
        }
        return new Figure(id, place, node.label(), node.shown(), node.value(), node.derivation(), node.how(), parts,
                node.sources());
    }

    /** What a part is to the figure it is part of. */
    private static String partPlace(Derivation whole, int index) {
        return switch (whole) {
            case RATIO -> index == 0 ? "tử số" : "mẫu số";
            case DIFFERENCE -> index == 0 ? "số bị trừ" : "số trừ";
            case SUM -> "phần của tổng";
            case SHARE -> "số của đơn vị cũ";
            default -> "thành phần";
        };
    }

    // ---- figures read from the data

    /** A value the unit reported itself, read from its cell. */
    Optional<Node> reported(Unit unit, Indicator indicator, YearMonth period, Measure measure) {
        return cells.cell(unit.key(), indicator.code(), period, measure.name()).filter(c -> c.number() != null)
                .map(c -> new Node(Derivation.VALUE, label(indicator, unit, period, measure), c.number(),
                        shown(c.number(), indicator), c.derived() ? "số tháng tính từ số lũy kế: lũy kế tháng "
                                + NoticeFigures.month(period) + " trừ lũy kế tháng trước" : null,
                        List.of(), List.of(source(c))));
    }

    /**
     * A unit's figure as the notice reads it ({@link FigureRepository#figure}): a level's total, as a sum of its own
     * value and its units' figures, each traced in turn; else the unit's own value.
     */
    Optional<Node> figure(Unit unit, Indicator indicator, YearMonth period, Measure measure) {
        Optional<Total> total = figures.total(unit.key(), indicator.code(), period, measure);
        if (total.isEmpty()) {
            return reported(unit, indicator, period, measure);
        }
        return Optional.of(total(unit, indicator, period, measure, total.get()));
    }

    private Node total(Unit unit, Indicator indicator, YearMonth period, Measure measure, Total total) {
        String label = label(indicator, unit, period, measure);
        if (indicator.rollup() != Rollup.OWN_PLUS_CHILDREN) {
            return reported(unit, indicator, period, measure).map(n -> new Node(n.derivation(), label, total.value(),
                    shown(total.value(), indicator), n.how(), n.parts(), n.sources()))
                    .orElse(new Node(Derivation.VALUE, label, total.value(), shown(total.value(), indicator), null,
                            List.of(), List.of()));
        }
        List<Node> parts = new ArrayList<>();
        if (total.own() != null) {
            own(unit, indicator, period, measure).ifPresent(parts::add);
        }
        for (Unit child : catalog.children(unit, period)) {
            if (child.kind() != UnitKind.DEPARTMENT) {
                figure(child, indicator, period, measure).ifPresent(parts::add);
            }
        }
        String how = "tổng của " + parts.size() + " phần: " + (total.own() != null ? "số của chính "
                + ResultSentences.level(unit.kind()) + " và " : "") + total.childrenReported() + "/"
                + total.childrenExpected() + " đơn vị cấp dưới đã báo cáo"
                + (total.childrenDerived() > 0 ? ", trong đó " + total.childrenDerived()
                        + " đơn vị có số tháng tính từ số lũy kế" : "");
        return new Node(Derivation.SUM, label, total.value(), shown(total.value(), indicator), how, parts, List.of());
    }

    /** The part of a level's total that is its own: the district inspectorate's petitions. */
    Optional<Node> own(Unit unit, Indicator indicator, YearMonth period, Measure measure) {
        return reported(unit, indicator, period, measure).map(n -> new Node(n.derivation(), indicator.name() + ", "
                + ResultSentences.level(unit.kind()) + " (số của chính " + unit.nameInSentence() + "), "
                + measureWords(measure, period) + unitOfMeasure(indicator), n.value(), n.shown(), n.how(), n.parts(),
                n.sources()));
    }

    /** The part of a level's total that is its communes' and towns'. */
    Node children(Unit unit, Indicator indicator, YearMonth period, Measure measure, BigDecimal value) {
        List<Node> parts = new ArrayList<>();
        for (Unit child : catalog.children(unit, period)) {
            if (child.kind() != UnitKind.DEPARTMENT) {
                figure(child, indicator, period, measure).ifPresent(parts::add);
            }
        }
        return new Node(Derivation.SUM, indicator.name() + ", các xã, thị trấn của " + unit.nameInSentence() + ", "
                + measureWords(measure, period) + unitOfMeasure(indicator), value, shown(value, indicator),
                "tổng của " + parts.size() + " đơn vị cấp xã đã báo cáo", parts, List.of());
    }

    /** A commune's criterion as it reported it: "DAT" or not, named by its number in the notice. */
    Optional<Node> status(Unit unit, Indicator criterion, YearMonth period) {
        return cells.cell(unit.key(), criterion.code(), period, Measure.POINT.name())
                .map(c -> new Node(Derivation.STATUS, criterion.name() + ", " + unit.nameInSentence() + ", tháng "
                        + NoticeFigures.month(period), null, null, "đánh giá: " + c.text(), List.of(),
                        List.of(source(c))));
    }

    /** A year-earlier figure as {@link Lineage} formed it: the unit's own, or its predecessors' by their shares. */
    Optional<Node> earlier(Unit unit, Indicator indicator, YearMonth earlier, Lineage.Earlier before) {
        if (before.value().isEmpty()) {
            return Optional.empty();
        }
        if (!before.fromPredecessors()) {
            return figure(unit, indicator, earlier, Measure.CUMULATIVE);
        }
        List<Node> parts = new ArrayList<>();
        for (Lineage.Part part : before.parts()) {
            BigDecimal contribution = part.contribution().orElseThrow();
            Optional<Node> whole = figure(part.unit(), indicator, earlier, Measure.CUMULATIVE);
            String share = VietnameseNumbers.format(part.share().movePointRight(2), 0) + "%";
            parts.add(new Node(Derivation.SHARE, indicator.name() + ", phần của " + part.unit().nameInSentence()
                    + " chuyển về " + unit.nameInSentence() + ", " + measureWords(Measure.CUMULATIVE, earlier)
                    + unitOfMeasure(indicator), contribution, Lineage.figure(contribution, indicator),
                    share + " × " + Lineage.figure(part.value(), indicator), whole.stream().toList(), List.of()));
        }
        return Optional.of(new Node(Derivation.SUM, label(indicator, unit, earlier, Measure.CUMULATIVE),
                before.value().get(), Lineage.figure(before.value().get(), indicator),
                Lineage.explanation(before, indicator), parts, List.of()));
    }

    /** The catalog's plan figure ({@code targets.csv}): no file behind it. */
    Node target(Target target, Indicator indicator, Unit unit) {
        return new Node(Derivation.TARGET, NoticeFigures.capitalise(target.label()) + " năm " + target.year() + ", "
                + indicator.name() + ", " + unit.nameInSentence() + unitOfMeasure(indicator), target.value(),
                shown(target.value(), indicator), "chỉ tiêu giao trong danh mục, targets.csv (mã " + target.code()
                        + ")", List.of(), List.of());
    }

    /** {@code part} as a percentage of {@code whole}, at {@code decimals}; a change's percentage is of its size. */
    Node ratio(String label, Node part, Node whole, int decimals) {
        BigDecimal value = NoticeFigures.ratio(part.value().abs(), whole.value(), decimals);
        return new Node(Derivation.RATIO, label, value, VietnameseNumbers.format(value, decimals),
                part.shown() + " / " + whole.shown() + " × 100", List.of(part, whole), List.of());
    }

    /** {@code now} less {@code before}. */
    Node difference(String label, Node now, Node before, Indicator indicator) {
        BigDecimal value = now.value().subtract(before.value());
        return new Node(Derivation.DIFFERENCE, label, value, VietnameseNumbers.format(value, indicator.decimals()),
                now.shown() + " − " + before.shown(), List.of(now, before), List.of());
    }

    /** How many of something, with the things counted as its parts. */
    static Node count(String label, int count, String how, List<Node> parts) {
        return new Node(Derivation.COUNT, label, BigDecimal.valueOf(count), String.valueOf(count), how, parts,
                List.of());
    }

    /** A figure from the calendar or the catalog, not from any file. */
    static Node calendar(String label, BigDecimal value, String how) {
        return new Node(Derivation.CALENDAR, label, value, value.toPlainString(), how, List.of(), List.of());
    }

    /** A number printed inside a text someone wrote, with the cell the text came from when it came from one. */
    static Node quoted(String label, String how, List<Source> sources) {
        return new Node(Derivation.QUOTED, label, null, null, how, List.of(), sources);
    }

    /**
     * A text a unit wrote, {@code text} as the notice prints it, with each number in it marked as quoted from the
     * text's cell.
     */
    String quote(String unitKey, Indicator indicator, YearMonth period, String text) {
        Optional<Unit> unit = catalog.unitByKey(unitKey);
        List<Source> sources = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            cells.cell(unitKey, indicator.code(), period, measure.name()).filter(c -> c.text() != null)
                    .ifPresent(c -> sources.add(source(c)));
        }
        Matcher numbers = NUMBER.matcher(text);
        StringBuilder marked = new StringBuilder();
        int at = 0;
        while (numbers.find()) {
            marked.append(text, at, numbers.start());
            marked.append(mark(quoted(indicator.name() + ", " + unit.map(Unit::nameInSentence).orElse(unitKey)
                    + ", tháng " + NoticeFigures.month(period), "số do đơn vị tự viết trong nội dung báo cáo, in nguyên văn",
                    sources), numbers.group()));
            at = numbers.end();
        }
        marked.append(text.substring(at));
        return marked.toString();
    }

    /**
     * A sentence of the rules' or the reporting's ({@code text}) with each number in it marked as {@code node}
     * says, for numbers the notice takes from a message rather than a figure.
     */
    String quoteAll(String text, Function<String, Node> node) {
        Matcher numbers = NUMBER.matcher(text);
        StringBuilder marked = new StringBuilder();
        int at = 0;
        while (numbers.find()) {
            marked.append(text, at, numbers.start()).append(mark(node.apply(numbers.group()), numbers.group()));
            at = numbers.end();
        }
        return marked.append(text.substring(at)).toString();
    }

    /** The cell a value was read from, as a source. */
    private Source source(TraceRepository.Cell cell) {
        Optional<Unit> submitter = catalog.unitByKey(cell.submitterKey());
        return new Source(submitter.map(Unit::code).orElse(cell.submitterKey()),
                submitter.map(Unit::name).orElse(cell.submitterKey()), cell.file(), cell.sheet(), cell.cell(),
                cell.version(), cell.receivedNight(),
                cell.number() != null ? cell.number().stripTrailingZeros().toPlainString() : cell.text(),
                cell.derived() ? "số tháng tính từ số lũy kế" : null);
    }

    /** "Tổng thu NSNN trên địa bàn, huyện Văn Lãng, lũy kế đến tháng 10/2022 (triệu đồng)". */
    static String label(Indicator indicator, Unit unit, YearMonth period, Measure measure) {
        return indicator.name() + ", " + unit.nameInSentence() + ", " + measureWords(measure, period)
                + unitOfMeasure(indicator);
    }

    static String measureWords(Measure measure, YearMonth period) {
        return switch (measure) {
            case CUMULATIVE -> "lũy kế đến tháng " + NoticeFigures.month(period);
            default -> "tháng " + NoticeFigures.month(period);
        };
    }

    private static String unitOfMeasure(Indicator indicator) {
        return indicator.unitOfMeasure().isEmpty() ? "" : " (" + indicator.unitOfMeasure() + ")";
    }

    private static String shown(BigDecimal value, Indicator indicator) {
        return VietnameseNumbers.format(value, indicator.decimals());
    }
}
