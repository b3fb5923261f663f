/**
 * Who reported when: the expected reports of a period and their state, reminders.
 */
@ApplicationModule(allowedDependencies = { "catalog", "cli", "text" })
package vn.giaoban.timeliness;

import org.springframework.modulith.ApplicationModule;
