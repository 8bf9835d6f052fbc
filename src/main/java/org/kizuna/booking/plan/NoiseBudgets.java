package org.kizuna.booking.plan;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntBiFunction;

/**
 * How much noise a facility's neighbours accept: per facility and local month, the noisy grains left in its budget
 * (all lanes of a facility spend from one budget). {@code keyOfGrain[f]} gives, for facility (lane) {@code f}, the
 * budget each grain spends from, or is null where the facility has no budget; {@code left[key]} is what that budget
 * still holds for the plan (the budget less what bookings outside the plan already spent).
 */
public record NoiseBudgets(int[] @org.jspecify.annotations.Nullable [] keyOfGrain, int[] left) {

    /** No facility has a noise budget. */
    public static NoiseBudgets none() {
        return new NoiseBudgets(new int[0][], new int[0]);
    }

    /**
     * The budgets of a plan: for each facility lane, the facility it belongs to and that facility's zone (months are
     * local to the facility); {@code halfHoursPerMonth} the budget of each facility that has one, in half-hours (grains of
     * 30 minutes; the horizon's grains must be of that size); {@code spentOutside} what bookings that are not part of
     * the plan already spent from a facility's budget for a month.
     */
    public static NoiseBudgets of(Horizon h, List<String> facilityOf, List<ZoneId> zoneOf, Map<String, Integer> halfHoursPerMonth,
            ToIntBiFunction<String, YearMonth> spentOutside) {
        if (h.grainMinutes() != 30)
            throw new IllegalArgumentException("noise budgets count half-hours; the horizon's grains are " + h.grainMinutes() + " minutes");
        int[][] keys = new int[facilityOf.size()][];
        Map<String, Integer> index = new HashMap<>();
        List<Integer> left = new ArrayList<>();
        for (int f = 0; f < facilityOf.size(); f++) {
            String facility = facilityOf.get(f);
            Integer budget = halfHoursPerMonth.get(facility);
            if (budget == null) continue;
            int[] k = new int[h.grains()];
            for (int g = 0; g < k.length; g++) {
                YearMonth month = YearMonth.from(h.instantOf(g).atZone(zoneOf.get(f)));
                k[g] = index.computeIfAbsent(facility + "/" + month, x -> {
                    left.add(Math.max(0, budget - spentOutside.applyAsInt(facility, month)));
                    return left.size() - 1;
                });
            }
            keys[f] = k;
        }
        return new NoiseBudgets(keys, left.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Whether noisy activity at facility (lane) {@code f} spends from a budget. */
    public boolean applies(int f) {
        return f < keyOfGrain.length && keyOfGrain[f] != null;
    }

    /** A fresh count of what a plan spends, one entry per budget. */
    public int[] spentNone() {
        return new int[left.length];
    }

    /** Adds {@code sign} times the noisy grains [s, e) at facility {@code f} to {@code spent}. */
    public void spend(int f, int s, int e, int[] spent, int sign) {
        int[] keys = f < keyOfGrain.length ? keyOfGrain[f] : null;
        if (keys == null) return;
        for (int g = Math.max(0, s); g < Math.min(e, keys.length); g++) {
            if (keys[g] >= 0) spent[keys[g]] += sign;
        }
    }

    /** Whether noisy activity at facility {@code f} in grains [s, e) still fits every budget it spends from, given {@code spent}. */
    public boolean fits(int f, int s, int e, int[] spent) {
        if (!applies(f)) return true;
        spend(f, s, e, spent, 1);
        boolean fits = true;
        for (int k = 0; k < left.length && fits; k++) fits = spent[k] <= left[k];
        spend(f, s, e, spent, -1);
        return fits;
    }

    /** What noisy activity at facility {@code f} in grains [s, e) spends, budget by budget (empty where none applies). */
    public List<NoiseShare> shares(int f, int s, int e) {
        int[] keys = f < keyOfGrain.length ? keyOfGrain[f] : null;
        List<NoiseShare> out = new ArrayList<>(2);
        if (keys == null) return out;
        int key = -1, grains = 0;
        for (int g = Math.max(0, s); g < Math.min(e, keys.length); g++) {
            if (keys[g] != key) {
                if (key >= 0 && grains > 0) out.add(new NoiseShare(key, grains, left[key]));
                key = keys[g];
                grains = 0;
            }
            grains++;
        }
        if (key >= 0 && grains > 0) out.add(new NoiseShare(key, grains, left[key]));
        return out;
    }

    /**
     * What one booking spends from one budget.
     *
     * @param key    the budget (a facility and a local month)
     * @param grains the noisy grains it spends there
     * @param left   what the budget holds for the whole plan
     */
    public record NoiseShare(int key, int grains, int left) {
    }
}
