/**
 * The seam between the command line ({@code system}, on top) and the features' commands: what a command
 * gets from the process that runs it ({@link vn.giaoban.cli.Console}), the exit statuses, the period and
 * date values and the help option every command shares. The commands live in the features that own them;
 * this module keeps them off {@code system}.
 */
@ApplicationModule(allowedDependencies = { "text" })
package vn.giaoban.cli;

import org.springframework.modulith.ApplicationModule;
