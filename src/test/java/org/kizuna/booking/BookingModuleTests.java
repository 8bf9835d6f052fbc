package org.kizuna.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.UserDirectory;
import org.kizuna.identity.WriteRefused;
import org.kizuna.label.Label;
import org.kizuna.testing.ModuleOnH2;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/**
 * The booking module, started with only the modules it uses (label, identity, registry, console) on a real
 * H2 database with the registry's reference data and the demo users: a planner files a request for a
 * shared facility, the planner books it, and the change is published for the other modules.
 */
// ModularityTests verifies the modules; this test starts the ones it needs
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "node", verifyAutomatically = false)
@ModuleOnH2
class BookingModuleTests {

    /** 03:00 UTC (midday in Okinawa), four months ahead: inside the booking horizon, clear of the demo bookings. */
    static final Instant SLOT = LocalDate.now(ZoneOffset.UTC).plusDays(120).atTime(3, 0).toInstant(ZoneOffset.UTC);

    final Bookings bookings;
    final UserDirectory users;

    BookingModuleTests(Bookings bookings, UserDirectory users) {
        this.bookings = bookings;
        this.users = users;
    }

    static NewRequest oneHourAtCampSchwab(Instant start) {
        return new NewRequest("iii-mef", List.of("camp-schwab"), 60, start, start.plus(Duration.ofHours(1)), start, 3, false, "UNCLASSIFIED");
    }

    @Test
    void aPlannersRequestIsBookedAtItsPreferredTimeAndTheChangeIsPublished(Scenario scenario) {
        KizunaUser planner = users.find("usa.officer").orElseThrow();

        scenario.stimulate(() -> bookings.submit(oneHourAtCampSchwab(SLOT), planner))
                .andWaitForEventOfType(BookingRequestStateChanged.class)
                .matching(e -> e.state() == RequestState.BOOKED && SLOT.equals(e.start()))
                .toArriveAndVerify((event, booked) -> {
                    assertThat(booked.state()).isEqualTo(RequestState.BOOKED);
                    assertThat(booked.facility()).isEqualTo("camp-schwab");
                    assertThat(booked.start()).isEqualTo(SLOT);
                    assertThat(booked.requestedBy()).isEqualTo("usa.officer");
                    assertThat(event.requestId()).isEqualTo(booked.id());
                    assertThat(event.facility()).isEqualTo("camp-schwab");
                    assertThat(event.label()).isEqualTo(Label.UNCLASSIFIED);
                });

        assertThat(bookings.requests("iii-mef", "camp-schwab", planner.reader())).extracting(BookingRequest::start).contains(SLOT);
    }

    @Test
    void aViewerMayNotFileARequest() {
        KizunaUser viewer = users.find("usa.clerk").orElseThrow();
        Instant later = SLOT.plus(Duration.ofDays(1));

        assertThatThrownBy(() -> bookings.submit(oneHourAtCampSchwab(later), viewer)).isInstanceOf(WriteRefused.class);
        assertThat(bookings.requests("iii-mef", "camp-schwab", viewer.reader())).extracting(BookingRequest::earliestStart).doesNotContain(later);
    }
}
