package vn.giaoban.briefing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The notice as leadership reads it, every sentence already written: the renderer lays it out and
 * adds nothing of its own.
 *
 * @param period     the month the briefing is about
 * @param letterhead the administrative header and signature, from configuration
 * @param title      "THÔNG BÁO"
 * @param summary    the summary line under the title
 * @param blocks     the body, in reading order
 * @param draft      marked "DỰ THẢO" until the office finalises it
 * @param annex      the tables and charts after the notice ("PHỤ LỤC")
 */
public record Briefing(YearMonth period, Letterhead letterhead, String title, String summary, List<Block> blocks,
        boolean draft, Annex annex) {

    public Briefing {
        blocks = List.copyOf(blocks);
        annex = annex == null ? Annex.EMPTY : annex;
    }

    /** One heading or paragraph of the body. */
    public record Block(Kind kind, String text) {
    }

    public enum Kind {
        /** "I. KẾT QUẢ ĐẠT ĐƯỢC; KHÓ KHĂN, HẠN CHẾ" */
        SECTION,
        /** "1. Một số kết quả chủ yếu đạt được trong tháng 10/2022" */
        SUBSECTION,
        /** a paragraph of running text, first line indented */
        PARAGRAPH,
        /** "- ..." a dash item */
        ITEM
    }

    /** The annex: tables by sector, the completeness table, and charts, each already worded. */
    public record Annex(String title, List<Table> tables, List<Chart> charts) {

        public static final Annex EMPTY = new Annex("PHỤ LỤC", List.of(), List.of());

        public Annex {
            tables = List.copyOf(tables);
            charts = List.copyOf(charts);
        }

        public boolean isEmpty() {
            return tables.isEmpty() && charts.isEmpty();
        }
    }

    /**
     * A table of the annex, every cell already formatted as it is shown ("94.533", "116,71%").
     *
     * @param numeric for each column, whether it holds figures (right-aligned)
     */
    public record Table(String title, List<String> columns, List<Boolean> numeric, List<List<String>> rows,
            String note) {

        public Table {
            columns = List.copyOf(columns);
            numeric = List.copyOf(numeric);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** A chart of the annex: bars by category (units, targets) or a line over months. */
    public record Chart(String title, ChartKind kind, String valueAxis, List<Series> series) {

        public Chart {
            series = List.copyOf(series);
        }
    }

    public enum ChartKind {
        BAR, LINE
    }

    /** One series of a chart: its name (the legend) and its points in category order. */
    public record Series(String name, List<Point> points) {

        public Series {
            points = List.copyOf(points);
        }
    }

    /** A category ("Xã Tân Mỹ", "10/2022") and its value. */
    public record Point(String category, java.math.BigDecimal value) {
    }

    /**
     * What Decree 30/2020/NĐ-CP puts around the body.
     *
     * @param parentBody     the body above the issuer, e.g. "UBND TỈNH LẠNG SƠN", may be blank
     * @param issuingBody    e.g. "ỦY BAN NHÂN DÂN HUYỆN VĂN LÃNG"
     * @param documentNumber e.g. "Số:      /TB-UBND"
     * @param place          e.g. "Văn Lãng"
     * @param date           the notice's date
     * @param recipients     the "Nơi nhận:" list
     * @param signerLines    e.g. "TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"
     * @param signerName     e.g. "Lê Đình Phước"
     */
    public record Letterhead(String parentBody, String issuingBody, String documentNumber, String place,
            LocalDate date, List<String> recipients, List<String> signerLines, String signerName) {
    }
}
