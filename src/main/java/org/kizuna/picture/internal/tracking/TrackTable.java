package org.kizuna.picture.internal.tracking;

import java.util.Arrays;

/**
 * The tracks of one engine as a table of columns: a track is a slot (a row index), the same for the
 * whole life of the track; a deleted track's slot is reused by the next new track. Every column is a
 * primitive array indexed by slot ({@code tracks.stateTime.at[i]}), so the hot loops read arrays, not
 * objects.
 *
 * <p>The live tracks are listed in the order they started ({@link #slot}); that order is the order in
 * which the engine gates, assigns, merges and shows tracks, so it is part of the result: deleting
 * tracks compacts the list and keeps the order of the others (a swap-remove would reorder it).
 */
final class TrackTable {

    private final Columns columns = new Columns();

    /**
     * The track's estimate, one axis of the plane each, what the engine gates, assigns, merges and shows: a
     * tentative track's own constant-velocity filter, a confirmed track's combination of its motion models.
     */
    final Axis x = new Axis(columns), y = new Axis(columns);
    /**
     * The variance of the predicted position on each axis that gating uses: the largest of the motion
     * models' (each with its distance from the combination), so that a report a manoeuvring target can
     * have made is within the gate even while the models still weigh straight flight most.
     */
    final Columns.Column<double[]> gateVarX = columns.doubles(), gateVarY = columns.doubles();
    /** The motion models behind a confirmed track's estimate. */
    final ManoeuvreFilter motion;
    /** The time the filter state holds at. */
    final Columns.Column<double[]> stateTime = columns.doubles();
    /** The latest time of a report the track took. */
    final Columns.Column<double[]> lastReportTime = columns.doubles();
    /** The report the track started from (its seed): time and position, where its history begins. */
    final Columns.Column<double[]> startTime = columns.doubles(), startX = columns.doubles(), startY = columns.doubles();
    /**
     * The latest report from a reference (a surveyed sensor, a unit's own position) the track took: its
     * time (-inf when none), position and variance. Another sensor's report on the track is measured
     * against it, not against the track, which that sensor's own reports have pulled.
     */
    final Columns.Column<double[]> lastReferenceTime = columns.doubles(), referenceX = columns.doubles(), referenceY = columns.doubles(),
            referenceVar = columns.doubles();
    /** Reports taken, the two that started the track included. */
    final Columns.Column<int[]> hits = columns.ints();
    final Columns.Column<boolean[]> confirmed = columns.flags();
    final Columns.Column<long[]> id = columns.longs();
    /** The label keys and the sensors of the reports the track took. */
    final KeySets labels = new KeySets(columns), sensors = new KeySets(columns);
    /**
     * The identities of the latest {@link #RECENT} reports the track took (a ring; {@code recentCount} counts every
     * report taken): what names one physical track across audiences, whose engines take the same reports.
     */
    final Columns.Column<long[]> recent = columns.longBlocks(RECENT);
    final Columns.Column<int[]> recentCount = columns.ints();
    static final int RECENT = 16;
    /**
     * The identities of the first {@link #FIRST} reports the track took: a young track formed from reports read again
     * (a fusion worker that takes over a stopped one's regions, docs/scaling.md) is named by its first reports as well as
     * its latest, which came after the other worker last published.
     */
    final Columns.Column<long[]> first = columns.longBlocks(FIRST);
    static final int FIRST = 8;

    /**
     * Whether a confirmed track has been seen to manoeuvre (its straight flight is then expected to end within a minute or
     * so, rather than only when the reports say so), and since when it has flown straight again (NaN: it does not).
     */
    final Columns.Column<boolean[]> manoeuvred = columns.flags();
    final Columns.Column<double[]> calmSince = columns.doubles();
    /** Straight flight's mean stay (s) for a track not seen to manoeuvre: it ends only on the reports' evidence. */
    static final double CALM_SOJOURN = 12_000;
    /** A track is seen to manoeuvre when straight flight's probability falls below this... */
    static final double MANOEUVRE_MU = 0.5;
    /** ...and is calm again after straight flight has had at least this probability for {@link #CALM_AGAIN} seconds. */
    static final double CALM_MU = 0.9, CALM_AGAIN = 60;
    private final double straightNoise;

