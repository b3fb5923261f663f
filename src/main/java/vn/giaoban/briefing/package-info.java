/**
 * The notice: its model, its composition and its PDF, DOCX and XLSX.
 */
@ApplicationModule(allowedDependencies = { "catalog", "cli", "delivery", "files", "template", "text", "timeliness" })
package vn.giaoban.briefing;

import org.springframework.modulith.ApplicationModule;
