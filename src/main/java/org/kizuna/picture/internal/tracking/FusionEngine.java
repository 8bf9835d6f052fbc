package org.kizuna.picture.internal.tracking;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * One audience's tracker: fuses only what it is given. Coordinates in metres on a local plane, time in
 * seconds. Reports are processed scan by scan (a scan: the reports of one sensor at one time):
 * predict every track to the scan, gate and associate (confirmed tracks first, tentative tracks on the
 * reports they leave), update, initiate tracks from pairs of unexplained reports, delete stale tracks,
 * merge duplicates. Tracks keep stable ids. State lives in a table of columns ({@link TrackTable});
 * buffers are kept between scans and views, so a scan allocates only when the picture grows.
 * Not thread-safe: one thread drives an engine (the picture's own).
 *
 * <p>The model. A tentative track's state is position and velocity on the plane under constant velocity; a
 * confirmed track's is followed by an interacting multiple model filter ({@link ManoeuvreFilter}: straight
 * flight, turns, a speed change, a manoeuvre), whose combined estimate is what the engine gates, assigns and
 * shows. A report of accuracy
 * sigma gates with a track when its squared Mahalanobis distance to the track's predicted position,
 * {@code ex^2 / (Vx + sigma^2) + ey^2 / (Vy + sigma^2)}, is at most {@code gate} (chi-square, two degrees of
 * freedom), where V is, for a confirmed track, the widest of the models' predicted position variances, so
 * a target that has just begun to turn keeps its reports (a tentative track, which may be clutter, gates
 * on its own estimate). Among gated pairs, tracks and reports are assigned globally optimally per
 * cluster at the cost {@code d^2 + ln((Vx + sigma^2)(Vy + sigma^2))} (twice the negative log-likelihood, up
 * to a constant); leaving a track without a report costs as much as a report on the edge of its gate.
 *
 * <p>Registration. Each sensor's reports are corrected by the engine's estimate of that sensor's bias
 * ({@link Registration}), and the estimate's uncertainty is added to the report's; a report of a sensor
 * whose bias is estimated, taken by a track that took a reference report (a surveyed sensor's, a unit's own
 * position) a few seconds before or after, refines the estimate: the pair of reports says how far the sensor
 * sits off, where the track itself has been pulled by that sensor's own reports. Units' own positions update the tracks that are those units,
 * but start and confirm none.
 */
public final class FusionEngine {

    /** Cell of the grid reports are found on when gating (m). */
    private static final double REPORT_CELL = 2000;
    /** Cell of the grid confirmed tracks are found on when merging (m). */
    private static final double MERGE_CELL = 1000;
    /** The cost of a track and a report that did not gate: never assigned. */
    private static final double NOT_GATED = 1e12;

    final FusionConfig cfg;
    final TrackTable tracks;
    final Registration registration = new Registration();
    private long nextId = 1;
    private double lastAdvance = Double.NEGATIVE_INFINITY;
    /** How far behind the latest advance reports are processed ({@link #holdBack}), and the latest time advanced to. */
    private double holdBack;
    private double shownAt = Double.NEGATIVE_INFINITY;

    // queued reports, and seeds: unexplained reports that may still start a track
    private final Reports queue = new Reports();
    private final Reports seeds = new Reports();

    // per-scan work buffers
    private final Grid reportGrid = new Grid();
    private final Grid seedGrid = new Grid();
    private final Grid trackGrid = new Grid();
    /** Per report of the scan: taken by a track or by initiation. */
    private boolean[] used = new boolean[0];
    /** Per report of the scan: its position corrected by its sensor's registration estimate. */
    private double[] zx = new double[0], zy = new double[0];
    /** The scan's sensor, and the variance of each of its reports per axis: its own, plus its registration estimate's. */
    private int scanSensor;
    private double scanRx, scanRy;
    /** The scan's time: older than a track's state only when its reports came late ({@link #late}). */
    private double scanTime;
    /** Per seed: expired, or has started a track. */
    private boolean[] seedGone = new boolean[0];
    /** Per seed: its position corrected by its sensor's registration estimate, and its variance with the estimate's. */
    private double[] seedX = new double[0], seedY = new double[0], seedVar = new double[0];
    /** Gated pairs: the live track index, the report (index in the scan) and the assignment cost of each. */
    private final Columns pairs = new Columns();
    private final Columns.Column<int[]> pairTrack = pairs.ints(), pairReport = pairs.ints();
    private final Columns.Column<double[]> pairCost = pairs.doubles();
    private int pairCount;
    // clusters of gated pairs (union-find over tracks and reports), and the assignment of each
    private int[] parent = new int[0];
    private int[] pairOrder = new int[0];
    private long[] pairSortKeys = new long[0];
    private final Assignment assignment = new Assignment();
    private double[] costMatrix = new double[64];
    private int[] rowToCol = new int[64];
    private int[] clusterTracks = new int[0], clusterReports = new int[0];

    /** The partners' tracks this engine holds (track-level input), and which local track each is fused with. */
    private final Peers peers = new Peers();

    public FusionEngine(FusionConfig config) {
        this.cfg = config;
        this.tracks = new TrackTable(config.processNoise());
    }

    /** Queues one sensor report; {@code sigma} is its one-sigma position accuracy (m). */
    public void report(double t, int sensor, double px, double py, double sigma, int labelKey) {
        report(t, sensor, px, py, sigma, labelKey, -1);
    }

    /**
     * Queues one sensor report with its identity ({@code id} at least 0, the same in every engine the report is given
     * to), which the tracks that take it remember ({@link #view(ReportedTrackSink)}); the identity changes nothing
     * else the engine does.
     */
    public void report(double t, int sensor, double px, double py, double sigma, int labelKey, long id) {
        if (!(sigma > 0) || Double.isNaN(px) || Double.isNaN(py) || Double.isNaN(t)) {
            throw new IllegalArgumentException("a report needs finite position and time and a positive sigma");
        }
        queue.add(t, sensor, px, py, sigma, labelKey, id);
    }

