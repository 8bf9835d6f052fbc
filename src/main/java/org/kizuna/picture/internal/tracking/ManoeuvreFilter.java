package org.kizuna.picture.internal.tracking;

/**
 * Every track's motion filter: an interacting multiple model (IMM) filter over the ways an aircraft or a
 * ship moves, so that a track follows a target through turns and speed changes as closely as through
 * straight flight.
 * <ul>
 * <li><b>Straight</b>: constant velocity under weak white acceleration ({@code processNoise}, the matched
 * model of a target in cruise).
 * <li><b>Turning</b>: a coordinated turn whose rate is part of the state (estimated, held nearly
 * constant): a target in a 6 degree-per-second turn at 350 m/s pulls 37 m/s^2 of centripetal
 * acceleration, which a constant-velocity filter follows hundreds of metres behind.
 * <li><b>Turns at known rates</b>: coordinated turns at every multiple of {@link #BANK_STEP_DEGREES} up to
 * {@link #BANK_MAX_DEGREES} degrees a second, either way. A turn-rate estimate needs tens of seconds of
 * reports to settle, longer than many turns last; of these models, the one nearest the true rate
 * predicts well from the first seconds of the turn, and hands its rate on to the estimated one.
 * <li><b>Accelerating</b>: constant acceleration (a speed change along a straight path), the acceleration
 * in the state.
 * <li><b>Manoeuvring</b>: constant velocity under strong white acceleration, the bridge between the others
 * for the seconds in which none of them fits.
 * </ul>
 * The models share one state, position, velocity, turn rate and acceleration
 * {@code (x, y, vx, vy, w, ax, ay)} on the plane, each with its own estimate and covariance, and the filter
 * carries how likely each model is. A model holds the parts of the state it does not use (a turn rate for
 * straight flight) as passengers that fade to zero and to their prior spread, so that the next turn starts
 * from nothing stale. Before every prediction the models' estimates are mixed by how likely a switch
 * between them is over the interval (each kind of motion has a typical stay, {@link #STRAIGHT_SOJOURN} and
 * the others); a report updates each model and re-weighs them by how well each predicted it. What the
 * engine gates, assigns, merges and shows is the combination (the models' estimates weighed by their
 * probabilities, the spread between them in its covariance), written to the table's per-axis columns
 * after each step.
 *
 * <p>Cost. Switching out of a model is equally likely towards every other, so the mixing of all the
 * models costs as much as the prediction of one, whatever their number; each model's prediction uses
 * only the non-zero entries of its transition matrix. State lives in one block column of the track
 * table: per track, per model, the model's probability, its state and its covariance.
 */
final class ManoeuvreFilter {

    static final int STRAIGHT = 0, TURNING = 1, MANOEUVRING = 2, ACCELERATING = 3;
    /** The known turn rates: every multiple of this many degrees a second... */
    static final double BANK_STEP_DEGREES = 0.75;
    /** ...up to this many, either way (the fastest turns expected, with the estimated model beyond). */
    static final double BANK_MAX_DEGREES = 6;
    /** The turn rates (rad/s) of the known-rate models, which follow the first four. */
    private static final double[] BANK = bank();
    static final int MODELS = 4 + BANK.length;
    /** How far a known-rate model's rate may be from the truth (rad/s): half the spacing, about. */
    private static final double BANK_SPREAD = Math.toRadians(0.6);

    private static double[] bank() {
        int n = (int) Math.round(BANK_MAX_DEGREES / BANK_STEP_DEGREES);
        double[] out = new double[2 * n];
        for (int k = 0; k < n; k++) {
            out[2 * k] = Math.toRadians((k + 1) * BANK_STEP_DEGREES);
            out[2 * k + 1] = -out[2 * k];
        }
        return out;
    }

    private static final int N = 7, X = 0, Y = 1, VX = 2, VY = 3, W = 4, AX = 5, AY = 6;
    private static final int MODEL_WIDTH = 1 + N + N * N;
    static final int WIDTH = MODELS * MODEL_WIDTH;

