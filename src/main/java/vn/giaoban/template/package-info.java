/**
 * The Excel templates a unit fills in, written from the catalog.
 */
@ApplicationModule(allowedDependencies = { "catalog", "cli", "files", "text" })
package vn.giaoban.template;

import org.springframework.modulith.ApplicationModule;
