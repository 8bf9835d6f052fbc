/** The booking module's scenario generator, run by {@code ./kizuna sim abb}: not part of a running node. */
@NamedInterface("sim")
@NullMarked
package org.kizuna.booking.sim;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
