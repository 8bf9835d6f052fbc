package org.kizuna.picture.internal.tracking;

import java.util.Arrays;

/**
 * A confirmed track's motion models: an interacting multiple model (IMM) filter over the ways an aircraft or a ship
 * moves, so that a track follows a target through turns and speed changes as closely as through straight flight.
 * <ul>
 * <li><b>Straight</b>: constant velocity under weak white acceleration ({@code processNoise}, the matched model of a
 * target in cruise).
 * <li><b>Manoeuvring</b>: constant velocity under strong white acceleration, the bridge for the seconds in which none of
 * the others fits.
 * <li><b>Accelerating</b>: constant acceleration, the acceleration in the state; when entered, its prior lies along the
 * velocity (a speed change on a straight path), with a little across it.
 * <li><b>Turns</b>: coordinated turns at {@link #BANK_STEP_DEGREES}, twice and three times that either way (2, 4 and 6
 * degrees a second), each with its rate in the state: when entered, the model's own rate give or take
 * {@link #RATE_SPREAD_DEGREES}, refined by the reports while it goes on. A turn-rate estimate that starts from nothing
 * needs tens of seconds of reports, longer than many turns last; the model whose rate is nearest the truth predicts
 * well from the first seconds of a turn.
 * </ul>
 * Each model has its own estimate: position and velocity on the plane, and the parameters it uses (a turn rate, an
 * acceleration), {@code (x, y, vx, vy, p0, p1)}, the first {@code dim(m)} of them. Before every prediction the models'
 * estimates are mixed: over the interval, each kind of motion ends with the probability its typical stay gives
 * ({@link #sojourn}), and the next is drawn from fixed shares ({@link #PI}: straight flight 40%, turns 45%, a speed
 * change 10%, a manoeuvre 5%), possibly the same kind afresh. A model that goes on keeps its estimate; a model that
 * is entered starts from the position and velocity of the motions that ended and its own parameters' entry prior
 * (so a turn model always starts near its own rate, and no parameter of a model that ended leaks into another). A
 * report updates each model and re-weighs them by how well each predicted it. What the engine gates, assigns, merges
 * and shows is the combination (the models' estimates weighed by their probabilities, the spread between them in
 * its covariance), written to the track table's per-axis columns after each step.
 *
 * <p>Straight flight's stay is the caller's: a target not seen to manoeuvre is expected to fly straight until the
 * reports say otherwise ({@link TrackTable}), one that has manoeuvred to change its motion every minute or so.
 *
 * <p>Cost. The mixing of all the models costs as much as the prediction of one (what the entered models start from
 * is common to all); each model predicts and updates only the parts of the state it has (4 for straight flight and
 * the manoeuvre, 5 for a turn, 6 for a speed change). State lives in one block column of the track table: per track,
 * per model, the model's probability, its state and its covariance.
 */
final class ManoeuvreFilter {

    static final int STRAIGHT = 0, MANOEUVRING = 1, ACCELERATING = 2, FIRST_TURN = 3;
    /** The known turn rates: this many degrees a second, twice and three times that, either way. */
    static final double BANK_STEP_DEGREES = 2, BANK_MAX_DEGREES = 6;
    /** How far a turn model's rate may be from its own when it is entered (degrees a second, one sigma). */
    static final double RATE_SPREAD_DEGREES = 0.7;
    private static final double[] RATE;
    static final int MODELS;

    static {
        int n = (int) Math.round(BANK_MAX_DEGREES / BANK_STEP_DEGREES);
        RATE = new double[2 * n];
        for (int j = 0; j < n; j++) {
            RATE[2 * j] = Math.toRadians((j + 1) * BANK_STEP_DEGREES);
            RATE[2 * j + 1] = -RATE[2 * j];
        }
        MODELS = FIRST_TURN + RATE.length;
    }

