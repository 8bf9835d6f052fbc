/**
 * The node itself: where it keeps its files and how its embedded database is reached, shared by the
 * command line and the modules that read a node's files directly.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.kizuna.node;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
