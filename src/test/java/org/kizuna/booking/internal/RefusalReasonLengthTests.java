package org.kizuna.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.booking.plan.Horizon;
import org.kizuna.booking.plan.Options;
import org.kizuna.booking.plan.Problem;

/** A refusal reason fits booking_request.reason by construction, however many facilities and rules it names. */
class RefusalReasonLengthTests {

    @Test
    void theLongestExplanationIsCutToItsColumn() {
        // fifteen facilities with 64-character ids in a long zone name, each closed, closed to the requester and in quiet hours
        // a Sunday from 00:00 UTC (21:00 on Saturday in the zone, which keeps no daylight-saving time)
        Instant sunday = java.time.LocalDate.now(java.time.ZoneOffset.UTC).with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SUNDAY))
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Horizon h = new Horizon(sunday, sunday.plus(java.time.Duration.ofDays(1)), 30);
        ZoneId zone = ZoneId.of("America/Argentina/ComodRivadavia");
        List<Problem.Facility> facilities = new ArrayList<>();
        int[] accepted = new int[15];
        boolean[][] closedFor = new boolean[15][h.grains()];
        for (int f = 0; f < 15; f++) {
            boolean[] closed = new boolean[h.grains()];
            for (int g = 0; g < 8; g++) closed[g] = true;
            for (int g = 8; g < 24; g++) closedFor[f][g] = true;
            facilities.add(new Problem.Facility(("f" + f + "-").repeat(40).substring(0, 64), zone, closed));
            accepted[f] = f;
        }
        Problem p = new Problem(h, facilities, List.of(new Problem.Request("BR-1", "USA", zone, accepted, 4, 0, 44, 0, 3, true, closedFor)));
        String reason = BookingService.explain(p, Options.of(p), 0, new HashMap<>());
        assertThat(reason.length()).as("the raw explanation overflows the column").isGreaterThan(JdbcRequests.REASON_LENGTH);
        String stored = JdbcRequests.fitReason(reason);
        assertThat(stored).hasSize(JdbcRequests.REASON_LENGTH).startsWith(reason.substring(0, 200)).endsWith("\u2026");
        assertThat(JdbcRequests.fitReason("refused: short")).isEqualTo("refused: short");
    }
}