    private static final double RATE_SPREAD = Math.toRadians(RATE_SPREAD_DEGREES);
    /** The state: position, velocity, then the model's parameters (a turn's rate; a speed change's acceleration on x and y). */
    private static final int D = 6, X = 0, Y = 1, VX = 2, VY = 3, P0 = 4, P1 = 5;
    private static final int MODEL_WIDTH = 1 + D + D * D;
    static final int WIDTH = MODELS * MODEL_WIDTH;

    /** Mean stays (s): straight flight once a track has manoeuvred (see the class comment), a turn, a speed change, a manoeuvre. */
    static final double STRAIGHT_SOJOURN = 60, TURN_SOJOURN = 30, ACCELERATION_SOJOURN = 20,
            MANOEUVRE_SOJOURN = 5;
    /** Acceleration noise of the turn models (m^2/s^3): the turn is in the model, only its small errors are noise. */
    static final double TURN_ACCELERATION_NOISE = 0.5;
    /** Turn-rate noise (rad^2/s^3): a coordinated turn holds its rate; a new turn is a switch of model. */
    static final double TURN_RATE_NOISE = 1e-8;
    /** Acceleration noise of the manoeuvre model (m^2/s^3): speed changes of up to 8 m/s^2, and turn entries. */
    static final double MANOEUVRE_NOISE = 60;
    /** Jerk noise of the accelerating model (m^2/s^5): an acceleration held for a leg, changing little; and its acceleration noise (m^2/s^3). */
    static final double JERK_NOISE = 0.05, ACCELERATING_NOISE = 1;
    /** Prior spread of a new acceleration along the velocity, and across it (m/s^2). */
    static final double ACCELERATION_ALONG = 6, ACCELERATION_ACROSS = 1;
    /** What motion follows one that ended: straight flight, a manoeuvre, a speed change, each turn. */
    static final double[] PI = pi();
    /** A newly confirmed track's model probabilities: straight flight, most likely; the rest shared. */
    private static final double[] START = start();

    private static double[] pi() {
        double[] p = new double[MODELS];
        double s = 0.4, t = 0.45, a = 0.1, m = 0.05;
        double sum = s + t + a + m;
        p[STRAIGHT] = s / sum;
        p[ACCELERATING] = a / sum;
        p[MANOEUVRING] = m / sum;
        for (int k = FIRST_TURN; k < MODELS; k++) p[k] = t / sum / (MODELS - FIRST_TURN);
        return p;
    }

    private static double[] start() {
        double[] s = new double[MODELS];
        s[STRAIGHT] = 0.9;
        for (int m = 1; m < MODELS; m++) s[m] = 0.1 / (MODELS - 1);
        return s;
    }

    /** The mean stay (s) of model {@code m}, straight flight's being {@code straight}. */
    static double sojourn(int m, double straight) {
        return m == STRAIGHT ? straight : m == MANOEUVRING ? MANOEUVRE_SOJOURN : m == ACCELERATING ? ACCELERATION_SOJOURN : TURN_SOJOURN;
    }

    /** The parts of the state model {@code m} has. */
    private static int dim(int m) {
        return m >= FIRST_TURN ? 5 : m == ACCELERATING ? 6 : 4;
    }

    private final Columns.Column<double[]> block;
    private final double straightNoise;

    // work buffers, reused
    private final double[] centre = new double[4], commonState = new double[4], commonCov = new double[16];
    private final double[] entry = new double[D], entryCov = new double[D * D], d = new double[D], e = new double[D];
    private final double[] fp = new double[D * D], gain = new double[2 * D], hp = new double[2 * D], stay = new double[MODELS];
    private final double[] logLikelihood = new double[MODELS];
    /** A share of a mixture below which the mixing leaves it out (its effect on a position is a hundredth of a metre or less). */
    static final double NEGLIGIBLE = 1e-4;

