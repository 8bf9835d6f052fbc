/** Booking requests, their storage, HTTP API and calendar export: the booking module's implementation. */
@NullMarked
package org.kizuna.booking.internal;

import org.jspecify.annotations.NullMarked;
