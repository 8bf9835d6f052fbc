package org.kizuna.booking.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a plan against the hard rules with plain loops over instants and zones, independently of the
 * option tables and the solver's constraints: a facility of the request, start in its window, inside the
 * horizon, no overlap on a facility, no closed grain, no quiet-hour grain for noisy activity, noisy activity within
 * every facility's monthly noise budget.
 */
public final class Validator {

    private Validator() {
    }

    public static List<String> violations(Problem p, Plan plan) {
        List<String> out = new ArrayList<>();
        Horizon h = p.horizon();
        List<List<int[]>> byFacility = new ArrayList<>();
        for (int f = 0; f < p.facilities().size(); f++) byFacility.add(new ArrayList<>());
        for (int r = 0; r < plan.facility().length; r++) {
            if (!plan.booked(r)) continue;
            Problem.Request q = p.requests().get(r);
            int f = plan.facility()[r], s = plan.start()[r];
            boolean allowed = false;
            int fk = -1;
            for (int k = 0; k < q.facilities().length; k++) {
                if (q.facilities()[k] == f) {
                    allowed = true;
                    fk = k;
                }
            }
            if (!allowed) out.add(q.id() + ": facility " + p.facilities().get(f).id() + " is not one it accepts");
            if (s < q.earliest() || s > q.latest()) out.add(q.id() + ": starts outside its window");
            if (s < 0 || s + q.duration() > h.grains()) out.add(q.id() + ": outside the horizon");
            Problem.Facility fac = p.facilities().get(f);
            for (int g = Math.max(0, s); g < Math.min(h.grains(), s + q.duration()); g++) {
                if (fac.closed()[g]) {
                    out.add(q.id() + ": overlaps a closure of " + fac.id() + " at " + h.instantOf(g));
                    break;
                }
                if (fk >= 0 && q.closedToRequester(fk, g)) {
                    out.add(q.id() + ": " + fac.id() + " is not open to " + q.nation() + " at " + h.instantOf(g));
                    break;
                }
                if (q.noisy() && Horizon.quiet(h.instantOf(g).atZone(fac.zone()))) {
                    out.add(q.id() + ": noisy in quiet hours at " + fac.id() + " (" + h.instantOf(g).atZone(fac.zone()) + ")");
                    break;
                }
            }
            byFacility.get(f).add(new int[]{s, s + q.duration(), r});
        }
        int[] spent = p.noise().spentNone();
        for (int r = 0; r < plan.facility().length; r++) {
            if (plan.booked(r) && p.requests().get(r).noisy()) {
                p.noise().spend(plan.facility()[r], plan.start()[r], plan.start()[r] + p.requests().get(r).duration(), spent, 1);
            }
        }
        for (int k = 0; k < spent.length; k++) {
            if (spent[k] > p.noise().left()[k]) out.add("noise budget " + k + " exceeded: " + spent[k] + " noisy half-hours, " + p.noise().left()[k] + " left");
        }
        for (int f = 0; f < byFacility.size(); f++) {
            List<int[]> list = byFacility.get(f);
            list.sort(Comparator.comparingInt(a -> a[0]));
            for (int i = 1; i < list.size(); i++) {
                if (list.get(i)[0] < list.get(i - 1)[1]) {
                    out.add(p.requests().get(list.get(i)[2]).id() + " and " + p.requests().get(list.get(i - 1)[2]).id()
                            + " overlap on " + p.facilities().get(f).id());
                }
            }
        }
        return out;
    }
}
