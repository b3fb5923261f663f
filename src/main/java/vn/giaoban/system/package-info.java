/**
 * On top: the nightly job, the command line, housekeeping, start-up.
 */
@ApplicationModule(allowedDependencies = { "briefing", "catalog", "cli", "consolidation", "delivery", "remote", "rules", "submission", "template", "text", "timeliness", "web" })
package vn.giaoban.system;

import org.springframework.modulith.ApplicationModule;
