package vn.giaoban.briefing;

import java.nio.file.Path;
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
}
