package org.kizuna.booking.plan;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plans bookings with Timefold Solver: starts from a priority-first calendar and improves it by local
 * search (change, swap and ruin-and-recreate moves, so a request can take a slot by moving others).
 * Pinned slots (confirmed bookings) never move.
 */
public final class PlanSolver {

    /** The late-acceptance size the benchmark uses unless told otherwise; also the node's default ({@code kizuna.booking.late-acceptance}). */
    public static final int DEFAULT_LATE_ACCEPTANCE = 50;

    private PlanSolver() {
    }

    public record Result(Plan plan, long movesPerSecond) {
    }

    /** As {@link #solve(Problem, Options, Plan, Duration, boolean[], int)} with nothing pinned. */
    public static Result solve(Problem p, Options o, Plan start, Duration limit, int lateAcceptance) {
        return solve(p, o, start, limit, new boolean[p.requests().size()], lateAcceptance);
    }

    /**
     * Improves {@code start} for {@code limit}; pinned requests keep their place.
     *
     * @param lateAcceptance the late-acceptance size of the local search (how many steps back a move's score is compared with), at
     *                       least 1
     */
    public static Result solve(Problem p, Options o, Plan start, Duration limit, boolean[] pinned, int lateAcceptance) {
        if (lateAcceptance < 1) throw new IllegalArgumentException("the late-acceptance size must be at least 1; got " + lateAcceptance);
        List<Slot> slots = slots(p, o, start, pinned);
        Solver<Schedule> solver = solverFactory(limit, lateAcceptance).buildSolver();
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
        NoiseBudgets noise = p.noise();
        int[] spent = noise.spentNone();
        for (int r = 0; r < out.facility().length; r++) {
            if (out.booked(r)) Greedy.take(p, r, out.facility()[r], out.start()[r], busy, spent, true);
        }
        for (int pass = 0; pass < 4; pass++) {
            boolean changed = false;
            for (int r = 0; r < out.facility().length; r++) {
                if (pinned[r]) continue;
                int currentCost = Integer.MAX_VALUE;
                if (out.booked(r)) {
                    Greedy.take(p, r, out.facility()[r], out.start()[r], busy, spent, false);
                    for (int k = 0; k < o.count(r); k++) {
                        if (o.facility(r, k) == out.facility()[r] && o.start(r, k) == out.start()[r]) currentCost = o.soft(r, k);
                    }
                }
                int best = -1, bestCost = currentCost;
                for (int k = 0; k < o.count(r); k++) {
                    if (o.soft(r, k) < bestCost && Greedy.fits(p, r, o.facility(r, k), o.start(r, k), busy, spent)) {
                        best = k;
                        bestCost = o.soft(r, k);
                    }
                }
                if (best >= 0) {
                    out.facility()[r] = o.facility(r, best);
                    out.start()[r] = o.start(r, best);
                    changed = true;
                }
                if (out.booked(r)) Greedy.take(p, r, out.facility()[r], out.start()[r], busy, spent, true);
            }
            if (!changed) break;
        }
        return out;
    }

