package org.kizuna.booking.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on what the planner is asked to do ({@code kizuna.booking.*}): a request's window lies between
 * {@code pastDays} before now and {@code horizonDays} after it; a request names at most {@code maxFacilities}
 * facilities; a re-planning problem holds at most {@code maxPlanCells} facility places times half-hours.
 */
@ConfigurationProperties("kizuna.booking")
record BookingLimits(@DefaultValue("365") int horizonDays, @DefaultValue("1") int pastDays, @DefaultValue("10") int maxFacilities,
                     @DefaultValue("10000000") long maxPlanCells) {

    BookingLimits {
        if (horizonDays < 1 || horizonDays > 3660) throw new IllegalArgumentException("kizuna.booking.horizon-days must be 1 to 3660; got " + horizonDays);
        if (pastDays < 0 || pastDays > 366) throw new IllegalArgumentException("kizuna.booking.past-days must be 0 to 366; got " + pastDays);
        if (maxFacilities < 1 || maxFacilities > 15) throw new IllegalArgumentException("kizuna.booking.max-facilities must be 1 to 15; got " + maxFacilities);
        if (maxPlanCells < 100_000) throw new IllegalArgumentException("kizuna.booking.max-plan-cells must be at least 100000; got " + maxPlanCells);
    }
}
