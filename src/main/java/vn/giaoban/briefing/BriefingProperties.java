package vn.giaoban.briefing;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The deployment's side of the briefing: where the notices are written and whether they are drafts. Everything a
 * notice says about its office (header, recipients, signer, e-mails) is the catalog's {@code offices.csv}.
 *
 * @param outputDir the folder under which each period's notices are written, one folder per office
 * @param draft     marked "DỰ THẢO" until the office finalises it
 */
@ConfigurationProperties("giaoban.briefing")
public record BriefingProperties(Path outputDir, boolean draft) {
}