    static SolverFactory<Schedule> solverFactory(Duration limit, int lateAcceptance) {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(Schedule.class)
                .withEntityClasses(Slot.class)
                .withConstraintProviderClass(BookingConstraints.class)
                .withEnvironmentMode(EnvironmentMode.NON_REPRODUCIBLE)
                .withPhases(new LocalSearchPhaseConfig()
                        .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(lateAcceptance))
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
                int f = o.facility(r, k), st = o.start(r, k);
                Choice c = new Choice(f, st, st + q.duration(), o.soft(r, k), q.noisy() ? p.noise().shares(f, st, st + q.duration()) : List.of());
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
     * Adds a priority-5 request (the shape of an existing one, as an urgent repeat) and repairs the plan
     * in real time: the request takes its cheapest free choice, or else the choice whose bookings in the
     * way weigh least (all of lower priority), and those bookings are put back at their cheapest free
     * choice where one is left. Nothing else moves, so the calendar stays as it was promised.
     */
    public static Change addUrgentRequest(Problem p, Options o, Plan solved) {
        Problem.Request like = p.requests().get(p.requests().size() / 2);
        Problem.Request urgent = new Problem.Request("URGENT", like.nation(), like.requesterZone(), like.facilities(), like.duration(),
                like.earliest(), like.latest(), like.preferred(), 5, like.noisy());
        long t0 = System.nanoTime();
        Options mine = Options.of(new Problem(p.horizon(), p.facilities(), List.of(urgent)));
        int n = p.requests().size();
        int[][] occupant = new int[p.facilities().size()][p.horizon().grains()];
        for (int[] row : occupant) Arrays.fill(row, -1);
        for (int r = 0; r < n; r++) {
            if (solved.booked(r)) Arrays.fill(occupant[solved.facility()[r]], solved.start()[r], solved.start()[r] + p.requests().get(r).duration(), r);
        }
        Plan after = solved.copy();
        int best = -1;
        long bestCost = Long.MAX_VALUE;
        List<Integer> bestEvicted = List.of();
        for (int k = 0; k < mine.count(0); k++) {
            int f = mine.facility(0, k), st = mine.start(0, k);
            java.util.LinkedHashSet<Integer> inTheWay = new java.util.LinkedHashSet<>();
            for (int g = st; g < st + urgent.duration(); g++) if (occupant[f][g] >= 0) inTheWay.add(occupant[f][g]);
            long weight = 0;
            boolean possible = true;
            for (int r : inTheWay) {
                if (p.requests().get(r).priority() >= urgent.priority()) possible = false;
                weight += p.requests().get(r).priority();
            }
            if (!possible) continue;
            long cost = weight * 1_000_000L + mine.soft(0, k);
            if (cost < bestCost) {
                bestCost = cost;
                best = k;
                bestEvicted = List.copyOf(inTheWay);
            }
        }
        boolean booked = best >= 0;
        int moved = 0;
        if (booked) {
            for (int r : bestEvicted) {
                Arrays.fill(occupant[after.facility()[r]], after.start()[r], after.start()[r] + p.requests().get(r).duration(), -1);
                after.facility()[r] = -1;
                after.start()[r] = -1;
            }
            int f = mine.facility(0, best), st = mine.start(0, best);
            Arrays.fill(occupant[f], st, st + urgent.duration(), n);
            for (int r : bestEvicted) {
                int d = p.requests().get(r).duration(), choice = -1, cost = Integer.MAX_VALUE;
                for (int k = 0; k < o.count(r); k++) {
                    int ff = o.facility(r, k), ss = o.start(r, k);
                    boolean free = true;
                    for (int g = ss; g < ss + d && free; g++) free = occupant[ff][g] < 0;
                    if (free && o.soft(r, k) < cost) {
                        cost = o.soft(r, k);
                        choice = k;
                    }
                }
                if (choice >= 0) {
                    after.facility()[r] = o.facility(r, choice);
                    after.start()[r] = o.start(r, choice);
                    Arrays.fill(occupant[after.facility()[r]], after.start()[r], after.start()[r] + d, r);
                }
                moved++;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int bookedBefore = 0;
        for (int r = 0; r < n; r++) if (solved.booked(r)) bookedBefore++;
        List<Problem.Request> requests = new ArrayList<>(p.requests());
        requests.add(urgent);
        Plan combined = Plan.empty(n + 1);
        System.arraycopy(after.facility(), 0, combined.facility(), 0, n);
        System.arraycopy(after.start(), 0, combined.start(), 0, n);
        if (booked) {
            combined.facility()[n] = mine.facility(0, best);
            combined.start()[n] = mine.start(0, best);
        }
        int violations = Validator.violations(new Problem(p.horizon(), p.facilities(), requests, p.noise()), combined).size();
        return new Change(Math.round(seconds * 1000) / 1000.0, booked, moved, bookedBefore == 0 ? 0 : (double) moved / bookedBefore, violations);
    }

    static int[] copy(int[] a) {
        return Arrays.copyOf(a, a.length);
    }
}
