package org.kizuna.picture.internal.tracking;

import java.util.Arrays;

/**
 * One engine's estimate of each sensor's registration bias: the constant offset (east, north) its
 * reports carry, estimated online from pairs of reports on one track: a report of the sensor, and a
 * report of a reference (a surveyed sensor, a unit's own position) a few seconds apart, carried to the same
 * time at the track's velocity. Per axis a scalar Kalman filter: the bias is a slow random walk; each pair
 * measures it, with both reports' variances and the carrying's as noise. Measuring against the reference's
 * report rather than against the track matters where references are sparse: a track the sensor's own
 * reports feed most sits off with them, and would hide the very offset it is measured for.
 *
 * <p>Where no reference was ever heard (an audience that may read no surveyed sensor), the first sensor
 * heard is the provisional yardstick: the others are registered to it, so that one target is still one
 * track, though the whole picture may sit off by that sensor's own bias.
 *
 * <p>A bias that jumps (a radar re-aligned, a ship's navigation reset) shows as innovations whose recent
 * mean moves away from zero: an exponentially weighted mean of the normalised innovations is tested
 * against its chi-square bound after every scan of the sensor ({@link #scanDone}), and a jump restarts
 * the estimate from the prior.
 */
final class Registration {

    /** Prior one-sigma of an unknown bias, per axis (m): offsets of up to 500 m, uniform, have about this spread. */
    static final double PRIOR_SIGMA = 300;
    /** Random-walk intensity of a bias (m^2/s): registration drifts slowly (a sudden change is a jump, tested apart). */
    private static final double DRIFT = 0.1;
    /** Weight of the newest innovation in the running mean the jump test watches (about 40 reports). */
    private static final double LAMBDA = 0.05;
    /** The jump test's bound: chi-square, 2 degrees of freedom, far in the tail (p about 1e-7). */
    private static final double JUMP_BOUND = 32;
    /** Reports, and seconds, a new or restarted estimate takes before the jump test runs (again). */
    private static final int SETTLE = 40;
    private static final double SETTLE_SECONDS = 20;
    /** The smallest shift (m) the jump test flags: smaller ones the estimate follows as it goes. */
    private static final double SMALLEST_JUMP = 50;
    /** Scans in a row the jump test must fail before a jump is flagged. */
    static final int STRIKES = 3;

    private SensorRole[] role = new SensorRole[0];
    private boolean[] heard = new boolean[0];
    private double[] bx = new double[0], by = new double[0], vx = new double[0], vy = new double[0], since = new double[0];
    private double[] meanX = new double[0], meanY = new double[0], offX = new double[0], offY = new double[0], jumpedAt = new double[0];
    private double[] armedAt = new double[0];
    private int[] strikes = new int[0];
    private long[] used = new long[0];
    private int[] settling = new int[0];
    private int sensors;
    /** The yardstick when no reference was heard: the first sensor heard; -1 before any. */
    private int provisional = -1;
    private boolean referenceHeard;

    /** Sets the role of {@code sensor}. */
    void role(int sensor, SensorRole r) {
        ensure(sensor);
        role[sensor] = r;
        if (r.reference()) {
            bx[sensor] = by[sensor] = vx[sensor] = vy[sensor] = 0;
            if (heard[sensor]) referenceHeard = true;
        }
    }

    /** The provisional yardstick while no reference has been heard; -1 when a reference has been, or nothing yet. */
    int provisionalYardstick() {
        return referenceHeard ? -1 : provisional;
    }

    /**
     * The provisional yardstick {@code yard} turns out to sit {@code (dx, dy)} off the reference (with variance {@code var}
     * per axis): its estimate becomes that, and every other estimate, made relative to it, moves by as much.
     */
    void tieFrame(int yard, double dx, double dy, double var) {
        for (int s = 0; s < sensors; s++) {
            if (role[s].reference() || !heard[s]) continue;
            if (s == yard) {
                bx[s] = dx;
                by[s] = dy;
                vx[s] = vy[s] = var;
            } else {
                bx[s] += dx;
                by[s] += dy;
                vx[s] += var;
                vy[s] += var;
            }
        }
    }

    /** Notes a report of {@code sensor} at {@code t}. */
    void heard(int sensor, double t) {
        ensure(sensor);
        if (!heard[sensor]) {
            heard[sensor] = true;
            since[sensor] = t;
            armedAt[sensor] = t + SETTLE_SECONDS;
            if (role[sensor].reference()) referenceHeard = true;
            else if (provisional < 0) provisional = sensor;
        }
    }

    /** Whether the sensor's reports are taken as they come (a reference, or the provisional yardstick). */
    boolean anchor(int sensor) {
        return sensor < sensors && (role[sensor].reference() || (!referenceHeard && sensor == provisional));
    }

    SensorRole roleOf(int sensor) {
        return sensor < sensors ? role[sensor] : SensorRole.ESTIMATED;
    }

    double biasX(int sensor) {
        return anchor(sensor) || sensor >= sensors ? 0 : bx[sensor];
    }

