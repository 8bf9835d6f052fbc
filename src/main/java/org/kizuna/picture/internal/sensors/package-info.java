/** The catalogue of sensors and its storage. */
@NullMarked
package org.kizuna.picture.internal.sensors;

import org.jspecify.annotations.NullMarked;