    /** Receives the tracks of one view with the identities of the latest reports each took. */
    public interface ReportedTrackSink {
        /** As {@link TrackSink#track}, and the identities of the first and the latest reports it took, {@code reports[0..reportCount)}, oldest first. */
        void track(long id, double t, double x, double y, double vx, double vy, double positionVariance, int[] labelKeys, int labelKeyCount,
                int[] sensors, int sensorCount, long[] reports, int reportCount);
    }

    private long[] recentBuffer = new long[TrackTable.FIRST + TrackTable.RECENT];

    /** Confirmed tracks as of the last advance, with the identities of the first and the latest reports each took, oldest first. */
    public void view(ReportedTrackSink sink) {
        double t = shownTime(), noise = cfg.processNoise();
        for (int k = 0; k < tracks.size(); k++) {
            int i = tracks.slot(k);
            if (!tracks.confirmed.at[i]) continue;
            double dt = t - tracks.stateTime.at[i];
            double positionVariance = (tracks.x.positionVarianceAt(i, dt, noise) + tracks.y.positionVarianceAt(i, dt, noise)) / 2;
            int taken = tracks.recentCount.at[i], latest = Math.min(taken, TrackTable.RECENT);
            int firsts = Math.min(TrackTable.FIRST, taken - latest); // the first reports that are not among the latest
            for (int j = 0; j < firsts; j++) recentBuffer[j] = tracks.first.at[i * TrackTable.FIRST + j];
            for (int j = 0; j < latest; j++) recentBuffer[firsts + j] = tracks.recent.at[i * TrackTable.RECENT + (taken - latest + j) % TrackTable.RECENT];
            int n = firsts + latest;
            if (peers.fusedWith(tracks.id.at[i])) {
                Peers.Shown f = peers.fused(this, i, t);
                sink.track(tracks.id.at[i], t, f.x, f.y, f.vx, f.vy, f.positionVariance, f.labels, f.labelCount, f.sensors, f.sensorCount, recentBuffer, n);
                continue;
            }
            sink.track(tracks.id.at[i], t, tracks.x.positionAt(i, dt), tracks.y.positionAt(i, dt), tracks.x.vel.at[i], tracks.y.vel.at[i],
                    positionVariance, tracks.labels.of(i), tracks.labels.count(i), tracks.sensors.of(i), tracks.sensors.count(i), recentBuffer, n);
        }
        peers.alone(t, f -> sink.track(f.id, t, f.x, f.y, f.vx, f.vy, f.positionVariance, f.labels, f.labelCount, f.sensors, f.sensorCount,
                recentBuffer, 0));
    }

    /**
     * Processes reports only up to {@code seconds} behind each advance (0, the default: everything queued), so that a
     * report that arrives up to that late (a partner's observations, sent in batches) is still processed in time order
     * with the others; the tracks shown are the estimate at that time predicted to the time advanced to. Reports later
     * still are processed as they come, against tracks already past their time.
     */
    public void holdBack(double seconds) {
        if (!(seconds >= 0) || seconds > 10) throw new IllegalArgumentException("a hold-back is 0 to 10 s; got " + seconds);
        holdBack = seconds;
    }

    /** The time the tracks are shown at: the latest advance. */
    private double shownTime() {
        return holdBack > 0 ? Math.max(shownAt, lastAdvance) : lastAdvance;
    }

    /**
     * Processes everything queued with time <= now (less the {@link #holdBack}), in time order, one scan (time and
     * sensor) at a time.
     */
    public void advance(double until) {
        shownAt = Math.max(shownAt, until);
        double now = until - holdBack;
        scanQueuedUpTo(now);
        lastAdvance = Math.max(lastAdvance, now);
        predictAll(now);
        // tracks expire when their sensors fall silent, not only when a later scan comes; at a scan's own
        // time this is what that scan did already
        deleteStale(now);
        peers.expire(now, cfg.confirmedTimeout());
        peers.unlinkGone(this);
    }

    /** Confirmed tracks as of the last advance. */
    public void view(TrackSink sink) {
        viewAt(shownTime(), sink);
    }

    /** Adds every label key this engine still holds (queued reports, seeds, live tracks) to {@code out}. */
    public void labelKeysInUse(BitSet out) {
        for (int r = 0; r < queue.size; r++) if (queue.label[r] >= 0) out.set(queue.label[r]);
        for (int r = 0; r < seeds.size; r++) if (seeds.label[r] >= 0) out.set(seeds.label[r]);
        for (int k = 0; k < tracks.size(); k++) {
            int i = tracks.slot(k);
            int[] keys = tracks.labels.of(i);
            for (int j = 0; j < tracks.labels.count(i); j++) if (keys[j] >= 0) out.set(keys[j]);
        }
        peers.labelKeysInUse(out);
    }

    /** Sets what sensor {@code sensor} is to this engine; a sensor not set is {@link SensorRole#ESTIMATED}. */
    public void role(int sensor, SensorRole role) {
        registration.role(sensor, role);
    }

    /** The registration estimate of every sensor this engine has had reports from, in sensor order. */
    public void registration(RegistrationSink sink) {
        registration.report(sink, lastAdvance);
    }

    public int trackCount() {
        int n = 0;
        for (int k = 0; k < tracks.size(); k++) if (tracks.confirmed.at[tracks.slot(k)]) n++;
        return n + peers.aloneCount();
    }

