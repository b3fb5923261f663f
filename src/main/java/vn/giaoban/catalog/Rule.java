package vn.giaoban.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * A check between figures, kept as catalog data ({@code rules.csv}): a boolean expression in the
 * Spring Expression Language over the figures of one unit and period ({@code v('DT_DA_GIAI_QUYET')
 * <= v('DT_TIEP_NHAN')}), with a code, a severity and a Vietnamese message template.
 *
 * @param appliesTo         which units and periods it is evaluated for
 * @param severity          ERROR rejects the judged value; WARNING is reported
 * @param subject           the indicator whose value the rule judges: the one an ERROR leaves out
 * @param check             the SpEL expression that is true when the figures agree
 * @param toleranceAbsolute how far two figures may differ and still agree, in the indicator's unit; null for none
 * @param toleranceRelative the same as a fraction of the reference figure (0.05 = 5%); null for none
 * @param inBriefing        whether a failure is told in the briefing's I.2 as well as in the feedback
 * @param message           a SpEL template ({@code #{...}} parts) of the Vietnamese sentence a failure reads as
 * @param name              what the check is, as people read it ("Số đơn thư tiếp nhận trong tháng so với các tháng
 *                          trước"); null when the catalog gives none, and the judged indicator's name stands for it.
 *                          The code is the catalog's key, never shown to the units
 */
public record Rule(String code, Scope appliesTo, Severity severity, String subject, String check,
        BigDecimal toleranceAbsolute, BigDecimal toleranceRelative, boolean inBriefing, String message, String name) {

    public enum Severity {
        ERROR, WARNING
    }

    /**
     * What a rule judges that the briefing also tells, by the rule's outcome: a cumulative figure
     * behind the pace of the year ({@code pace()} in the check), or worse than the same period last
     * year ({@code notWorse(...)}). The briefing never judges these itself: one judge, the rule.
     */
    public enum Judgement {
        PACE, YEAR_ON_YEAR, OTHER
    }

    public Judgement judgement() {
        if (check.contains("pace()")) {
            return Judgement.PACE;
        }
        return check.contains("notWorse(") ? Judgement.YEAR_ON_YEAR : Judgement.OTHER;
    }

    /**
     * Where a rule is evaluated: for every unit with a current submission of all the forms named
     * ({@code form:BM03-DT}, {@code form:BM03-DT+BM03-DS}), for every unit of a kind
     * ({@code kind:commune}), or for named units ({@code unit:182}).
     */
    public record Scope(Kind kind, List<String> values) {

        public enum Kind {
            FORM, KIND, UNIT
        }

        public static Scope parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("phạm vi áp dụng cần dạng form:MÃ_BIỂU, kind:loại hoặc unit:mã, không phải '"
                        + text + "'");
            }
            Kind kind = switch (text.substring(0, colon).trim()) {
                case "form" -> Kind.FORM;
                case "kind" -> Kind.KIND;
                case "unit" -> Kind.UNIT;
                default -> throw new IllegalArgumentException("phạm vi áp dụng không hợp lệ '" + text
                        + "' (cần form:, kind: hoặc unit:)");
            };
            List<String> values = List.of(text.substring(colon + 1).trim().split("\\s*\\+\\s*"));
            return new Scope(kind, values);
        }

        @Override
        public String toString() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + String.join("+", values);
        }
    }
}
