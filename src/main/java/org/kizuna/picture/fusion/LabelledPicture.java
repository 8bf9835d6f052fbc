package org.kizuna.picture.fusion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The label-aware picture: one engine per audience, each fed only the contributions it may read, so a
 * contribution an audience may not read cannot change anything that audience observes (by
 * construction, not by filtering afterwards). Readability is decided once per audience and label key
 * (the caller's predicate asks the label module) and cached. Recent reports are retained so that an
 * audience that arrives later starts from the same recent past.
 */
public final class LabelledPicture {

    private final FusionConfig config;
    private final double replaySeconds;
    private final List<Audience> audiences = new ArrayList<>();

    // retained reports, oldest first, from index retainedFrom on
    private final Reports retained = new Reports();
    private int retainedFrom;
    private double now = Double.NEGATIVE_INFINITY;

    private static final class Audience {
        final IntPredicate mayRead;
        FusionEngine engine;
        final BitSet known = new BitSet(), allowed = new BitSet();

        Audience(IntPredicate mayRead) {
            this.mayRead = mayRead;
        }

        boolean reads(int key) {
            if (key < 0) return false;
            if (!known.get(key)) {
                known.set(key);
                if (mayRead.test(key)) allowed.set(key);
            }
            return allowed.get(key);
        }
    }

    public LabelledPicture(FusionConfig config, Duration replayWindow) {
        this.config = config;
        this.replaySeconds = replayWindow.toMillis() / 1000.0;
    }

    /** Adds an audience; it is given the retained reports it may read. Returns its index. */
    public int addAudience(IntPredicate mayReadLabelKey) {
        Audience a = new Audience(mayReadLabelKey);
        startFromRetained(a);
        audiences.add(a);
        return audiences.size() - 1;
    }

    /**
     * Forgets every cached read decision and starts each audience again from the retained reports it may
     * read now: for when decisions change (a coalition's membership on a new day), so that no audience
     * keeps an estimate built from reports it may no longer read. Partner tracks come back with their
     * next report.
     */
    public void redecide() {
        for (Audience a : audiences) {
            a.known.clear();
            a.allowed.clear();
            startFromRetained(a);
        }
    }

    private void startFromRetained(Audience a) {
        a.engine = new FusionEngine(config);
        Reports r = retained;
        for (int i = retainedFrom; i < r.size; i++) {
            if (a.reads(r.label[i])) a.engine.report(r.t[i], r.sensor[i], r.x[i], r.y[i], r.sigma[i], r.label[i]);
        }
        if (now > Double.NEGATIVE_INFINITY) a.engine.advance(now);
    }

    /**
     * Gives an audience's place to a new audience (the old one is gone): it starts from the retained
     * reports it may read, with no decision of the old one kept.
     */
    public void replaceAudience(int audience, IntPredicate mayReadLabelKey) {
        Audience a = new Audience(mayReadLabelKey);
        startFromRetained(a);
        audiences.set(audience, a);
    }

    /** Adds every label key still held (retained reports, every audience's engine) to {@code out}. */
    public void labelKeysInUse(BitSet out) {
        for (int i = retainedFrom; i < retained.size; i++) if (retained.label[i] >= 0) out.set(retained.label[i]);
        for (Audience a : audiences) a.engine.labelKeysInUse(out);
    }

    /** Forgets the cached read decisions of these label keys: they are no longer in use and will name other labels. */
    public void forget(BitSet keys) {
        for (Audience a : audiences) {
            a.known.andNot(keys);
            a.allowed.andNot(keys);
        }
    }

    public void report(double t, int sensor, double x, double y, double sigma, int labelKey) {
        for (Audience a : audiences) {
            if (a.reads(labelKey)) a.engine.report(t, sensor, x, y, sigma, labelKey);
        }
        if (retained.full() && retainedFrom >= retained.size / 2) { // compact when at least half is expired, else grow
            retained.dropFirst(retainedFrom);
            retainedFrom = 0;
        }
        retained.add(t, sensor, x, y, sigma, labelKey);
    }

    public void advance(double t) {
        now = Math.max(now, t);
        for (Audience a : audiences) a.engine.advance(t);
        while (retainedFrom < retained.size && retained.t[retainedFrom] < now - replaySeconds) retainedFrom++;
    }

    public void view(int audience, TrackSink sink) {
        audiences.get(audience).engine.view(sink);
    }

    public int audiences() {
        return audiences.size();
    }
}
