package org.kizuna.booking.plan;

import java.util.List;

/**
 * One feasible place and time for a request: facility, grains [start, end), its soft cost, and what it spends from
 * the facility's noise budgets (noisy activity only).
 */
public record Choice(int facility, int start, int end, int soft, List<NoiseBudgets.NoiseShare> noise) {

    public Choice {
        noise = List.copyOf(noise);
    }

    public Choice(int facility, int start, int end, int soft) {
        this(facility, start, end, soft, List.of());
    }
}
