package org.kizuna.booking.plan;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import java.util.Objects;

/**
 * The rules that depend on other bookings. The rest (windows, closures, quiet hours, joint-use periods,
 * access agreements) are already out of every slot's choices. Hard: one booking per facility at a time.
 * Hard too: a facility's noisy activity within its monthly noise budget. Medium: an unbooked request costs its priority. Soft: the choice's own cost.
 */
public class BookingConstraints implements ConstraintProvider {

    public static final String DOUBLE_BOOKED = "facility double-booked";
    public static final String UNBOOKED = "request not booked";
    public static final String SOFT = "away from preferred start or outside duty hours";
    public static final String NOISE_BUDGET = "facility's monthly noise budget exceeded";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[]{
                f.forEachUniquePair(Slot.class, Joiners.equal(Slot::facility), Joiners.overlapping(Slot::start, Slot::end))
                        .penalize(HardMediumSoftScore.ONE_HARD, (a, b) -> Math.min(a.end(), b.end()) - Math.max(a.start(), b.start()))
                        .asConstraint(DOUBLE_BOOKED),
                f.forEach(Slot.class).flattenLast(Slot::noise)
                        .groupBy(NoiseBudgets.NoiseShare::key, NoiseBudgets.NoiseShare::left, ConstraintCollectors.sum(NoiseBudgets.NoiseShare::grains))
                        .filter((key, left, spent) -> spent > left)
                        .penalize(HardMediumSoftScore.ONE_HARD, (key, left, spent) -> spent - left)
                        .asConstraint(NOISE_BUDGET),
                f.forEachIncludingUnassigned(Slot.class).filter(s -> s.getChoice() == null)
                        .penalize(HardMediumSoftScore.ONE_MEDIUM, Slot::priority)
                        .asConstraint(UNBOOKED),
                f.forEach(Slot.class)
                        .penalize(HardMediumSoftScore.ONE_SOFT, s -> Objects.requireNonNull(s.getChoice(), "forEach passes assigned slots only").soft())
                        .asConstraint(SOFT)
        };
    }
}
