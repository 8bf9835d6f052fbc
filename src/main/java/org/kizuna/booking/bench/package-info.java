/** The booking module's benchmark harness, run by {@code ./kizuna bench booking}: not part of a running node. */
@NamedInterface("bench")
@NullMarked
package org.kizuna.booking.bench;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
