package org.kizuna.picture.internal.tracking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The picture's multi-sensor tracking: one {@link FusionEngine} per audience, each fed only the reports
 * its audience may read, so that a report an audience may not read cannot change anything that audience
 * observes (by construction, not by filtering afterwards). Whether an audience may read a label key is
 * the audience's own question ({@code mayRead}), answered from the one decision cache the picture keeps
 * per audience; nothing here caches a decision. Recent reports are retained so that an audience that
 * arrives later, or whose decisions changed, starts from the same recent past. Not thread-safe: the
 * picture's thread makes every call.
 */
public final class AudienceTracking {

    private final FusionConfig config;
    private final double replaySeconds;
    private final List<Audience> audiences = new ArrayList<>();
    // retained reports, oldest first, from index retainedFrom on
    private final Reports retained = new Reports();
    private int retainedFrom;
    private double now = Double.NEGATIVE_INFINITY;
    private long nextReport;
    /** What each sensor is to the engines (index: sensor), given to every engine, later ones too. */
    private final List<SensorRole> roles = new ArrayList<>();
    /** The sensors that are a partner's (its observations, by agreement): never given to an audience whose tracks go to partners. */
    private final BitSet partnerSensors = new BitSet();

    private static final class Audience {
        final IntPredicate mayRead;
        FusionEngine engine;
        /** Whose tracks go to a partner node: it is never given a partner's tracks (a node passes on none). */
        final boolean publishing;

        Audience(IntPredicate mayRead, FusionEngine engine, boolean publishing) {
            this.mayRead = mayRead;
            this.engine = engine;
            this.publishing = publishing;
        }

        boolean reads(int labelKey) {
            return labelKey >= 0 && mayRead.test(labelKey);
        }

        /** Whether it is given this report: one it may read, and never a partner's to an audience whose tracks go to partners. */
        boolean takes(int sensor, int labelKey, BitSet partnerSensors) {
            return !(publishing && partnerSensors.get(sensor)) && reads(labelKey);
        }
    }

    /**
     * @param config       the engines' tuning
     * @param replayWindow how far back the retained reports reach for an audience that starts afresh
     */
    public AudienceTracking(FusionConfig config, Duration replayWindow) {
        this.config = config;
        this.replaySeconds = replayWindow.toMillis() / 1000.0;
    }

    /** The tracking of a node's picture: its demo and partner sensors revisit every 2 to 10 s; a minute of replay. */
    public static AudienceTracking forNode() {
        return new AudienceTracking(FusionConfig.forRevisit(10), Duration.ofSeconds(60));
    }

    /** Adds an audience, which starts from the retained reports it may read. Returns its place. */
    public int addAudience(IntPredicate mayReadLabelKey) {
        audiences.add(startFromRetained(mayReadLabelKey, false));
        return audiences.size() - 1;
    }

    /**
     * Adds the audience whose tracks a partner node is sent: fed the reports the guard releases to that partner
     * ({@code mayReleaseLabelKey}) and never a partner's tracks. Returns its place.
     */
    public int addPublishingAudience(IntPredicate mayReleaseLabelKey) {
        audiences.add(startFromRetained(mayReleaseLabelKey, true));
        return audiences.size() - 1;
    }

    /** Gives an audience's place to a new audience (the old one is gone), which starts from the retained reports it may read. */
    public void replaceAudience(int audience, IntPredicate mayReadLabelKey) {
        audiences.set(audience, startFromRetained(mayReadLabelKey, false));
    }

    /**
     * A partner's tracks as of {@code t} ({@link FusionEngine#peerTracks}), given to every audience but those whose tracks
     * go to partners, each audience only the tracks whose label it may read: for one that may read none of them, the
     * partner's tracks are none.
     */
    public void peerTracks(int peer, double t, List<PeerTrack> tracks) {
        now = Math.max(now, t);
        for (Audience a : audiences) {
            if (a.publishing) continue;
            List<PeerTrack> readable = new ArrayList<>(tracks.size());
            for (PeerTrack p : tracks) if (a.reads(p.labelKey())) readable.add(p);
            a.engine.peerTracks(peer, t, readable);
        }
    }

    /** An audience's confirmed tracks of its own reports at {@code t} ({@link FusionEngine#ownStates}). */
    public void ownStates(int audience, double t, FusionEngine.StateSink sink) {
        audiences.get(audience).engine.ownStates(t, sink);
    }

