/**
 * The web console ({@code giaoban serve}): the month, each unit and the notice as pages over the database the
 * nights write, the units' uploads into their inbox folder, sign-in and roles.
 */
@ApplicationModule(allowedDependencies = { "briefing", "catalog", "cli", "consolidation", "rules", "submission",
        "template", "text", "timeliness" })
package vn.giaoban.web;

import org.springframework.modulith.ApplicationModule;
