/**
 * The web console shell: login page, navigation, shared look and the home page. Each module
 * contributes its own pages by declaring {@link org.kizuna.console.ConsolePage} beans and serving
 * static pages that load {@code /console/shell.js}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"identity"})
package org.kizuna.console;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