    private int rows;
    private int[] live = new int[0];
    private int liveCount;
    private int[] free = new int[0];
    private int freeCount;
    private int deletedSinceCompact;

    /** @param straightNoise the acceleration noise of a target in straight flight (m^2/s^3) */
    TrackTable(double straightNoise) {
        motion = new ManoeuvreFilter(columns, straightNoise);
        this.straightNoise = straightNoise;
    }

    /** Live tracks. */
    int size() {
        return liveCount;
    }

    /** The slot of the {@code k}-th live track; -1 when it was {@link #delete deleted} and the list not {@link #compact compacted} since. */
    int slot(int k) {
        return live[k];
    }

    /** A slot for a new, tentative track, listed last among the live ones; its other columns still hold the old track's values. */
    int add() {
        int i;
        if (freeCount > 0) {
            i = free[--freeCount];
        } else {
            if (rows == columns.capacity()) columns.grow();
            i = rows++;
        }
        if (liveCount == live.length) live = Arrays.copyOf(live, Columns.grownCapacity(liveCount));
        live[liveCount++] = i;
        confirmed.at[i] = false;
        return i;
    }

    /** Deletes the {@code k}-th live track: its slot is free, its place in the list empty until {@link #compact}. */
    void delete(int k) {
        if (freeCount == free.length) free = Arrays.copyOf(free, Columns.grownCapacity(freeCount));
        free[freeCount++] = live[k];
        live[k] = -1;
        deletedSinceCompact++;
    }

    /** Closes the places of deleted tracks in the list, keeping the order of the others. */
    void compact() {
        if (deletedSinceCompact == 0) return;
        deletedSinceCompact = 0;
        int kept = 0;
        for (int k = 0; k < liveCount; k++) if (live[k] >= 0) live[kept++] = live[k];
        liveCount = kept;
    }

    /** Notes that track {@code i} took the report of identity {@code report} (nothing for a report without one). */
    void took(int i, long report) {
        if (report < 0) return;
        if (recentCount.at[i] < FIRST) first.at[i * FIRST + recentCount.at[i]] = report;
        recent.at[i * RECENT + recentCount.at[i] % RECENT] = report;
        recentCount.at[i]++;
    }

    /**
     * Predicts track {@code i} to time {@code t} (nothing when its state is that recent already): a tentative track by straight
     * flight alone, a confirmed one by its motion models.
     */
    void predict(int i, double t) {
        double dt = t - stateTime.at[i];
        if (dt <= 0) return;
        if (confirmed.at[i]) {
            motion.predict(i, dt, manoeuvred.at[i] ? ManoeuvreFilter.STRAIGHT_SOJOURN : CALM_SOJOURN, x, y);
            gateVarX.at[i] = motion.widestX(i, x.pos.at[i]);
            gateVarY.at[i] = motion.widestY(i, y.pos.at[i]);
        } else {
            x.predict(i, dt, straightNoise);
            y.predict(i, dt, straightNoise);
            gateVarX.at[i] = x.posVar.at[i];
            gateVarY.at[i] = y.posVar.at[i];
        }
        stateTime.at[i] = t;
    }

    /** Updates track {@code i} with a position measured at {@code t} (its state's time) of variances {@code rx, ry} on each axis. */
    void update(int i, double t, double zx, double zy, double rx, double ry) {
        if (!confirmed.at[i]) {
            x.update(i, zx, rx);
            y.update(i, zy, ry);
            return;
        }
        motion.update(i, zx, zy, rx, ry, x, y);
        double straight = motion.straightProbability(i);
        if (straight < MANOEUVRE_MU) manoeuvred.at[i] = true;
        if (straight < CALM_MU) {
            calmSince.at[i] = Double.NaN;
        } else if (Double.isNaN(calmSince.at[i])) {
            calmSince.at[i] = t;
        } else if (t - calmSince.at[i] >= CALM_AGAIN) {
            manoeuvred.at[i] = false;
        }
    }

    /**
     * Confirms track {@code i}: a tentative track, most often a pair of clutter reports, runs straight flight alone; once
     * confirmed, its motion models start from that estimate.
     */
    void confirm(int i) {
        confirmed.at[i] = true;
        motion.start(i, x, y);
        manoeuvred.at[i] = false;
        calmSince.at[i] = Double.NaN;
        gateVarX.at[i] = motion.widestX(i, x.pos.at[i]);
        gateVarY.at[i] = motion.widestY(i, y.pos.at[i]);
    }

