/** The Spring wiring of the node module. */
@NullMarked
package org.kizuna.node.internal;

import org.jspecify.annotations.NullMarked;
