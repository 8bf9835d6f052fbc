/** The console's pages, navigation and Spring wiring. */
@NullMarked
package org.kizuna.console.internal;

import org.jspecify.annotations.NullMarked;
