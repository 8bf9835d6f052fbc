/** Cursor on Target connections and the simulator that report into the picture. */
@NullMarked
package org.kizuna.picture.internal.ingest;

import org.jspecify.annotations.NullMarked;
