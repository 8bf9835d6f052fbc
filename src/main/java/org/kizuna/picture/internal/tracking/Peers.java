package org.kizuna.picture.internal.tracking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The partners' tracks one engine holds ({@link FusionEngine#peerTracks}), which local track each is with, and how the
 * two are combined when shown. Not thread-safe: the engine's thread makes every call.
 */
final class Peers {

    /**
     * The white-acceleration intensity (m^2/s^3) a partner's track is predicted with between its updates: its own
     * motion models are not sent, so a manoeuvre of a few m/s^2 over a second or more has to fit in the noise.
     */
    static final double PEER_NOISE = 10;
    /**
     * The weight of the local track's velocity when a partner's track it is with is carried on from the partner's last update
     * to the time shown (the partner's own velocity has the rest). The partner's velocity is as old as its last update (4 s on
     * AP-2's USA node); the local track's took this engine's reports since, so in a turn or a speed change it is nearer the
     * target's. Measured on AP-2 (docs/benchmarks.md, "The picture across nodes"): 0.2 to 0.5 alike, all better than 0 or 1,
     * and better than weights from the two velocities' variances.
     */
    static final double LOCAL_VELOCITY = 0.3;
    /** Cell of the grid local tracks are found on when associating (m); a gate wider than a cell is cut to it. */
    private static final double CELL = 5000;

    FusionEngine.PeerFusion rule = FusionEngine.PeerFusion.INDEPENDENT;

    /** One partner's track: the latest state the partner sent, the local track it is with (-1: none), the id it is shown under when alone. */
    static final class Entry {
        final int peer;
        PeerTrack track;
        long localId = -1;
        long ownId = -1;
        double startT, startX, startY;

        Entry(int peer, PeerTrack track) {
            this.peer = peer;
            this.track = track;
        }
    }

    /** A track as shown: what the views hand on (reused; valid until the next call). */
    static final class Shown {
        long id;
        double x, y, vx, vy, positionVariance, startT, startX, startY;
        int[] labels = new int[8], sensors = new int[8];
        int labelCount, sensorCount;

        void addLabel(int key) {
            for (int j = 0; j < labelCount; j++) if (labels[j] == key) return;
            if (labelCount == labels.length) labels = Arrays.copyOf(labels, labelCount * 2);
            labels[labelCount++] = key;
        }

