/**
 * Scan, read, identify, check and store the units' files; their feedback.
 */
@ApplicationModule(allowedDependencies = { "catalog", "cli", "files", "rules", "text" })
package vn.giaoban.submission;

import org.springframework.modulith.ApplicationModule;
