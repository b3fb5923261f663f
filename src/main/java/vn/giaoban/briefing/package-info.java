/**
 * The notice: its model, its composition and its PDF, DOCX and XLSX.
 */
@ApplicationModule(allowedDependencies = { "catalog", "cli", "delivery", "files", "rules", "template", "text", "timeliness" })
package vn.giaoban.briefing;

import org.springframework.modulith.ApplicationModule;
