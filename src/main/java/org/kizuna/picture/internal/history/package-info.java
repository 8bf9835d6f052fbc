/** The journal of track versions in the database. */
@NullMarked
package org.kizuna.picture.internal.history;

import org.jspecify.annotations.NullMarked;