    /** @param straightNoise the acceleration noise of a target in straight flight (m^2/s^3) */
    ManoeuvreFilter(Columns table, double straightNoise) {
        this.block = table.blocks(WIDTH);
        this.straightNoise = straightNoise;
    }

    /** Starts row {@code i} from a per-axis estimate: every model the same position and velocity, its parameters at their entry prior. */
    void start(int i, TrackTable.Axis ax, TrackTable.Axis ay) {
        double[] b = block.at;
        for (int m = 0; m < MODELS; m++) {
            int o = i * WIDTH + m * MODEL_WIDTH;
            b[o] = START[m];
            setKinematics(b, o + 1, ax.pos.at[i], ax.vel.at[i], ax.posVar.at[i], ax.cov.at[i], ax.velVar.at[i], ay.pos.at[i], ay.vel.at[i],
                    ay.posVar.at[i], ay.cov.at[i], ay.velVar.at[i]);
            setEntryParameters(b, o + 1, m);
        }
    }

    /** Writes a per-axis estimate (no coupling between the axes) to the model whose state starts at {@code s}, its parameters cleared. */
    private static void setKinematics(double[] b, int s, double px, double vx, double pxx, double pxv, double pvv, double py, double vy, double pyy,
            double pyv, double vyy) {
        int p = s + D;
        Arrays.fill(b, s, s + D + D * D, 0);
        b[s + X] = px;
        b[s + Y] = py;
        b[s + VX] = vx;
        b[s + VY] = vy;
        b[p + X * D + X] = pxx;
        b[p + X * D + VX] = b[p + VX * D + X] = pxv;
        b[p + VX * D + VX] = pvv;
        b[p + Y * D + Y] = pyy;
        b[p + Y * D + VY] = b[p + VY * D + Y] = pyv;
        b[p + VY * D + VY] = vyy;
    }

    /** Writes model {@code m}'s entry parameters (with the velocity its state holds) to its state at {@code s}. */
    private void setEntryParameters(double[] b, int s, int m) {
        entryParameters(m, b[s + VX], b[s + VY]);
        int p = s + D, n = dim(m);
        for (int k = 4; k < n; k++) {
            b[s + k] = entry[k];
            for (int c = 4; c < n; c++) b[p + k * D + c] = entryCov[k * D + c];
        }
    }

    /** The parameters model {@code m} starts with when entered at velocity {@code (vx, vy)}, into {@link #entry} and {@link #entryCov}. */
    private void entryParameters(int m, double vx, double vy) {
        if (m >= FIRST_TURN) {
            entry[P0] = RATE[m - FIRST_TURN];
            entryCov[P0 * D + P0] = RATE_SPREAD * RATE_SPREAD;
        } else if (m == ACCELERATING) {
            double v = Math.hypot(vx, vy);
            double along = ACCELERATION_ALONG * ACCELERATION_ALONG, across = ACCELERATION_ACROSS * ACCELERATION_ACROSS;
            double ux = 1, uy = 0;
            if (v > 1) {
                ux = vx / v;
                uy = vy / v;
            } else {
                along = across = Math.max(along, across);
            }
            entry[P0] = entry[P1] = 0;
            entryCov[P0 * D + P0] = along * ux * ux + across * uy * uy;
            entryCov[P1 * D + P1] = along * uy * uy + across * ux * ux;
            entryCov[P0 * D + P1] = entryCov[P1 * D + P0] = (along - across) * ux * uy;
        }
    }