    /**
     * Starts every audience again from the retained reports it may read now: for when read decisions
     * change (a coalition's membership on a new day), so that no audience keeps an estimate built from
     * reports it may no longer read. The caller forgets its cached decisions first.
     */
    public void restart() {
        audiences.replaceAll(a -> startFromRetained(a.mayRead, a.publishing));
    }

    /**
     * Marks {@code sensor} as a partner's (its reports come from a partner node, by agreement): its reports are never
     * given to an audience whose tracks go to partners, so a node's tracks never carry a partner's reports.
     */
    public void partnerSensor(int sensor) {
        partnerSensors.set(sensor);
    }

    /** Sets what sensor {@code sensor} is to every audience's engine (a sensor not set is {@link SensorRole#ESTIMATED}). */
    public void role(int sensor, SensorRole role) {
        while (roles.size() <= sensor) roles.add(SensorRole.ESTIMATED);
        roles.set(sensor, role);
        for (Audience a : audiences) a.engine.role(sensor, role);
    }

    /** One audience's registration estimate of each sensor it has had reports from (only reports it may read count). */
    public void registration(int audience, RegistrationSink sink) {
        audiences.get(audience).engine.registration(sink);
    }

    private FusionEngine newEngine() {
        FusionEngine e = new FusionEngine(config);
        for (int s = 0; s < roles.size(); s++) if (roles.get(s) != SensorRole.ESTIMATED) e.role(s, roles.get(s));
        return e;
    }

    private Audience startFromRetained(IntPredicate mayRead, boolean publishing) {
        Audience a = new Audience(mayRead, newEngine(), publishing);
        Reports r = retained;
        for (int i = retainedFrom; i < r.size; i++) {
            if (a.takes(r.sensor[i], r.label[i], partnerSensors)) a.engine.report(r.t[i], r.sensor[i], r.x[i], r.y[i], r.sigma[i], r.label[i], r.id[i]);
        }
        if (now > Double.NEGATIVE_INFINITY) a.engine.advance(now);
        return a;
    }

    /**
     * A sensor report (plane metres, seconds since the picture's epoch), given to every audience that may read its label.
     * Each report is given an identity, the same in every audience's engine (and when replayed to a late audience), so
     * that the tracks of different audiences that took the same reports can be named alike ({@link #view(int,
     * FusionEngine.ReportedTrackSink)}); returns it.
     */
    public long report(double t, int sensor, double x, double y, double sigma, int labelKey) {
        return report(t, sensor, x, y, sigma, labelKey, -1);
    }

    /** {@link #report(double, int, double, double, double, int)} under the identity {@code given} (-1: the next of its own). */
    public long report(double t, int sensor, double x, double y, double sigma, int labelKey, long given) {
        long id = given == -1 ? nextReport++ : given;
        for (Audience a : audiences) {
            if (a.takes(sensor, labelKey, partnerSensors)) a.engine.report(t, sensor, x, y, sigma, labelKey, id);
        }
        if (retained.full() && retainedFrom >= retained.size / 2) { // compact when at least half is expired, else grow
            retained.dropFirst(retainedFrom);
            retainedFrom = 0;
        }
        retained.add(t, sensor, x, y, sigma, labelKey, id);
        return id;
    }

    /** Advances every audience's estimate to {@code t} and lets retained reports older than the replay window go. */
    public void advance(double t) {
        now = Math.max(now, t);
        for (Audience a : audiences) a.engine.advance(t);
        while (retainedFrom < retained.size && retained.t[retainedFrom] < now - replaySeconds) retainedFrom++;
    }

    /** The tracks of one audience's estimate. */
    public void view(int audience, TrackSink sink) {
        audiences.get(audience).engine.view(sink);
    }

    /** The tracks of one audience's estimate, with the identities of the latest reports each took. */
    public void view(int audience, FusionEngine.ReportedTrackSink sink) {
        audiences.get(audience).engine.view(sink);
    }

    /**
     * Empties an audience's place (its audience is gone): an engine that holds nothing and is fed nothing
     * until {@link #replaceAudience} gives the place to a new audience. Nothing is replayed into it.
     */
    public void clear(int audience) {
        audiences.set(audience, new Audience(key -> false, newEngine(), false));
    }

    /** Adds every label key still held (retained reports, every audience's engine) to {@code out}. */
    public void labelKeysInUse(BitSet out) {
        for (int i = retainedFrom; i < retained.size; i++) if (retained.label[i] >= 0) out.set(retained.label[i]);
        for (Audience a : audiences) a.engine.labelKeysInUse(out);
    }

    public int audiences() {
        return audiences.size();
    }
}
