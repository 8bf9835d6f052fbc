package org.kizuna.booking.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Quiet and duty hours are decided in the zone they belong to, across the coming daylight-saving changes
 * and the date line. The changes are each zone's next ones from today ({@code ZoneRules.nextTransition}),
 * so they always lie within a year, the booking horizon, whenever the tests run.
 */
class LocalTimeRulesTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London"), NEW_YORK = ZoneId.of("America/New_York"), SYDNEY = ZoneId.of("Australia/Sydney");

    /** The zone's next change that puts clocks forward ({@code forward}) or back: one of its next two changes. */
    static ZoneOffsetTransition nextChange(ZoneId zone, boolean forward) {
        ZoneOffsetTransition first = zone.getRules().nextTransition(Instant.now());
        ZoneOffsetTransition second = zone.getRules().nextTransition(first.getInstant());
        ZoneOffsetTransition change = List.of(first, second).stream().filter(t -> t.isGap() == forward).findFirst().orElseThrow();
        assertThat(change.getInstant()).as("within the booking horizon").isBefore(Instant.now().plus(Duration.ofDays(366)));
        return change;
    }

    /** {@code local} on the last {@code day} before the change, in the zone's offset before it. */
    static Instant before(ZoneOffsetTransition change, DayOfWeek day, LocalTime local) {
        LocalDate date = change.getDateTimeBefore().toLocalDate().with(TemporalAdjusters.previous(day));
        return date.atTime(local).toInstant(change.getOffsetBefore());
    }

    /** The same UTC time a week later: the same weekday after the change. */
    static Instant weekLater(Instant t) {
        return t.plus(Duration.ofDays(7));
    }

    static boolean quiet(Instant t, ZoneId zone) {
        return Horizon.quiet(t.atZone(zone));
    }

    static LocalTime local(Instant t, ZoneId zone) {
        return t.atZone(zone).toLocalTime();
    }

    @Test
    void londonQuietHoursFollowTheAutumnAndSpringChanges() {
        Instant monday = before(nextChange(LONDON, false), DayOfWeek.MONDAY, LocalTime.of(22, 30));
        assertThat(quiet(monday, LONDON)).as("22:30 BST, Monday").isTrue();
        assertThat(local(weekLater(monday), LONDON)).isEqualTo(LocalTime.of(21, 30));
        assertThat(quiet(weekLater(monday), LONDON)).as("21:30 GMT, Monday, a week later at the same UTC time").isFalse();

        Instant spring = before(nextChange(LONDON, true), DayOfWeek.MONDAY, LocalTime.of(5, 30));
        assertThat(quiet(spring, LONDON)).as("05:30 GMT before the spring change").isTrue();
        assertThat(local(weekLater(spring), LONDON)).isEqualTo(LocalTime.of(6, 30));
        assertThat(quiet(weekLater(spring), LONDON)).as("06:30 BST after it").isFalse();
    }

    @Test
    void washingtonQuietHoursFollowTheAutumnChange() {
        ZoneOffsetTransition change = nextChange(NEW_YORK, false);
        Instant monday = before(change, DayOfWeek.MONDAY, LocalTime.of(22, 30));
        assertThat(quiet(monday, NEW_YORK)).as("Monday 22:30 EDT").isTrue();
        assertThat(local(weekLater(monday), NEW_YORK)).isEqualTo(LocalTime.of(21, 30));
        assertThat(quiet(weekLater(monday), NEW_YORK)).as("Monday 21:30 EST").isFalse();
        Instant sunday = change.getDateTimeAfter().toLocalDate().atTime(21, 30).atZone(NEW_YORK).toInstant();
        assertThat(sunday.atZone(NEW_YORK).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(quiet(sunday, NEW_YORK)).as("Sunday 21:30 EST, the day of the change: all of Sunday is quiet").isTrue();
    }

    @Test
    void sydneyQuietHoursFollowTheAustralianSpringAndAutumn() {
        Instant tuesday = before(nextChange(SYDNEY, true), DayOfWeek.TUESDAY, LocalTime.of(21, 30));
        assertThat(quiet(tuesday, SYDNEY)).as("Tuesday 21:30 AEST").isFalse();
        assertThat(local(weekLater(tuesday), SYDNEY)).isEqualTo(LocalTime.of(22, 30));
        assertThat(quiet(weekLater(tuesday), SYDNEY)).as("Tuesday 22:30 AEDT").isTrue();

        Instant wednesday = before(nextChange(SYDNEY, false), DayOfWeek.WEDNESDAY, LocalTime.of(6, 30));
        assertThat(quiet(wednesday, SYDNEY)).as("Wednesday 06:30 AEDT before the autumn change").isFalse();
        assertThat(local(weekLater(wednesday), SYDNEY)).isEqualTo(LocalTime.of(5, 30));
        assertThat(quiet(weekLater(wednesday), SYDNEY)).as("Wednesday 05:30 AEST after it").isTrue();
    }

    @Test
    void acrossTheDateLineTheSameInstantIsSundayInHonoluluAndMondayInTokyo() {
        Instant instant = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)).atTime(22, 0).toInstant(ZoneOffset.UTC);
        assertThat(quiet(instant, ZoneId.of("Pacific/Honolulu"))).as("Sunday noon in Honolulu").isTrue();
        assertThat(quiet(instant, ZoneId.of("Asia/Tokyo"))).as("Monday 07:00 in Tokyo").isFalse();
        assertThat(Horizon.onDuty(instant.atZone(ZoneId.of("Pacific/Honolulu")))).isFalse();
        assertThat(Horizon.onDuty(instant.atZone(ZoneId.of("Asia/Tokyo")))).isTrue();
    }

    @Test
    void noisyOptionsAvoidLocalQuietHoursAndDutyCostIsCountedInTheRequestersZone() {
        // four days from the Saturday before London's autumn change (a Sunday)
        LocalDate changeDay = nextChange(LONDON, false).getDateTimeAfter().toLocalDate();
        assertThat(changeDay.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        Instant start = changeDay.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Horizon h = new Horizon(start, start.plus(Duration.ofDays(4)), 30);
        Problem p = new Problem(h, List.of(new Problem.Facility("salisbury", LONDON, new boolean[h.grains()])),
                List.of(new Problem.Request("R1", "GBR", NEW_YORK, new int[]{0}, 4, 0, h.grains() - 4, 0, 3, true)));
        Options o = Options.of(p);
        assertThat(o.count(0)).isPositive();
        for (int k = 0; k < o.count(0); k++) {
            for (int g = o.start(0, k); g < o.start(0, k) + 4; g++) {
                assertThat(Horizon.quiet(h.instantOf(g).atZone(LONDON))).isFalse();
            }
        }
        Plan plan = Plan.empty(1);
        plan.facility()[0] = 0;
        plan.start()[0] = h.grainOf(changeDay.atTime(12, 0).toInstant(ZoneOffset.UTC)); // Sunday in London
        assertThat(Validator.violations(p, plan)).singleElement().asString().contains("quiet hours");
        // Monday 12:00 GMT, 07:00 or 08:00 in New York (the US change comes a week after London's): on duty either way
        plan.start()[0] = h.grainOf(changeDay.plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC));
        assertThat(Validator.violations(p, plan)).isEmpty();
        assertThat(plan.figures(p).softPenalty()).isEqualTo(Math.abs(plan.start()[0]) + 0L);
    }
}
