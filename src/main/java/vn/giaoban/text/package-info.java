/**
 * Vietnamese text, numbers and the words users read: shared by every feature, depends on none.
 */
@ApplicationModule(allowedDependencies = {})
package vn.giaoban.text;

import org.springframework.modulith.ApplicationModule;
