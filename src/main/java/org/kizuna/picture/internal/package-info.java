/** The picture's settings and Spring wiring. */
@NullMarked
package org.kizuna.picture.internal;

import org.jspecify.annotations.NullMarked;