    /** Confirmed tracks predicted to {@code t} (no state changes). */
    public void viewAt(double t, TrackSink sink) {
        double noise = cfg.processNoise();
        for (int k = 0; k < tracks.size(); k++) {
            int i = tracks.slot(k);
            if (!tracks.confirmed.at[i]) continue;
            double dt = t - tracks.stateTime.at[i];
            double positionVariance = (tracks.x.positionVarianceAt(i, dt, noise) + tracks.y.positionVarianceAt(i, dt, noise)) / 2;
            if (peers.fusedWith(tracks.id.at[i])) {
                Peers.Shown f = peers.fused(this, i, t);
                sink.track(tracks.id.at[i], t, f.x, f.y, f.vx, f.vy, f.positionVariance, f.labels, f.labelCount, f.sensors, f.sensorCount);
                continue;
            }
            sink.track(tracks.id.at[i], t, tracks.x.positionAt(i, dt), tracks.y.positionAt(i, dt), tracks.x.vel.at[i], tracks.y.vel.at[i],
                    positionVariance, tracks.labels.of(i), tracks.labels.count(i), tracks.sensors.of(i), tracks.sensors.count(i));
        }
        peers.alone(t, f -> sink.track(f.id, t, f.x, f.y, f.vx, f.vy, f.positionVariance, f.labels, f.labelCount, f.sensors, f.sensorCount));
    }

    /** Receives every live track, tentative ones too, with the report it started from: for track histories. */
    public interface HistorySink {
        void state(long id, boolean confirmed, double startT, double startX, double startY,
                double t, double x, double y, double vx, double vy);
    }

    /**
     * Every live track predicted to {@code t}, tentative ones included, with the report that started it.
     * A track's history (as offline evaluation records it, and as Stone Soup's track files hold it) is
     * the states it had from its first report on, kept once the track is confirmed.
     */
    public void history(double t, HistorySink sink) {
        for (int k = 0; k < tracks.size(); k++) {
            int i = tracks.slot(k);
            double dt = t - tracks.stateTime.at[i];
            if (tracks.confirmed.at[i] && peers.fusedWith(tracks.id.at[i])) {
                Peers.Shown f = peers.fused(this, i, t);
                sink.state(tracks.id.at[i], true, tracks.startTime.at[i], tracks.startX.at[i], tracks.startY.at[i], t, f.x, f.y, f.vx, f.vy);
                continue;
            }
            sink.state(tracks.id.at[i], tracks.confirmed.at[i], tracks.startTime.at[i], tracks.startX.at[i], tracks.startY.at[i],
                    t, tracks.x.positionAt(i, dt), tracks.y.positionAt(i, dt), tracks.x.vel.at[i], tracks.y.vel.at[i]);
        }
        peers.alone(t, f -> sink.state(f.id, true, f.startT, f.startX, f.startY, t, f.x, f.y, f.vx, f.vy));
    }

    // ---------------------------------------------------------------- partners' tracks

    /** How a partner's track and the local track of the same target are combined when shown. */
    public enum PeerFusion {
        /**
         * As two independent estimates (information added): right because the local track never takes a partner's
         * state (its filter runs on this engine's reports only) and the partner's track never takes this engine's (a
         * node sends only tracks built from its own reports), so the two share no report; only the target's own
         * motion, which the prediction's noise covers.
         */
        INDEPENDENT,
        /** Covariance intersection (its fast form, the weight from the traces of the position covariances): consistent whatever the two estimates share. */
        COVARIANCE_INTERSECTION
    }

    /** Sets how a partner's track and a local track of one target are combined (default {@link PeerFusion#INDEPENDENT}). */
    public void peerFusion(PeerFusion rule) {
        peers.rule = rule;
    }

    /**
     * A partner's tracks as of {@code t} (track-level input): every track partner {@code peer} (a sensor index of the
     * caller's choosing, one per partner, never a sensor's) releases to this engine now; its tracks not among them are
     * gone. Each is associated with at most one confirmed local track (gating on both estimates' covariances, the
     * local sensors' registration uncertainty included), preferring the one it was with; the local track's own filter
     * never takes it (so nothing is counted twice, however often the partner sends the same information): the track is
     * shown as the combination of both ({@link #peerFusion}), with both labels and the partner among its sensors. A
     * partner's track with no local track is shown alone, under an id of this engine's, with the partner as its only
     * sensor. A partner's tracks are a registration reference: a local sensor's report on a track that is with one is
     * measured against it.
     */
    public void peerTracks(int peer, double t, List<PeerTrack> batch) {
        if (t > lastAdvance) advance(t);
        double at = lastAdvance;
        if (registration.roleOf(peer) != SensorRole.SURVEYED) registration.role(peer, SensorRole.SURVEYED);
        int yard = registration.provisionalYardstick();
        // a partner with no tracks yet is no reference yet: until its first tracks the provisional yardstick stays one
        if (!batch.isEmpty()) {
            if (yard >= 0) provisionalFrame = yard;
            registration.heard(peer, at);
        }
        peers.replace(peer, batch);
        peers.expire(at, cfg.confirmedTimeout());
        if (provisionalFrame >= 0) {
            // the references made against the provisional yardstick's reports are in its frame: none is kept
            for (int k = 0; k < tracks.size(); k++) tracks.lastReferenceTime.at[tracks.slot(k)] = Double.NEGATIVE_INFINITY;
        }
        peers.associate(this, at, false);
        if (provisionalFrame >= 0) tieFrame(at);
    }

    /** The sensor whose frame this engine's tracks are in until a partner's tracks tie it to theirs; -1 when none. */
    private int provisionalFrame = -1;

    /** Pairs of a local track and a partner's track that tie the provisional frame to the partner's: at least this many. */
    static final int FRAME_PAIRS = 3;

