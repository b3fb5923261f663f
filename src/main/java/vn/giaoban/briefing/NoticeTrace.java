package vn.giaoban.briefing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where every figure of an office's notice comes from: each number printed in section I and in the annex tables
 * ("Biểu n."), how it was formed and, at the leaves, the cells of the files the units sent. Recorded by the same
 * composition that wrote the notice, so that it matches the PDF, the DOCX and the XLSX word for word.
 *
 * @param officeCode the office whose notice it is
 * @param period     the month of the notice
 * @param night      the night the notice was written
 * @param paragraphs section I's items (I.1 then I.2) in the notice's order, each cut into plain text and figures
 * @param figures    every figure of the notice: section I's in reading order, then the annex's table by table,
 *                   row by row
 */
public record NoticeTrace(String officeCode, YearMonth period, LocalDate night, List<Paragraph> paragraphs,
        List<Figure> figures) {

    public NoticeTrace {
        paragraphs = List.copyOf(paragraphs);
        figures = List.copyOf(figures);
    }

    /** The figure of {@code id}, at the top or as a part of another. */
    public Optional<Figure> figure(String id) {
        return figures.stream().flatMap(Figure::withParts).filter(f -> f.id().equals(id)).findFirst();
    }

    /**
     * One item of section I, as printed after its dash.
     *
     * @param section  "I.1" (results) or "I.2" (difficulties)
     * @param number   its place in its subsection, from 1
     * @param segments its text cut where figures are: joined, they are the printed paragraph
     */
    public record Paragraph(String section, int number, List<Segment> segments) {

        public Paragraph {
            segments = List.copyOf(segments);
        }

        /** The paragraph exactly as the notice prints it. */
        public String text() {
            StringBuilder text = new StringBuilder();
            segments.forEach(segment -> text.append(segment.text()));
            return text.toString();
        }
    }

    /**
     * A piece of a paragraph: plain text, or a figure as printed ("94.533", "116,71") with the id of its
     * {@link Figure}.
     *
     * @param figureId null for plain text
     */
    public record Segment(String text, String figureId) {

        public boolean isFigure() {
            return figureId != null;
        }
    }

    /**
     * A figure of the notice, or a part of one.
     *
     * @param id         stable within the notice and usable as an HTML anchor: "so-12" at the top, "so-12-1" for
     *                   its first part, "so-12-1-3" for a part of that
     * @param place      where it is printed: "Mục I.1, đoạn 3" or "Biểu 2, hàng Xã Tân Mỹ, cột Tiếp nhận"; for a
     *                   part, what it is a part of ("tử số", "mẫu số", "phần của tổng")
     * @param label      what it is, in Vietnamese: indicator, unit, period and measure
     * @param shown      the text printed ("94.533", "116,71", "116,71%" in a table)
     * @param value      the number it stands for; null for a criterion's status or a quoted text
     * @param derivation how it was formed
     * @param how        the derivation in words, with its operands ("94.533 / 81.000 × 100")
     * @param parts      its operands, each traced in turn: a sum's parts, a ratio's numerator and denominator, a
     *                   difference's two figures
     * @param sources    the cells it was read from (a reported value, a status, a quoted text)
     */
    public record Figure(String id, String place, String label, String shown, BigDecimal value, Derivation derivation,
            String how, List<Figure> parts, List<Source> sources) {

        public Figure {
            parts = List.copyOf(parts);
            sources = List.copyOf(sources);
        }

        /** This figure, then its parts depth first. */
        public Stream<Figure> withParts() {
            return Stream.concat(Stream.of(this), parts.stream().flatMap(Figure::withParts));
        }

        /** Every cell behind this figure, its parts' included, in order. */
        public List<Source> allSources() {
            List<Source> all = new ArrayList<>();
            withParts().forEach(f -> all.addAll(f.sources()));
            return all;
        }
    }

    /**
     * A cell a figure was read from.
     *
     * @param unitCode      the unit that sent the file
     * @param unitName      its name
     * @param file          the file's name as the unit gave it
     * @param version       the file's version among the unit's reports of that form and month (1, 2, ...)
     * @param receivedNight the night the file was picked up
     * @param valueRead     what the cell held, as giaoban read it ("94533", "DAT", a unit's text)
     * @param note          what else the reader should know ("số tháng tính từ số lũy kế"), else null
     */
    public record Source(String unitCode, String unitName, String file, String sheet, String cell, Integer version,
            LocalDate receivedNight, String valueRead, String note) {

        /** {@code BM03-DT_06124_2022-10.xlsx!Sheet1!D12}, as a spreadsheet writes a reference to another file. */
        public String reference() {
            return file + "!" + sheet + "!" + cell;
        }
    }

    /** How a figure was formed, with its name in the notice's words. */
    public enum Derivation {
        /** a value a unit reported */
        VALUE("số liệu đơn vị báo cáo"),
        /** a level's total: its own value and its units' */
        SUM("tổng các phần"),
        /** a percentage of a numerator over a denominator */
        RATIO("tỷ lệ phần trăm"),
        /** one figure less another (against last year) */
        DIFFERENCE("chênh lệch"),
        /** a plan figure of the catalog, from no file */
        TARGET("chỉ tiêu giao trong danh mục"),
        /** the part of a predecessor's figure that went into a unit formed since */
        SHARE("phần của đơn vị cũ theo tỷ lệ"),
        /** how many of something: criteria met, reports missing */
        COUNT("đếm"),
        /** a criterion's status a unit reported, named by its number */
        STATUS("đánh giá tiêu chí"),
        /** from the calendar or the catalog, not from the data: the months gone by, the days late */
        CALENDAR("tính theo lịch"),
        /** a number inside a text a unit wrote, or a rule's message, printed as written */
        QUOTED("số trong nội dung văn bản");

        private final String words;

        Derivation(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }
}
