package org.kizuna.booking.plan;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Calendars built one request at a time: first come first served, and priority first. */
public final class Greedy {

    private Greedy() {
    }

    /** Requests in arrival (id) order, each at the free feasible start nearest its preference. */
    public static Plan firstComeFirstServed(Problem p, Options o) {
        Integer[] order = IntStream.range(0, p.requests().size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(r -> idNumber(p.requests().get(r).id())));
        return fill(p, o, order, false);
    }

    /** Higher priority first, the least flexible first among equals, each at its cheapest free option. */
    public static Plan priorityFirst(Problem p, Options o) {
        return priorityFirst(p, o, Plan.empty(p.requests().size()), new boolean[p.requests().size()]);
    }

    /** Priority first around bookings that must stay (pinned ones keep their place in {@code fixed}). */
    public static Plan priorityFirst(Problem p, Options o, Plan fixed, boolean[] pinned) {
        Integer[] order = IntStream.range(0, p.requests().size()).filter(r -> !pinned[r]).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingInt(r -> -p.requests().get(r).priority())
                .thenComparingInt(o::count).thenComparingInt(r -> idNumber(p.requests().get(r).id())));
        Plan start = Plan.empty(p.requests().size());
        for (int r = 0; r < pinned.length; r++) {
            if (pinned[r] && fixed.booked(r)) {
                start.facility()[r] = fixed.facility()[r];
                start.start()[r] = fixed.start()[r];
            }
        }
        return fill(p, o, order, true, start);
    }

    private static Plan fill(Problem p, Options o, Integer[] order, boolean bySoftCost) {
        return fill(p, o, order, bySoftCost, Plan.empty(p.requests().size()));
    }

    private static Plan fill(Problem p, Options o, Integer[] order, boolean bySoftCost, Plan plan) {
        boolean[][] busy = new boolean[p.facilities().size()][p.horizon().grains()];
        int[] spent = p.noise().spentNone();
        for (int r = 0; r < plan.facility().length; r++) {
            if (plan.booked(r)) take(p, r, plan.facility()[r], plan.start()[r], busy, spent, true);
        }
        for (int r : order) {
            Problem.Request q = p.requests().get(r);
            int best = -1;
            long bestKey = Long.MAX_VALUE;
            for (int k = 0; k < o.count(r); k++) {
                int f = o.facility(r, k), s = o.start(r, k);
                if (!fits(p, r, f, s, busy, spent)) continue;
                long key = bySoftCost ? o.soft(r, k) : ((long) Math.abs(s - q.preferred()) << 20) + ((long) s << 5) + k % 32;
                if (key < bestKey) {
                    bestKey = key;
                    best = k;
                }
            }
            if (best >= 0) {
                int f = o.facility(r, best), s = o.start(r, best);
                take(p, r, f, s, busy, spent, true);
                plan.facility()[r] = f;
                plan.start()[r] = s;
            }
        }
        return plan;
    }

    /** Whether request r fits at facility f from grain s: the facility free, and a noisy request within the facility's noise budgets. */
    static boolean fits(Problem p, int r, int f, int s, boolean[][] busy, int[] spent) {
        int e = s + p.requests().get(r).duration();
        return free(busy[f], s, e) && (!p.requests().get(r).noisy() || p.noise().fits(f, s, e, spent));
    }

    /** Books (or with {@code take} false, frees) request r at facility f from grain s: the facility's grains and its noise budgets. */
    static void take(Problem p, int r, int f, int s, boolean[][] busy, int[] spent, boolean take) {
        Problem.Request q = p.requests().get(r);
        Arrays.fill(busy[f], s, s + q.duration(), take);
        if (q.noisy()) p.noise().spend(f, s, s + q.duration(), spent, take ? 1 : -1);
    }

    static boolean free(boolean[] busy, int from, int to) {
        for (int g = from; g < to; g++) if (busy[g]) return false;
        return true;
    }

    static int idNumber(String id) {
        int n = 0;
        boolean digits = false;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c >= '0' && c <= '9') {
                n = n * 10 + (c - '0');
                digits = true;
            }
        }
        return digits ? n : id.hashCode();
    }
}
