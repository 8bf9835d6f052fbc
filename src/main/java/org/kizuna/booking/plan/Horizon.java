package org.kizuna.booking.plan;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The planning period in grains (30 minutes by default) from a UTC start. Rules about local time are
 * evaluated per grain in the zone they belong to: quiet hours in the facility's zone, duty hours in the
 * requester's, so daylight-saving changes and the date line fall where they really are.
 */
public record Horizon(Instant start, Instant end, int grainMinutes) {

    public int grains() {
        return (int) (Duration.between(start, end).toMinutes() / grainMinutes);
    }

    public int grainOf(Instant t) {
        return (int) Math.floorDiv(Duration.between(start, t).toMinutes(), grainMinutes);
    }

    public Instant instantOf(int grain) {
        return start.plus(Duration.ofMinutes((long) grain * grainMinutes));
    }

    /** Sets {@code grains} that overlap [from, to) to {@code value}; the part outside the horizon is ignored. */
    public void mark(boolean[] grains, Instant from, Instant to, boolean value) {
        int a = Math.max(0, grainOf(from));
        int b = Math.min(grains.length, (int) Math.ceil(Duration.between(start, to).toMinutes() / (double) grainMinutes));
        for (int g = a; g < b; g++) grains[g] = value;
    }

    /** Quiet hours for noisy activity: 22:00-06:00 and all of Sunday, local to the facility. */
    public static boolean quiet(ZonedDateTime local) {
        if (local.getDayOfWeek() == DayOfWeek.SUNDAY) return true;
        LocalTime t = local.toLocalTime();
        return !t.isBefore(LocalTime.of(22, 0)) || t.isBefore(LocalTime.of(6, 0));
    }

    /** Duty hours of a requester: 07:00-19:00 Monday to Friday, local to the requester. */
    public static boolean onDuty(ZonedDateTime local) {
        DayOfWeek d = local.getDayOfWeek();
        if (d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY) return false;
        LocalTime t = local.toLocalTime();
        return !t.isBefore(LocalTime.of(7, 0)) && t.isBefore(LocalTime.of(19, 0));
    }

    /** One flag per grain: whether the grain starts in quiet hours in {@code zone}. */
    public boolean[] quietGrains(ZoneId zone) {
        boolean[] q = new boolean[grains()];
        for (int g = 0; g < q.length; g++) q[g] = quiet(instantOf(g).atZone(zone));
        return q;
    }

    /** One flag per grain: whether the grain starts outside duty hours in {@code zone}. */
    public boolean[] offDutyGrains(ZoneId zone) {
        boolean[] q = new boolean[grains()];
        for (int g = 0; g < q.length; g++) q[g] = !onDuty(instantOf(g).atZone(zone));
        return q;
    }
}
