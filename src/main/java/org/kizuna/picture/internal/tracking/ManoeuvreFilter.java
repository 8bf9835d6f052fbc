package org.kizuna.picture.internal.tracking;

/**
 * Every track's motion filter: an interacting multiple model (IMM) filter over three models of how an
 * aircraft or ship moves, so that a track follows a target through turns and speed changes as closely as
 * through straight flight.
 * <ol>
 * <li><b>Straight</b>: constant velocity under weak white acceleration ({@code processNoise}, the matched
 * model of a target in cruise).
 * <li><b>Turning</b>: a coordinated turn at a turn rate that is part of the state (estimated, changing
 * slowly), under weak acceleration noise: a target in a 6 degree-per-second turn at 350 m/s pulls 37 m/s^2
 * of centripetal acceleration, which a constant-velocity filter can only follow hundreds of metres behind.
 * <li><b>Manoeuvring</b>: constant velocity under strong white acceleration: speed changes, and the first
 * seconds of a turn before the turn rate is known.
 * </ol>
 * The models share one state, position, velocity and turn rate {@code (x, y, vx, vy, w)} on the plane,
 * each with its own estimate and 5x5 covariance, and the filter carries how likely each model is. Before
 * every prediction the models' estimates are mixed by how likely a switch between them is over the
 * interval (a target keeps to each kind of motion for a typical time, {@link #STRAIGHT_SOJOURN} and the
 * others); a report updates each
 * model and re-weighs them by how well each predicted it. What the engine gates, assigns, merges and
 * shows is the combination (the models' estimates weighed by their probabilities, with the spread
 * between them in the covariance), written to the table's per-axis columns after each step.
 *
 * <p>State lives in one block column of the track table: per track, per model, the model's probability,
 * its state and its covariance, so the hot loops read one array.
 */
final class ManoeuvreFilter {

    static final int MODELS = 3, STRAIGHT = 0, TURNING = 1, MANOEUVRING = 2;
    private static final int N = 5, X = 0, Y = 1, VX = 2, VY = 3, W = 4;
    private static final int MODEL_WIDTH = 1 + N + N * N;
    static final int WIDTH = MODELS * MODEL_WIDTH;

    /**
     * Mean time (s) a target keeps to each kind of motion. Straight flight is the rule and a switch out of
     * it must be earned by the reports: a stay this long keeps a cruising target's estimate that of the
     * matched straight model (AP-1's position accuracy 39.5 m with it, 43.8 m with a 60 s stay), while the
     * widest-model gate and the likelihoods still catch a turn within seconds (AP-2 63.8 m against 63.3 m).
     * A turn lasts tens of seconds; the manoeuvring model is the bridge between the others, held for seconds.
     */
    static final double STRAIGHT_SOJOURN = 30000, TURN_SOJOURN = 30, MANOEUVRE_SOJOURN = 5;
    /** Acceleration noise of the turning model (m^2/s^3): the turn is in the model, only its small errors are noise. */
    static final double TURN_ACCELERATION_NOISE = 2;
    /** Turn-rate noise of the turning model (rad^2/s^3): a coordinated turn holds its rate. */
    static final double TURN_RATE_NOISE = 3e-5;
    /** Acceleration noise of the manoeuvring model (m^2/s^3): speed changes of up to 8 m/s^2, and turn entries. */
    static final double MANOEUVRE_NOISE = 60;
    /** Prior spread of a turn rate nothing is known of (rad/s): turns of up to about 7 degrees per second. */
    static final double TURN_RATE_PRIOR = 0.12;
    /** A new track's model probabilities. */
    private static final double[] START = {0.9, 0.05, 0.05};

    private final Columns.Column<double[]> block;
    private final double straightNoise;

    // work buffers, reused
    private final double[] mixedState = new double[MODELS * N], mixedCov = new double[MODELS * N * N];
    private final double[] stays = new double[MODELS];
    private final double[] mixing = new double[MODELS * MODELS], predicted = new double[MODELS];
    private final double[] f = new double[N * N], fp = new double[N * N], logLikelihood = new double[MODELS];

    ManoeuvreFilter(Columns table, double straightNoise) {
        this.block = table.blocks(WIDTH);
        this.straightNoise = straightNoise;
    }

