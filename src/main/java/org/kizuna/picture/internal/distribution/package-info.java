/** The live picture: its thread, the track versions it keeps and the subscribers it sends them to. */
@NullMarked
package org.kizuna.picture.internal.distribution;

import org.jspecify.annotations.NullMarked;