    /**
     * Ties the provisional frame to the partners' (their tracks are registered): with no reference before the partner's
     * tracks, this engine's tracks sit where its provisional yardstick's registration puts them. The mean offset of the
     * local tracks from the partner's tracks they are with is that yardstick's; every track moves back by it, and every
     * registration estimate (made relative to the yardstick) forward by it. Without it the tracks would lose the offset
     * only as new reports come, over tens of seconds.
     */
    private void tieFrame(double t) {
        double[] sum = new double[3];
        peers.offsets(this, t, sum);
        if (sum[2] < FRAME_PAIRS) return;
        double dx = sum[0] / sum[2], dy = sum[1] / sum[2];
        // the offset's uncertainty: a partner's track and a local track each carry some tens of metres, averaged over the pairs
        double var = 2 * 60.0 * 60.0 / sum[2];
        registration.tieFrame(provisionalFrame, dx, dy, var);
        for (int k = 0; k < tracks.size(); k++) {
            int i = tracks.slot(k);
            tracks.x.pos.at[i] -= dx;
            tracks.y.pos.at[i] -= dy;
            tracks.startX.at[i] -= dx;
            tracks.startY.at[i] -= dy;
            if (tracks.confirmed.at[i]) tracks.motion.shift(i, -dx, -dy);
        }
        provisionalFrame = -1;
    }

    /** Receives tracks with their full covariance: per axis {@code [[pxx, pxv], [pxv, vxx]]}. */
    public interface StateSink {
        void track(long id, double t, double x, double y, double vx, double vy, double pxx, double pxv, double vxx, double pyy, double pyv,
                double vyy, int[] labelKeys, int labelKeyCount, int[] sensors, int sensorCount);
    }

    /**
     * The confirmed tracks of this engine's own reports, predicted to {@code t}: what a node sends its partners. No
     * partner's track is in them (the local filter never takes one, and a partner's track shown alone is not one of
     * them), so a partner's information never travels on to a third node nor back to its own.
     */
    public void ownStates(double t, StateSink sink) {
        double q = cfg.processNoise();
        for (int k = 0; k < tracks.size(); k++) {
            int i = tracks.slot(k);
            if (!tracks.confirmed.at[i]) continue;
            double dt = t - tracks.stateTime.at[i];
            TrackTable.Axis ax = tracks.x, ay = tracks.y;
            sink.track(tracks.id.at[i], t, ax.positionAt(i, dt), ay.positionAt(i, dt), ax.vel.at[i], ay.vel.at[i],
                    ax.positionVarianceAt(i, dt, q), ax.cov.at[i] + dt * ax.velVar.at[i] + q * dt * dt / 2, ax.velVar.at[i] + q * dt,
                    ay.positionVarianceAt(i, dt, q), ay.cov.at[i] + dt * ay.velVar.at[i] + q * dt * dt / 2, ay.velVar.at[i] + q * dt,
                    tracks.labels.of(i), tracks.labels.count(i), tracks.sensors.of(i), tracks.sensors.count(i));
        }
    }

    /** A new track id (local tracks and partners' tracks shown alone share one sequence). */
    long newId() {
        return nextId++;
    }

    /** The largest variance the registration estimates of the sensors track {@code i} took add to their reports at {@code t}. */
    double registrationVariance(int i, double t) {
        double v = 0;
        int[] s = tracks.sensors.of(i);
        for (int j = 0; j < tracks.sensors.count(i); j++) {
            v = Math.max(v, Math.max(registration.varianceX(s[j], t), registration.varianceY(s[j], t)));
        }
        return v;
    }

    // ---------------------------------------------------------------- one scan

    private void scanQueuedUpTo(double now) {
        if (queue.size == 0) return;
        queue.sortByTimeAndSensor();
        int end = 0;
        while (end < queue.size && queue.t[end] <= now) end++;
        int first = 0;
        while (first < end) {
            int stop = first + 1;
            while (stop < end && queue.t[stop] == queue.t[first] && queue.sensor[stop] == queue.sensor[first]) stop++;
            scan(first, stop - first);
            first = stop;
        }
        queue.dropFirst(end);
    }

    /** One scan: the {@code n} queued reports from {@code first} on, all of one sensor and one time. */
    private void scan(int first, int n) {
        double t = queue.t[first];
        predictAll(t);
        scanTime = t;
        scanSensor = queue.sensor[first];
        registration.heard(scanSensor, t);
        double maxSigma = indexReports(first, n, t);
        // confirmed tracks take their reports first; tentative tracks only what is left, so a track
        // started from clutter cannot grow by taking an established target's reports
        associate(first, n, maxSigma, true);
        associate(first, n, maxSigma, false);
        // a unit's own position report updates the track that is that unit, but never starts one
        if (registration.roleOf(scanSensor) != SensorRole.SELF_REPORTS) initiate(first, n, t);
        registration.scanDone(scanSensor, t);
        deleteStale(t);
        mergeDuplicates(t);
        // a partner's track shown alone joins a local track of its target as soon as one is confirmed, not only with
        // the partner's next tracks
        peers.expire(t, cfg.confirmedTimeout());
        peers.unlinkGone(this);
        if (peers.anyAlone()) peers.associate(this, t, true);
    }

    /**
     * How much older the scan is than track {@code i}'s state (s): above 0 only for reports that came after the track was
     * advanced past their time (a partner's observations, sent in batches); such a report is carried to the track's time
     * at the track's velocity, its variance grown by the velocity's over the interval (a first-order out-of-sequence
     * update: the track is not rolled back).
     */
    private double late(int i) {
        return tracks.stateTime.at[i] - scanTime;
    }

    private void predictAll(double t) {
        for (int k = 0; k < tracks.size(); k++) {
            int i = tracks.slot(k);
            if (tracks.stateTime.at[i] < t) tracks.predict(i, t);
        }
    }