    /**
     * Starts row {@code i} from a per-axis estimate (as two-point initiation gives it): every model the
     * same, turn rate 0 with the prior spread; writes the combination to the axes.
     */
    void start(int i, TrackTable.Axis ax, TrackTable.Axis ay) {
        double[] b = block.at;
        for (int m = 0; m < MODELS; m++) {
            int o = i * WIDTH + m * MODEL_WIDTH;
            b[o] = START[m];
            int s = o + 1, p = o + 1 + N;
            java.util.Arrays.fill(b, s, s + N + N * N, 0);
            b[s + X] = ax.pos.at[i];
            b[s + Y] = ay.pos.at[i];
            b[s + VX] = ax.vel.at[i];
            b[s + VY] = ay.vel.at[i];
            b[p + X * N + X] = ax.posVar.at[i];
            b[p + X * N + VX] = b[p + VX * N + X] = ax.cov.at[i];
            b[p + VX * N + VX] = ax.velVar.at[i];
            b[p + Y * N + Y] = ay.posVar.at[i];
            b[p + Y * N + VY] = b[p + VY * N + Y] = ay.cov.at[i];
            b[p + VY * N + VY] = ay.velVar.at[i];
            b[p + W * N + W] = TURN_RATE_PRIOR * TURN_RATE_PRIOR;
        }
    }

    /** The probability of model {@code m} for row {@code i}. */
    double probability(int i, int m) {
        return block.at[i * WIDTH + m * MODEL_WIDTH];
    }

    /** The widest of the models' predicted position variances on x for row {@code i}, each with its model's distance from {@code x}. */
    double widestX(int i, double x) {
        return widest(i, X, x);
    }

    double widestY(int i, double y) {
        return widest(i, Y, y);
    }

    private double widest(int i, int axis, double combined) {
        double[] b = block.at;
        double v = 0;
        for (int m = 0; m < MODELS; m++) {
            int s = i * WIDTH + m * MODEL_WIDTH + 1;
            double d = b[s + axis] - combined;
            v = Math.max(v, b[s + N + axis * N + axis] + d * d);
        }
        return v;
    }

    /** The combined turn rate of row {@code i} (rad/s, positive anticlockwise). */
    double turnRate(int i) {
        double w = 0;
        for (int m = 0; m < MODELS; m++) {
            int o = i * WIDTH + m * MODEL_WIDTH;
            w += block.at[o] * block.at[o + 1 + W];
        }
        return w;
    }

    /** Predicts row {@code i} {@code dt} seconds ahead: mixing, then each model's prediction; writes the combination. */
    void predict(int i, double dt, TrackTable.Axis ax, TrackTable.Axis ay) {
        double[] b = block.at;
        int base = i * WIDTH;
        // the chance of switching from one model to another over dt; staying has the rest
        for (int m = 0; m < MODELS; m++) stays[m] = Math.exp(-dt / (m == STRAIGHT ? STRAIGHT_SOJOURN : m == TURNING ? TURN_SOJOURN : MANOEUVRE_SOJOURN));
        for (int to = 0; to < MODELS; to++) {
            double c = 0;
            for (int from = 0; from < MODELS; from++) {
                double w = (from == to ? stays[from] : (1 - stays[from]) / (MODELS - 1)) * b[base + from * MODEL_WIDTH];
                mixing[from * MODELS + to] = w;
                c += w;
            }
            predicted[to] = c;
            for (int from = 0; from < MODELS; from++) mixing[from * MODELS + to] /= c;
        }
        // each model starts from the mix of all models' estimates
        for (int to = 0; to < MODELS; to++) {
            int ms = to * N, mp = to * N * N;
            for (int k = 0; k < N; k++) {
                double v = 0;
                for (int from = 0; from < MODELS; from++) v += mixing[from * MODELS + to] * b[base + from * MODEL_WIDTH + 1 + k];
                mixedState[ms + k] = v;
            }
            for (int k = 0; k < N * N; k++) mixedCov[mp + k] = 0;
            for (int from = 0; from < MODELS; from++) {
                double w = mixing[from * MODELS + to];
                int s = base + from * MODEL_WIDTH + 1, p = s + N;
                for (int r = 0; r < N; r++) {
                    double dr = b[s + r] - mixedState[ms + r];
                    for (int c = 0; c < N; c++) mixedCov[mp + r * N + c] += w * (b[p + r * N + c] + dr * (b[s + c] - mixedState[ms + c]));
                }
            }
        }
        for (int m = 0; m < MODELS; m++) {
            int o = base + m * MODEL_WIDTH;
            b[o] = predicted[m];
            System.arraycopy(mixedState, m * N, b, o + 1, N);
            System.arraycopy(mixedCov, m * N * N, b, o + 1 + N, N * N);
            propagate(b, o + 1, o + 1 + N, m, dt);
        }
        combine(i, ax, ay);
    }