    /**
     * Mean time (s) a target keeps to each kind of motion. Straight flight is the rule and a switch out of
     * it must be earned by the reports: a long stay keeps a cruising target's estimate that of the matched
     * straight model (AP-1's position accuracy 39.5 m with it, 43.8 m with a 60 s stay), while the widest
     * model's gate and the likelihoods still catch a turn within seconds. A turn and an acceleration last
     * tens of seconds; the manoeuvring model is a bridge, held for seconds.
     */
    static final double STRAIGHT_SOJOURN = 12_000, TURN_SOJOURN = 30, ACCELERATION_SOJOURN = 20, MANOEUVRE_SOJOURN = 5;
    /** Acceleration noise of the turn models (m^2/s^3): the turn is in the model, only its small errors are noise. */
    static final double TURN_ACCELERATION_NOISE = 0.5;
    /** Turn-rate noise of the turning model (rad^2/s^3): a coordinated turn holds its rate; a new turn is a switch of model. */
    static final double TURN_RATE_NOISE = 1e-8;
    /** Acceleration noise of the manoeuvring model (m^2/s^3): speed changes of up to 8 m/s^2, and turn entries. */
    static final double MANOEUVRE_NOISE = 60;
    /** Jerk noise of the accelerating model (m^2/s^5): an acceleration held for a leg, changing little... */
    static final double JERK_NOISE = 0.05;
    /** ...and its acceleration noise (m^2/s^3). */
    static final double ACCELERATING_NOISE = 1;
    /** Prior spread of an acceleration nothing is known of (m/s^2, per axis). */
    static final double ACCELERATION_PRIOR = 5;
    /** Prior spread of a turn rate nothing is known of (rad/s): turns of up to about 7 degrees per second. */
    static final double TURN_RATE_PRIOR = 0.12;
    /** How fast (s) a passenger (a turn rate or an acceleration a model does not use) fades to its prior. */
    static final double FORGET = 10;
    /** A new track's model probabilities: straight flight, most likely; the rest shared. */
    private static final double[] START = start();

    private static double[] start() {
        double[] s = new double[MODELS];
        s[STRAIGHT] = 0.9;
        for (int m = 1; m < MODELS; m++) s[m] = 0.1 / (MODELS - 1);
        return s;
    }

    private final Columns.Column<double[]> block;
    private final double straightNoise;

