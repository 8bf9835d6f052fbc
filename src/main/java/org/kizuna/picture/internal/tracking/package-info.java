/** Track fusion, one engine per audience. */
@NullMarked
package org.kizuna.picture.internal.tracking;

import org.jspecify.annotations.NullMarked;
