/**
 * The catalog: units over time, forms, indicators, targets, rules, meetings. The base every feature reads.
 */
@ApplicationModule(allowedDependencies = { "text" })
package vn.giaoban.catalog;

import org.springframework.modulith.ApplicationModule;
