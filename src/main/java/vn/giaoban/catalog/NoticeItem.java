package vn.giaoban.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One line of {@code briefing.csv}: a sentence of the notice's section I, or a table or chart of its annex, with
 * the indicators it reads and its wording. The notice says what the lines say, in their order; a catalog with
 * other indicators has other lines.
 *
 * <p>{@link Kind#NO_DATA}, {@link Kind#REPORTING}, {@link Kind#DISCREPANCIES} and {@link Kind#NO_DIFFICULTIES} are
 * said where the notice's structure puts them (instead of the results, after the difficulties, when there are none),
 * whatever their place in the file.
 *
 * @param section    where it is said
 * @param kind       what it reads and which slots its pattern may use
 * @param indicators what it reads, each a code, a prefix ({@code NTM_TC_*}), a suffix ({@code *_NOI_BAT}) or
 *                   {@code *} (every indicator that has targets, for {@link Kind#ATTAINMENT}); an extra
 *                   figure told with its words: {@code TNGT_CHET=làm chết}
 * @param option     what the kind needs besides: the status that counts as met ({@link Kind#CRITERIA}), the
 *                   topic a worse comparison names ({@link Kind#YEAR_ON_YEAR}), the row of the office's own
 *                   figures ({@link Kind#BY_UNIT}: "Cấp huyện (Thanh tra huyện)")
 * @param pattern    the wording, with the slots of its kind
 * @param offices    for which offices: empty for all, else kinds ("district", "commune") or unit codes
 */
public record NoticeItem(Section section, Kind kind, List<Reference> indicators, String option,
        SentencePattern pattern, List<String> offices) {

    public NoticeItem {
        indicators = List.copyOf(indicators);
        offices = List.copyOf(offices);
    }

    public enum Section {
        /** I.1 "Một số kết quả chủ yếu đạt được" */
        RESULTS,
        /** I.2 "Khó khăn, tồn tại, hạn chế" */
        DIFFICULTIES,
        /** a piece a later line gathers ({@link Kind#YEAR_ON_YEAR} comparisons, said by {@link Kind#COMPARISONS}) */
        PARTS,
        /** a table or a chart after the notice */
        ANNEX;

        public static Section parse(String text) {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** What a line reads, and the slots its pattern may use besides the common ones. */
    public enum Kind {
        /** each unit's status criteria, met and not met: "14/19 tiêu chí đã đạt gồm: 1-2-3..." */
        CRITERIA("unit_name", "Unit_name", "met", "total", "met_list", "unmet", "unmet_list", "unreported"),
        /** a cumulative figure against each of its targets; in I.2, the targets it lags or a missing figure */
        ATTAINMENT("indicator", "Indicator", "as_of", "value", "uom", "attainments", "behind", "pace", "missing_period"),
        /** one figure as a share of another, the level's own and its communes' apart: petitions resolved */
        RATIO("numerator", "denominator", "fraction", "percent", "uom", "own_fraction", "children_fraction",
                "children_missing", "children_expected"),
        /** a figure against the same period last year, with its extra figures: gathered by COMPARISONS */
        YEAR_ON_YEAR("indicator", "Indicator", "value", "uom", "extras", "comparison"),
        /** the year-on-year pieces gathered: in I.1 the better ones, in I.2 the worse ones and their topics */
        COMPARISONS("topics", "worse", "Worse", "better", "Better"),
        /** each unit formed since last year (a reform), its figures against its predecessors' */
        REFORMED("unit_name", "Unit_name", "founded", "parts"),
        /** what units wrote in their free-text rows */
        FREE_TEXT("text"),
        /** I.1 when no unit of the office has sent a figure of the month */
        NO_DATA("night"),
        /** I.2: the reports missing, refused and late, each part already worded */
        REPORTING("parts"),
        /** I.2: the figures the catalog's rules found not to agree, by unit */
        DISCREPANCIES("units"),
        /** I.2 when nothing else is said there */
        NO_DIFFICULTIES(),
        /** a table of the figures by unit (the office's own row, then each commune), with the share of the last */
        BY_UNIT(),
        /** a bar chart of the figures by commune */
        BY_UNIT_CHART();

        /**
         * What a line of this kind must have, in words for the catalog's error; null when it has it: its section, how
         * many indicators it reads, its option.
         */
        public String problem(Section section, int indicators, String option) {
            boolean annex = this == BY_UNIT || this == BY_UNIT_CHART;
            if (annex != (section == Section.ANNEX)) {
                return annex ? "cột section: loại " + word() + " thuộc phần annex"
                        : "cột section: phần annex chỉ có các loại by_unit, by_unit_chart";
            }
            if ((this == YEAR_ON_YEAR) != (section == Section.PARTS)) {
                return this == YEAR_ON_YEAR ? "cột section: loại year_on_year thuộc phần parts (câu comparisons nói nó)"
                        : "cột section: phần parts chỉ có loại year_on_year";
            }
            boolean reads = this != COMPARISONS && this != NO_DATA && this != REPORTING && this != DISCREPANCIES
                    && this != NO_DIFFICULTIES;
            if (reads && indicators == 0) {
                return "cột indicators: loại " + word() + " cần ít nhất một chỉ tiêu";
            }
            if (!reads && indicators > 0) {
                return "cột indicators: loại " + word() + " không đọc chỉ tiêu nào, để trống";
            }
            if (this == RATIO && indicators != 2) {
                return "cột indicators: loại ratio cần đúng 2 chỉ tiêu (phần, rồi tổng), đang có " + indicators;
            }
            if (this == CRITERIA && option.isBlank()) {
                return "cột option: loại criteria cần tình trạng được tính là đạt (ví dụ DAT)";
            }
            return null;
        }

        private String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        private static final Set<String> COMMON = Set.of("unit", "Unit", "level", "period", "month", "year",
                "last_year");

        private final Set<String> slots;

        Kind(String... slots) {
            this.slots = Set.of(slots);
        }

        public boolean allows(String slot) {
            return COMMON.contains(slot) || slots.contains(slot);
        }

        public static Kind parse(String text) {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** One entry of the indicators column. */
    public record Reference(String text, String words) {

        public boolean matches(String code) {
            if (text.equals("*")) {
                return true;
            }
            if (text.endsWith("*")) {
                return code.startsWith(text.substring(0, text.length() - 1));
            }
            if (text.startsWith("*")) {
                return code.endsWith(text.substring(1));
            }
            return code.equals(text);
        }

        public boolean isPattern() {
            return text.contains("*");
        }
    }

    /** The indicators of the catalog this line reads, in the catalog's order for a pattern, else in its own. */
    public List<Indicator> read(Catalog catalog) {
        return indicators.stream().flatMap(reference -> reference.isPattern()
                ? catalog.indicators().stream().filter(i -> reference.matches(i.code()))
                : java.util.stream.Stream.of(catalog.indicator(reference.text()))).distinct().toList();
    }

    /** Whether the line is said in the notice of this office. */
    public boolean appliesTo(Office office) {
        return offices.isEmpty() || offices.stream().anyMatch(named -> named.equals(office.code())
                || named.equalsIgnoreCase(office.unit().kind().name()));
    }
}