    double biasY(int sensor) {
        return anchor(sensor) || sensor >= sensors ? 0 : by[sensor];
    }

    /** Variance of the bias estimate on x at {@code t} (the random walk since the last update included). */
    double varianceX(int sensor, double t) {
        return anchor(sensor) || sensor >= sensors ? 0 : vx[sensor] + DRIFT * Math.max(0, t - since[sensor]);
    }

    double varianceY(int sensor, double t) {
        return anchor(sensor) || sensor >= sensors ? 0 : vy[sensor] + DRIFT * Math.max(0, t - since[sensor]);
    }

    /**
     * A report of {@code sensor} at {@code t}, at {@code zx, zy} as it came (uncorrected), on a track whose
     * predicted position is {@code px, py} with variances {@code pxx, pyy}; {@code r2} is the report's own
     * variance. Updates the bias estimate and runs the jump test.
     */
    void measure(int sensor, double t, double zx, double zy, double px, double py, double pxx, double pyy, double r2) {
        if (anchor(sensor)) return;
        double varX = varianceX(sensor, t), varY = varianceY(sensor, t);
        double ix = zx - px - bx[sensor], iy = zy - py - by[sensor];
        double sx = varX + pxx + r2, sy = varY + pyy + r2;
        // the jump test looks at the innovation before the estimate moves towards it
        meanX[sensor] += LAMBDA * (ix / Math.sqrt(sx) - meanX[sensor]);
        meanY[sensor] += LAMBDA * (iy / Math.sqrt(sy) - meanY[sensor]);
        offX[sensor] += LAMBDA * (ix - offX[sensor]);
        offY[sensor] += LAMBDA * (iy - offY[sensor]);
        double kx = varX / sx, ky = varY / sy;
        bx[sensor] += kx * ix;
        by[sensor] += ky * iy;
        vx[sensor] = (1 - kx) * varX;
        vy[sensor] = (1 - ky) * varY;
        since[sensor] = t;
        used[sensor]++;
        if (settling[sensor] > 0) settling[sensor]--;
    }

    /**
     * The end of a scan of {@code sensor} at {@code t}: the jump test. A jump is a shift the innovations
     * show beyond chance (the many reports of a large picture make even a few metres significant) and
     * large enough to matter, in {@link #STRIKES} scans in a row (a chance excursion of the running mean
     * lasts one).
     */
    void scanDone(int sensor, double t) {
        if (anchor(sensor) || sensor >= sensors || settling[sensor] > 0 || t < armedAt[sensor]) return;
        double stat = (meanX[sensor] * meanX[sensor] + meanY[sensor] * meanY[sensor]) * (2 - LAMBDA) / LAMBDA;
        if (stat > JUMP_BOUND && Math.hypot(offX[sensor], offY[sensor]) > SMALLEST_JUMP) {
            if (++strikes[sensor] >= STRIKES) restart(sensor, t);
        } else {
            strikes[sensor] = 0;
        }
    }

    /** The bias of {@code sensor} jumped at {@code t}: its estimate starts again from the prior. */
    private void restart(int sensor, double t) {
        jumpedAt[sensor] = t;
        vx[sensor] = vy[sensor] = PRIOR_SIGMA * PRIOR_SIGMA;
        meanX[sensor] = meanY[sensor] = offX[sensor] = offY[sensor] = 0;
        settling[sensor] = SETTLE;
        since[sensor] = t;
        armedAt[sensor] = t + SETTLE_SECONDS;
        strikes[sensor] = 0;
    }

    void report(RegistrationSink sink, double t) {
        for (int s = 0; s < sensors; s++) {
            if (!heard[s]) continue;
            sink.sensor(s, role[s], biasX(s), biasY(s), Math.sqrt(varianceX(s, t)), Math.sqrt(varianceY(s, t)), used[s], jumpedAt[s]);
        }
    }

    private void ensure(int sensor) {
        if (sensor < sensors) return;
        int n = Math.max(sensor + 1, sensors * 2);
        role = Arrays.copyOf(role, n);
        heard = Arrays.copyOf(heard, n);
        bx = Arrays.copyOf(bx, n);
        by = Arrays.copyOf(by, n);
        vx = Arrays.copyOf(vx, n);
        vy = Arrays.copyOf(vy, n);
        since = Arrays.copyOf(since, n);
        meanX = Arrays.copyOf(meanX, n);
        meanY = Arrays.copyOf(meanY, n);
        offX = Arrays.copyOf(offX, n);
        offY = Arrays.copyOf(offY, n);
        armedAt = Arrays.copyOf(armedAt, n);
        strikes = Arrays.copyOf(strikes, n);
        jumpedAt = Arrays.copyOf(jumpedAt, n);
        used = Arrays.copyOf(used, n);
        settling = Arrays.copyOf(settling, n);
        for (int s = sensors; s < n; s++) {
            role[s] = SensorRole.ESTIMATED;
            vx[s] = vy[s] = PRIOR_SIGMA * PRIOR_SIGMA;
            jumpedAt[s] = Double.NaN;
            settling[s] = SETTLE;
        }
        sensors = n;
    }
}