    /**
     * Corrects the scan's reports by their sensor's registration estimate and puts them on the report
     * grid, none of them used yet; returns the largest one-sigma of a report, the estimate's uncertainty
     * included.
     */
    private double indexReports(int first, int n, double t) {
        if (used.length < n) {
            used = new boolean[n * 2];
            zx = new double[n * 2];
            zy = new double[n * 2];
        }
        double bx = registration.biasX(scanSensor), by = registration.biasY(scanSensor);
        double vbx = registration.varianceX(scanSensor, t), vby = registration.varianceY(scanSensor, t);
        double maxVar = 0;
        reportGrid.clear(n);
        for (int j = 0; j < n; j++) {
            int r = first + j;
            zx[j] = queue.x[r] - bx;
            zy[j] = queue.y[r] - by;
            reportGrid.add(cellKey(zx[j], zy[j]), j);
            maxVar = Math.max(maxVar, queue.sigma[r] * queue.sigma[r]);
            used[j] = false;
        }
        // the reports of a scan share a sensor; so far every report of a scan has the sensor's sigma, but
        // a CoT report may carry its own, so the largest is kept apart
        scanRx = vbx;
        scanRy = vby;
        return Math.sqrt(maxVar + Math.max(vbx, vby));
    }

    /** The variance on x of the scan's report {@code r} (queue index): its own and its sensor's registration estimate's. */
    private double rx(int r) {
        return queue.sigma[r] * queue.sigma[r] + scanRx;
    }

    private double ry(int r) {
        return queue.sigma[r] * queue.sigma[r] + scanRy;
    }

    /** Gates the confirmed (or the tentative) tracks with the scan's unused reports, assigns, and updates. */
    private void associate(int first, int n, double maxSigma, boolean confirmedTracks) {
        gate(first, maxSigma, confirmedTracks);
        assignClusters(first, n);
    }

    /**
     * Collects the pairs of track and unused report within the gate. Coarse gating first: each track
     * looks only at the grid cells its gate can reach with the scan's largest sigma (at most 7 x 7).
     */
    private void gate(int first, double maxSigma, boolean confirmedTracks) {
        pairCount = 0;
        double g = cfg.gate();
        for (int k = 0; k < tracks.size(); k++) {
            int i = tracks.slot(k);
            if (tracks.confirmed.at[i] != confirmedTracks) continue;
            double tx = tracks.x.pos.at[i], ty = tracks.y.pos.at[i], txVar = gateVarX(i), tyVar = gateVarY(i);
            // a late scan's reports are carried to the track's time at its velocity (late 0 for every scan in time order)
            double late = late(i), shiftX = 0, shiftY = 0;
            if (late > 0) {
                shiftX = tracks.x.vel.at[i] * late;
                shiftY = tracks.y.vel.at[i] * late;
                txVar += tracks.x.velVar.at[i] * late * late;
                tyVar += tracks.y.velVar.at[i] * late * late;
            }
            double radius = Math.sqrt(g * (Math.max(txVar, tyVar) + maxSigma * maxSigma)) + Math.abs(shiftX) + Math.abs(shiftY);
            int cx0 = cell(tx - radius), cx1 = cell(tx + radius);
            int cy0 = cell(ty - radius), cy1 = cell(ty + radius);
            if (cx1 - cx0 > 6) { cx0 = cell(tx) - 3; cx1 = cell(tx) + 3; }
            if (cy1 - cy0 > 6) { cy0 = cell(ty) - 3; cy1 = cell(ty) + 3; }
            for (int cx = cx0; cx <= cx1; cx++) {
                for (int cy = cy0; cy <= cy1; cy++) {
                    for (int j = reportGrid.first(key(cx, cy)); j >= 0; j = reportGrid.next(j)) {
                        if (used[j]) continue;
                        int r = first + j;
                        double sx = txVar + rx(r), sy = tyVar + ry(r);
                        double ex = zx[j] + shiftX - tx, ey = zy[j] + shiftY - ty;
                        double d2 = ex * ex / sx + ey * ey / sy;
                        if (d2 <= g) addPair(k, j, d2 + Math.log(sx * sy));
                    }
                }
            }
        }
    }

    // a confirmed track gates on its widest model, so that a turn entry keeps its reports; a tentative
    // track, which may be clutter, on its combination, so that it has to earn its confirmation
    private double gateVarX(int i) {
        return tracks.gateVarX.at[i];
    }

    private double gateVarY(int i) {
        return tracks.gateVarY.at[i];
    }

    private void addPair(int liveIndex, int report, double cost) {
        if (pairCount == pairs.capacity()) pairs.grow();
        pairTrack.at[pairCount] = liveIndex;
        pairReport.at[pairCount] = report;
        pairCost.at[pairCount] = cost;
        pairCount++;
    }

    /** Globally optimal assignment within each cluster of tracks and reports linked by gates. */
    private void assignClusters(int first, int n) {
        if (pairCount == 0) return;
        int nodes = tracks.size() + n;
        if (parent.length < nodes) parent = new int[nodes * 2];
        for (int a = 0; a < nodes; a++) parent[a] = a;
        for (int p = 0; p < pairCount; p++) {
            int a = root(pairTrack.at[p]), b = root(tracks.size() + pairReport.at[p]);
            if (a != b) parent[a] = b;
        }
        // sort pairs by cluster root so each cluster is a contiguous run
        sortPairsByRoot();
        int s = 0;
        while (s < pairCount) {
            int cluster = root(pairTrack.at[pairOrder[s]]);
            int e = s + 1;
            while (e < pairCount && root(pairTrack.at[pairOrder[e]]) == cluster) e++;
            solveCluster(s, e, first);
            s = e;
        }
    }

    private int root(int a) {
        while (parent[a] != a) {
            parent[a] = parent[parent[a]];
            a = parent[a];
        }
        return a;
    }

    private void sortPairsByRoot() {
        if (pairOrder.length < pairCount) {
            pairOrder = new int[pairCount * 2];
            pairSortKeys = new long[pairCount * 2];
        }
        for (int p = 0; p < pairCount; p++) pairSortKeys[p] = ((long) root(pairTrack.at[p]) << 32) | p;
        Arrays.sort(pairSortKeys, 0, pairCount);
        for (int p = 0; p < pairCount; p++) pairOrder[p] = (int) pairSortKeys[p];
    }

