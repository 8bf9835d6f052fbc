package org.kizuna.booking.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.impl.solver.DefaultSolver;

/**
 * Plans bookings with Timefold Solver: starts from a priority-first calendar and improves it by local
 * search (change, swap and ruin-and-recreate moves, so a request can take a slot by moving others).
 * Pinned slots (confirmed bookings) never move.
 */
public final class PlanSolver {

    private PlanSolver() {
    }

    public record Result(Plan plan, long movesPerSecond) {
    }

    public static Result solve(Problem p, Options o, Plan start, Duration limit) {
        return solve(p, o, start, limit, new boolean[p.requests().size()]);
    }

    public static Result solve(Problem p, Options o, Plan start, Duration limit, boolean[] pinned) {
        List<Slot> slots = slots(p, o, start, pinned);
        Solver<Schedule> solver = solverFactory(limit).buildSolver();
        long t0 = System.nanoTime();
        Schedule best = solver.solve(new Schedule(slots));
        double seconds = (System.nanoTime() - t0) / 1e9;
        long moves = solver instanceof DefaultSolver<Schedule> d ? d.getMoveEvaluationCount() : 0;
        return new Result(polish(p, o, plan(best, p.requests().size()), pinned), Math.round(moves / Math.max(1e-9, seconds)));
    }

    /**
     * Steepest descent on the soft cost with every other booking fixed: each unpinned booking moves to
     * its cheapest free choice, and each unbooked request takes a free choice if one is left. Never
     * breaks a hard rule and never unbooks anything, so it only lowers the score.
     */
    static Plan polish(Problem p, Options o, Plan plan, boolean[] pinned) {
        Plan out = plan.copy();
        boolean[][] busy = new boolean[p.facilities().size()][p.horizon().grains()];
        for (int r = 0; r < out.facility().length; r++) {
            if (out.booked(r)) Arrays.fill(busy[out.facility()[r]], out.start()[r], out.start()[r] + p.requests().get(r).duration(), true);
        }
        for (int pass = 0; pass < 4; pass++) {
            boolean changed = false;
            for (int r = 0; r < out.facility().length; r++) {
                if (pinned[r]) continue;
                int d = p.requests().get(r).duration();
                int currentCost = Integer.MAX_VALUE;
                if (out.booked(r)) {
                    Arrays.fill(busy[out.facility()[r]], out.start()[r], out.start()[r] + d, false);
                    for (int k = 0; k < o.count(r); k++) {
                        if (o.facility(r, k) == out.facility()[r] && o.start(r, k) == out.start()[r]) currentCost = o.soft(r, k);
                    }
                }
                int best = -1, bestCost = currentCost;
                for (int k = 0; k < o.count(r); k++) {
                    if (o.soft(r, k) < bestCost && Greedy.free(busy[o.facility(r, k)], o.start(r, k), o.start(r, k) + d)) {
                        best = k;
                        bestCost = o.soft(r, k);
                    }
                }
                if (best >= 0) {
                    out.facility()[r] = o.facility(r, best);
                    out.start()[r] = o.start(r, best);
                    changed = true;
                }
                if (out.booked(r)) Arrays.fill(busy[out.facility()[r]], out.start()[r], out.start()[r] + d, true);
            }
            if (!changed) break;
        }
        return out;
    }

    static SolverFactory<Schedule> solverFactory(Duration limit) {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(Schedule.class)
                .withEntityClasses(Slot.class)
                .withConstraintProviderClass(BookingConstraints.class)
                .withEnvironmentMode(EnvironmentMode.NON_REPRODUCIBLE)
                .withPhases(new LocalSearchPhaseConfig()
                        .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(Integer.getInteger("kizuna.booking.late-acceptance", 50)))
                        .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1))
                        .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectors(new ChangeMoveSelectorConfig())))
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limit));
        return SolverFactory.create(config);
    }

    static List<Slot> slots(Problem p, Options o, Plan start, boolean[] pinned) {
        List<Slot> slots = new ArrayList<>(p.requests().size());
        for (int r = 0; r < p.requests().size(); r++) {
            Problem.Request q = p.requests().get(r);
            List<Choice> options = new ArrayList<>(o.count(r));
            Choice current = null;
            for (int k = 0; k < o.count(r); k++) {
                Choice c = new Choice(o.facility(r, k), o.start(r, k), o.start(r, k) + q.duration(), o.soft(r, k));
                options.add(c);
                if (start.facility()[r] == c.facility() && start.start()[r] == c.start()) current = c;
            }
            slots.add(new Slot(r, q.priority(), options, current, pinned[r]));
        }
        return slots;
    }

    static Plan plan(Schedule s, int requests) {
        Plan plan = Plan.empty(requests);
        for (Slot slot : s.getSlots()) {
            if (slot.getChoice() != null) {
                plan.facility()[slot.getRequest()] = slot.getChoice().facility();
                plan.start()[slot.getRequest()] = slot.getChoice().start();
            }
        }
        return plan;
    }

    /** What adding one urgent request to a solved plan did. */
    public record Change(double seconds, boolean booked, int moved, double movedShare, int violations) {
    }

    /**
     * Adds a priority-5 request (the shape of an existing one, as an urgent repeat) and re-plans with
     * every booking pinned except those that stand in its way, so the rest of the calendar stays as it
     * was promised.
     */
    public static Change addUrgentRequest(Problem p, Options o, Plan solved) {
        Problem.Request like = p.requests().get(p.requests().size() / 2);
        Problem.Request urgent = new Problem.Request("URGENT", like.nation(), like.requesterZone(), like.facilities(), like.duration(),
                like.earliest(), like.latest(), like.preferred(), 5, like.noisy());
        List<Problem.Request> requests = new ArrayList<>(p.requests());
        requests.add(urgent);
        Problem bigger = new Problem(p.horizon(), p.facilities(), requests);
        long t0 = System.nanoTime();
        Options o2 = Options.of(bigger);
        int n = requests.size();
        Plan start = Plan.empty(n);
        System.arraycopy(solved.facility(), 0, start.facility(), 0, n - 1);
        System.arraycopy(solved.start(), 0, start.start(), 0, n - 1);
        boolean[] pinned = new boolean[n];
        int window0 = urgent.earliest(), window1 = urgent.latest() + urgent.duration();
        for (int r = 0; r < n - 1; r++) {
            boolean inTheWay = false;
            if (start.booked(r)) {
                for (int f : urgent.facilities()) {
                    if (start.facility()[r] == f && start.start()[r] < window1 && start.start()[r] + p.requests().get(r).duration() > window0) inTheWay = true;
                }
            }
            pinned[r] = !inTheWay;
        }
        Plan after = solve(bigger, o2, start, Duration.ofMillis(1200), pinned).plan();
        double seconds = (System.nanoTime() - t0) / 1e9;
        int moved = 0, booked = 0;
        for (int r = 0; r < n - 1; r++) {
            if (!solved.booked(r)) continue;
            booked++;
            if (after.facility()[r] != solved.facility()[r] || after.start()[r] != solved.start()[r]) moved++;
        }
        return new Change(Math.round(seconds * 1000) / 1000.0, after.booked(n - 1), moved, booked == 0 ? 0 : (double) moved / booked,
                Validator.violations(bigger, after).size());
    }

    static int[] copy(int[] a) {
        return Arrays.copyOf(a, a.length);
    }
}
