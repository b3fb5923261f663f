/**
 * The Excel templates a unit fills in, written from the catalog.
 */
@ApplicationModule(allowedDependencies = { "catalog", "cli", "files" })
package vn.giaoban.template;

import org.springframework.modulith.ApplicationModule;
