package org.kizuna.picture.internal.distribution;

import java.time.Duration;
import java.util.BitSet;
import java.util.function.IntPredicate;

import org.kizuna.picture.internal.tracking.FusionConfig;
import org.kizuna.picture.internal.tracking.LabelledPicture;
import org.springframework.stereotype.Component;

/** The picture's multi-sensor tracker: the fusion engine's label-aware picture, driven by the picture thread. */
@Component
class FusedPicture implements FusedLayer {

    // the demo and partner sensors revisit every 2 to 10 s
    private final LabelledPicture picture = new LabelledPicture(FusionConfig.forRevisit(10), Duration.ofSeconds(60));

    @Override
    public int addAudience(IntPredicate mayReadLabelKey) {
        return picture.addAudience(mayReadLabelKey);
    }

    @Override
    public void replaceAudience(int audience, IntPredicate mayReadLabelKey) {
        picture.replaceAudience(audience, mayReadLabelKey);
    }

    @Override
    public boolean labelKeysInUse(BitSet out) {
        picture.labelKeysInUse(out);
        return true;
    }

    @Override
    public void forget(BitSet keys) {
        picture.forget(keys);
    }

    @Override
    public void report(double t, int sensor, double x, double y, double sigma, int labelKey) {
        picture.report(t, sensor, x, y, sigma, labelKey);
    }

    @Override
    public void advance(double now) {
        picture.advance(now);
    }

    @Override
    public void redecide() {
        picture.redecide();
    }

    @Override
    public void view(int audience, Sink sink) {
        picture.view(audience, sink::track);
    }
}
