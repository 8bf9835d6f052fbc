/** The intel module's benchmark harness, run by {@code ./kizuna bench intel}: not part of a running node. */
@NamedInterface("bench")
@NullMarked
package org.kizuna.intel.bench;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
