/** Exercises' storage, service, planning conference times, HTTP API, search source, console page and demo data. */
@NullMarked
package org.kizuna.exercises.internal;

import org.jspecify.annotations.NullMarked;
