/**
 * The node itself: its settings ({@link org.kizuna.node.NodeSettings}) and clock, where it keeps its files and
 * how its embedded database is reached, shared by the command line and the modules; and the problem answers
 * ({@link org.kizuna.node.Problems}) every module's controllers give.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.kizuna.node;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
