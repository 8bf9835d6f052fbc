/**
 * Bookings of shared bases, ranges, piers and airspace: requests from units, the rules that protect
 * the neighbours and the agreements (capacity, maintenance and closures, quiet hours in the facility's
 * own zone, SOFA joint-use periods, access agreements in force), an optimising planner on Timefold
 * Solver with real-time re-planning that keeps confirmed bookings, and calendars with iCalendar export.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"label", "identity", "registry", "console", "node", "federation"})
package org.kizuna.booking;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
