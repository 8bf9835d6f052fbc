/** Loading of the label module's versioned configuration data and its Spring wiring. */
@NullMarked
package org.kizuna.label.internal;

import org.jspecify.annotations.NullMarked;
