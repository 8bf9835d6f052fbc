/** The booking planner: the problem, its constraints, and the calendars built priority first or by the solver. */
@NullMarked
package org.kizuna.booking.plan;

import org.jspecify.annotations.NullMarked;
