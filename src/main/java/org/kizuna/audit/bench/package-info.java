/** The audit module's benchmark harness, run by {@code ./kizuna bench audit}: not part of a running node. */
@NamedInterface("bench")
@NullMarked
package org.kizuna.audit.bench;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
