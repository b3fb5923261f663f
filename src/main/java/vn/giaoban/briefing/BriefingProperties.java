package vn.giaoban.briefing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The briefing's output folder and what the office puts around the generated body: the issuing
 * body, the number, the place, the recipients and the signer. Configuration, never the template.
 *
 * @param unitCode the unit whose consolidated figures the briefing reports (the district)
 * @param summary  the summary line; {@code {period}} stands for "10/2022"
 * @param issuer   how sentences name the issuing body: "UBND huyện"
 * @param trendIndicator the indicator whose last twelve months the annex charts
 */
@ConfigurationProperties("giaoban.briefing")
public record BriefingProperties(Path outputDir, String unitCode, String parentBody, String issuingBody,
        String documentNumber, String place, String summary, boolean draft, List<String> recipients,
        List<String> signerLines, String signerName, String issuer, String trendIndicator) {

    /**
     * The settings of the office that a notice cannot go without and this deployment left empty, by
     * their keys: the shipped defaults name no office, so a forgotten one stops the night instead of
     * issuing a notice under another office's letterhead.
     */
    public List<String> missingOfficeSettings() {
        List<String> missing = new ArrayList<>();
        blank(unitCode, "giaoban.briefing.unit-code", missing);
        blank(issuingBody, "giaoban.briefing.issuing-body", missing);
        blank(place, "giaoban.briefing.place", missing);
        blank(summary, "giaoban.briefing.summary", missing);
        blank(issuer, "giaoban.briefing.issuer", missing);
        if (recipients == null || recipients.isEmpty()) {
            missing.add("giaoban.briefing.recipients");
        }
        if (signerLines == null || signerLines.isEmpty()) {
            missing.add("giaoban.briefing.signer-lines");
        }
        return missing;
    }

    private static void blank(String value, String key, List<String> missing) {
        if (value == null || value.isBlank()) {
            missing.add(key);
        }
    }
}
