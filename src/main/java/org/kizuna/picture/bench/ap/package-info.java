/** The AP benchmark's scenario files and their replay through the fusion engine. */
@NullMarked
package org.kizuna.picture.bench.ap;

import org.jspecify.annotations.NullMarked;