        void addSensor(int s) {
            for (int j = 0; j < sensorCount; j++) if (sensors[j] == s) return;
            if (sensorCount == sensors.length) sensors = Arrays.copyOf(sensors, sensorCount * 2);
            sensors[sensorCount++] = s;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<Long, List<Entry>> byLocal = new HashMap<>();
    private final Shown shown = new Shown();
    // per axis: position, velocity, and the covariance [[p00, p01], [p01, p11]]
    private final double[] a = new double[5];

    boolean fusedWith(long localId) {
        return !byLocal.isEmpty() && byLocal.containsKey(localId);
    }

    boolean anyAlone() {
        for (Entry e : entries) if (e.localId < 0) return true;
        return false;
    }

    int aloneCount() {
        int n = 0;
        for (Entry e : entries) if (e.localId < 0) n++;
        return n;
    }

    /** The partner's tracks are now {@code batch}: its others are gone. */
    void replace(int peer, List<PeerTrack> batch) {
        Map<Long, PeerTrack> fresh = new HashMap<>();
        for (PeerTrack p : batch) fresh.put(p.id(), p);
        entries.removeIf(e -> {
            if (e.peer != peer) return false;
            PeerTrack p = fresh.remove(e.track.id());
            if (p == null) return true;
            e.track = p;
            return false;
        });
        for (PeerTrack p : batch) if (fresh.containsKey(p.id())) entries.add(new Entry(peer, p));
        relink();
    }

    /** Drops the partners' tracks not renewed for {@code timeout} seconds at {@code t} (a partner whose link is down). */
    void expire(double t, double timeout) {
        if (entries.isEmpty()) return;
        if (entries.removeIf(e -> e.track.t() < t - timeout)) relink();
    }

    /** Unlinks the partners' tracks whose local track is gone (deleted, merged): they are shown alone until associated again. */
    void unlinkGone(FusionEngine engine) {
        if (byLocal.isEmpty()) return;
        Set<Long> live = new HashSet<>();
        TrackTable tracks = engine.tracks;
        for (int k = 0; k < tracks.size(); k++) {
            int i = tracks.slot(k);
            if (i >= 0 && tracks.confirmed.at[i]) live.add(tracks.id.at[i]);
        }
        boolean changed = false;
        for (Entry e : entries) {
            if (e.localId >= 0 && !live.contains(e.localId)) {
                e.localId = -1;
                changed = true;
            }
        }
        if (changed) relink();
    }

    private void relink() {
        byLocal.clear();
        for (Entry e : entries) if (e.localId >= 0) byLocal.computeIfAbsent(e.localId, k -> new ArrayList<>(1)).add(e);
    }

    /**
     * Associates the partners' tracks (only those shown alone when {@code onlyAlone}) with confirmed local tracks at
     * {@code t}: a pair gates when the squared Mahalanobis distance of the positions, under the sum of both
     * covariances and the local sensors' registration uncertainty, is within the engine's gate; pairs are taken
     * greedily by cost (as the engine's reports: distance plus the log of the covariance's size), the local track a
     * partner's track was with first; a local track takes at most one track of each partner. On a full association
     * (a partner's new tracks) each local track with a partner's track takes that track's position as a registration
     * reference.
     */
    void associate(FusionEngine engine, double t, boolean onlyAlone) {
        if (entries.isEmpty()) return;
        TrackTable tracks = engine.tracks;
        FusionEngine.Grid grid = new FusionEngine.Grid();
        grid.clear(tracks.size());
        for (int k = 0; k < tracks.size(); k++) {
            int i = tracks.slot(k);
            if (i >= 0 && tracks.confirmed.at[i]) grid.add(key(cell(tracks.x.pos.at[i]), cell(tracks.y.pos.at[i])), k);
        }
        // which local tracks are taken, per partner
        Map<Integer, Set<Long>> taken = new HashMap<>();
        List<double[]> pairs = new ArrayList<>();
        double g = engine.cfg.gate();
        for (int n = 0; n < entries.size(); n++) {
            Entry e = entries.get(n);
            if (onlyAlone && e.localId >= 0) {
                taken.computeIfAbsent(e.peer, p -> new HashSet<>()).add(e.localId);
                continue;
            }
            predictPeer(e.track, t);
            double px = a[0], pxx = a[2];
            predictPeerY(e.track, t);
            double py = a[0], pyy = a[2];
            int cx = cell(px), cy = cell(py);
            for (int gx = cx - 1; gx <= cx + 1; gx++) {
                for (int gy = cy - 1; gy <= cy + 1; gy++) {
                    for (int k = grid.first(key(gx, gy)); k >= 0; k = grid.next(k)) {
                        int i = tracks.slot(k);
                        double reg = engine.registrationVariance(i, t);
                        double sx = tracks.gateVarX.at[i] + pxx + reg, sy = tracks.gateVarY.at[i] + pyy + reg;
                        double ex = tracks.x.pos.at[i] - px, ey = tracks.y.pos.at[i] - py;
                        double d2 = ex * ex / sx + ey * ey / sy;
                        if (d2 > g) continue;
                        double cost = d2 + Math.log(sx * sy) - (tracks.id.at[i] == e.localId ? 1e6 : 0);
                        pairs.add(new double[]{cost, n, k});
                    }
                }
            }
        }
        pairs.sort((p, q) -> Double.compare(p[0], q[0]));
        boolean[] done = new boolean[entries.size()];
        for (double[] p : pairs) {
            int n = (int) p[1], k = (int) p[2];
            if (done[n]) continue;
            Entry e = entries.get(n);
            int i = tracks.slot(k);
            long id = tracks.id.at[i];
            Set<Long> peerTaken = taken.computeIfAbsent(e.peer, q -> new HashSet<>());
            if (!peerTaken.add(id)) continue;
            done[n] = true;
            e.localId = id;
            if (!onlyAlone && t >= tracks.lastReferenceTime.at[i]) {
                predictPeer(e.track, t);
                double px = a[0], pxx = a[2];
                predictPeerY(e.track, t);
                engine.reference(i, t, px, a[0], Math.max(pxx, a[2]));
            }
        }
        for (int n = 0; n < entries.size(); n++) {
            Entry e = entries.get(n);
            if (done[n] || onlyAlone) continue;
            e.localId = -1;
        }
        for (Entry e : entries) {
            if (e.localId < 0 && e.ownId < 0) {
                e.ownId = engine.newId();
                e.startT = e.track.t();
                e.startX = e.track.x();
                e.startY = e.track.y();
            }
        }
        relink();
    }

    /** Adds, over the partners' tracks with a local track, the local track's offset from the partner's at {@code t} ({@code sum[0..1]}) and their count ({@code sum[2]}). */
    void offsets(FusionEngine engine, double t, double[] sum) {
        TrackTable tracks = engine.tracks;
        Map<Long, Integer> slotOf = new HashMap<>();
        for (int k = 0; k < tracks.size(); k++) slotOf.put(tracks.id.at[tracks.slot(k)], tracks.slot(k));
        for (Entry e : entries) {
            Integer i = e.localId < 0 ? null : slotOf.get(e.localId);
            if (i == null) continue;
            predictPeer(e.track, t);
            double px = a[0];
            predictPeerY(e.track, t);
            sum[0] += tracks.x.pos.at[i] - px;
            sum[1] += tracks.y.pos.at[i] - a[0];
            sum[2]++;
        }
    }

    /** The local track in slot {@code i} combined with the partners' tracks it is with, at {@code t}. */
    Shown fused(FusionEngine engine, int i, double t) {
        TrackTable tracks = engine.tracks;
        double q = engine.cfg.processNoise(), dt = t - tracks.stateTime.at[i];
        Shown s = shown;
        s.id = tracks.id.at[i];
        s.labelCount = 0;
        s.sensorCount = 0;
        int[] keys = tracks.labels.of(i);
        for (int j = 0; j < tracks.labels.count(i); j++) s.addLabel(keys[j]);
        int[] sens = tracks.sensors.of(i);
        for (int j = 0; j < tracks.sensors.count(i); j++) s.addSensor(sens[j]);
        double[] fx = new double[5], fy = new double[5];
        predictAxis(fx, tracks.x.pos.at[i], tracks.x.vel.at[i], tracks.x.posVar.at[i], tracks.x.cov.at[i], tracks.x.velVar.at[i], dt, q);
        predictAxis(fy, tracks.y.pos.at[i], tracks.y.vel.at[i], tracks.y.posVar.at[i], tracks.y.cov.at[i], tracks.y.velVar.at[i], dt, q);
        for (Entry e : byLocal.getOrDefault(s.id, List.of())) {
            PeerTrack p = e.track;
            double pdt = t - p.t();
            double[] px = new double[5], py = new double[5];
            predictAxis(px, p.x(), p.vx(), p.pxx(), p.pxv(), p.vxx(), pdt, PEER_NOISE);
            predictAxis(py, p.y(), p.vy(), p.pyy(), p.pyv(), p.vyy(), pdt, PEER_NOISE);
            if (pdt > 0) {
                // carried on from its last update partly at the local track's velocity, which took this engine's reports since
                px[0] += LOCAL_VELOCITY * (fx[1] - p.vx()) * pdt;
                py[0] += LOCAL_VELOCITY * (fy[1] - p.vy()) * pdt;
            }
            double w = 1;
            if (rule == FusionEngine.PeerFusion.COVARIANCE_INTERSECTION) w = (px[2] + py[2]) / (fx[2] + fy[2] + px[2] + py[2]);
            combine(fx, px, w);
            combine(fy, py, w);
            s.addLabel(p.labelKey());
            s.addSensor(e.peer);
        }
        s.x = fx[0];
        s.vx = fx[1];
        s.y = fy[0];
        s.vy = fy[1];
        s.positionVariance = (fx[2] + fy[2]) / 2;
        return s;
    }

    /** Hands on every partner's track shown alone, predicted to {@code t}. */
    void alone(double t, Consumer<Shown> sink) {
        for (Entry e : entries) {
            if (e.localId >= 0 || e.ownId < 0) continue;
            PeerTrack p = e.track;
            double pdt = t - p.t();
            double[] px = new double[5], py = new double[5];
            predictAxis(px, p.x(), p.vx(), p.pxx(), p.pxv(), p.vxx(), pdt, PEER_NOISE);
            predictAxis(py, p.y(), p.vy(), p.pyy(), p.pyv(), p.vyy(), pdt, PEER_NOISE);
            Shown s = shown;
            s.id = e.ownId;
            s.x = px[0];
            s.vx = px[1];
            s.y = py[0];
            s.vy = py[1];
            s.positionVariance = (px[2] + py[2]) / 2;
            s.startT = e.startT;
            s.startX = e.startX;
            s.startY = e.startY;
            s.labelCount = 0;
            s.sensorCount = 0;
            s.addLabel(p.labelKey());
            s.addSensor(e.peer);
            sink.accept(s);
        }
    }

    void labelKeysInUse(BitSet out) {
        for (Entry e : entries) if (e.track.labelKey() >= 0) out.set(e.track.labelKey());
    }

    private void predictPeer(PeerTrack p, double t) {
        predictAxis(a, p.x(), p.vx(), p.pxx(), p.pxv(), p.vxx(), t - p.t(), PEER_NOISE);
    }

    private void predictPeerY(PeerTrack p, double t) {
        predictAxis(a, p.y(), p.vy(), p.pyy(), p.pyv(), p.vyy(), t - p.t(), PEER_NOISE);
    }

    /** One axis predicted {@code dt} ahead under white acceleration {@code q} (backwards too, for a state a little newer than {@code t}). */
    static void predictAxis(double[] out, double pos, double vel, double p00, double p01, double p11, double dt, double q) {
        double adt = Math.abs(dt);
        out[0] = pos + vel * dt;
        out[1] = vel;
        out[2] = p00 + 2 * dt * p01 + dt * dt * p11 + q * adt * adt * adt / 3;
        out[3] = p01 + dt * p11 + q * dt * adt / 2;
        out[4] = p11 + q * adt;
    }

    /**
     * Combines the estimate {@code f} of one axis with {@code p} in place: information added ({@code w} = 1), or
     * covariance intersection with weight {@code w} on {@code f} and {@code 1 - w} on {@code p}.
     */
    static void combine(double[] f, double[] p, double w) {
        double wf = w == 1 ? 1 : w, wp = w == 1 ? 1 : 1 - w;
        double df = f[2] * f[4] - f[3] * f[3], dp = p[2] * p[4] - p[3] * p[3];
        // information matrices, weighted
        double f00 = wf * f[4] / df, f01 = -wf * f[3] / df, f11 = wf * f[2] / df;
        double p00 = wp * p[4] / dp, p01 = -wp * p[3] / dp, p11 = wp * p[2] / dp;
        double y00 = f00 + p00, y01 = f01 + p01, y11 = f11 + p11;
        double yv0 = f00 * f[0] + f01 * f[1] + p00 * p[0] + p01 * p[1];
        double yv1 = f01 * f[0] + f11 * f[1] + p01 * p[0] + p11 * p[1];
        double dy = y00 * y11 - y01 * y01;
        double c00 = y11 / dy, c01 = -y01 / dy, c11 = y00 / dy;
        f[0] = c00 * yv0 + c01 * yv1;
        f[1] = c01 * yv0 + c11 * yv1;
        f[2] = c00;
        f[3] = c01;
        f[4] = c11;
    }

    private static int cell(double v) {
        return (int) Math.floor(v / CELL);
    }

    private static long key(int cx, int cy) {
        return ((long) cx << 32) ^ (cy & 0xffffffffL);
    }
}