    // work buffers, reused
    private final double[] mixedState = new double[MODELS * N], mixedCov = new double[MODELS * N * N];
    private final double[] stays = new double[MODELS], leave = new double[MODELS];
    private final double[] centre = new double[N], spreads = new double[MODELS * N], spreadCov = new double[MODELS * N * N];
    private final double[] commonState = new double[N], commonCov = new double[N * N];
    private final double[] predicted = new double[MODELS];
    private final double[] f = new double[N * N], fp = new double[N * N], logLikelihood = new double[MODELS], spread = new double[N];
    private final int[] nonZero = new int[N * N], nonZeros = new int[N];

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
            b[p + AX * N + AX] = b[p + AY * N + AY] = ACCELERATION_PRIOR * ACCELERATION_PRIOR;
        }
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

    /** Predicts row {@code i} {@code dt} seconds ahead: mixing, then each model's prediction; writes the combination. */
    void predict(int i, double dt, TrackTable.Axis ax, TrackTable.Axis ay) {
        double[] b = block.at;
        int base = i * WIDTH;
        // the chance of switching from one model to another over dt; staying has the rest
        for (int m = 0; m < MODELS; m++)
            stays[m] = Math.exp(-dt / (m == STRAIGHT
                    ? STRAIGHT_SOJOURN
                    : m == TURNING || m > ACCELERATING ? TURN_SOJOURN : m == ACCELERATING ? ACCELERATION_SOJOURN : MANOEUVRE_SOJOURN));
        // Each model starts from the mix of all models' estimates, weighed by how likely each switch is.
        // Switching out of a model is equally likely towards every other, so model j's mix is a part
        // common to all models (every model's switching share) plus its own staying share: the mix of
        // all models costs as much as one model's. Estimates are taken relative to the combination
        // (the spreads stay small numbers) and each covariance with its spread, A = P + e e'.
        double common = 0;
        java.util.Arrays.fill(commonState, 0);
        java.util.Arrays.fill(commonCov, 0);
        for (int m = 0; m < MODELS; m++) {
            double mu = b[base + m * MODEL_WIDTH];
            leave[m] = (1 - stays[m]) / (MODELS - 1) * mu;
            common += leave[m];
        }
        for (int k = 0; k < N; k++) {
            double v = 0;
            for (int m = 0; m < MODELS; m++) v += b[base + m * MODEL_WIDTH] * b[base + m * MODEL_WIDTH + 1 + k];
            centre[k] = v;
        }
        for (int m = 0; m < MODELS; m++) {
            int s = base + m * MODEL_WIDTH + 1, p = s + N, e = m * N, pa = m * N * N;
            for (int k = 0; k < N; k++) spreads[e + k] = b[s + k] - centre[k];
            for (int r = 0; r < N; r++) {
                for (int c = r; c < N; c++) spreadCov[pa + r * N + c] = b[p + r * N + c] + spreads[e + r] * spreads[e + c];
            }
            double g = leave[m];
            for (int k = 0; k < N; k++) commonState[k] += g * spreads[e + k];
            for (int r = 0; r < N; r++) {
                for (int c = r; c < N; c++) commonCov[r * N + c] += g * spreadCov[pa + r * N + c];
            }
        }
        for (int m = 0; m < MODELS; m++) {
            double own = stays[m] * b[base + m * MODEL_WIDTH] - leave[m];
            double c = common + own;
            predicted[m] = c;
            int ms = m * N, mp = m * N * N, e = m * N;
            for (int k = 0; k < N; k++) spread[k] = (commonState[k] + own * spreads[e + k]) / c;
            for (int k = 0; k < N; k++) mixedState[ms + k] = centre[k] + spread[k];
            for (int r = 0; r < N; r++) {
                for (int col = r; col < N; col++) {
                    double v = (commonCov[r * N + col] + own * spreadCov[mp + r * N + col]) / c - spread[r] * spread[col];
                    mixedCov[mp + r * N + col] = v;
                    mixedCov[mp + col * N + r] = v;
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
        boolean fixed = m > ACCELERATING;
        if (fixed) {
            // a fixed-rate turn: its turn rate is its own, known to within the bank's spacing
            b[s + W] = BANK[m - ACCELERATING - 1];
            for (int k = 0; k < N; k++) b[p + W * N + k] = b[p + k * N + W] = 0;
            b[p + W * N + W] = BANK_SPREAD * BANK_SPREAD;
        }
        boolean turns = m == TURNING, accelerates = m == ACCELERATING;
        double w = turns || fixed ? b[s + W] : 0;
        double axs = accelerates ? b[s + AX] : 0, ays = accelerates ? b[s + AY] : 0;
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
        f[AX * N + AX] = 1;
        f[AY * N + AY] = 1;
        if (accelerates) {
            f[X * N + AX] = dt * dt / 2;
            f[Y * N + AY] = dt * dt / 2;
            f[VX * N + AX] = dt;
            f[VY * N + AY] = dt;
        }
        if (turns) {
            f[X * N + W] = da * vx - dc * vy;
            f[Y * N + W] = dc * vx + da * vy;
            f[VX * N + W] = -dt * sin * vx - dt * cos * vy;
            f[VY * N + W] = dt * cos * vx - dt * sin * vy;
        }
        // state
        b[s + X] += a * vx - c * vy + axs * dt * dt / 2;
        b[s + Y] += c * vx + a * vy + ays * dt * dt / 2;
        b[s + VX] = cos * vx - sin * vy + axs * dt;
        b[s + VY] = sin * vx + cos * vy + ays * dt;
        // covariance: F P F' + Q
        // F is sparse (at most five entries a row): each row's non-zero columns are listed once
        for (int r = 0; r < N; r++) {
            int n = 0;
            for (int k = 0; k < N; k++) if (f[r * N + k] != 0) nonZero[r * N + n++] = k;
            nonZeros[r] = n;
        }
        for (int r = 0; r < N; r++) {
            for (int col = 0; col < N; col++) {
                double v = 0;
                for (int z = 0; z < nonZeros[r]; z++) {
                    int k = nonZero[r * N + z];
                    v += f[r * N + k] * b[p + k * N + col];
                }
                fp[r * N + col] = v;
            }
        }
        for (int col = 0; col < N; col++) {
            for (int r = 0; r <= col; r++) {
                double v = 0;
                for (int z = 0; z < nonZeros[col]; z++) {
                    int k = nonZero[col * N + z];
                    v += fp[r * N + k] * f[col * N + k];
                }
                b[p + r * N + col] = v;
                b[p + col * N + r] = v;
            }
        }
        double q = m == STRAIGHT ? straightNoise : m == TURNING || fixed ? TURN_ACCELERATION_NOISE : m == ACCELERATING ? ACCELERATING_NOISE : MANOEUVRE_NOISE;
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
        } else if (fixed) {
            b[p + W * N + W] = BANK_SPREAD * BANK_SPREAD;
        } else {
            // a model without a turn says nothing of the turn rate: it holds 0, as vague as a new track's
            forget(b, s, p, W, TURN_RATE_PRIOR, dt);
        }
        if (accelerates) {
            // white jerk on each axis: (position, velocity, acceleration) driven by q_j
            double j = JERK_NOISE, t2 = dt * dt, t3 = t2 * dt, t4 = t3 * dt, t5 = t4 * dt;
            for (int axis = 0; axis < 2; axis++) {
                int px = axis == 0 ? X : Y, pv = axis == 0 ? VX : VY, pa = axis == 0 ? AX : AY;
                b[p + px * N + px] += j * t5 / 20;
                b[p + px * N + pv] += j * t4 / 8;
                b[p + pv * N + px] += j * t4 / 8;
                b[p + px * N + pa] += j * t3 / 6;
                b[p + pa * N + px] += j * t3 / 6;
                b[p + pv * N + pv] += j * t3 / 3;
                b[p + pv * N + pa] += j * t2 / 2;
                b[p + pa * N + pv] += j * t2 / 2;
                b[p + pa * N + pa] += j * dt;
            }
        } else {
            forget(b, s, p, AX, ACCELERATION_PRIOR, dt);
            forget(b, s, p, AY, ACCELERATION_PRIOR, dt);
        }
    }

    /** State {@code k} of the model at {@code s, p} is one the model does not hold: 0, with the prior spread, uncorrelated. */
    private static void forget(double[] b, int s, int p, int k, double prior, double dt) {
        double d = Math.exp(-dt / FORGET);
        double var = b[p + k * N + k];
        b[s + k] *= d;
        for (int c = 0; c < N; c++) {
            b[p + k * N + c] *= d;
            b[p + c * N + k] *= d;
        }
        b[p + k * N + k] = var * d * d + prior * prior * (1 - d * d);
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
        double pxx = 0, pxv = 0, pvv = 0, pyy = 0, pyv = 0, vyVar = 0;
        for (int m = 0; m < MODELS; m++) {
            int o = base + m * MODEL_WIDTH, s = o + 1, p = s + N;
            double mu = b[o];
            double dx = b[s + X] - x, dy = b[s + Y] - y, dvx = b[s + VX] - vx, dvy = b[s + VY] - vy;
            pxx += mu * (b[p + X * N + X] + dx * dx);
            pxv += mu * (b[p + X * N + VX] + dx * dvx);
            pvv += mu * (b[p + VX * N + VX] + dvx * dvx);
            pyy += mu * (b[p + Y * N + Y] + dy * dy);
            pyv += mu * (b[p + Y * N + VY] + dy * dvy);
            vyVar += mu * (b[p + VY * N + VY] + dvy * dvy);
        }
        ax.set(i, x, vx, pxx, pxv, pvv);
        ay.set(i, y, vy, pyy, pyv, vyVar);
    }
}