    /** Starts track {@code i} (tentative) from the estimate its axes hold. */
    void startMotion(int i) {
        gateVarX.at[i] = x.posVar.at[i];
        gateVarY.at[i] = y.posVar.at[i];
    }

    /**
     * One axis of every track's estimate: a tentative track's constant-velocity filter, filtered apart per axis (a
     * report's accuracy is the same in x and y, and the motion model does not couple them), or the per-axis marginal of
     * a confirmed track's combined estimate. On each axis the state is position and velocity, and the covariance the
     * 2x2 [[posVar, cov], [cov, velVar]].
     */
    static final class Axis {

        final Columns.Column<double[]> pos, vel, posVar, cov, velVar;

        Axis(Columns table) {
            pos = table.doubles();
            vel = table.doubles();
            posVar = table.doubles();
            cov = table.doubles();
            velVar = table.doubles();
        }

        /** Row {@code i} predicted {@code dt} ahead: the position moves on at the velocity, the covariance grows by the process noise {@code q}. */
        void predict(int i, double dt, double q) {
            pos.at[i] += vel.at[i] * dt;
            double p = positionVariance(posVar.at[i], cov.at[i], velVar.at[i], dt, q);
            double c = cov.at[i] + dt * velVar.at[i] + q * dt * dt / 2;
            velVar.at[i] += q * dt;
            posVar.at[i] = p;
            cov.at[i] = c;
        }

        /** The Kalman update of row {@code i} with a measured position {@code z} of variance {@code r2}. */
        void update(int i, double z, double r2) {
            double s = posVar.at[i] + r2, innovation = z - pos.at[i];
            double posGain = posVar.at[i] / s, velGain = cov.at[i] / s;
            pos.at[i] += posGain * innovation;
            vel.at[i] += velGain * innovation;
            velVar.at[i] -= cov.at[i] * cov.at[i] / s;
            cov.at[i] = cov.at[i] * r2 / s;
            posVar.at[i] = posVar.at[i] * r2 / s;
        }

        void set(int i, double position, double velocity, double positionVar, double covariance, double velocityVar) {
            pos.at[i] = position;
            vel.at[i] = velocity;
            posVar.at[i] = positionVar;
            cov.at[i] = covariance;
            velVar.at[i] = velocityVar;
        }

        /** The position of row {@code i} predicted {@code dt} ahead. */
        double positionAt(int i, double dt) {
            return pos.at[i] + vel.at[i] * dt;
        }

        /** The position variance of row {@code i} predicted {@code dt} ahead under process noise {@code q}. */
        double positionVarianceAt(int i, double dt, double q) {
            return positionVariance(posVar.at[i], cov.at[i], velVar.at[i], dt, q);
        }

        // the covariance [[p00, p01], [p01, p11]] of one axis predicted dt ahead under white acceleration of intensity q

        private static double positionVariance(double p00, double p01, double p11, double dt, double q) {
            return p00 + 2 * dt * p01 + dt * dt * p11 + q * dt * dt * dt / 3;
        }

    }

    /** A small set of int keys per row (label keys, sensors), in the order they were first added. */
    static final class KeySets {

        private final Columns.Column<int[][]> keys;
        private final Columns.Column<int[]> counts;

        KeySets(Columns table) {
            keys = table.intArrays();
            counts = table.ints();
        }

        /** The keys of row {@code i}: the first {@link #count} entries. */
        int[] of(int i) {
            return keys.at[i];
        }

        int count(int i) {
            return counts.at[i];
        }

        void clear(int i) {
            counts.at[i] = 0;
        }

        /** Adds {@code key} to row {@code i} unless it holds it already. */
        void add(int i, int key) {
            int[] k = keys.at[i];
            for (int j = 0; j < counts.at[i]; j++) if (k[j] == key) return;
            if (counts.at[i] == k.length) keys.at[i] = k = Arrays.copyOf(k, k.length * 2);
            k[counts.at[i]++] = key;
        }
    }
}
