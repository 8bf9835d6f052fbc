package org.kizuna.exercises.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.exercises.ConferenceTimes;
import org.kizuna.exercises.ConferenceTimes.Participant;

/** Conference slots against working hours in each participant's zone, as java.time computes the offsets (DST included). */
class ConferenceFinderTests {

    static Participant p(String name, String zone) {
        return new Participant(name, name, zone, ConferenceFinder.city(zone));
    }

    static final Participant TOKYO = p("JPN", "Asia/Tokyo"), HONOLULU = p("usindopacom", "Pacific/Honolulu"), WASHINGTON = p("USA", "America/New_York");

    @Test
    void tokyoHonoluluAndWashingtonShareNoWorkingHourInWinterOrSummer() {
        // a Tuesday in January (Washington on EST) and one in July (EDT)
        for (LocalDate day : List.of(LocalDate.of(2027, 1, 12), LocalDate.of(2027, 7, 13))) {
            ConferenceTimes t = ConferenceFinder.find("ks", List.of(TOKYO, HONOLULU, WASHINGTON), List.of(), day, 1, 2, 8, 18, 12);
            assertThat(t.found()).as(day.toString()).isFalse();
            assertThat(t.slots()).isEmpty();
            assertThat(t.statement()).startsWith("No 2-hour slot").contains("Tokyo", "Honolulu", "Washington");
            ConferenceTimes.Slot least = t.leastBad();
            assertThat(least).isNotNull();
            // Tokyo 08:00 the next day is 13:00 in Honolulu and 18:00 (EST) or 19:00 (EDT) in Washington
            assertThat(least.start()).isEqualTo(day.atTime(23, 0).toInstant(java.time.ZoneOffset.UTC));
            LocalTime washington = least.start().atZone(ZoneId.of("America/New_York")).toLocalTime();
            assertThat(washington).isEqualTo(day.getMonthValue() == 1 ? LocalTime.of(18, 0) : LocalTime.of(19, 0));
            assertThat(least.local()).filteredOn(l -> l.city().equals("Tokyo")).singleElement().satisfies(l -> {
                assertThat(l.start().toLocalTime()).isEqualTo(LocalTime.of(8, 0));
                assertThat(l.minutesOutside()).isZero();
            });
            assertThat(least.local()).filteredOn(l -> l.city().equals("Honolulu")).singleElement()
                    .satisfies(l -> assertThat(l.start().toLocalTime()).isEqualTo(LocalTime.of(13, 0)));
            assertThat(least.local()).filteredOn(l -> l.city().equals("Washington")).singleElement().satisfies(l -> {
                assertThat(l.start().toLocalTime()).isEqualTo(washington);
                assertThat(l.minutesOutside()).isEqualTo(120);
            });
            assertThat(t.statement()).contains("USA in Washington");
        }
    }

    @Test
    void tokyoSeoulAndCanberraShareTheirMornings() {
        ConferenceTimes t = ConferenceFinder.find("x", List.of(TOKYO, p("KOR", "Asia/Seoul"), p("AUS", "Australia/Sydney")), List.of(),
                LocalDate.of(2027, 3, 2), 1, 2, 8, 18, 50);
        assertThat(t.found()).isTrue();
        assertThat(t.leastBad()).isNull();
        // Sydney is UTC+11 in March (daylight saving): 08:00 there is 06:00 in Tokyo; the shared hours are 08:00-16:00 Tokyo (23:00-07:00 UTC)
        assertThat(t.slots()).allSatisfy(s -> assertThat(s.minutesOutside()).isZero());
        assertThat(t.slots().getFirst().start()).isEqualTo(Instant.parse("2027-03-02T00:00:00Z"));
        // 00:00-05:00 UTC starts, and 23:00 and 23:30 (08:00 and 08:30 on Wednesday in Tokyo)
        assertThat(t.slots()).hasSize(13);
        assertThat(t.slots().get(10).end()).isEqualTo(Instant.parse("2027-03-02T07:00:00Z"));
        assertThat(t.slots().getLast().end()).isEqualTo(Instant.parse("2027-03-03T01:30:00Z"));
        assertThat(t.statement()).contains("lie inside the working hours");
    }

    @Test
    void washingtonAndLondonOverlapByTheirOwnDaylightSavingTime() {
        // 2027-03-16: Washington is on EDT (from 14 March), London still on GMT (until 28 March): six shared hours, 12:00-18:00 UTC
        ConferenceTimes t = ConferenceFinder.find("x", List.of(WASHINGTON, p("GBR", "Europe/London")), List.of(), LocalDate.of(2027, 3, 16), 1, 2, 8, 18,
                50);
        assertThat(t.slots()).hasSize(9);
        assertThat(t.slots().getFirst().start()).isEqualTo(Instant.parse("2027-03-16T12:00:00Z"));
        assertThat(t.slots().getLast().start()).isEqualTo(Instant.parse("2027-03-16T16:00:00Z"));
        // a week earlier, both on standard time: five, 13:00-18:00 UTC
        ConferenceTimes before = ConferenceFinder.find("x", List.of(WASHINGTON, p("GBR", "Europe/London")), List.of(), LocalDate.of(2027, 3, 9), 1, 2, 8,
                18, 50);
        assertThat(before.slots()).hasSize(7);
        assertThat(before.slots().getFirst().start()).isEqualTo(Instant.parse("2027-03-09T13:00:00Z"));
    }

    @Test
    void weekendsAreOutsideWorkingHours() {
        // a Saturday: nobody works
        ConferenceTimes t = ConferenceFinder.find("x", List.of(WASHINGTON), List.of(), LocalDate.of(2027, 3, 13), 1, 1, 8, 18, 50);
        assertThat(t.found()).isFalse();
        assertThat(t.statement()).contains("No 1-hour slot");
    }
}