    /** Assigns the cluster of pairs {@code pairOrder[s..e)} and updates each assigned track with its report. */
    private void solveCluster(int s, int e, int first) {
        if (e - s == 1) {
            int p = pairOrder[s];
            update(tracks.slot(pairTrack.at[p]), first, pairReport.at[p]);
            used[pairReport.at[p]] = true;
            return;
        }
        // local indices of the cluster's tracks (rows) and reports (columns)
        int rows = 0, cols = 0;
        if (clusterTracks.length < e - s) {
            clusterTracks = new int[(e - s) * 2];
            clusterReports = new int[(e - s) * 2];
        }
        for (int k = s; k < e; k++) {
            int p = pairOrder[k];
            if (indexOf(clusterTracks, rows, pairTrack.at[p]) < 0) clusterTracks[rows++] = pairTrack.at[p];
            if (indexOf(clusterReports, cols, pairReport.at[p]) < 0) clusterReports[cols++] = pairReport.at[p];
        }
        // one column per report, then one "no report" column per track
        int width = cols + rows;
        if (costMatrix.length < rows * width) costMatrix = new double[rows * width * 2];
        if (rowToCol.length < rows) rowToCol = new int[rows * 2];
        Arrays.fill(costMatrix, 0, rows * width, NOT_GATED);
        double g = cfg.gate();
        for (int k = s; k < e; k++) {
            int p = pairOrder[k];
            int row = indexOf(clusterTracks, rows, pairTrack.at[p]);
            int col = indexOf(clusterReports, cols, pairReport.at[p]);
            costMatrix[row * width + col] = pairCost.at[p];
            // not assigning a track costs as much as a report on the edge of its gate
            int i = tracks.slot(pairTrack.at[p]);
            int r = first + pairReport.at[p];
            double miss = g + Math.log((gateVarX(i) + rx(r)) * (gateVarY(i) + ry(r)));
            int missCell = row * width + cols + row; // the row's own "no report" column
            if (costMatrix[missCell] == NOT_GATED || miss < costMatrix[missCell]) costMatrix[missCell] = miss;
        }
        assignment.solve(costMatrix, rows, width, rowToCol);
        for (int row = 0; row < rows; row++) {
            int col = rowToCol[row];
            if (col < cols && costMatrix[row * width + col] < NOT_GATED) {
                update(tracks.slot(clusterTracks[row]), first, clusterReports[col]);
                used[clusterReports[col]] = true;
            }
        }
    }

