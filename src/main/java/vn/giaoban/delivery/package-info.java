/**
 * E-mailing the briefing, retried across nights.
 */
@ApplicationModule(allowedDependencies = { "text" })
package vn.giaoban.delivery;

import org.springframework.modulith.ApplicationModule;