    /** The probability of straight flight of row {@code i}. */
    double straightProbability(int i) {
        return block.at[i * WIDTH + STRAIGHT * MODEL_WIDTH];
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
            double dd = b[s + axis] - combined;
            v = Math.max(v, b[s + D + axis * D + axis] + dd * dd);
        }
        return v;
    }

    /**
     * Predicts row {@code i} {@code dt} seconds ahead, straight flight's mean stay being {@code straightSojourn}: mixing (see the
     * class comment), then each model's prediction; writes the combination.
     */
    void predict(int i, double dt, double straightSojourn, TrackTable.Axis ax, TrackTable.Axis ay) {
        double[] b = block.at;
        int base = i * WIDTH;
        Arrays.fill(centre, 0);
        for (int m = 0; m < MODELS; m++) {
            int o = base + m * MODEL_WIDTH;
            for (int k = 0; k < 4; k++) centre[k] += b[o] * b[o + 1 + k];
        }
        // the position and velocity of the motions that end over dt, each weighed by how likely it ends; relative to the centre
        double stayS = Math.exp(-dt / straightSojourn), stayM = Math.exp(-dt / MANOEUVRE_SOJOURN), stayA = Math.exp(-dt / ACCELERATION_SOJOURN),
                stayT = Math.exp(-dt / TURN_SOJOURN);
        for (int m = 0; m < MODELS; m++) stay[m] = m == STRAIGHT ? stayS : m == MANOEUVRING ? stayM : m == ACCELERATING ? stayA : stayT;
        double ended = 0;
        Arrays.fill(commonState, 0);
        Arrays.fill(commonCov, 0);
        for (int m = 0; m < MODELS; m++) {
            int o = base + m * MODEL_WIDTH, s = o + 1, p = s + D;
            double g = (1 - stay[m]) * b[o];
            ended += g;
            for (int k = 0; k < 4; k++) d[k] = b[s + k] - centre[k];
            for (int k = 0; k < 4; k++) commonState[k] += g * d[k];
            for (int r = 0; r < 4; r++) for (int c = r; c < 4; c++) commonCov[r * 4 + c] += g * (b[p + r * D + c] + d[r] * d[c]);
        }
        if (ended > 0) {
            for (int k = 0; k < 4; k++) commonState[k] /= ended;
            for (int r = 0; r < 4; r++) {
                for (int c = r; c < 4; c++) {
                    double v = commonCov[r * 4 + c] / ended - commonState[r] * commonState[c];
                    commonCov[r * 4 + c] = commonCov[c * 4 + r] = v;
                }
            }
        }
        double evx = centre[VX] + commonState[VX], evy = centre[VY] + commonState[VY];
        entryParameters(ACCELERATING, evx, evy);
        double axx = entryCov[P0 * D + P0], axy = entryCov[P0 * D + P1], ayy = entryCov[P1 * D + P1];
        for (int m = 0; m < MODELS; m++) {
            int o = base + m * MODEL_WIDTH, s = o + 1, p = s + D, n = dim(m);
            double own = stay[m] * b[o], in = PI[m] * ended, c = own + in;
            b[o] = c;
            if (in > NEGLIGIBLE * c) {
                // the model's entry parameters (a turn's rate, a speed change's acceleration along the velocity), then the mixture
                // of its own estimate (weight wo) and the entered one (wi): each relative to the centre, in place
                entry[P0] = m >= FIRST_TURN ? RATE[m - FIRST_TURN] : 0;
                entry[P1] = 0;
                if (m >= FIRST_TURN) entryCov[P0 * D + P0] = RATE_SPREAD * RATE_SPREAD;
                else if (m == ACCELERATING) {
                    entryCov[P0 * D + P0] = axx;
                    entryCov[P0 * D + P1] = entryCov[P1 * D + P0] = axy;
                    entryCov[P1 * D + P1] = ayy;
                }
                double wo = own / c, wi = in / c;
                if (wo < NEGLIGIBLE) wo = 0;
                wi = 1 - wo;
                for (int k = 0; k < n; k++) {
                    double ownK = k < 4 ? b[s + k] - centre[k] : b[s + k];
                    double entK = k < 4 ? commonState[k] : entry[k];
                    double mk = wo * ownK + wi * entK;
                    d[k] = ownK - mk;
                    e[k] = entK - mk;
                    b[s + k] = (k < 4 ? centre[k] : 0) + mk;
                }
                for (int r = 0; r < n; r++) {
                    double dr = d[r], er = e[r];
                    for (int col = r; col < n; col++) {
                        double ent = r < 4 ? (col < 4 ? commonCov[r * 4 + col] : 0) : entryCov[r * D + col];
                        double v = wo * (b[p + r * D + col] + dr * d[col]) + wi * (ent + er * e[col]);
                        b[p + r * D + col] = v;
                        b[p + col * D + r] = v;
                    }
                }
            }
            propagate(b, s, m, dt);
        }
        combine(i, ax, ay);
    }

    /** Updates row {@code i} with a measured position of variances {@code rx, ry}: each model's Kalman update and likelihood, the models re-weighed. */
    void update(int i, double zx, double zy, double rx, double ry, TrackTable.Axis ax, TrackTable.Axis ay) {
        double[] b = block.at;
        int base = i * WIDTH;
        double best = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < MODELS; m++) {
            int s = base + m * MODEL_WIDTH + 1, p = s + D, n = dim(m);
            double ex = zx - b[s + X], ey = zy - b[s + Y];
            double sxx = b[p + X * D + X] + rx, syy = b[p + Y * D + Y] + ry, sxy = b[p + X * D + Y];
            double det = sxx * syy - sxy * sxy;
            double ixx = syy / det, iyy = sxx / det, ixy = -sxy / det;
            // the gain K = P H' S^-1, from P's first two columns; H P is P's first two rows, read before they change
            for (int r = 0; r < n; r++) {
                double prx = b[p + r * D + X], pry = b[p + r * D + Y];
                gain[r * 2] = prx * ixx + pry * ixy;
                gain[r * 2 + 1] = prx * ixy + pry * iyy;
                hp[r] = b[p + X * D + r];
                hp[D + r] = b[p + Y * D + r];
            }
            for (int r = 0; r < n; r++) {
                double kx = gain[r * 2], ky = gain[r * 2 + 1];
                b[s + r] += kx * ex + ky * ey;
                for (int c = r; c < n; c++) {
                    double v = b[p + r * D + c] - kx * hp[c] - ky * hp[D + c];
                    b[p + r * D + c] = v;
                    b[p + c * D + r] = v;
                }
            }
            double d2 = ex * (ixx * ex + ixy * ey) + ey * (ixy * ex + iyy * ey);
            logLikelihood[m] = -0.5 * (d2 + Math.log(det)) + Math.log(Math.max(b[base + m * MODEL_WIDTH], 1e-300));
            best = Math.max(best, logLikelihood[m]);
        }
        double total = 0;
        for (int m = 0; m < MODELS; m++) {
            logLikelihood[m] = Math.exp(logLikelihood[m] - best); // now the likelihood itself, scaled by the best
            total += logLikelihood[m];
        }
        for (int m = 0; m < MODELS; m++) b[base + m * MODEL_WIDTH] = Math.max(logLikelihood[m] / total, 1e-9);
        combine(i, ax, ay);
    }

    /** Predicts model {@code m}'s state at {@code s} (its covariance follows it) {@code dt} seconds ahead. */
    private void propagate(double[] b, int s, int m, double dt) {
        if (m == STRAIGHT || m == MANOEUVRING) {
            constantVelocity(b, s, dt, m == STRAIGHT ? straightNoise : MANOEUVRE_NOISE);
        } else if (m == ACCELERATING) {
            constantAcceleration(b, s, dt);
        } else {
            coordinatedTurn(b, s, dt);
        }
    }

    /** A coordinated turn over {@code dt}, the rate in the state (an extended Kalman filter's prediction). */
    private void coordinatedTurn(double[] b, int s, double dt) {
        int p = s + D;
        double vx = b[s + VX], vy = b[s + VY], w = b[s + P0], wt = w * dt, sin = Math.sin(wt), cos = Math.cos(wt);
        double a, c, da, dc; // x' = x + a vx - c vy; y' = y + c vx + a vy; da, dc their derivatives in w
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
        double fxw = da * vx - dc * vy, fyw = dc * vx + da * vy, fvxw = -dt * sin * vx - dt * cos * vy, fvyw = dt * cos * vx - dt * sin * vy;
        b[s + X] += a * vx - c * vy;
        b[s + Y] += c * vx + a * vy;
        b[s + VX] = cos * vx - sin * vy;
        b[s + VY] = sin * vx + cos * vy;
        // F P, then (F P) F', F's rows: x [1 0 a -c fxw], y [0 1 c a fyw], vx [0 0 cos -sin fvxw], vy [0 0 sin cos fvyw], w [0 0 0 0 1]
        for (int j = 0; j < 5; j++) {
            double px = b[p + X * D + j], py = b[p + Y * D + j], pvx = b[p + VX * D + j], pvy = b[p + VY * D + j], pw = b[p + P0 * D + j];
            fp[X * D + j] = px + a * pvx - c * pvy + fxw * pw;
            fp[Y * D + j] = py + c * pvx + a * pvy + fyw * pw;
            fp[VX * D + j] = cos * pvx - sin * pvy + fvxw * pw;
            fp[VY * D + j] = sin * pvx + cos * pvy + fvyw * pw;
            fp[P0 * D + j] = pw;
        }
        for (int r = 0; r < 5; r++) {
            int o = r * D;
            double px = fp[o + X], py = fp[o + Y], pvx = fp[o + VX], pvy = fp[o + VY], pw = fp[o + P0];
            double nx = px + a * pvx - c * pvy + fxw * pw, ny = py + c * pvx + a * pvy + fyw * pw;
            double nvx = cos * pvx - sin * pvy + fvxw * pw, nvy = sin * pvx + cos * pvy + fvyw * pw;
            if (r <= X) b[p + r * D + X] = nx;
            if (r <= Y) b[p + r * D + Y] = ny;
            if (r <= VX) b[p + r * D + VX] = nvx;
            if (r <= VY) b[p + r * D + VY] = nvy;
            b[p + r * D + P0] = pw;
        }
        for (int r = 1; r < 5; r++) for (int col = 0; col < r; col++) b[p + r * D + col] = b[p + col * D + r];
        whiteAcceleration(b, p, dt, TURN_ACCELERATION_NOISE);
        b[p + P0 * D + P0] += TURN_RATE_NOISE * dt;
    }

    /** Constant acceleration over {@code dt}, the acceleration in the state, under white acceleration and white jerk. */
    private static void constantAcceleration(double[] b, int s, double dt) {
        int p = s + D;
        double h = dt * dt / 2, ax = b[s + P0], ay = b[s + P1];
        b[s + X] += b[s + VX] * dt + ax * h;
        b[s + Y] += b[s + VY] * dt + ay * h;
        b[s + VX] += ax * dt;
        b[s + VY] += ay * dt;
        // F is per axis [[1 dt h], [0 1 dt], [0 0 1]] on (position, velocity, acceleration): rows, then columns
        for (int axis = 0; axis < 2; axis++) {
            int x = axis, v = 2 + axis, acc = 4 + axis;
            for (int j = 0; j < 6; j++) {
                b[p + x * D + j] += dt * b[p + v * D + j] + h * b[p + acc * D + j];
                b[p + v * D + j] += dt * b[p + acc * D + j];
            }
        }
        for (int axis = 0; axis < 2; axis++) {
            int x = axis, v = 2 + axis, acc = 4 + axis;
            for (int j = 0; j < 6; j++) {
                b[p + j * D + x] += dt * b[p + j * D + v] + h * b[p + j * D + acc];
                b[p + j * D + v] += dt * b[p + j * D + acc];
            }
        }
        whiteAcceleration(b, p, dt, ACCELERATING_NOISE);
        // white jerk on each axis: (position, velocity, acceleration)
        double j = JERK_NOISE, t2 = dt * dt, t3 = t2 * dt, t4 = t3 * dt, t5 = t4 * dt;
        for (int axis = 0; axis < 2; axis++) {
            int px = axis == 0 ? X : Y, pv = axis == 0 ? VX : VY, pa = axis == 0 ? P0 : P1;
            b[p + px * D + px] += j * t5 / 20;
            b[p + px * D + pv] += j * t4 / 8;
            b[p + pv * D + px] += j * t4 / 8;
            b[p + px * D + pa] += j * t3 / 6;
            b[p + pa * D + px] += j * t3 / 6;
            b[p + pv * D + pv] += j * t3 / 3;
            b[p + pv * D + pa] += j * t2 / 2;
            b[p + pa * D + pv] += j * t2 / 2;
            b[p + pa * D + pa] += j * dt;
        }
    }

    /** Constant velocity over {@code dt} under white acceleration {@code q}, for the model whose state is at {@code s}. */
    private static void constantVelocity(double[] b, int s, double dt, double q) {
        int p = s + D;
        b[s + X] += b[s + VX] * dt;
        b[s + Y] += b[s + VY] * dt;
        // P' = F P F' with F = [[I, dt I], [0, I]]: the position block gains dt (Ppv + Pvp) + dt^2 Pvv, the cross block dt Pvv
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                double pv = b[p + r * D + 2 + c], vp = b[p + (2 + r) * D + c], vv = b[p + (2 + r) * D + 2 + c];
                b[p + r * D + c] += dt * (pv + vp) + dt * dt * vv;
                b[p + r * D + 2 + c] = pv + dt * vv;
                b[p + (2 + r) * D + c] = vp + dt * vv;
            }
        }
        whiteAcceleration(b, p, dt, q);
    }

    /** Adds white acceleration {@code q} over {@code dt} on each axis to the covariance at {@code p}. */
    private static void whiteAcceleration(double[] b, int p, double dt, double q) {
        double q11 = q * dt * dt * dt / 3, q12 = q * dt * dt / 2, q22 = q * dt;
        b[p + X * D + X] += q11;
        b[p + Y * D + Y] += q11;
        b[p + X * D + VX] += q12;
        b[p + VX * D + X] += q12;
        b[p + Y * D + VY] += q12;
        b[p + VY * D + Y] += q12;
        b[p + VX * D + VX] += q22;
        b[p + VY * D + VY] += q22;
    }

    /** Moves every model of row {@code i} by {@code (dx, dy)} (a change of the frame its reports were registered in). */
    void shift(int i, double dx, double dy) {
        double[] b = block.at;
        int base = i * WIDTH;
        for (int m = 0; m < MODELS; m++) {
            int st = base + m * MODEL_WIDTH + 1;
            b[st + X] += dx;
            b[st + Y] += dy;
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
        double pxx = 0, pxv = 0, pvv = 0, pyy = 0, pyv = 0, vyVar = 0;
        for (int m = 0; m < MODELS; m++) {
            int o = base + m * MODEL_WIDTH, s = o + 1, p = s + D;
            double mu = b[o];
            double dx = b[s + X] - x, dy = b[s + Y] - y, dvx = b[s + VX] - vx, dvy = b[s + VY] - vy;
            pxx += mu * (b[p + X * D + X] + dx * dx);
            pxv += mu * (b[p + X * D + VX] + dx * dvx);
            pvv += mu * (b[p + VX * D + VX] + dvx * dvx);
            pyy += mu * (b[p + Y * D + Y] + dy * dy);
            pyv += mu * (b[p + Y * D + VY] + dy * dvy);
            vyVar += mu * (b[p + VY * D + VY] + dvy * dvy);
        }
        ax.set(i, x, vx, pxx, pxv, pvv);
        ay.set(i, y, vy, pyy, pyv, vyVar);
    }
}