    /**
     * Updates row {@code i} with a measured position {@code (zx, zy)} of variances {@code rx, ry}: each
     * model's Kalman update and likelihood, the models re-weighed; writes the combination.
     */
    void update(int i, double zx, double zy, double rx, double ry, TrackTable.Axis ax, TrackTable.Axis ay) {
        double[] b = block.at;
        int base = i * WIDTH;
        double best = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < MODELS; m++) {
            int s = base + m * MODEL_WIDTH + 1, p = s + N;
            double ex = zx - b[s + X], ey = zy - b[s + Y];
            double sxx = b[p + X * N + X] + rx, syy = b[p + Y * N + Y] + ry, sxy = b[p + X * N + Y];
            double det = sxx * syy - sxy * sxy;
            double ixx = syy / det, iyy = sxx / det, ixy = -sxy / det;
            // gain K = P H' S^-1: column r of P's first two columns times S^-1
            for (int r = 0; r < N; r++) {
                double prx = b[p + r * N + X], pry = b[p + r * N + Y];
                fp[r * 2] = prx * ixx + pry * ixy;
                fp[r * 2 + 1] = prx * ixy + pry * iyy;
            }
            // P -= K (H P): H P is P's first two rows; read them before they change
            for (int c = 0; c < N; c++) {
                f[c] = b[p + X * N + c];
                f[N + c] = b[p + Y * N + c];
            }
            for (int r = 0; r < N; r++) {
                b[s + r] += fp[r * 2] * ex + fp[r * 2 + 1] * ey;
                for (int c = 0; c < N; c++) b[p + r * N + c] -= fp[r * 2] * f[c] + fp[r * 2 + 1] * f[N + c];
            }
            double d2 = ex * (ixx * ex + ixy * ey) + ey * (ixy * ex + iyy * ey);
            logLikelihood[m] = -0.5 * (d2 + Math.log(det)) + Math.log(Math.max(b[base + m * MODEL_WIDTH], 1e-300));
            best = Math.max(best, logLikelihood[m]);
        }
        double total = 0;
        for (int m = 0; m < MODELS; m++) total += logLikelihood[m] = Math.exp(logLikelihood[m] - best);
        for (int m = 0; m < MODELS; m++) b[base + m * MODEL_WIDTH] = Math.max(logLikelihood[m] / total, 1e-9);
        combine(i, ax, ay);
    }

    /** Propagates the state at {@code s} and covariance at {@code p} of model {@code m} over {@code dt}. */
    private void propagate(double[] b, int s, int p, int m, double dt) {
        double vx = b[s + VX], vy = b[s + VY];
        boolean turns = m == TURNING;
        double w = turns ? b[s + W] : 0;
        double wt = w * dt, sin = Math.sin(wt), cos = Math.cos(wt);
        double a, c, da, dc; // x' = x + a vx - c vy; y' = y + c vx + a vy
        if (Math.abs(w) > 1e-6) {
            a = sin / w;
            c = (1 - cos) / w;
            da = (dt * cos * w - sin) / (w * w);
            dc = (dt * sin * w - (1 - cos)) / (w * w);
        } else {
            a = dt;
            c = w * dt * dt / 2;
            da = -w * dt * dt * dt / 3;
            dc = dt * dt / 2;
        }
        java.util.Arrays.fill(f, 0);
        f[X * N + X] = 1;
        f[X * N + VX] = a;
        f[X * N + VY] = -c;
        f[Y * N + Y] = 1;
        f[Y * N + VX] = c;
        f[Y * N + VY] = a;
        f[VX * N + VX] = cos;
        f[VX * N + VY] = -sin;
        f[VY * N + VX] = sin;
        f[VY * N + VY] = cos;
        f[W * N + W] = 1;
        if (turns) {
            f[X * N + W] = da * vx - dc * vy;
            f[Y * N + W] = dc * vx + da * vy;
            f[VX * N + W] = -dt * sin * vx - dt * cos * vy;
            f[VY * N + W] = dt * cos * vx - dt * sin * vy;
        }
        // state
        b[s + X] += a * vx - c * vy;
        b[s + Y] += c * vx + a * vy;
        b[s + VX] = cos * vx - sin * vy;
        b[s + VY] = sin * vx + cos * vy;
        // covariance: F P F' + Q
        for (int r = 0; r < N; r++) {
            for (int col = 0; col < N; col++) {
                double v = 0;
                for (int k = 0; k < N; k++) v += f[r * N + k] * b[p + k * N + col];
                fp[r * N + col] = v;
            }
        }
        for (int r = 0; r < N; r++) {
            for (int col = r; col < N; col++) {
                double v = 0;
                for (int k = 0; k < N; k++) v += fp[r * N + k] * f[col * N + k];
                b[p + r * N + col] = v;
                b[p + col * N + r] = v;
            }
        }
        double q = m == STRAIGHT ? straightNoise : m == TURNING ? TURN_ACCELERATION_NOISE : MANOEUVRE_NOISE;
        double q11 = q * dt * dt * dt / 3, q12 = q * dt * dt / 2, q22 = q * dt;
        b[p + X * N + X] += q11;
        b[p + Y * N + Y] += q11;
        b[p + X * N + VX] += q12;
        b[p + VX * N + X] += q12;
        b[p + Y * N + VY] += q12;
        b[p + VY * N + Y] += q12;
        b[p + VX * N + VX] += q22;
        b[p + VY * N + VY] += q22;
        if (turns) {
            b[p + W * N + W] += TURN_RATE_NOISE * dt;
        } else {
            // a model without a turn says nothing of the turn rate: it holds 0, as vague as a new track's
            b[s + W] = 0;
            for (int k = 0; k < N; k++) b[p + W * N + k] = b[p + k * N + W] = 0;
            b[p + W * N + W] = TURN_RATE_PRIOR * TURN_RATE_PRIOR;
        }
    }

    /** Writes the combination of row {@code i}'s models to the per-axis columns. */
    private void combine(int i, TrackTable.Axis ax, TrackTable.Axis ay) {
        double[] b = block.at;
        int base = i * WIDTH;
        double x = 0, y = 0, vx = 0, vy = 0;
        for (int m = 0; m < MODELS; m++) {
            int o = base + m * MODEL_WIDTH;
            double mu = b[o];
            x += mu * b[o + 1 + X];
            y += mu * b[o + 1 + Y];
            vx += mu * b[o + 1 + VX];
            vy += mu * b[o + 1 + VY];
        }
        double pxx = 0, pxv = 0, pvv = 0, pyy = 0, pyv = 0, pww = 0;
        for (int m = 0; m < MODELS; m++) {
            int o = base + m * MODEL_WIDTH, s = o + 1, p = s + N;
            double mu = b[o];
            double dx = b[s + X] - x, dy = b[s + Y] - y, dvx = b[s + VX] - vx, dvy = b[s + VY] - vy;
            pxx += mu * (b[p + X * N + X] + dx * dx);
            pxv += mu * (b[p + X * N + VX] + dx * dvx);
            pvv += mu * (b[p + VX * N + VX] + dvx * dvx);
            pyy += mu * (b[p + Y * N + Y] + dy * dy);
            pyv += mu * (b[p + Y * N + VY] + dy * dvy);
            pww += mu * (b[p + VY * N + VY] + dvy * dvy);
        }
        ax.set(i, x, vx, pxx, pxv, pvv);
        ay.set(i, y, vy, pyy, pyv, pww);
    }
}
