/**
 * The catalog's rules judged over the figures. Feedback (submission) and consolidation call it after the
 * figures change: the two arrows against the layering, to invert when the rules read the figures through an
 * interface of their own.
 */
@ApplicationModule(allowedDependencies = { "catalog", "cli", "text" })
package vn.giaoban.rules;

import org.springframework.modulith.ApplicationModule;
