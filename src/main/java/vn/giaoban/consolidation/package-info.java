/**
 * The period's figures from the versions in force, and their history.
 */
@ApplicationModule(allowedDependencies = { "catalog", "cli", "rules", "text" })
package vn.giaoban.consolidation;

import org.springframework.modulith.ApplicationModule;
