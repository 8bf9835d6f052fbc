package org.kizuna.booking.plan;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Quiet and duty hours are decided in the zone they belong to, across the 2026 daylight-saving changes and the date line. */
class LocalTimeRulesTests {

    static boolean quiet(String instant, String zone) {
        return Horizon.quiet(Instant.parse(instant).atZone(ZoneId.of(zone)));
    }

    static boolean onDuty(String instant, String zone) {
        return Horizon.onDuty(Instant.parse(instant).atZone(ZoneId.of(zone)));
    }

    @Test
    void londonQuietHoursFollowTheOctoberChange() {
        assertThat(quiet("2026-10-19T21:30:00Z", "Europe/London")).as("22:30 BST, Monday").isTrue();
        assertThat(quiet("2026-10-26T21:30:00Z", "Europe/London")).as("21:30 GMT, Monday").isFalse();
        assertThat(quiet("2026-03-30T05:30:00Z", "Europe/London")).as("06:30 BST after the March change").isFalse();
        assertThat(quiet("2026-03-23T05:30:00Z", "Europe/London")).as("05:30 GMT before it").isTrue();
    }

    @Test
    void washingtonQuietHoursFollowTheNovemberChange() {
        assertThat(quiet("2026-10-27T02:30:00Z", "America/New_York")).as("Monday 22:30 EDT").isTrue();
        assertThat(quiet("2026-11-03T02:30:00Z", "America/New_York")).as("Monday 21:30 EST").isFalse();
        assertThat(quiet("2026-11-02T02:30:00Z", "America/New_York")).as("Sunday 21:30 EST: all of Sunday is quiet").isTrue();
    }

    @Test
    void sydneyQuietHoursFollowTheAustralianSpring() {
        assertThat(quiet("2026-09-29T11:30:00Z", "Australia/Sydney")).as("Tuesday 21:30 AEST").isFalse();
        assertThat(quiet("2026-10-06T11:30:00Z", "Australia/Sydney")).as("Tuesday 22:30 AEDT").isTrue();
        assertThat(quiet("2026-04-07T19:30:00Z", "Australia/Sydney")).as("Wednesday 05:30 AEST after the April change").isTrue();
    }

    @Test
    void acrossTheDateLineTheSameInstantIsSundayInHonoluluAndMondayInTokyo() {
        String instant = "2026-11-22T22:00:00Z";
        assertThat(quiet(instant, "Pacific/Honolulu")).as("Sunday noon in Honolulu").isTrue();
        assertThat(quiet(instant, "Asia/Tokyo")).as("Monday 07:00 in Tokyo").isFalse();
        assertThat(onDuty(instant, "Pacific/Honolulu")).isFalse();
        assertThat(onDuty(instant, "Asia/Tokyo")).isTrue();
    }

    @Test
    void noisyOptionsAvoidLocalQuietHoursAndDutyCostIsCountedInTheRequestersZone() {
        Horizon h = new Horizon(Instant.parse("2026-10-24T00:00:00Z"), Instant.parse("2026-10-28T00:00:00Z"), 30);
        Problem p = new Problem(h, List.of(new Problem.Facility("salisbury", ZoneId.of("Europe/London"), new boolean[h.grains()])),
                List.of(new Problem.Request("R1", "GBR", ZoneId.of("America/New_York"), new int[] {0}, 4, 0, h.grains() - 4, 0, 3, true)));
        Options o = Options.of(p);
        assertThat(o.count(0)).isPositive();
        for (int k = 0; k < o.count(0); k++) {
            for (int g = o.start(0, k); g < o.start(0, k) + 4; g++) {
                assertThat(Horizon.quiet(h.instantOf(g).atZone(ZoneId.of("Europe/London")))).isFalse();
            }
        }
        Plan plan = Plan.empty(1);
        plan.facility()[0] = 0;
        plan.start()[0] = h.grainOf(Instant.parse("2026-10-25T12:00:00Z")); // Sunday in London
        assertThat(Validator.violations(p, plan)).singleElement().asString().contains("quiet hours");
        plan.start()[0] = h.grainOf(Instant.parse("2026-10-26T12:00:00Z")); // Monday 12:00 GMT, 08:00 in New York (EDT ended 1 Nov)
        assertThat(Validator.violations(p, plan)).isEmpty();
        assertThat(plan.figures(p).softPenalty()).isEqualTo(Math.abs(plan.start()[0]) + 0L);
    }
}
