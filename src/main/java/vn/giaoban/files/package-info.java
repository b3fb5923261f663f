/**
 * Writing an output file whole or not at all: shared, depends on no feature.
 */
@ApplicationModule(allowedDependencies = {})
package vn.giaoban.files;

import org.springframework.modulith.ApplicationModule;
