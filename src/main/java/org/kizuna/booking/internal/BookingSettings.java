package org.kizuna.booking.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The booking module's settings (prefix {@code kizuna.booking}): the bounds on what the planner is asked to do, and
 * how long it plans.
 *
 * @param horizonDays    a request's latest start lies at most this many days after now (1 to 3660)
 * @param pastDays       a request's earliest start lies at most this many days before now (0 to 366)
 * @param maxFacilities  a request names at most this many acceptable facilities (1 to 15)
 * @param maxPlanCells   a re-planning problem holds at most this many facility places times half-hours (at least 100000)
 * @param planningMillis how long the planner searches for a better plan on each change, in milliseconds
 * @param lateAcceptance the planner's late-acceptance size: a move is accepted when its score is no worse than the score this
 *                       many steps before (at least 1; default 50, as the booking benchmark's)
 * @param complaintRadiusKm a neighbour's complaint given by place concerns the facilities within this many kilometres (1 to 100)
 */
@Validated
@ConfigurationProperties("kizuna.booking")
record BookingSettings(@DefaultValue("365") @Min(value = 1, message = "must be 1 to 3660") @Max(value = 3660, message = "must be 1 to 3660") int horizonDays,
        @DefaultValue("1") @Min(value = 0, message = "must be 0 to 366") @Max(value = 366, message = "must be 0 to 366") int pastDays,
        @DefaultValue("10") @Min(value = 1, message = "must be 1 to 15") @Max(value = 15, message = "must be 1 to 15") int maxFacilities,
        @DefaultValue("10000000") @Min(value = 100_000, message = "must be at least 100000") long maxPlanCells,
        @DefaultValue("800") @Positive long planningMillis,
        @DefaultValue("50") @Positive int lateAcceptance,
        @DefaultValue("10") @Min(value = 1, message = "must be 1 to 100") @Max(value = 100, message = "must be 1 to 100") int complaintRadiusKm) {

    /** {@link #planningMillis} as a duration. */
    Duration planningTime() {
        return Duration.ofMillis(planningMillis);
    }
}
