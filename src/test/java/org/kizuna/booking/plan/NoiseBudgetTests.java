package org.kizuna.booking.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A facility's monthly noise budget is a rule of the planner like the quiet hours: noisy bookings together stay within
 * what the neighbours accept for the facility's local month, quiet activity is not counted, and a booking across the
 * turn of a month spends from both months.
 */
class NoiseBudgetTests {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    // Monday 2026-11-30 09:00 Tokyo: the last day of November, local
    static final Horizon H = new Horizon(Instant.parse("2026-11-30T00:00:00Z"), Instant.parse("2026-12-01T12:00:00Z"), 30);

    static Problem problem(int budgetHalfHours, int spentBefore, List<Problem.Request> requests) {
        NoiseBudgets noise = NoiseBudgets.of(H, List.of("misawa-range"), List.of(TOKYO), Map.of("misawa-range", budgetHalfHours),
                (facility, month) -> month.equals(YearMonth.of(2026, 11)) ? spentBefore : 0);
        return new Problem(H, List.of(new Problem.Facility("misawa-range", TOKYO, new boolean[H.grains()])), requests, noise);
    }

    /** A request of {@code halfHours} at the range, any start on 30 November between 09:00 and 14:00 Tokyo. */
    static Problem.Request request(String id, int halfHours, boolean noisy, int priority) {
        return new Problem.Request(id, "USA", TOKYO, new int[]{0}, halfHours, 0, 10, 0, priority, noisy);
    }

    static Plan solve(Problem p) {
        Options o = Options.of(p);
        return PlanSolver.solve(p, o, Greedy.priorityFirst(p, o), Duration.ofMillis(500), PlanSolver.DEFAULT_LATE_ACCEPTANCE).plan();
    }

    @Test
    void noisyBookingsStayWithinTheMonthsBudgetAndQuietOnesAreNotCounted() {
        // 4 noisy half-hours left in November: two noisy requests of 2 fit, the third does not; a quiet one still does
        List<Problem.Request> rs = new ArrayList<>(List.of(request("BR-1", 2, true, 5), request("BR-2", 2, true, 4), request("BR-3", 2, true, 3),
                request("BR-4", 2, false, 1)));
        Problem p = problem(10, 6, rs);
        Plan plan = solve(p);
        assertThat(Validator.violations(p, plan)).isEmpty();
        assertThat(plan.booked(0)).isTrue();
        assertThat(plan.booked(1)).isTrue();
        assertThat(plan.booked(2)).as("the third noisy request would exceed the budget").isFalse();
        assertThat(plan.booked(3)).as("quiet activity spends nothing").isTrue();
        // without the budget the same requests are all booked: the budget, not the time, refused the third
        Problem unbudgeted = new Problem(H, p.facilities(), rs);
        Plan free = solve(unbudgeted);
        assertThat(free.booked(2)).isTrue();
        assertThat(Validator.violations(p, free)).anyMatch(v -> v.contains("noise budget"));
    }

    @Test
    void theGreedyCalendarKeepsTheBudgetToo() {
        Problem p = problem(4, 0, List.of(request("BR-1", 2, true, 5), request("BR-2", 2, true, 4), request("BR-3", 2, true, 3)));
        Plan plan = Greedy.priorityFirst(p, Options.of(p));
        assertThat(Validator.violations(p, plan)).isEmpty();
        assertThat(plan.booked(2)).isFalse();
    }

    @Test
    void aBookingAcrossTheTurnOfTheMonthSpendsFromBothMonths() {
        Problem p = problem(100, 0, List.of());
        // 30 November 23:00 Tokyo is grain 28 (14:00 UTC); four half-hours to 1 December 01:00 Tokyo
        int start = H.grainOf(Instant.parse("2026-11-30T14:00:00Z"));
        List<NoiseBudgets.NoiseShare> shares = p.noise().shares(0, start, start + 4);
        assertThat(shares).hasSize(2);
        assertThat(shares.get(0).grains()).isEqualTo(2);
        assertThat(shares.get(1).grains()).isEqualTo(2);
        assertThat(shares.get(0).key()).isNotEqualTo(shares.get(1).key());
        assertThat(shares.get(0).left()).isEqualTo(100);
    }
}
