/** The search module's benchmark harness, run by {@code ./kizuna bench search}: not part of a running node. */
@NamedInterface("bench")
@NullMarked
package org.kizuna.search.bench;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