    private static int indexOf(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) if (a[i] == v) return i;
        return -1;
    }

    /**
     * Updates track {@code i} with the scan's report {@code j} (queue index {@code first + j}); a tentative
     * track with enough reports is confirmed. A report of a sensor whose registration is estimated, on a
     * track that took a reference report within {@link #PAIRING} seconds, is also a measurement of that
     * sensor's bias (against that reference report).
     */
    private void update(int i, int first, int j) {
        int r = first + j;
        double t = queue.t[r];
        int sensor = queue.sensor[r];
        if (registration.anchor(sensor)) {
            if (t >= tracks.lastReferenceTime.at[i]) reference(i, t, queue.x[r], queue.y[r], queue.sigma[r] * queue.sigma[r]);
        } else {
            measureRegistration(i, r);
        }
        double late = late(i);
        if (late > 0) {
            // a late report: carried to the track's time at its velocity, with that velocity's uncertainty over the interval
            tracks.update(i, t, zx[j] + tracks.x.vel.at[i] * late, zy[j] + tracks.y.vel.at[i] * late, rx(r) + tracks.x.velVar.at[i] * late * late,
                    ry(r) + tracks.y.velVar.at[i] * late * late);
        } else {
            tracks.update(i, t, zx[j], zy[j], rx(r), ry(r));
        }
        // a late report never makes a track look older than it is
        tracks.lastReportTime.at[i] = Math.max(tracks.lastReportTime.at[i], t);
        // a unit's own position makes no track more certain to exist (it starts none, and confirms none)
        if (registration.roleOf(sensor) != SensorRole.SELF_REPORTS) tracks.hits.at[i]++;
        if (!tracks.confirmed.at[i] && tracks.hits.at[i] >= cfg.confirmHits()) tracks.confirm(i);
        tracks.labels.add(i, queue.label[r]);
        tracks.sensors.add(i, queue.sensor[r]);
        tracks.took(i, queue.id[r]);
    }

    /** Notes a reference report (position and variance at {@code t}) that track {@code i} took. */
    void reference(int i, double t, double x, double y, double var) {
        tracks.lastReferenceTime.at[i] = t;
        tracks.referenceX.at[i] = x;
        tracks.referenceY.at[i] = y;
        tracks.referenceVar.at[i] = var;
    }

    /**
     * A report {@code r} of a sensor whose registration is estimated, on track {@code i}: a measurement of
     * the sensor's bias when the track took a reference report at most {@link #PAIRING} seconds before or
     * after. The report is set against that reference report, carried to the report's time at the track's
     * velocity (its error, and a target's acceleration of up to {@link #PAIRING_ACCELERATION} m/s^2 over
     * the interval, in the noise): a pair of reports, one of them registered, says how far the other sensor
     * sits off, while the track itself has been pulled by that sensor's own reports.
     */
    private void measureRegistration(int i, int r) {
        double dt = queue.t[r] - tracks.lastReferenceTime.at[i];
        if (!(Math.abs(dt) <= PAIRING)) return;
        double px = tracks.referenceX.at[i] + tracks.x.vel.at[i] * dt, py = tracks.referenceY.at[i] + tracks.y.vel.at[i] * dt;
        double drift = PAIRING_ACCELERATION * dt * dt / 2;
        double common = tracks.referenceVar.at[i] + drift * drift;
        registration.measure(queue.sensor[r], queue.t[r], queue.x[r], queue.y[r], px, py, common + tracks.x.velVar.at[i] * dt * dt,
                common + tracks.y.velVar.at[i] * dt * dt, queue.sigma[r] * queue.sigma[r]);
    }

    /** How far apart in time (s) a report and a reference report on the same track may be to measure a bias. */
    static final double PAIRING = 5;
    /** The acceleration (m/s^2) a target may have between the two reports of a pair: the noise it adds. */
    static final double PAIRING_ACCELERATION = 5;

    // ---------------------------------------------------------------- initiation

    /**
     * Two-point initiation: a report of this scan that no track took starts a tentative track with the
     * most recent seed (an earlier unexplained report) it can have come from. The reports left become
     * seeds; seeds that started a track, or outlived {@code seedLifetime}, go.
     */
    private void initiate(int first, int n, double t) {
        dropExpiredSeeds(t);
        // cells as wide as the fastest target travels in a seed's lifetime, plus 1000 m for the reports'
        // errors: the seeds a report can pair with are in the 3 x 3 cells around it
        double seedCell = cfg.maxSpeed() * cfg.seedLifetime() + 1000;
        indexSeeds(seedCell, t);
        for (int j = 0; j < n; j++) {
            if (used[j]) continue;
            int s = seedFor(first, j, t, seedCell);
            if (s >= 0) {
                seedGone[s] = true;
                used[j] = true;
                startTrack(first, j, s, t);
            }
        }
        seeds.remove(seedGone);
        for (int j = 0; j < n; j++) {
            if (!used[j]) seeds.add(queue, first + j);
        }
    }

    private void dropExpiredSeeds(double t) {
        if (seedGone.length < seeds.size) seedGone = new boolean[seeds.size * 2 + 16];
        for (int s = 0; s < seeds.size; s++) {
            boolean fresh = t - seeds.t[s] <= cfg.seedLifetime();
            seedGone[s] = !fresh;
        }
        seeds.remove(seedGone);
    }

    /** Puts the seeds on the seed grid, each corrected by its sensor's registration estimate as it stands at {@code t}. */
    private void indexSeeds(double seedCell, double t) {
        seedGrid.clear(seeds.size);
        if (seedX.length < seeds.size) {
            seedX = new double[seeds.size * 2 + 16];
            seedY = new double[seedX.length];
            seedVar = new double[seedX.length];
        }
        for (int s = 0; s < seeds.size; s++) {
            int sensor = seeds.sensor[s];
            seedX[s] = seeds.x[s] - registration.biasX(sensor);
            seedY[s] = seeds.y[s] - registration.biasY(sensor);
            seedVar[s] = seeds.sigma[s] * seeds.sigma[s] + Math.max(registration.varianceX(sensor, t), registration.varianceY(sensor, t));
            seedGrid.add(key((int) Math.floor(seedX[s] / seedCell), (int) Math.floor(seedY[s] / seedCell)), s);
            seedGone[s] = false;
        }
    }

    /**
     * The seed report {@code r} pairs with: earlier, within reach of the fastest expected target (plus
     * three sigma of both reports), the most recent such seed, and of those the nearest; -1 when none.
     */
    private int seedFor(int first, int j, double t, double seedCell) {
        int r = first + j;
        double rVar = Math.max(rx(r), ry(r));
        int cx = (int) Math.floor(zx[j] / seedCell), cy = (int) Math.floor(zy[j] / seedCell);
        int best = -1;
        double bestDt = Double.POSITIVE_INFINITY, bestD = Double.POSITIVE_INFINITY;
        for (int gx = cx - 1; gx <= cx + 1; gx++) {
            for (int gy = cy - 1; gy <= cy + 1; gy++) {
                for (int s = seedGrid.first(key(gx, gy)); s >= 0; s = seedGrid.next(s)) {
                    if (seedGone[s]) continue;
                    double dt = t - seeds.t[s];
                    if (dt <= 0) continue;
                    double dx = zx[j] - seedX[s], dy = zy[j] - seedY[s];
                    double d = Math.sqrt(dx * dx + dy * dy);
                    double reach = cfg.maxSpeed() * dt + 3 * Math.sqrt(rVar + seedVar[s]);
                    if (d <= reach && (dt < bestDt || (dt == bestDt && d < bestD))) {
                        best = s;
                        bestDt = dt;
                        bestD = d;
                    }
                }
            }
        }
        return best;
    }

    /**
     * Starts a track from seed {@code s} and the scan's report {@code j} (at time {@code t}), both as
     * corrected by their sensors' registration estimates; it is tentative until it has {@code confirmHits}
     * reports.
     */
    private void startTrack(int first, int j, int s, double t) {
        int r = first + j;
        int i = tracks.add();
        double dt = t - seeds.t[s];
        double rs2 = Math.max(rx(r), ry(r)), ss2 = seedVar[s];
        // two-point estimate: position from this report, velocity from the pair...
        double pairVelVar = (rs2 + ss2) / (dt * dt) + cfg.processNoise() * dt / 3;
        double c = rs2 / dt;
        // ...combined with what is known before any report: a target moves in any direction at up to
        // maxSpeed, so each velocity component has mean 0 and variance maxSpeed^2 / 6 (speed uniform
        // on [0, maxSpeed]). Reports 0.6 s apart give a velocity far vaguer than that.
        double prior = cfg.maxSpeed() * cfg.maxSpeed() / 6;
        double w = pairVelVar / (pairVelVar + prior);
        double ux = (zx[j] - seedX[s]) / dt, uy = (zy[j] - seedY[s]) / dt;
        double posVar = rs2 - c * c / (pairVelVar + prior), cov = c * (1 - w), velVar = pairVelVar * (1 - w);
        tracks.x.set(i, zx[j] - c / (pairVelVar + prior) * ux, ux * (1 - w), posVar, cov, velVar);
        tracks.y.set(i, zy[j] - c / (pairVelVar + prior) * uy, uy * (1 - w), posVar, cov, velVar);
        tracks.startMotion(i);
        tracks.stateTime.at[i] = t;
        tracks.startTime.at[i] = seeds.t[s];
        tracks.startX.at[i] = seedX[s];
        tracks.startY.at[i] = seedY[s];
        tracks.lastReportTime.at[i] = t;
        boolean seedAnchor = registration.anchor(seeds.sensor[s]), reportAnchor = registration.anchor(queue.sensor[r]);
        tracks.lastReferenceTime.at[i] = Double.NEGATIVE_INFINITY;
        if (reportAnchor) {
            reference(i, t, queue.x[r], queue.y[r], queue.sigma[r] * queue.sigma[r]);
        } else if (seedAnchor) {
            reference(i, seeds.t[s], seeds.x[s], seeds.y[s], seeds.sigma[s] * seeds.sigma[s]);
        }
        tracks.hits.at[i] = 2;
        tracks.confirmed.at[i] = false;
        if (tracks.hits.at[i] >= cfg.confirmHits()) tracks.confirm(i);
        tracks.id.at[i] = nextId++;
        tracks.labels.clear(i);
        tracks.sensors.clear(i);
        tracks.labels.add(i, seeds.label[s]);
        tracks.labels.add(i, queue.label[r]);
        tracks.sensors.add(i, seeds.sensor[s]);
        tracks.sensors.add(i, queue.sensor[r]);
        tracks.recentCount.at[i] = 0;
        tracks.took(i, seeds.id[s]);
        tracks.took(i, queue.id[r]);
    }

    // ---------------------------------------------------------------- deletion

    /** Deletes the tracks without a report for longer than their timeout (tentative or confirmed) at {@code t}. */
    private void deleteStale(double t) {
        for (int k = 0; k < tracks.size(); k++) {
            int i = tracks.slot(k);
            double silent = t - tracks.lastReportTime.at[i];
            if (tracks.confirmed.at[i] ? silent > cfg.confirmedTimeout() : silent > cfg.tentativeTimeout()) tracks.delete(k);
        }
        tracks.compact();
    }

    /** Two confirmed tracks that agree in position and velocity are one target: the younger goes. */
    private void mergeDuplicates(double t) {
        trackGrid.clear(tracks.size());
        for (int k = 0; k < tracks.size(); k++) {
            int i = tracks.slot(k);
            if (tracks.confirmed.at[i])
                trackGrid.add(key((int) Math.floor(tracks.x.pos.at[i] / MERGE_CELL), (int) Math.floor(tracks.y.pos.at[i] / MERGE_CELL)), k);
        }
        double md2 = cfg.mergeDistance() * cfg.mergeDistance();
        double ms2 = cfg.mergeSpeed() * cfg.mergeSpeed();
        candidates : for (int k = 0; k < tracks.size(); k++) {
            int i = tracks.slot(k);
            if (i < 0) continue;
            if (!tracks.confirmed.at[i] || tracks.lastReportTime.at[i] != t) continue;
            int cx = (int) Math.floor(tracks.x.pos.at[i] / MERGE_CELL), cy = (int) Math.floor(tracks.y.pos.at[i] / MERGE_CELL);
            for (int gx = cx - 1; gx <= cx + 1; gx++) {
                for (int gy = cy - 1; gy <= cy + 1; gy++) {
                    for (int m = trackGrid.first(key(gx, gy)); m >= 0; m = trackGrid.next(m)) {
                        int o = tracks.slot(m);
                        if (o < 0 || o == i) continue;
                        if (sameTarget(i, o, md2, ms2)) {
                            int younger = tracks.id.at[o] > tracks.id.at[i] ? m : k;
                            tracks.delete(younger);
                            if (younger == k) continue candidates;
                        }
                    }
                }
            }
        }
        tracks.compact();
    }

    /** Within {@code mergeDistance} standard deviations in position and {@code mergeSpeed} in velocity (both squared here). */
    private boolean sameTarget(int i, int o, double md2, double ms2) {
        TrackTable.Axis ax = tracks.x, ay = tracks.y;
        double dx = ax.pos.at[o] - ax.pos.at[i], dy = ay.pos.at[o] - ay.pos.at[i];
        double dvx = ax.vel.at[o] - ax.vel.at[i], dvy = ay.vel.at[o] - ay.vel.at[i];
        return dx * dx / (ax.posVar.at[i] + ax.posVar.at[o]) + dy * dy / (ay.posVar.at[i] + ay.posVar.at[o]) <= md2 && dvx * dvx + dvy * dvy <= ms2;
    }

    // ---------------------------------------------------------------- grids

    private static int cell(double v) {
        return (int) Math.floor(v / REPORT_CELL);
    }

    private static long cellKey(double px, double py) {
        return key(cell(px), cell(py));
    }

    private static long key(int cx, int cy) {
        return ((long) cx << 32) ^ (cy & 0xffffffffL);
    }

    /** A spatial hash grid of small non-negative ints, with chaining through a next array; reused per scan. */
    static final class Grid {
        private long[] keys = new long[64];
        private int[] heads = new int[64];
        private int[] nextOf = new int[64];
        private int mask = 63;

        void clear(int expected) {
            int size = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
            if (keys.length < size) {
                keys = new long[size];
                heads = new int[size];
                mask = size - 1;
            }
            Arrays.fill(heads, 0, keys.length, -1);
            mask = keys.length - 1;
            if (nextOf.length < expected) nextOf = new int[expected * 2];
        }

        void add(long key, int value) {
            int h = slot(key);
            while (heads[h] != -1 && keys[h] != key) h = (h + 1) & mask;
            keys[h] = key;
            nextOf[value] = heads[h];
            heads[h] = value;
        }

        int first(long key) {
            int h = slot(key);
            while (heads[h] != -1) {
                if (keys[h] == key) return heads[h];
                h = (h + 1) & mask;
            }
            return -1;
        }

        int next(int value) {
            return nextOf[value];
        }

        private int slot(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 29)) & mask;
        }
    }
}
