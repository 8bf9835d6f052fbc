package org.kizuna.picture.bench.ap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reference for the tracker's accuracy on an AP scenario: what a filter achieves when it is told what no tracker
 * knows. Per target it is given only that target's reports (no clutter, no association to make), each corrected by
 * its sensor's true offset, and it is told when each leg of the target's motion begins and what kind it is (straight
 * flight, a turn, a speed change), read from the truth. What it still has to learn from the reports is the target's
 * position and velocity and each leg's own parameter: a turn's rate (a Gaussian sum of extended Kalman filters, one
 * per rate every {@link #RATE_STEP_DEGREES} up to {@link #RATE_MAX_DEGREES} either way, each refining its own) or a
 * speed change's acceleration (linear, prior {@link #ACCELERATION_PRIOR} m/s^2 per axis). A leg's start is the first
 * interval between truth states whose turn rate or change of speed differs from the one before; the interval that
 * holds a leg's end is a short leg of its own.
 *
 * <p>Its estimate at every truth time from the target's first report on is its track, one per target, written as a
 * tracker's tracks are. Its GOSPA and position accuracy are, approximately, a lower bound for any tracker fed the same
 * reports: an estimator that knows more (here, when and how the motion changes) cannot do worse on average than the
 * best estimator that knows less, and this filter is close to the best one given what it knows (the sum over rates is
 * collapsed to one Gaussian at the end of each leg; the acceleration's prior is Gaussian where the truth's is
 * uniform). Its estimates are filtered, as a live picture's are: each uses the reports up to its time only.
 */
public final class ReferenceTracks {

    /** The turn rates of the sum: every this many degrees a second... */
    static final double RATE_STEP_DEGREES = 0.25;
    /** ...up to this many, either way (AP-2's turns are 2 to 6). */
    static final double RATE_MAX_DEGREES = 6.5;
    /** How far each rate of the sum may be from the truth (degrees a second, one sigma). */
    static final double RATE_SPREAD_DEGREES = 0.15;
    /** Prior spread of a speed change's acceleration, per axis (m/s^2; AP-2's are 3 to 8 along the velocity). */
    static final double ACCELERATION_PRIOR = 6;
    /** Prior spread of a velocity component at the first report (m/s; speeds of 100-300 m/s in any direction). */
    static final double VELOCITY_PRIOR = 147;
    /** White acceleration (m^2/s^3), a trace, for numerical health: AP-2's truth has none. */
    static final double NOISE = 0.01;

    private static final int D = 6, X = 0, Y = 1, VX = 2, VY = 3, P0 = 4, P1 = 5;
    private static final double[] RATES = rates();

    private static double[] rates() {
        int n = (int) Math.round(RATE_MAX_DEGREES / RATE_STEP_DEGREES);
        double[] r = new double[2 * n + 1];
        for (int k = -n; k <= n; k++) r[k + n] = Math.toRadians(k * RATE_STEP_DEGREES);
        return r;
    }

    /** A leg's kind: straight flight, a turn (its rate in the state), a speed change (its acceleration in the state). */
    enum Kind {
        STRAIGHT,
        TURN,
        ACCELERATION
    }

    private ReferenceTracks() {
    }

    /**
     * The reference's tracks: for each truth with at least one report, its estimate at every truth time from its first
     * report on, named {@code R<truth id>}.
     *
     * @param offsets each sensor's true offset; a sensor the map does not give is measured from the truth (its reports'
     *                mean offset from the truth state at their time)
     */
    public static ApFiles.States run(ApFiles.Detections d, ApFiles.States truth, Map<String, ApFiles.Offset> offsets) {
        Map<String, List<Integer>> truthRows = new LinkedHashMap<>();
        for (int k = 0; k < truth.size(); k++) truthRows.computeIfAbsent(truth.id()[k], id -> new ArrayList<>()).add(k);
        for (List<Integer> rows : truthRows.values()) rows.sort((a, b) -> Double.compare(truth.t()[a], truth.t()[b]));
        Map<String, double[]> bias = biases(d, truth, offsets);
        Map<String, List<Integer>> reports = new HashMap<>();
        for (int k = 0; k < d.size(); k++) {
            String id = d.truthIds()[k];
            if (id != null && !id.isEmpty()) reports.computeIfAbsent(id, x -> new ArrayList<>()).add(k);
        }
        Out out = new Out();
        for (Map.Entry<String, List<Integer>> e : truthRows.entrySet()) {
            List<Integer> mine = reports.getOrDefault(e.getKey(), List.of());
            if (mine.isEmpty()) continue;
            new Target(truth, e.getValue(), d, mine, bias, "R" + e.getKey(), out).run();
        }
        return out.states();
    }

    /** Each sensor's offset: as given, else the mean of its reports' offsets from the truth at their time. */
    private static Map<String, double[]> biases(ApFiles.Detections d, ApFiles.States truth, Map<String, ApFiles.Offset> offsets) {
        Map<String, Integer> at = new HashMap<>();
        for (int k = 0; k < truth.size(); k++) at.put(truth.id()[k] + "@" + truth.t()[k], k);
        Map<String, double[]> sums = new HashMap<>();
        for (int k = 0; k < d.size(); k++) {
            String id = d.truthIds()[k];
            if (id == null || id.isEmpty() || offsets.containsKey(d.sensor()[k])) continue;
            Integer row = at.get(id + "@" + d.t()[k]);
            if (row == null) throw new IllegalArgumentException("report " + (k + 1) + " of " + id + " at " + d.t()[k] + " s has no truth state then");
            double[] s = sums.computeIfAbsent(d.sensor()[k], x -> new double[3]);
            s[0] += d.x()[k] - truth.x()[row];
            s[1] += d.y()[k] - truth.y()[row];
            s[2]++;
        }
        Map<String, double[]> bias = new HashMap<>();
        for (Map.Entry<String, double[]> e : sums.entrySet())
            bias.put(e.getKey(), new double[]{e.getValue()[0] / e.getValue()[2], e.getValue()[1] / e.getValue()[2]});
        for (ApFiles.Offset o : offsets.values()) bias.put(o.sensor(), new double[]{o.x(), o.y()});
        return bias;
    }

    /** One target's filter: a sum of Gaussians over (x, y, vx, vy, p0, p1), one component but in turns. */
    private static final class Target {
        final ApFiles.States truth;
        final List<Integer> rows;
        final ApFiles.Detections d;
        final List<Integer> reports;
        final Map<String, double[]> bias;
        final String name;
        final Out out;
        double[] weight = new double[0];
        double[][] mean = new double[0][], cov = new double[0][];
        int n;

        Target(ApFiles.States truth, List<Integer> rows, ApFiles.Detections d, List<Integer> reports, Map<String, double[]> bias, String name, Out out) {
            this.truth = truth;
            this.rows = rows;
            this.d = d;
            this.reports = new ArrayList<>(reports);
            this.reports.sort((a, b) -> Double.compare(d.t()[a], d.t()[b]));
            this.bias = bias;
            this.name = name;
            this.out = out;
        }

        void run() {
            int r = 0;
            Kind previousKind = null;
            double previousRate = Double.NaN, previousAcceleration = Double.NaN;
            Kind kind = Kind.STRAIGHT;
            for (int k = 0; k < rows.size(); k++) {
                int row = rows.get(k);
                double t = truth.t()[row];
                if (k > 0) {
                    int before = rows.get(k - 1);
                    double dt = t - truth.t()[before];
                    double rate = turnRate(before, row), acceleration = speedChange(before, row);
                    kind = Math.abs(rate) > 1e-7 ? Kind.TURN : Math.abs(acceleration) > 1e-7 ? Kind.ACCELERATION : Kind.STRAIGHT;
                    boolean newLeg = kind != previousKind || Math.abs(rate - previousRate) > 1e-7 || Math.abs(acceleration - previousAcceleration) > 1e-6;
                    previousKind = kind;
                    previousRate = rate;
                    previousAcceleration = acceleration;
                    if (n > 0) {
                        if (newLeg) startLeg(kind);
                        for (int c = 0; c < n; c++) predict(mean[c], cov[c], dt, kind);
                    }
                } else if (rows.size() > 1) {
                    double rate = turnRate(row, rows.get(1)), acceleration = speedChange(row, rows.get(1));
                    kind = Math.abs(rate) > 1e-7 ? Kind.TURN : Math.abs(acceleration) > 1e-7 ? Kind.ACCELERATION : Kind.STRAIGHT;
                }
                while (r < reports.size() && d.t()[reports.get(r)] <= t) {
                    int q = reports.get(r++);
                    double[] b = bias.getOrDefault(d.sensor()[q], new double[2]);
                    double zx = d.x()[q] - b[0], zy = d.y()[q] - b[1], r2 = d.sigma()[q] * d.sigma()[q];
                    if (n == 0) first(zx, zy, r2, kind);
                    else update(zx, zy, r2);
                }
                if (n > 0) {
                    double x = 0, y = 0, vx = 0, vy = 0;
                    for (int c = 0; c < n; c++) {
                        x += weight[c] * mean[c][X];
                        y += weight[c] * mean[c][Y];
                        vx += weight[c] * mean[c][VX];
                        vy += weight[c] * mean[c][VY];
                    }
                    out.add(t, name, x, vx, y, vy);
                }
            }
        }

        /** The truth's turn rate (rad/s) over the interval from row {@code a} to row {@code b}. */
        private double turnRate(int a, int b) {
            double dt = truth.t()[b] - truth.t()[a];
            double h = Math.atan2(truth.vy()[b], truth.vx()[b]) - Math.atan2(truth.vy()[a], truth.vx()[a]);
            return Math.atan2(Math.sin(h), Math.cos(h)) / dt;
        }

        /** The truth's change of speed (m/s^2) over the interval. */
        private double speedChange(int a, int b) {
            double dt = truth.t()[b] - truth.t()[a];
            return (Math.hypot(truth.vx()[b], truth.vy()[b]) - Math.hypot(truth.vx()[a], truth.vy()[a])) / dt;
        }

        /** The first report: position from it, velocity from the prior, the leg's parameter from its prior. */
        private void first(double zx, double zy, double r2, Kind kind) {
            double[] m = new double[D], p = new double[D * D];
            m[X] = zx;
            m[Y] = zy;
            p[X * D + X] = p[Y * D + Y] = r2;
            p[VX * D + VX] = p[VY * D + VY] = VELOCITY_PRIOR * VELOCITY_PRIOR;
            set(new double[][]{m}, new double[][]{p}, new double[]{1});
            startLeg(kind);
        }

        private void set(double[][] m, double[][] p, double[] w) {
            mean = m;
            cov = p;
            weight = w;
            n = w.length;
        }

        /** A new leg of {@code kind}: the sum collapsed to one Gaussian, its parameters afresh from the leg's prior. */
        private void startLeg(Kind kind) {
            double[] m = new double[D], p = new double[D * D];
            for (int c = 0; c < n; c++) for (int k = 0; k < 4; k++) m[k] += weight[c] * mean[c][k];
            for (int c = 0; c < n; c++) {
                for (int a = 0; a < 4; a++) {
                    for (int b = 0; b < 4; b++) {
                        p[a * D + b] += weight[c] * (cov[c][a * D + b] + (mean[c][a] - m[a]) * (mean[c][b] - m[b]));
                    }
                }
            }
            if (kind == Kind.TURN) {
                double spread = Math.toRadians(RATE_SPREAD_DEGREES);
                double[][] ms = new double[RATES.length][], ps = new double[RATES.length][];
                double[] w = new double[RATES.length];
                for (int c = 0; c < RATES.length; c++) {
                    ms[c] = m.clone();
                    ms[c][P0] = RATES[c];
                    ps[c] = p.clone();
                    ps[c][P0 * D + P0] = spread * spread;
                    w[c] = 1.0 / RATES.length;
                }
                set(ms, ps, w);
            } else {
                if (kind == Kind.ACCELERATION) p[P0 * D + P0] = p[P1 * D + P1] = ACCELERATION_PRIOR * ACCELERATION_PRIOR;
                set(new double[][]{m}, new double[][]{p}, new double[]{1});
            }
        }

        /** One component predicted {@code dt} ahead by the leg's motion (a turn's by an extended Kalman filter). */
        private static void predict(double[] m, double[] p, double dt, Kind kind) {
            double[] f = new double[D * D];
            for (int k = 0; k < D; k++) f[k * D + k] = 1;
            double vx = m[VX], vy = m[VY];
            if (kind == Kind.TURN) {
                double w = Math.abs(m[P0]) < 1e-9 ? 1e-9 : m[P0], sin = Math.sin(w * dt), cos = Math.cos(w * dt);
                double a = sin / w, c = (1 - cos) / w, da = (dt * cos * w - sin) / (w * w), dc = (dt * sin * w - (1 - cos)) / (w * w);
                f[X * D + VX] = a;
                f[X * D + VY] = -c;
                f[Y * D + VX] = c;
                f[Y * D + VY] = a;
                f[VX * D + VX] = cos;
                f[VX * D + VY] = -sin;
                f[VY * D + VX] = sin;
                f[VY * D + VY] = cos;
                f[X * D + P0] = da * vx - dc * vy;
                f[Y * D + P0] = dc * vx + da * vy;
                f[VX * D + P0] = -dt * sin * vx - dt * cos * vy;
                f[VY * D + P0] = dt * cos * vx - dt * sin * vy;
                m[X] += a * vx - c * vy;
                m[Y] += c * vx + a * vy;
                m[VX] = cos * vx - sin * vy;
                m[VY] = sin * vx + cos * vy;
            } else {
                f[X * D + VX] = f[Y * D + VY] = dt;
                if (kind == Kind.ACCELERATION) {
                    f[X * D + P0] = f[Y * D + P1] = dt * dt / 2;
                    f[VX * D + P0] = f[VY * D + P1] = dt;
                }
                double[] next = new double[D];
                for (int r = 0; r < D; r++) for (int k = 0; k < D; k++) next[r] += f[r * D + k] * m[k];
                System.arraycopy(next, 0, m, 0, D);
            }
            double[] fp = new double[D * D];
            for (int r = 0; r < D; r++) for (int c = 0; c < D; c++) for (int k = 0; k < D; k++) fp[r * D + c] += f[r * D + k] * p[k * D + c];
            Arrays.fill(p, 0);
            for (int r = 0; r < D; r++) for (int c = 0; c < D; c++) for (int k = 0; k < D; k++) p[r * D + c] += fp[r * D + k] * f[c * D + k];
            double q11 = NOISE * dt * dt * dt / 3, q12 = NOISE * dt * dt / 2, q22 = NOISE * dt;
            p[X * D + X] += q11;
            p[Y * D + Y] += q11;
            p[X * D + VX] += q12;
            p[VX * D + X] += q12;
            p[Y * D + VY] += q12;
            p[VY * D + Y] += q12;
            p[VX * D + VX] += q22;
            p[VY * D + VY] += q22;
        }

        /** Every component's Kalman update with a report, and the components re-weighed by how well each predicted it. */
        private void update(double zx, double zy, double r2) {
            double[] log = new double[n];
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < n; c++) {
                double[] m = mean[c], p = cov[c];
                double ex = zx - m[X], ey = zy - m[Y];
                double sxx = p[X * D + X] + r2, syy = p[Y * D + Y] + r2, sxy = p[X * D + Y];
                double det = sxx * syy - sxy * sxy, ixx = syy / det, iyy = sxx / det, ixy = -sxy / det;
                double[] kx = new double[D], ky = new double[D], hx = new double[D], hy = new double[D];
                for (int r = 0; r < D; r++) {
                    kx[r] = p[r * D + X] * ixx + p[r * D + Y] * ixy;
                    ky[r] = p[r * D + X] * ixy + p[r * D + Y] * iyy;
                    hx[r] = p[X * D + r];
                    hy[r] = p[Y * D + r];
                }
                for (int r = 0; r < D; r++) {
                    m[r] += kx[r] * ex + ky[r] * ey;
                    for (int k = 0; k < D; k++) p[r * D + k] -= kx[r] * hx[k] + ky[r] * hy[k];
                }
                log[c] = Math.log(weight[c]) - 0.5 * (ex * (ixx * ex + ixy * ey) + ey * (ixy * ex + iyy * ey) + Math.log(det));
                best = Math.max(best, log[c]);
            }
            double total = 0;
            for (int c = 0; c < n; c++) {
                log[c] = Math.exp(log[c] - best);
                total += log[c];
            }
            for (int c = 0; c < n; c++) weight[c] = log[c] / total;
        }
    }

    /** The states written, in columns. */
    private static final class Out {
        final List<double[]> rows = new ArrayList<>();
        final List<String> ids = new ArrayList<>();

        void add(double t, String id, double x, double vx, double y, double vy) {
            rows.add(new double[]{t, x, vx, y, vy});
            ids.add(id);
        }

        ApFiles.States states() {
            return ApFiles.states(rows, ids);
        }
    }
}
