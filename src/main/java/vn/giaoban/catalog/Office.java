package vn.giaoban.catalog;

import java.util.List;
import java.util.Locale;

/**
 * An office that holds a monthly giao ban and issues its notice: the People's Committee of a province,
 * of a district, of each commune. What a notice puts around its body (Decree 30/2020's header, "Nơi
 * nhận", the signature) is the office's, so it is catalog data ({@code offices.csv}), not a setting.
 *
 * @param unit           the unit whose figures the notice reports
 * @param issuingBody    the header's lines: "ỦY BAN NHÂN DÂN", "XÃ HOÀNG VĂN THỤ"
 * @param parentBody     the body above the issuer, may be blank
 * @param place          where the notice is dated: "Hoàng Văn Thụ"
 * @param documentNumber "Số:       /TB-UBND"
 * @param issuer         how sentences name the issuer: "UBND xã"
 * @param summary        the line under the title; {@code {period}} stands for "10/2022"
 * @param recipients     the "Nơi nhận:" list
 * @param signerLines    "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"
 * @param signerName     may be blank (signed by hand)
 * @param emails         who receives the notice by e-mail
 * @param trendIndicator the indicator whose last twelve months the annex charts, null for none
 * @param bundle         whether the office also receives its communes' notices together, in one e-mail
 * @param named          whether the catalog names this unit's code (not a kind): its notice is written even
 *                       in a month without figures, saying so
 */
public record Office(Unit unit, List<String> issuingBody, String parentBody, String place, String documentNumber,
        String issuer, String summary, List<String> recipients, List<String> signerLines, String signerName,
        List<String> emails, String trendIndicator, boolean bundle, boolean named) {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final List<String> KIND_WORDS = List.of("Thành phố ", "Thị trấn ", "Thị xã ", "Đặc khu ", "Phường ",
            "Huyện ", "Tỉnh ", "Quận ", "Xã ");

    public Office {
        issuingBody = List.copyOf(issuingBody);
        recipients = List.copyOf(recipients);
        signerLines = List.copyOf(signerLines);
        emails = List.copyOf(emails);
    }

    public String code() {
        return unit.code();
    }

    /**
     * A line of {@code offices.csv}: one unit by its code, or every unit of a kind ({@code kind:commune}), with
     * placeholders filled for each: {@code {name}} "Xã Hoàng Văn Thụ", {@code {unit}} "xã Hoàng Văn Thụ", {@code {NAME}} "XÃ HOÀNG VĂN THỤ",
     * {@code {place}} "Hoàng Văn Thụ", {@code {code}} "06172", {@code {parent}} and {@code {PARENT}} the unit above.
     */
    public record Template(String units, List<String> issuingBody, String parentBody, String place,
            String documentNumber, String issuer, String summary, List<String> recipients, List<String> signerLines,
            String signerName, List<String> emails, String trendIndicator, boolean bundle) {

        public Template {
            issuingBody = List.copyOf(issuingBody);
            recipients = List.copyOf(recipients);
            signerLines = List.copyOf(signerLines);
            emails = List.copyOf(emails);
        }

        /** The kind this line covers, or null when it names one unit by its code. */
        public UnitKind kind() {
            return units.startsWith("kind:") ? UnitKind.parse(units.substring("kind:".length())) : null;
        }

        public boolean covers(Unit unit) {
            return kind() == null ? units.equals(unit.code()) : kind() == unit.kind();
        }

        Office of(Unit unit, Unit parent) {
            return new Office(unit, fill(issuingBody, unit, parent), fill(parentBody, unit, parent),
                    fill(place, unit, parent), fill(documentNumber, unit, parent), fill(issuer, unit, parent),
                    fill(summary, unit, parent), fill(recipients, unit, parent), fill(signerLines, unit, parent),
                    fill(signerName, unit, parent), fill(emails, unit, parent), trendIndicator, bundle, kind() == null);
        }

        private static List<String> fill(List<String> lines, Unit unit, Unit parent) {
            return lines.stream().map(line -> fill(line, unit, parent)).toList();
        }

        private static String fill(String text, Unit unit, Unit parent) {
            if (text == null) {
                return "";
            }
            String parentName = parent == null ? "" : parent.name();
            return text.replace("{name}", unit.name()).replace("{unit}", unit.nameInSentence()).replace("{NAME}", unit.name().toUpperCase(VIETNAMESE))
                    .replace("{place}", placeName(unit.name())).replace("{code}", unit.code())
                    .replace("{parent}", parentName).replace("{PARENT}", parentName.toUpperCase(VIETNAMESE));
        }
    }

    /** "Xã Hoàng Văn Thụ" → "Hoàng Văn Thụ": the name a notice is dated at, a chart's category. */
    public static String placeName(String name) {
        for (String word : KIND_WORDS) {
            if (name.startsWith(word) && name.length() > word.length()) {
                return name.substring(word.length());
            }
        }
        return name;
    }
}
