package org.kizuna.picture.internal.tracking;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One audience's tracker: fuses only what it is given. Coordinates in metres on a local plane, time in
 * seconds. Constant-velocity Kalman filters (the two axes decouple, so each keeps two 2x2 covariances),
 * coarse gating on a spatial hash grid, fine gating by Mahalanobis distance, globally optimal assignment
 * per cluster of gated tracks and reports (confirmed tracks first, tentative tracks on the reports they
 * leave), two-point initiation bounded by the fastest expected target and combined with a velocity prior
 * from that speed, M-of-N style confirmation, merging of duplicates, deletion, stable ids. State lives in
 * arrays; buffers are kept between scans and views, so a scan allocates only when the picture grows.
 * Not thread-safe: one thread drives an engine (the picture's own).
 */
public final class FusionEngine {

    private static final double CELL = 2000;
    private static final double INF = 1e12;

    private final FusionConfig cfg;

    // tracks (slots)
    private int cap = 0;
    private double[] x = new double[0], vx = new double[0], y = new double[0], vy = new double[0];
    private double[] a00 = new double[0], a01 = new double[0], a11 = new double[0];   // x axis covariance
    private double[] b00 = new double[0], b01 = new double[0], b11 = new double[0];   // y axis covariance
    private double[] stateT = new double[0], lastUpdate = new double[0];
    private double[] seedT = new double[0], seedX = new double[0], seedY = new double[0];
    private int[] hits = new int[0];
    private boolean[] confirmed = new boolean[0];
    private long[] ids = new long[0];
    private int[][] labels = new int[0][];
    private int[] labelCount = new int[0];
    private int[][] sensorsOf = new int[0][];
    private int[] sensorCount = new int[0];
    private int[] live = new int[0];
    private int liveCount;
    private int[] free = new int[0];
    private int freeCount;
    private long nextId = 1;

    // queued reports, and seeds: unexplained reports that may still start a track
    private final Reports q = new Reports();
    private final Reports seeds = new Reports();

    // per-scan work buffers
    private final Grid reportGrid = new Grid();
    private final Grid seedGrid = new Grid();
    private final Grid trackGrid = new Grid();
    private int[] pTrack = new int[0], pReport = new int[0];
    private double[] pCost = new double[0];
    private int pairCount;
    private int[] parent = new int[0];
    private boolean[] used = new boolean[0];
    private boolean[] seedUsed = new boolean[0];
    private int[] clusterOf = new int[0];
    private final Assignment assignment = new Assignment();
    private double[] matrix = new double[64];
    private int[] rowToCol = new int[64];
    private int[] rowsBuf = new int[0], colsBuf = new int[0];
    private double lastAdvance = Double.NEGATIVE_INFINITY;

    // track-level input from partners
    private final Map<String, External> externals = new HashMap<>();

    private static final class External {
        long id;
        double t, x, vx, y, vy, a00, a01, a11, b00, b01, b11;
        int label;
    }

    public FusionEngine(FusionConfig config) {
        this.cfg = config;
    }

    /** Queues one sensor report; {@code sigma} is its one-sigma position accuracy (m). */
    public void report(double t, int sensor, double px, double py, double sigma, int labelKey) {
        if (!(sigma > 0) || Double.isNaN(px) || Double.isNaN(py) || Double.isNaN(t)) {
            throw new IllegalArgumentException("a report needs finite position and time and a positive sigma");
        }
        q.add(t, sensor, px, py, sigma, labelKey);
    }

    /**
     * A partner's own track (track-level input). The latest estimate per source track is kept apart
     * from the filters and fused into the view by covariance intersection, so repeated reports of the
     * same partner track are never counted twice.
     */
    public void trackReport(String sourceTrackId, double t, double px, double py, double pvx, double pvy,
                            double[] covariance4x4RowMajor, int labelKey) {
        if (covariance4x4RowMajor.length != 16) {
            throw new IllegalArgumentException("the covariance of a track report is a 4x4 matrix (x, y, vx, vy), row-major");
        }
        External e = externals.computeIfAbsent(sourceTrackId, k -> {
            External n = new External();
            n.id = nextId++;
            return n;
        });
        e.t = t;
        e.x = px;
        e.y = py;
        e.vx = pvx;
        e.vy = pvy;
        double[] c = covariance4x4RowMajor;
        e.a00 = c[0];
        e.a01 = c[2];
        e.a11 = c[10];
        e.b00 = c[5];
        e.b01 = c[7];
        e.b11 = c[15];
        e.label = labelKey;
    }

    /** Processes everything queued with time <= now, in time order, one scan (time and sensor) at a time. */
    public void advance(double now) {
        if (q.size > 0) {
            q.sortByTimeAndSensor();
            int end = 0;
            while (end < q.size && q.t[end] <= now) end++;
            int start = 0;
            while (start < end) {
                int stop = start + 1;
                while (stop < end && q.t[stop] == q.t[start] && q.sensor[stop] == q.sensor[start]) stop++;
                scan(start, stop);
                start = stop;
            }
            q.dropFirst(end);
        }
        lastAdvance = Math.max(lastAdvance, now);
        for (int k = 0; k < liveCount; k++) {
            int i = live[k];
            if (stateT[i] < now) predict(i, now);
        }
        expireSilent(now);
    }

    /**
     * Deletes the tracks silent for longer than their timeout at {@code now}, the caller's clock: tracks
     * expire when their sensors fall silent, not only when a later scan comes. At a scan's own time this
     * is what that scan's maintenance did already.
     */
    private void expireSilent(double now) {
        int kept = 0;
        for (int k = 0; k < liveCount; k++) {
            int i = live[k];
            double silent = now - lastUpdate[i];
            if (confirmed[i] ? silent > cfg.confirmedTimeout() : silent > cfg.tentativeTimeout()) release(i);
            else live[kept++] = i;
        }
        liveCount = kept;
    }

    /** Confirmed tracks as of the last advance. */
    public void view(TrackSink sink) {
        viewAt(lastAdvance, sink);
    }

    /** Adds every label key this engine still holds (queued reports, seeds, live tracks, partner tracks) to {@code out}. */
    public void labelKeysInUse(java.util.BitSet out) {
        for (int r = 0; r < q.size; r++) if (q.label[r] >= 0) out.set(q.label[r]);
        for (int r = 0; r < seeds.size; r++) if (seeds.label[r] >= 0) out.set(seeds.label[r]);
        for (int k = 0; k < liveCount; k++) {
            int i = live[k];
            for (int j = 0; j < labelCount[i]; j++) if (labels[i][j] >= 0) out.set(labels[i][j]);
        }
        for (External e : externals.values()) if (e.label >= 0) out.set(e.label);
    }

    public int trackCount() {
        int n = 0;
        for (int k = 0; k < liveCount; k++) if (confirmed[live[k]]) n++;
        return n;
    }

    /** Confirmed tracks predicted to {@code t} (no state changes), fused with partner tracks. */
    public void viewAt(double t, TrackSink sink) {
        double q = cfg.processNoise();
        matched.clear();
        for (int k = 0; k < liveCount; k++) {
            int i = live[k];
            if (!confirmed[i]) continue;
            double dt = t - stateT[i];
            double px = x[i] + vx[i] * dt, py = y[i] + vy[i] * dt, pvx = vx[i], pvy = vy[i];
            double pa00 = positionVariance(a00[i], a01[i], a11[i], dt, q), pb00 = positionVariance(b00[i], b01[i], b11[i], dt, q);
            int[] lbl = labels[i];
            int lc = labelCount[i];
            External ext = externals.isEmpty() ? null : nearestExternal(t, px, py, pa00, pb00);
            if (ext != null) {
                matched.add(ext);
                double edt = t - ext.t;
                CovarianceIntersection.fuse(px, pvx, pa00, crossCovariance(a01[i], a11[i], dt, q), velocityVariance(a11[i], dt, q),
                        py, pvy, pb00, crossCovariance(b01[i], b11[i], dt, q), velocityVariance(b11[i], dt, q),
                        ext.x + ext.vx * edt, ext.vx, positionVariance(ext.a00, ext.a01, ext.a11, edt, q),
                        crossCovariance(ext.a01, ext.a11, edt, q), velocityVariance(ext.a11, edt, q),
                        ext.y + ext.vy * edt, ext.vy, positionVariance(ext.b00, ext.b01, ext.b11, edt, q),
                        crossCovariance(ext.b01, ext.b11, edt, q), velocityVariance(ext.b11, edt, q), fused);
                px = fused[0];
                pvx = fused[1];
                py = fused[5];
                pvy = fused[6];
                pa00 = fused[2];
                pb00 = fused[7];
                lbl = Arrays.copyOf(labels[i], lc + 1);
                boolean has = false;
                for (int j = 0; j < lc; j++) has |= lbl[j] == ext.label;
                if (!has) lbl[lc++] = ext.label;
            }
            sink.track(ids[i], t, px, py, pvx, pvy, (pa00 + pb00) / 2, lbl, lc, sensorsOf[i], sensorCount[i]);
        }
        for (External e : externals.values()) {
            if (matched.contains(e)) continue;
            double edt = t - e.t;
            oneLabel[0] = e.label;
            sink.track(e.id, t, e.x + e.vx * edt, e.y + e.vy * edt, e.vx, e.vy,
                    (positionVariance(e.a00, e.a01, e.a11, edt, q) + positionVariance(e.b00, e.b01, e.b11, edt, q)) / 2,
                    oneLabel, 1, NO_SENSORS, 0);
        }
    }

    private final java.util.Set<External> matched = new java.util.HashSet<>();
    private final double[] fused = new double[10];
    private final int[] oneLabel = new int[1];
    private static final int[] NO_SENSORS = new int[0];

    // the constant-velocity model on one axis: a covariance [[p00, p01], [p01, p11]] predicted dt ahead
    // under white acceleration of intensity q

    static double positionVariance(double p00, double p01, double p11, double dt, double q) {
        return p00 + 2 * dt * p01 + dt * dt * p11 + q * dt * dt * dt / 3;
    }

    static double crossCovariance(double p01, double p11, double dt, double q) {
        return p01 + dt * p11 + q * dt * dt / 2;
    }

    static double velocityVariance(double p11, double dt, double q) {
        return p11 + q * dt;
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
        for (int k = 0; k < liveCount; k++) {
            int i = live[k];
            double dt = t - stateT[i];
            sink.state(ids[i], confirmed[i], seedT[i], seedX[i], seedY[i], t, x[i] + vx[i] * dt, y[i] + vy[i] * dt, vx[i], vy[i]);
        }
    }

    private @Nullable External nearestExternal(double t, double px, double py, double pa00, double pb00) {
        External best = null;
        double bestD = cfg.gate();
        double q = cfg.processNoise();
        for (External e : externals.values()) {
            if (matched.contains(e)) continue;
            double edt = t - e.t;
            double ex = e.x + e.vx * edt - px, ey = e.y + e.vy * edt - py;
            double sx = pa00 + positionVariance(e.a00, e.a01, e.a11, edt, q), sy = pb00 + positionVariance(e.b00, e.b01, e.b11, edt, q);
            double d = ex * ex / sx + ey * ey / sy;
            if (d < bestD) {
                bestD = d;
                best = e;
            }
        }
        return best;
    }

    // ---------------------------------------------------------------- one scan

    private void scan(int r0, int r1) {
        double t = q.t[r0];
        int n = r1 - r0;
        for (int k = 0; k < liveCount; k++) {
            int i = live[k];
            if (stateT[i] < t) predict(i, t);
        }
        ensureScan(n);
        double maxSig = 0;
        reportGrid.clear(n);
        for (int j = 0; j < n; j++) {
            int r = r0 + j;
            reportGrid.add(cellKey(q.x[r], q.y[r]), j);
            maxSig = Math.max(maxSig, q.sigma[r]);
            used[j] = false;
        }
        // confirmed tracks take their reports first; tentative tracks only what is left, so a track
        // started from clutter cannot grow by taking an established target's reports
        gateAndAssign(r0, n, maxSig, true);
        gateAndAssign(r0, n, maxSig, false);
        initiate(r0, n, t);
        maintain(t);
    }

    private void gateAndAssign(int r0, int n, double maxSig, boolean confirmedTracks) {
        pairCount = 0;
        double g = cfg.gate();
        for (int k = 0; k < liveCount; k++) {
            int i = live[k];
            if (confirmed[i] != confirmedTracks) continue;
            double radius = Math.sqrt(g * (Math.max(a00[i], b00[i]) + maxSig * maxSig));
            int cx0 = cell(x[i] - radius), cx1 = cell(x[i] + radius);
            int cy0 = cell(y[i] - radius), cy1 = cell(y[i] + radius);
            if (cx1 - cx0 > 6) { cx0 = cell(x[i]) - 3; cx1 = cell(x[i]) + 3; }
            if (cy1 - cy0 > 6) { cy0 = cell(y[i]) - 3; cy1 = cell(y[i]) + 3; }
            for (int cx = cx0; cx <= cx1; cx++) {
                for (int cy = cy0; cy <= cy1; cy++) {
                    for (int j = reportGrid.first(key(cx, cy)); j >= 0; j = reportGrid.next(j)) {
                        if (used[j]) continue;
                        int r = r0 + j;
                        double s2 = q.sigma[r] * q.sigma[r];
                        double sx = a00[i] + s2, sy = b00[i] + s2;
                        double ex = q.x[r] - x[i], ey = q.y[r] - y[i];
                        double d2 = ex * ex / sx + ey * ey / sy;
                        if (d2 <= g) addPair(k, j, d2 + Math.log(sx * sy));
                    }
                }
            }
        }
        assignClusters(r0, n);
    }

    private void addPair(int liveIndex, int report, double cost) {
        if (pairCount == pTrack.length) {
            int m = Math.max(256, pairCount * 2);
            pTrack = Arrays.copyOf(pTrack, m);
            pReport = Arrays.copyOf(pReport, m);
            pCost = Arrays.copyOf(pCost, m);
        }
        pTrack[pairCount] = liveIndex;
        pReport[pairCount] = report;
        pCost[pairCount] = cost;
        pairCount++;
    }

    private int find(int a) {
        while (parent[a] != a) {
            parent[a] = parent[parent[a]];
            a = parent[a];
        }
        return a;
    }

    /** Globally optimal assignment within each cluster of tracks and reports linked by gates. */
    private void assignClusters(int r0, int n) {
        if (pairCount == 0) return;
        int nodes = liveCount + n;
        if (parent.length < nodes) {
            parent = new int[nodes * 2];
            clusterOf = new int[nodes * 2];
        }
        for (int a = 0; a < nodes; a++) parent[a] = a;
        for (int p = 0; p < pairCount; p++) {
            int a = find(pTrack[p]), b = find(liveCount + pReport[p]);
            if (a != b) parent[a] = b;
        }
        // sort pairs by cluster root so each cluster is a contiguous run
        int[] order = sortPairsByRoot();
        int s = 0;
        while (s < pairCount) {
            int root = find(pTrack[order[s]]);
            int e = s + 1;
            while (e < pairCount && find(pTrack[order[e]]) == root) e++;
            solveCluster(order, s, e, r0);
            s = e;
        }
    }

    private int[] orderBuf = new int[0];
    private long[] sortKeys = new long[0];

    private int[] sortPairsByRoot() {
        if (orderBuf.length < pairCount) {
            orderBuf = new int[pairCount * 2];
            sortKeys = new long[pairCount * 2];
        }
        for (int p = 0; p < pairCount; p++) sortKeys[p] = ((long) find(pTrack[p]) << 32) | p;
        Arrays.sort(sortKeys, 0, pairCount);
        for (int p = 0; p < pairCount; p++) orderBuf[p] = (int) sortKeys[p];
        return orderBuf;
    }

    private void solveCluster(int[] order, int s, int e, int r0) {
        if (e - s == 1) {
            int p = order[s];
            update(live[pTrack[p]], r0 + pReport[p]);
            used[pReport[p]] = true;
            return;
        }
        // local indices of the cluster's tracks (rows) and reports (columns)
        int rows = 0, cols = 0;
        if (rowsBuf.length < e - s) {
            rowsBuf = new int[(e - s) * 2];
            colsBuf = new int[(e - s) * 2];
        }
        for (int k = s; k < e; k++) {
            int p = order[k];
            if (indexOf(rowsBuf, rows, pTrack[p]) < 0) rowsBuf[rows++] = pTrack[p];
            if (indexOf(colsBuf, cols, pReport[p]) < 0) colsBuf[cols++] = pReport[p];
        }
        int width = cols + rows;
        if (matrix.length < rows * width) matrix = new double[rows * width * 2];
        if (rowToCol.length < rows) rowToCol = new int[rows * 2];
        Arrays.fill(matrix, 0, rows * width, INF);
        double g = cfg.gate();
        for (int k = s; k < e; k++) {
            int p = order[k];
            int row = indexOf(rowsBuf, rows, pTrack[p]);
            int col = indexOf(colsBuf, cols, pReport[p]);
            matrix[row * width + col] = pCost[p];
            // not assigning a track costs as much as a report on the edge of its gate
            int i = live[pTrack[p]];
            double s2 = q.sigma[r0 + pReport[p]] * q.sigma[r0 + pReport[p]];
            double miss = g + Math.log((a00[i] + s2) * (b00[i] + s2));
            int missCell = row * width + cols + row;   // the row's own "no report" column
            if (matrix[missCell] == INF || miss < matrix[missCell]) matrix[missCell] = miss;
        }
        assignment.solve(matrix, rows, width, rowToCol);
        for (int row = 0; row < rows; row++) {
            int col = rowToCol[row];
            if (col < cols && matrix[row * width + col] < INF) {
                update(live[rowsBuf[row]], r0 + colsBuf[col]);
                used[colsBuf[col]] = true;
            }
        }
    }

    private static int indexOf(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) if (a[i] == v) return i;
        return -1;
    }

    private void predict(int i, double t) {
        double dt = t - stateT[i];
        if (dt <= 0) return;
        double q = cfg.processNoise();
        x[i] += vx[i] * dt;
        y[i] += vy[i] * dt;
        double n00 = positionVariance(a00[i], a01[i], a11[i], dt, q), n01 = crossCovariance(a01[i], a11[i], dt, q);
        a11[i] = velocityVariance(a11[i], dt, q);
        a00[i] = n00;
        a01[i] = n01;
        n00 = positionVariance(b00[i], b01[i], b11[i], dt, q);
        n01 = crossCovariance(b01[i], b11[i], dt, q);
        b11[i] = velocityVariance(b11[i], dt, q);
        b00[i] = n00;
        b01[i] = n01;
        stateT[i] = t;
    }

    private void update(int i, int r) {
        double r2 = q.sigma[r] * q.sigma[r];
        double sx = a00[i] + r2, ex = q.x[r] - x[i];
        double k0 = a00[i] / sx, k1 = a01[i] / sx;
        x[i] += k0 * ex;
        vx[i] += k1 * ex;
        a11[i] -= a01[i] * a01[i] / sx;
        a01[i] = a01[i] * r2 / sx;
        a00[i] = a00[i] * r2 / sx;
        double sy = b00[i] + r2, ey = q.y[r] - y[i];
        k0 = b00[i] / sy;
        k1 = b01[i] / sy;
        y[i] += k0 * ey;
        vy[i] += k1 * ey;
        b11[i] -= b01[i] * b01[i] / sy;
        b01[i] = b01[i] * r2 / sy;
        b00[i] = b00[i] * r2 / sy;
        lastUpdate[i] = Math.max(lastUpdate[i], q.t[r]); // a late report never makes a track look older than it is
        hits[i]++;
        if (!confirmed[i] && hits[i] >= cfg.confirmHits()) confirmed[i] = true;
        addLabel(i, q.label[r]);
        addSensor(i, q.sensor[r]);
    }

    // ---------------------------------------------------------------- initiation

    private void initiate(int r0, int n, double t) {
        // seeds older than their lifetime are gone; the rest are searched on a grid
        int kept = 0;
        for (int s = 0; s < seeds.size; s++) {
            if (t - seeds.t[s] <= cfg.seedLifetime()) {
                if (kept != s) seeds.move(s, kept);
                kept++;
            }
        }
        seeds.size = kept;
        if (seedUsed.length < seeds.size) seedUsed = new boolean[seeds.size * 2 + 16];
        double seedCell = cfg.maxSpeed() * cfg.seedLifetime() + 1000;
        seedGrid.clear(seeds.size);
        for (int s = 0; s < seeds.size; s++) {
            seedGrid.add(key((int) Math.floor(seeds.x[s] / seedCell), (int) Math.floor(seeds.y[s] / seedCell)), s);
            seedUsed[s] = false;
        }
        for (int j = 0; j < n; j++) {
            if (used[j]) continue;
            int r = r0 + j;
            int cx = (int) Math.floor(q.x[r] / seedCell), cy = (int) Math.floor(q.y[r] / seedCell);
            int best = -1;
            double bestDt = Double.POSITIVE_INFINITY, bestD = Double.POSITIVE_INFINITY;
            for (int gx = cx - 1; gx <= cx + 1; gx++) {
                for (int gy = cy - 1; gy <= cy + 1; gy++) {
                    for (int s = seedGrid.first(key(gx, gy)); s >= 0; s = seedGrid.next(s)) {
                        if (seedUsed[s]) continue;
                        double dt = t - seeds.t[s];
                        if (dt <= 0) continue;
                        double dx = q.x[r] - seeds.x[s], dy = q.y[r] - seeds.y[s];
                        double d = Math.sqrt(dx * dx + dy * dy);
                        double reach = cfg.maxSpeed() * dt + 3 * Math.sqrt(q.sigma[r] * q.sigma[r] + seeds.sigma[s] * seeds.sigma[s]);
                        if (d <= reach && (dt < bestDt || (dt == bestDt && d < bestD))) {
                            best = s;
                            bestDt = dt;
                            bestD = d;
                        }
                    }
                }
            }
            if (best >= 0) {
                seedUsed[best] = true;
                used[j] = true;
                startTrack(r, best, t);
            }
        }
        // reports of this scan that neither a track took nor started one become seeds; seeds that started a track go
        kept = 0;
        for (int s = 0; s < seeds.size; s++) {
            if (!seedUsed[s]) {
                if (kept != s) seeds.move(s, kept);
                kept++;
            }
        }
        seeds.size = kept;
        for (int j = 0; j < n; j++) {
            if (!used[j]) seeds.add(q, r0 + j);
        }
    }

    private void startTrack(int r, int s, double t) {
        int i = allocate();
        double dt = t - seeds.t[s];
        double rs2 = q.sigma[r] * q.sigma[r], ss2 = seeds.sigma[s] * seeds.sigma[s];
        // two-point estimate: position from this report, velocity from the pair...
        double vv = (rs2 + ss2) / (dt * dt) + cfg.processNoise() * dt / 3;
        double c = rs2 / dt;
        // ...combined with what is known before any report: a target moves in any direction at up to
        // maxSpeed, so each velocity component has mean 0 and variance maxSpeed^2 / 6 (speed uniform
        // on [0, maxSpeed]). Reports 0.6 s apart give a velocity far vaguer than that.
        double prior = cfg.maxSpeed() * cfg.maxSpeed() / 6;
        double w = vv / (vv + prior);
        double ux = (q.x[r] - seeds.x[s]) / dt, uy = (q.y[r] - seeds.y[s]) / dt;
        x[i] = q.x[r] - c / (vv + prior) * ux;
        y[i] = q.y[r] - c / (vv + prior) * uy;
        vx[i] = ux * (1 - w);
        vy[i] = uy * (1 - w);
        a00[i] = rs2 - c * c / (vv + prior);
        a01[i] = c * (1 - w);
        a11[i] = vv * (1 - w);
        b00[i] = a00[i];
        b01[i] = a01[i];
        b11[i] = a11[i];
        stateT[i] = t;
        seedT[i] = seeds.t[s];
        seedX[i] = seeds.x[s];
        seedY[i] = seeds.y[s];
        lastUpdate[i] = t;
        hits[i] = 2;
        confirmed[i] = hits[i] >= cfg.confirmHits();
        ids[i] = nextId++;
        labelCount[i] = 0;
        sensorCount[i] = 0;
        addLabel(i, seeds.label[s]);
        addLabel(i, q.label[r]);
        addSensor(i, seeds.sensor[s]);
        addSensor(i, q.sensor[r]);
    }

    // ---------------------------------------------------------------- maintenance

    private void maintain(double t) {
        int kept = 0;
        for (int k = 0; k < liveCount; k++) {
            int i = live[k];
            double silent = t - lastUpdate[i];
            boolean drop = confirmed[i] ? silent > cfg.confirmedTimeout() : silent > cfg.tentativeTimeout();
            if (drop) release(i);
            else live[kept++] = i;
        }
        liveCount = kept;
        mergeDuplicates(t);
    }

    /** Two confirmed tracks that agree in position and velocity are one target: the younger goes. */
    private void mergeDuplicates(double t) {
        double cell = 1000;
        trackGrid.clear(liveCount);
        for (int k = 0; k < liveCount; k++) {
            int i = live[k];
            if (confirmed[i]) trackGrid.add(key((int) Math.floor(x[i] / cell), (int) Math.floor(y[i] / cell)), k);
        }
        boolean removed = false;
        double md2 = cfg.mergeDistance() * cfg.mergeDistance();
        double ms2 = cfg.mergeSpeed() * cfg.mergeSpeed();
        tracks:
        for (int k = 0; k < liveCount; k++) {
            if (live[k] < 0) continue;
            int i = live[k];
            if (!confirmed[i] || lastUpdate[i] != t) continue;
            int cx = (int) Math.floor(x[i] / cell), cy = (int) Math.floor(y[i] / cell);
            for (int gx = cx - 1; gx <= cx + 1; gx++) {
                for (int gy = cy - 1; gy <= cy + 1; gy++) {
                    for (int m = trackGrid.first(key(gx, gy)); m >= 0; m = trackGrid.next(m)) {
                        int o = live[m];
                        if (o < 0 || o == i) continue;
                        double dx = x[o] - x[i], dy = y[o] - y[i];
                        double dvx = vx[o] - vx[i], dvy = vy[o] - vy[i];
                        if (dx * dx / (a00[i] + a00[o]) + dy * dy / (b00[i] + b00[o]) <= md2 && dvx * dvx + dvy * dvy <= ms2) {
                            int younger = ids[o] > ids[i] ? m : k;
                            release(live[younger]);
                            live[younger] = -1;
                            removed = true;
                            if (younger == k) continue tracks;
                        }
                    }
                }
            }
        }
        if (removed) {
            int kept = 0;
            for (int k = 0; k < liveCount; k++) if (live[k] >= 0) live[kept++] = live[k];
            liveCount = kept;
        }
    }

    // ---------------------------------------------------------------- storage

    private int allocate() {
        int i;
        if (freeCount > 0) {
            i = free[--freeCount];
        } else {
            if (cap == x.length) grow(Math.max(64, cap * 2));
            i = cap++;
        }
        if (liveCount == live.length) live = Arrays.copyOf(live, Math.max(64, liveCount * 2));
        live[liveCount++] = i;
        confirmed[i] = false;
        return i;
    }

    private void release(int i) {
        if (freeCount == free.length) free = Arrays.copyOf(free, Math.max(64, freeCount * 2));
        free[freeCount++] = i;
    }

    private void grow(int n) {
        x = Arrays.copyOf(x, n);
        vx = Arrays.copyOf(vx, n);
        y = Arrays.copyOf(y, n);
        vy = Arrays.copyOf(vy, n);
        a00 = Arrays.copyOf(a00, n);
        a01 = Arrays.copyOf(a01, n);
        a11 = Arrays.copyOf(a11, n);
        b00 = Arrays.copyOf(b00, n);
        b01 = Arrays.copyOf(b01, n);
        b11 = Arrays.copyOf(b11, n);
        stateT = Arrays.copyOf(stateT, n);
        seedT = Arrays.copyOf(seedT, n);
        seedX = Arrays.copyOf(seedX, n);
        seedY = Arrays.copyOf(seedY, n);
        lastUpdate = Arrays.copyOf(lastUpdate, n);
        hits = Arrays.copyOf(hits, n);
        confirmed = Arrays.copyOf(confirmed, n);
        ids = Arrays.copyOf(ids, n);
        labelCount = Arrays.copyOf(labelCount, n);
        sensorCount = Arrays.copyOf(sensorCount, n);
        int old = labels.length;
        labels = Arrays.copyOf(labels, n);
        sensorsOf = Arrays.copyOf(sensorsOf, n);
        for (int i = old; i < n; i++) {
            labels[i] = new int[4];
            sensorsOf[i] = new int[4];
        }
    }

    private void addLabel(int i, int key) {
        int[] l = labels[i];
        for (int k = 0; k < labelCount[i]; k++) if (l[k] == key) return;
        if (labelCount[i] == l.length) labels[i] = l = Arrays.copyOf(l, l.length * 2);
        l[labelCount[i]++] = key;
    }

    private void addSensor(int i, int sensor) {
        int[] s = sensorsOf[i];
        for (int k = 0; k < sensorCount[i]; k++) if (s[k] == sensor) return;
        if (sensorCount[i] == s.length) sensorsOf[i] = s = Arrays.copyOf(s, s.length * 2);
        s[sensorCount[i]++] = sensor;
    }

    private void ensureScan(int n) {
        if (used.length < n) used = new boolean[n * 2];
    }

    private static int cell(double v) {
        return (int) Math.floor(v / CELL);
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
