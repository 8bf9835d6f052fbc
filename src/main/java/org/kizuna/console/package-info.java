/**
 * The web console shell: navigation, shared look, the language switch and the home page, in English and
 * Japanese (the node's message catalogues). Each module contributes its own pages by declaring
 * {@link org.kizuna.console.ConsolePage} beans and a page file that the shell composes.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"identity", "node"})
package org.kizuna.console;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
