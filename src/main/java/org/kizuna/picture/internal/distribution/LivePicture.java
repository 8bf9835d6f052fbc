package org.kizuna.picture.internal.distribution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.kizuna.federation.PeerObservations;
import org.kizuna.federation.PeerTracks;
import org.kizuna.federation.TrackExchange;
import org.kizuna.label.InvalidMarkingException;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Portion;
import org.kizuna.label.Reader;
import org.kizuna.node.Reason;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.CotRejected;
import org.kizuna.picture.Picture;
import org.kizuna.picture.Sensor;
import org.kizuna.picture.SensorRegistration;
import org.kizuna.picture.Sensors;
import org.kizuna.picture.Source;
import org.kizuna.picture.TrackView;
import org.kizuna.picture.internal.tracking.AudienceTracking;
import org.kizuna.picture.internal.tracking.PeerTrack;
import org.kizuna.picture.internal.tracking.Plane;
import org.kizuna.picture.internal.tracking.SensorRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live operational picture of a node. Events come in from any thread ({@link #ingest}); one picture
 * thread owns all state: the self-reported tracks (units reporting their own position, shown at once
 * under their uid), the fused layer (sensor reports, advanced about four times a second), the audiences
 * (one per distinct reader, each (audience, label) read decision taken once) and the subscribers, to
 * which it publishes per-audience frames: changed self-reported tracks within about 10 ms, the fused view
 * once a second, and the whole visible picture on subscription (latest-SA replay). Nothing on this path
 * touches the database.
 * <p>
 * The tracking's references: a surveyed sensor ({@link Sensor#surveyed()}) is given the role
 * {@link SensorRole#SURVEYED}, and a unit's own GPS fix (a self-report of {@code how} {@code m-g} with a known
 * circular error, from a source the node vouches for) is also given to the tracking as a report of the
 * pseudo-sensor of its nation's self-reports ({@link SensorRole#SELF_REPORTS}): a yardstick for the other
 * sensors' registration ({@link #registration(Reader)}), never a registered sensor, and never a fused track of its own
 * (the unit is shown as its self-reported track).
 * <p>
 * Bounded under hostile input ({@link Limits}): events whose time is outside a window around the node's
 * clock are refused, a report's stale time is capped, the self-reported tracks and distinct labels of
 * each reporting nation are capped (per nation, so that whether a report is taken never depends on
 * another nation's tracks or labels, which its sender may not be allowed to see), and so are the
 * audiences. Expiry always runs on the node's clock, never on a report's time.
 * Refusals are counted by reason ({@link #refusedByReason}) and logged at most once per reason every 10 s.
 */
public final class LivePicture implements Picture, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LivePicture.class);
    private static final long FLUSH_NANOS = 10_000_000L;
    private static final long ADVANCE_MS = 250, FUSED_PUBLISH_MS = 1000;
    private static final int QUEUE_LIMIT = 200_000;
    private static final long DAY_MS = 86_400_000L;

    private static final long LOG_EVERY_MS = 10_000, COMPACT_EVERY_MS = 60_000, AUDIENCE_SWEEP_MS = 60_000;
    private static final int ROLL_UP_CACHE = 10_000;
    /** Report identities given from outside ({@link #ingest(CotEvent, Source, long)}) are at least this; the tracking's own count up from 0. */
    public static final long GIVEN_REPORT_IDS = 1L << 62;
    /** The finest accuracy (m, one sigma) a unit's own GPS fix is taken to have, whatever it claims. */
    static final double FINEST_FIX_METRES = 5;

    /**
     * What the picture accepts and holds at most.
     *
     * @param acceptPast    an event whose time is older than the node's clock by more than this is refused
     * @param acceptFuture  an event whose time is ahead of the node's clock by more than this is refused
     * @param maxStale      a report's stale time is cut to at most this long after its time
     * @param maxTracks     self-reported tracks of one reporting nation held at once; a report of a new track
     *                      beyond it is refused
     * @param maxLabels     distinct labels one reporting nation's tracks and reports use at once; an event of
     *                      that nation with a new label beyond it is refused
     * @param maxAudiences  audiences (distinct readers) held at once; idle ones are dropped first
     * @param idleAudience  an audience without subscribers that nobody queried for this long is dropped
     */
    public record Limits(Duration acceptPast, Duration acceptFuture, Duration maxStale, int maxTracks, int maxLabels,
            int maxAudiences, Duration idleAudience) {

        public Limits {
            if (acceptPast.isNegative() || acceptFuture.isNegative() || !maxStale.isPositive() || !idleAudience.isPositive()) {
                throw new IllegalArgumentException("the picture's time window and lifetimes must be positive");
            }
            if (maxTracks < 1 || maxAudiences < 1 || maxLabels < 1) {
                throw new IllegalArgumentException("the picture must hold at least one track, one label and one audience");
            }
        }

        public static Limits defaults() {
            return new Limits(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofHours(1), 20_000, 1_024, 1_000, Duration.ofMinutes(10));
        }
    }

    private final LabelKernel kernel;
    private final String nodeNation;
    private final Sensors sensors;
    private final AudienceTracking tracking;
    private final Clock clock;
    private final long epochMs;
    private final Limits limits;
    private final LabelKeys labels;
    /** The common uids of fused tracks (picture thread only). */
    private final CommonTrackIds common;
    private final ConcurrentHashMap<String, LongAdder> refused = new ConcurrentHashMap<>();
    // the labels each reporting nation's tracks and reports use (keys: nations, bounded by the vocabulary)
    private final ConcurrentHashMap<String, Set<Label>> labelsByNation = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> lastRefusalLog = new ConcurrentHashMap<>();
    private volatile boolean labelsFull;
    private volatile int labelEpoch; // counts the releases of label keys: a marking interned in the current epoch is live
    private volatile int audienceCount;
    private volatile @Nullable Recorder recorder;
    private final LinkedBlockingQueue<Command> commands = new LinkedBlockingQueue<>(QUEUE_LIMIT);
    private final Thread thread;
    private volatile boolean running = true;

    // --- state owned by the picture thread ---
    private final Map<String, TrackState> self = new HashMap<>();
    private final List<TrackState> pending = new ArrayList<>();
    /** Self-reported tracks of unauthenticated (plain port) sources, with the key an authenticated source's track of the same uid has. */
    private final java.util.IdentityHashMap<TrackState, String> unauthenticated = new java.util.IdentityHashMap<>();
    private final List<TrackState> retired = new ArrayList<>();
    private final List<Audience> audiences = new ArrayList<>();
    private final Map<Reader, Audience> audienceByReader = new HashMap<>();
    private final ArrayDeque<Integer> freeTrackingPlaces = new ArrayDeque<>();
    private final Map<String, Integer> tracksByNation = new HashMap<>();
    private final Map<String, Set<Label>> trackerLabelsByNation = new HashMap<>();
    private long lastCompaction, lastAudienceSweep;
    /** The tracking's sensor indices: of a registered sensor (by id), and of the pseudo-sensor of a nation's self-reports (by nation). */
    private final Map<String, Integer> sensorIndex = new HashMap<>();
    private final Map<String, Integer> selfReportIndex = new HashMap<>();
    /** Per tracking index: the registered sensor, null for a nation's self-reports; and the nation whose reports they are. */
    private final List<@Nullable Sensor> sensorByIndex = new ArrayList<>();
    private final List<String> nationByIndex = new ArrayList<>();
    private final Map<String, LabelKeys.Marking> rollUps = new HashMap<>();
    private long lastFlush = System.nanoTime();
    private volatile long observations;
    private long lastAdvance, lastFusedPublish;
    private long decisionsUntil;
    /** The way to and from the peers' pictures; null when the node does not federate. */
    private volatile @Nullable TrackExchange exchange;
    /** Per peer nation: the audience whose tracks it is sent (picture thread only). */
    private final Map<String, PeerAudience> peerAudiences = new HashMap<>();
    /** The tracking index of each peer nation's tracks. */
    private final Map<String, Integer> peerIndex = new HashMap<>();
    /** The tracking index of each peer sensor whose observations this node takes, by {@code NATION:sensor}. */
    private final Map<String, Integer> peerSensorIndex = new HashMap<>();
    /** How many sensors of each peer nation {@link #peerSensorIndex} holds: at most {@link #SENSORS_PER_PEER}. */
    private final Map<String, Integer> peerSensorCount = new HashMap<>();
    /** A peer's observations name at most this many sensors; an observation of one more is dropped (counted). */
    static final int SENSORS_PER_PEER = 512;
    /** Per peer nation sent observations by agreement: the guard's decisions and the observations not yet sent (picture thread only). */
    private final Map<String, ObservationPeer> observationPeers = new HashMap<>();
    private long lastObservationBatch;
    /** A batch of observations is sent to each peer under that agreement this often (ms). */
    static final long OBSERVATION_BATCH_MS = 250;
    /** At most this many observations wait for one peer between two batches; past it the newest are not queued (counted). */
    static final int OBSERVATIONS_PER_BATCH = 5_000;
    private final ConcurrentHashMap<String, LongAdder> peerObservationsTaken = new ConcurrentHashMap<>();
    /** Where a replica sends what it takes, for the fusion workers; null when this picture fuses (docs/scaling.md). */
    private volatile @Nullable PictureBus bus;
    /** Where a fusion worker publishes its tracks for the replicas; null when nobody takes them. */
    private volatile @Nullable TrackOutlet outlet;
    private final Map<String, Audience> audienceByName = new HashMap<>();

    /**
     * A picture of the node of {@code nodeNation}, on the node's clock, holding at most {@code limits}; its
     * thread starts at once and ends with {@link #close}.
     */
    public LivePicture(LabelKernel kernel, Sensors sensors, String nodeNation, Clock clock, Limits limits) {
        this.kernel = kernel;
        this.sensors = sensors;
        this.tracking = AudienceTracking.forNode();
        this.common = new CommonTrackIds(nodeNation);
        this.nodeNation = nodeNation;
        this.clock = clock;
        this.limits = limits;
        // a safety net far above any nation's share: whether an event is taken is decided by its own nation's share
        this.labels = new LabelKeys(Math.max(LabelKeys.DEFAULT_LIMIT, (int) Math.min(Integer.MAX_VALUE / 2, 64L * limits.maxLabels())));
        this.epochMs = clock.millis();
        this.lastCompaction = lastAudienceSweep = epochMs;
        this.decisionsUntil = nextDay(epochMs);
        this.thread = Thread.ofPlatform().name("kizuna-picture").daemon(true).unstarted(this::loop);
        thread.start();
    }

    public LivePicture(LabelKernel kernel, Sensors sensors, String nodeNation, Clock clock) {
        this(kernel, sensors, nodeNation, clock, Limits.defaults());
    }

    public LivePicture(LabelKernel kernel, Sensors sensors, String nodeNation, Limits limits) {
        this(kernel, sensors, nodeNation, Clock.systemUTC(), limits);
    }

    public LivePicture(LabelKernel kernel, Sensors sensors, String nodeNation) {
        this(kernel, sensors, nodeNation, Clock.systemUTC(), Limits.defaults());
    }

    /**
     * Sends the fused picture to the peers through {@code x} from now on: each second, to each approved peer, the
     * confirmed tracks of an engine fed only the reports the guard releases to that peer's nation, each under the
     * roll-up of its reports' labels, which the guard must release too (see docs/federation.md, "The picture across
     * nodes").
     */
    public void exchange(TrackExchange x) {
        this.exchange = x;
    }

    /**
     * A peer's tracks ({@link TrackExchange.Receiver}): queued for the picture's thread, where each audience's engine
     * takes the tracks it may read. Dropped when the picture is overloaded (the peer sends its newest tracks every second).
     */
    public void peerTracks(PeerTracks batch) {
        if (!commands.offer(new PeerBatch(batch))) count("overloaded", "picture is overloaded; a peer's tracks were dropped", "peer " + batch.from());
    }

    /**
     * A peer's observations ({@link TrackExchange.Receiver}), by the peer's agreement: queued for the picture's thread,
     * where each audience's engine that may read them takes them as reports of the peer's sensors. Dropped when the
     * picture is overloaded.
     */
    public void peerObservations(PeerObservations batch) {
        if (!commands.offer(new PeerObservationBatch(batch))) {
            count("overloaded", "picture is overloaded; a peer's observations were dropped", "peer " + batch.from());
        }
    }

    /** Receives every self-reported version and every audience's fused view from now on (the track history). */
    public void record(Recorder r) {
        this.recorder = r;
    }

    /**
     * Makes this picture a replica of a picture that runs on Apache Kafka (docs/scaling.md): from now on every event it
     * accepts goes to the fusion workers through {@code b} instead of its own tracking, each audience it serves is
     * announced there, and its tracks are the workers' ({@link #remoteSelf}, {@link #remoteFused}), each decided for
     * each audience here, as its own would be.
     */
    public void publishTo(PictureBus b) {
        this.bus = b;
    }

    /** Publishes this picture's self-reported versions and each audience's fused view through {@code o} from now on (a fusion worker). */
    public void publishTo(TrackOutlet o) {
        this.outlet = o;
    }

    /** The epoch of the picture's label keys: read it before interning a label for {@link #remoteSelf} or {@link #remoteFused}. */
    public int labelEpoch() {
        return labelEpoch;
    }

    /** A self-reported version a fusion worker published, under the worker's key of the track; taken as one of this picture's own would be. */
    public void remoteSelf(String key, TrackState state, int labelEpoch) {
        if (!commands.offer(new RemoteSelf(key, state, labelEpoch)))
            count("overloaded", "picture is overloaded; a worker's track was dropped", "the fusion workers");
    }

    /**
     * Another fusion worker published a track of this uid that took these reports (a fusion worker's): a track of this
     * picture that took them and that it does not publish yet is named alike, so that a track keeps its uid when it
     * passes from one worker's cells to another's or its worker stops (docs/scaling.md).
     */
    public void learn(long[] reports, String uid) {
        if (!commands.offer(new Learn(reports, uid))) count("overloaded", "picture is overloaded; a worker's track names were dropped", "the fusion workers");
    }

    /** A fused track of an audience a fusion worker published ({@code state} null: the worker no longer shows it). */
    public void remoteFused(String audience, String uid, @Nullable TrackState state, int labelEpoch) {
        if (!commands.offer(new RemoteFused(audience, uid, state, labelEpoch)))
            count("overloaded", "picture is overloaded; a worker's track was dropped", "the fusion workers");
    }

    /**
     * Events refused since start, by reason: {@code time-too-old}, {@code time-in-future},
     * {@code not-a-position}, {@code no-label}, {@code bad-label}, {@code label-not-held}, {@code too-many-labels},
     * {@code too-many-tracks}, {@code too-many-sensors}, {@code too-many-audiences}, {@code overloaded}. A snapshot, sorted by
     * reason.
     */
    @Override
    public Map<String, Long> refusedByReason() {
        Map<String, Long> out = new TreeMap<>();
        refused.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Whether the source's reader may read the sensor (its default label); the node itself (no reader) may. */
    private boolean mayReport(Source source, Sensor sensor) {
        Reader reader = source.reader();
        if (reader == null) return true;
        try {
            return kernel.mayRead(labels.parse(sensor.defaultLabel()), reader);
        } catch (InvalidMarkingException e) {
            return false;
        }
    }

    /** Counts and logs (at most once per reason every 10 s) a refusal; returns it to throw. */
    private CotRejected refuse(String reason, Reason detail, String source) {
        count(reason, detail, source);
        return new CotRejected(detail);
    }

    private void count(String reason, Object detail, String source) {
        refused.computeIfAbsent(reason, k -> new LongAdder()).increment();
        long now = System.currentTimeMillis();
        Long last = lastRefusalLog.get(reason);
        boolean logIt = last == null
                ? lastRefusalLog.putIfAbsent(reason, now) == null
                : now - last >= LOG_EVERY_MS && lastRefusalLog.replace(reason, last, now);
        if (logIt) {
            log.warn("picture refused an event from {} ({}, {} so far): {}", source, reason, refused.get(reason).sum(), detail);
        }
    }

    public LabelKeys labels() {
        return labels;
    }

    // ------------------------------------------------------------------ ingest (any thread)

    /*
     * A self-reported track; {@code owner} keys an unauthenticated source's tracks apart from everyone else's ("" for
     * authenticated); {@code labelEpoch}: the picture's label epoch before the label was interned (see {@link #releaseUnusedLabels}).
     */
    /** What the picture's thread is asked to do, in the order asked. */
    private sealed interface Command {
    }

    /** {@code referenceSigma}: the circular error (m) of a unit's own GPS fix, a reference for the tracking; NaN for any other self-report. */
    private record SelfReport(TrackState state, String owner, int labelEpoch, double referenceSigma, long reportId) implements Command {
    }

    private record Observation(Sensor sensor, double t, double x, double y, double sigma, LabelKeys.Marking marking, int labelEpoch, long reportId)
            implements Command {
    }

    private record Subscribe(Reader reader, Subscriber subscriber) implements Command {
    }

    private record PeerBatch(PeerTracks batch) implements Command {
    }

    private record PeerObservationBatch(PeerObservations batch) implements Command {
    }

    private record RemoteSelf(String key, TrackState state, int labelEpoch) implements Command {
    }

    private record Learn(long[] reports, String uid) implements Command {
    }

    private record RemoteFused(String audience, String uid, @Nullable TrackState state, int labelEpoch) implements Command {
    }

    private record Unsubscribe(Subscriber subscriber) implements Command {
    }

    /** A question about what the reader's audience sees, answered on the picture's thread. */
    private record Query<T>(Reader reader, Function<Audience, T> question, CompletableFuture<T> answer) implements Command {
    }

    /**
     * Takes one CoT event into the picture: a report of a registered sensor (uid {@code SENSOR.track}) from
     * a source of the sensor's nation becomes an observation for the tracker; any other position report is
     * a self-reported track. The
     * label comes from the event's attributes, else from the sensor's, else from the source's default.
     *
     * <p>
     * The event's time must be within {@link Limits#acceptPast} before and {@link Limits#acceptFuture}
     * after the node's clock; its stale time is cut to {@link Limits#maxStale} after its time.
     *
     * @throws CotRejected with the reason when the event is not a position report, its time is outside
     *                     the window, its label does not parse, it has no label and no default applies,
     *                     its label (or the default it takes) is one the node may not hold (rule 5),
     *                     or the picture holds as many distinct labels as it may
     */
    @Override
    public void ingest(CotEvent e, Source source) throws CotRejected {
        ingest(e, source, -1);
    }

    /**
     * {@link #ingest(CotEvent, Source)}, the report known by {@code reportId} (at least {@link #GIVEN_REPORT_IDS}) in the
     * tracking and in the naming of tracks: a fusion worker's picture takes each event under the identity its replica gave
     * it, so that every worker that takes the report names it alike (docs/scaling.md); -1: the picture gives it one.
     */
    public void ingest(CotEvent e, Source source, long reportId) throws CotRejected {
        if (reportId != -1 && reportId < GIVEN_REPORT_IDS) throw new IllegalArgumentException("a report identity given from outside is at least 2^62");
        if (!e.isPosition()) throw refuse("not-a-position", Reason.of("picture.refused.not-a-position", e.type()), source.name());
        long now = clock.millis();
        if (e.timeMs() < now - limits.acceptPast().toMillis()) {
            throw refuse("time-too-old", Reason.of("picture.refused.time-too-old", Instant.ofEpochMilli(e.timeMs()).toString(),
                    String.valueOf(limits.acceptPast().toSeconds()), Instant.ofEpochMilli(now).toString()), source.name());
        }
        if (e.timeMs() > now + limits.acceptFuture().toMillis()) {
            throw refuse("time-in-future", Reason.of("picture.refused.time-in-future", Instant.ofEpochMilli(e.timeMs()).toString(),
                    String.valueOf(limits.acceptFuture().toSeconds()), Instant.ofEpochMilli(now).toString()), source.name());
        }
        Sensor sensor = null;
        int dot = e.uid().indexOf('.');
        // only a nation's own sources report for its sensors: anything else claiming a sensor's uid is an
        // ordinary self-report, neither credited to the sensor nor given its label
        // (an unauthenticated source, the plain port, reports only for sensors registered by its owner), and only a
        // source that may read the sensor: else whether its report became an observation (under the sensor's label)
        // or its own track would tell it that a sensor it may not read exists
        if (dot > 0)
            sensor = sensors.find(e.uid().substring(0, dot)).filter(x -> x.nation().equals(source.nation())
                    && (source.authenticated() || sensors.registeredBy(x.id(), source.owner())) && mayReport(source, x)).orElse(null);
        Label label;
        try {
            if (e.access() != null) {
                label = labels.fromCot(e.access(), e.caveat(), e.releasableTo());
            } else if (sensor != null) {
                label = labels.parse(sensor.defaultLabel());
            } else if (source.defaultLabel() != null) {
                label = source.defaultLabel();
            } else {
                throw refuse("no-label", Reason.of("picture.refused.no-label"), source.name());
            }
        } catch (InvalidMarkingException bad) {
            throw refuse("bad-label", Reason.of("picture.refused.bad-label", bad.reason()), source.name());
        }
        if (!kernel.mayHold(label)) {
            // rule 5: nobody on this node may read it, so it is refused here rather than held unseen (and journalled)
            throw refuse("label-not-held",
                    Reason.of(e.access() == null && sensor == null ? "picture.refused.default-label-not-held" : "picture.refused.label-not-held",
                            label.banner(), java.util.Objects.requireNonNull(kernel.holdReason(label))),
                    source.name());
        }
        if (!withinLabelShare(source.nation(), label)) {
            labelsFull = true; // the picture's thread releases the labels nothing uses any more
            throw refuse("too-many-labels", Reason.of("picture.refused.nation-labels", source.nation(), String.valueOf(limits.maxLabels())), source.name());
        }
        int epoch = labelEpoch; // read before interning: a release after this read changes the epoch
        LabelKeys.Marking marking = labels.tryIntern(label);
        if (marking == null) {
            labelsFull = true; // the picture's thread releases the labels nothing uses any more
            throw refuse("too-many-labels", Reason.of("picture.refused.picture-labels", String.valueOf(labels.limit())), source.name());
        }
        PictureBus way = bus;
        if (way != null) {
            // a replica: the fusion workers take it again, as this picture would have (docs/scaling.md)
            if (!way.publish(e, source)) throw refuse("overloaded", Reason.of("picture.refused.overloaded"), source.name());
            return;
        }
        Command command;
        if (sensor != null) {
            double sigma = Double.isFinite(e.ce()) && e.ce() > 0 && e.ce() < CotEvent.UNKNOWN ? e.ce() : sensor.accuracyMetres();
            command = new Observation(sensor, seconds(e.timeMs()), Plane.x(e.lon()), Plane.y(e.lat()), sigma, marking, epoch, reportId);
        } else {
            String[] nations = {source.nation()};
            long stale = Math.min(Math.max(e.staleMs(), e.timeMs()), e.timeMs() + limits.maxStale().toMillis());
            // a unit's own GPS fix (machine-generated, GPS) of known accuracy is a reference for the tracking's
            // registration estimates; a hand-placed marker or a fix of unknown accuracy is not, nor is anything an
            // unauthenticated source says (it may move nobody else's picture)
            // a client's claimed accuracy is taken no finer than a GPS fix can be, so that no unit can make
            // itself the yardstick that outweighs every other report
            double reference = source.authenticated() && e.how().startsWith("m-g") && e.ce() > 0 && e.ce() < CotEvent.UNKNOWN
                    ? Math.max(e.ce(), FINEST_FIX_METRES)
                    : Double.NaN;
            String detail = e.detail() == null ? null : inspected(e.detail(), label, source.name());
            command = new SelfReport(new TrackState(e.uid(), e.type(), e.how().isEmpty() ? "m-g" : e.how(), e.lat(), e.lon(), e.hae(),
                    e.ce(), e.le(), e.speed(), e.course(), e.callsign(), detail, marking, e.timeMs(), stale, nations, true),
                    source.authenticated() ? "" : '~' + source.owner() + '|', epoch, reference, reportId);
        }
        if (!commands.offer(command)) throw refuse("overloaded", Reason.of("picture.refused.overloaded"), source.name());
    }

    /**
     * The detail elements that may travel under the event's label: each element is given to the guard's content
     * inspection on its own, and one that carries a marking or codeword above the label (a remark "SECRET" on an
     * UNCLASSIFIED report) is withheld, counted ({@code detail-withheld}) and logged; the event is taken.
     */
    private @Nullable String inspected(String detail, Label label, String source) {
        StringBuilder kept = null;
        List<org.kizuna.picture.internal.cot.DetailElements.Element> elements = org.kizuna.picture.internal.cot.DetailElements.split(detail);
        for (int i = 0; i < elements.size(); i++) {
            var element = elements.get(i);
            String why = kernel.inspect(element.xml(), label);
            if (why == null) {
                if (kept != null) kept.append(element.xml());
                continue;
            }
            count("detail-withheld", "detail element <" + element.name() + "> withheld: " + why, source);
            if (kept == null) {
                kept = new StringBuilder(detail.length());
                for (int j = 0; j < i; j++) kept.append(elements.get(j).xml());
            }
        }
        if (kept == null) return detail;
        return kept.isEmpty() ? null : kept.toString();
    }

    /** Whether the nation's events may use this label: one it uses already, or a new one within its share. */
    private boolean withinLabelShare(String nation, Label label) {
        Set<Label> used = labelsByNation.computeIfAbsent(nation, k -> ConcurrentHashMap.newKeySet());
        if (used.contains(label)) return true;
        synchronized (used) {
            if (used.size() >= limits.maxLabels()) return false;
            used.add(label);
            return true;
        }
    }

    /** Subscribes to the frames of the reader's audience; the first frame is the replay of its current picture. */
    public AutoCloseable subscribe(Reader reader, Subscriber subscriber) {
        command(new Subscribe(reader, subscriber));
        return () -> command(new Unsubscribe(subscriber));
    }

    /** The tracks the reader may see now. */
    @Override
    public List<TrackView> tracks(Reader reader) {
        return states(reader).stream().map(this::view).toList();
    }

    /** The current versions of the tracks the reader may see (self-reported and fused). */
    public List<TrackState> states(Reader reader) {
        return ask(reader, this::visible);
    }

    /**
     * The registration estimates of the reader's own audience, in sensor-id order: of each registered sensor
     * whose default label the reader may read (the sensor list's rule) and which the audience's tracking has had
     * reports from (only reports the audience may read reach it). Refused, as {@link #tracks} is, when the
     * picture serves as many audiences as it may.
     */
    @Override
    public List<SensorRegistration> registration(Reader reader) {
        return ask(reader, this::registration);
    }

    /** Asks the picture's thread a question about the reader's audience and waits (up to 5 s) for the answer. */
    private <T> T ask(Reader reader, Function<Audience, T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        command(new Query<>(reader, question, answer));
        try {
            return answer.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the picture", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the picture did not answer: " + e.getMessage(), e);
        }
    }

    public TrackView view(TrackState s) {
        return new TrackView(s.uid, s.lat, s.lon, s.hae == CotEvent.UNKNOWN ? 0 : s.hae, Double.isNaN(s.speed) ? 0 : s.speed,
                Double.isNaN(s.course) ? 0 : s.course, s.affiliation(), s.dimension(), s.type, s.callsign == null ? s.uid : s.callsign,
                s.marking.banner(), List.of(s.nations), s.self, Instant.ofEpochMilli(s.timeMs), Instant.ofEpochMilli(s.staleMs));
    }

    private void command(Command c) {
        try {
            if (!commands.offer(c, 1, TimeUnit.SECONDS)) throw new IllegalStateException("the picture is overloaded");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private double seconds(long ms) {
        return (ms - epochMs) / 1000.0;
    }

    /** Audiences (distinct readers) the picture holds now. */
    public int audiences() {
        return audienceCount;
    }

    @Override
    public Map<String, Long> peerObservations() {
        Map<String, Long> out = new TreeMap<>();
        peerObservationsTaken.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Sensor reports taken as observations of registered sensors since start (the rest of the position reports are self-reports). */
    public long observations() {
        return observations;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }

    // ------------------------------------------------------------------ the picture thread

    private final class Audience {
        final Reader reader;
        final String name;
        final org.kizuna.label.Clearance clearance;
        final List<Subscriber> subscribers = new ArrayList<>();
        /** The one cache of this audience's read decisions, by label key: 0 not yet decided, 1 may read, 2 may not. */
        byte[] decisions = new byte[16];
        int trackingPlace = -1;
        TrackState[] fusedTracks = new TrackState[0];
        /** A replica's: the fusion workers' fused tracks of this audience, by uid. */
        final Map<String, TrackState> remote = new HashMap<>();
        long lastUsed;

        Audience(Reader reader) {
            this.reader = reader;
            this.name = AudienceName.of(reader);
            this.clearance = kernel.clearance(reader);
        }

        boolean mayRead(int key) {
            if (key >= decisions.length) decisions = Arrays.copyOf(decisions, Math.max(key + 1, decisions.length * 2));
            byte d = decisions[key];
            if (d == 0) {
                d = kernel.mayRead(Objects.requireNonNull(labels.marking(key), "a live track's label key").label(), clearance) ? (byte) 1 : (byte) 2;
                decisions[key] = d;
            }
            return d == 1;
        }
    }

    /** The reader's audience, created if new; null when the picture holds as many audiences as it may, all of them in use. */
    private @Nullable Audience audience(Reader reader) {
        Audience a = audienceByReader.get(reader);
        if (a == null) {
            if (audiences.size() >= limits.maxAudiences() && !dropIdlestAudience()) return null;
            a = new Audience(reader);
            audiences.add(a);
            audienceByReader.put(reader, a);
            audienceByName.put(a.name, a);
            audienceCount = audiences.size();
            PictureBus way = bus;
            if (way != null) way.audience(reader);
            Integer free = freeTrackingPlaces.poll();
            if (free == null) {
                a.trackingPlace = tracking.addAudience(a::mayRead);
            } else {
                tracking.replaceAudience(free, a::mayRead);
                a.trackingPlace = free;
            }
        }
        a.lastUsed = clock.millis();
        return a;
    }

    /** Drops the audience without subscribers that was used longest ago; false when every audience has subscribers. */
    private boolean dropIdlestAudience() {
        Audience idlest = null;
        for (Audience a : audiences) {
            if (a.subscribers.isEmpty() && (idlest == null || a.lastUsed < idlest.lastUsed)) idlest = a;
        }
        if (idlest == null) return false;
        drop(idlest);
        return true;
    }

    private void drop(Audience a) {
        audiences.remove(a);
        audienceByReader.remove(a.reader);
        audienceByName.remove(a.name);
        audienceCount = audiences.size();
        tracking.clear(a.trackingPlace); // an engine fed nothing until a new audience takes the place
        common.forget(a.trackingPlace);
        freeTrackingPlaces.add(a.trackingPlace);
    }

    /** Audiences nobody subscribes to and nobody queried for {@link Limits#idleAudience} cost fusion work for nothing. */
    private void dropIdleAudiences(long now) {
        long idle = limits.idleAudience().toMillis();
        for (Audience a : List.copyOf(audiences)) {
            if (a.subscribers.isEmpty() && now - a.lastUsed > idle) drop(a);
        }
    }

    private void loop() {
        List<Command> batch = new ArrayList<>(4096);
        while (running) {
            try {
                long now = System.nanoTime();
                long wait = pending.isEmpty() ? 50_000_000L : Math.max(0, lastFlush + FLUSH_NANOS - now);
                Command first = commands.poll(wait, TimeUnit.NANOSECONDS);
                redecideOnNewDay();
                if (first != null) {
                    handle(first);
                    batch.clear();
                    commands.drainTo(batch, 4096);
                    for (Command c : batch) handle(c);
                }
                if (!pending.isEmpty() && System.nanoTime() - lastFlush >= FLUSH_NANOS) flush();
                if (pending.isEmpty()) lastFlush = System.nanoTime();
                periodic();
            } catch (InterruptedException e) {
                if (!running) return;
            } catch (RuntimeException e) {
                log.error("picture thread: {}", e.toString(), e);
            }
        }
    }

    /**
     * The kernel expands coalition tetragraphs with the membership of the UTC day it decides on, so a
     * decision taken yesterday may be wrong today (a member that left must lose access at once). The
     * cached decisions and roll-ups are dropped at the start of each UTC day and taken afresh; the fused
     * estimates start again from the reports each audience may read today, and their views are computed
     * again at once.
     */
    private void redecideOnNewDay() {
        long now = clock.millis();
        if (now < decisionsUntil) return;
        decisionsUntil = nextDay(now);
        rollUps.clear();
        for (Audience a : audiences) {
            Arrays.fill(a.decisions, (byte) 0);
            a.fusedTracks = new TrackState[0];
        }
        for (PeerAudience pa : peerAudiences.values()) Arrays.fill(pa.decisions, (byte) 0);
        for (ObservationPeer op : observationPeers.values()) Arrays.fill(op.decisions, (byte) 0);
        tracking.restart(); // after the audiences' decisions are cleared: the engines are fed again by what each may read today
        common.forgetAll(); // the engines' numbers start again; their tracks find their uids again by their reports
        lastFusedPublish = now - FUSED_PUBLISH_MS;
    }

    private static long nextDay(long ms) {
        return (Math.floorDiv(ms, DAY_MS) + 1) * DAY_MS;
    }

    @SuppressWarnings("NonAtomicVolatileUpdate") // observations: the picture thread is its one writer
    private void handle(Command c) {
        switch (c) {
            case SelfReport r -> {
                // Keyed by reporting nation and uid: a partner reusing a uid gets a track of its own and can
                // neither overwrite nor hide another nation's track (nor learn that the uid is taken).
                // An unauthenticated (plain port) source's tracks are keyed by their owner too: it can never
                // replace a track an authenticated source owns, nor another plain source's.
                String key = r.owner() + r.state().nations[0] + '|' + r.state().uid;
                TrackState previous = self.get(key);
                TrackState state = holdSelf(key, r.state(), r.labelEpoch());
                if (state == null) return;
                TrackOutlet out = outlet;
                if (out != null) out.self(key, state);
                if (!Double.isNaN(r.referenceSigma()) && (previous == null || previous.timeMs < state.timeMs)) {
                    // a unit's own fix: a report of its nation's self-reports for the tracking, under its own label
                    trackerLabelsByNation.computeIfAbsent(state.nations[0], k -> new HashSet<>()).add(state.marking.label());
                    tracking.report(seconds(state.timeMs), selfReportIndex(state.nations[0]), Plane.x(state.lon), Plane.y(state.lat),
                            r.referenceSigma(), state.marking.key(), r.reportId());
                }
            }
            case Observation o -> {
                LabelKeys.Marking m = o.labelEpoch() == labelEpoch || labels.isLive(o.marking()) ? o.marking() : labels.tryIntern(o.marking().label());
                if (m == null) {
                    count("too-many-labels", "the picture holds " + labels.limit() + " distinct labels, its limit", "sensor " + o.sensor().id());
                } else {
                    trackerLabelsByNation.computeIfAbsent(o.sensor().nation(), k -> new HashSet<>()).add(m.label());
                    tracking.report(o.t(), sensorIndex(o.sensor()), o.x(), o.y(), o.sigma(), m.key(), o.reportId());
                    observations = observations + 1; // only this thread writes it
                    if (!observationPeers.isEmpty()) queueForPeers(o, m);
                }
            }
            case Subscribe s -> {
                Audience a = audience(s.reader());
                if (a == null) {
                    count("too-many-audiences", "the picture serves " + limits.maxAudiences() + " distinct readers with live subscriptions, its limit; "
                            + "a subscription of a new reader gets nothing", "a subscription");
                    return;
                }
                List<TrackState> visible = visible(a);
                s.subscriber().deliver(new Frame(visible.toArray(new TrackState[0]), visible.size(), true));
                a.subscribers.add(s.subscriber());
            }
            case Unsubscribe u -> {
                for (Audience a : audiences) {
                    if (a.subscribers.remove(u.subscriber())) a.lastUsed = clock.millis();
                }
            }
            case RemoteSelf r -> holdSelf(r.key(), r.state(), r.labelEpoch());
            case Learn l -> common.learn(l.reports(), l.uid(), clock.millis());
            case RemoteFused r -> takeRemoteFused(r);
            case Query<?> q -> answer(q);
            case PeerBatch b -> takePeerTracks(b.batch());
            case PeerObservationBatch b -> takePeerObservations(b.batch());
        }
    }

    // ------------------------------------------------------------------ a replica of a picture on Apache Kafka (picture thread)

    /** The version under a live label key: interned again where its key was released while it was queued; null past the label limit. */
    private @Nullable TrackState live(TrackState state, int epoch) {
        if (epoch == labelEpoch || labels.isLive(state.marking)) return state;
        LabelKeys.Marking m = labels.tryIntern(state.marking.label());
        return m == null ? null : state.withMarking(m);
    }

    /**
     * Holds a self-reported version under the picture's key of the track ({@code ~owner|} first for a plain port's track)
     * and queues it for the subscribers; null when it is not taken: older than the version held (out of order, or a unit
     * two fusion workers held as it moved between their regions), a new track past its nation's limit, or its label
     * released while it was queued and the picture full of labels.
     */
    private @Nullable TrackState holdSelf(String key, TrackState given, int epoch) {
        TrackState previous = self.get(key);
        if (previous != null && previous.timeMs > given.timeMs) return null; // out of order: keep the newer
        if (previous == null && tracksByNation.getOrDefault(given.nations[0], 0) >= limits.maxTracks()) {
            count("too-many-tracks", given.nations[0] + " reports " + limits.maxTracks() + " self-reported tracks, the limit of one nation; "
                    + "a report of a new track is dropped", "nation " + given.nations[0]);
            return null;
        }
        TrackState state = live(given, epoch);
        if (state == null) {
            count("too-many-labels", "the picture holds " + labels.limit() + " distinct labels, its limit", "nation " + given.nations[0]);
            return null;
        }
        if (self.put(key, state) == null) tracksByNation.merge(state.nations[0], 1, Integer::sum);
        pending.add(state);
        if (key.startsWith("~")) {
            if (previous != null) retired.add(previous); // forgotten once flushed
            unauthenticated.put(state, state.nations[0] + '|' + state.uid);
        }
        return state;
    }

    private void takeRemoteFused(RemoteFused r) {
        Audience a = audienceByName.get(r.audience());
        if (a == null) return; // an audience this replica does not serve (another replica's, or one it dropped)
        TrackState given = r.state();
        if (given == null) {
            a.remote.remove(r.uid());
            return;
        }
        TrackState state = live(given, r.labelEpoch());
        if (state == null) {
            count("too-many-labels", "the picture holds " + labels.limit() + " distinct labels, its limit", "the fusion workers");
        } else if (a.remote.containsKey(r.uid()) && a.remote.get(r.uid()).timeMs > state.timeMs) {
            return; // two workers published it as it passed from one's cells to the other's: keep the newer
        } else if (a.remote.size() >= limits.maxTracks() && !a.remote.containsKey(r.uid())) {
            count("too-many-tracks", "the fusion workers' view of an audience holds " + limits.maxTracks() + " tracks, the limit", "the fusion workers");
        } else {
            a.remote.put(r.uid(), state);
        }
    }

    /** A replica's fused view of the audience: the workers' tracks not yet stale, each decided for the audience here. */
    private TrackState[] remoteView(Audience a, long now) {
        List<TrackState> out = new ArrayList<>(a.remote.size());
        for (var it = a.remote.values().iterator(); it.hasNext();) {
            TrackState s = it.next();
            if (s.staleMs < now) it.remove();
            else if (a.mayRead(s.marking.key())) out.add(s);
        }
        return out.toArray(new TrackState[0]);
    }

    // ------------------------------------------------------------------ the picture across nodes (picture thread)

    /** The audience whose tracks one peer nation is sent, and the guard's decision for that nation by label key. */
    private final class PeerAudience {
        final String nation;
        final int place;
        /** 0 not yet decided, 1 the guard releases it to the nation, 2 it does not. */
        byte[] decisions = new byte[16];

        PeerAudience(String nation) {
            this.nation = nation;
            this.place = tracking.addPublishingAudience(this::mayRelease);
        }

        boolean mayRelease(int key) {
            if (key < 0) return false;
            if (key >= decisions.length) decisions = Arrays.copyOf(decisions, Math.max(key + 1, decisions.length * 2));
            byte d = decisions[key];
            if (d == 0) {
                Label label = Objects.requireNonNull(labels.marking(key), "a live track's label key").label();
                // the guard of the link to the nation, as the record outbox's (its decision, not audited per track: see docs/federation.md)
                d = kernel.guard(label, List.of(new Portion("track", label, "")), nation).allReleased() ? (byte) 1 : (byte) 2;
                decisions[key] = d;
            }
            return d == 1;
        }
    }

    /** Sends each approved peer the tracks its nation's audience holds now, each roll-up released by the guard. */
    private void publishToPeers(long now) {
        TrackExchange x = exchange;
        if (x == null) return;
        List<String> peers;
        try {
            peers = x.peers();
        } catch (RuntimeException e) {
            log.warn("picture: the peers could not be read: {}", e.getMessage());
            return;
        }
        for (var it = peerAudiences.entrySet().iterator(); it.hasNext();) {
            var e = it.next();
            if (peers.contains(e.getKey())) continue;
            tracking.clear(e.getValue().place); // no longer a peer: its engine is fed nothing, and its place is free
            freeTrackingPlaces.add(e.getValue().place);
            it.remove();
        }
        double t = seconds(now);
        for (String nation : peers) {
            if (nation.equals(nodeNation)) continue;
            PeerAudience pa = peerAudiences.computeIfAbsent(nation, PeerAudience::new);
            List<PeerTracks.Track> out = new ArrayList<>();
            tracking.ownStates(pa.place, t, (id, tt, px, py, vx, vy, pxx, pxv, vxx, pyy, pyv, vyy, keys, keyCount, sensorIds, sensorCount) -> {
                LabelKeys.Marking marking = rollUp(keys, keyCount);
                if (!pa.mayRelease(marking.key())) return; // the guard decides on the roll-up
                out.add(new PeerTracks.Track(id, Plane.lat(py), Plane.lon(px), vx, vy, pxx, pxv, vxx, pyy, pyv, vyy, marking.banner()));
            });
            x.offer(new PeerTracks(nodeNation, nation, now, out));
        }
    }

    /**
     * A peer's tracks: each label must parse and be one this node may hold (else the track is dropped and counted); the
     * tracks go to every audience's engine that may read them, as track-level input of the peer's pseudo-sensor (its
     * nation, so a fused track it contributes to lists the peer's nation). A batch more than a minute from the node's
     * clock is dropped.
     */
    private void takePeerTracks(PeerTracks b) {
        long now = clock.millis();
        if (b.from().equals(nodeNation) || Math.abs(b.timeMs() - now) > 60_000) {
            count("peer-time", "tracks of " + b.from() + " at " + Instant.ofEpochMilli(b.timeMs()) + " are more than a minute from the node's clock",
                    "peer " + b.from());
            return;
        }
        Integer index = peerIndex.get(b.from());
        if (index == null) {
            index = newIndex(null, b.from());
            peerIndex.put(b.from(), index);
        }
        double t = seconds(b.timeMs());
        // a partner holds no more tracks here than one nation's self-reports may: the rest of a larger batch is refused
        List<PeerTracks.Track> offered = b.tracks();
        if (offered.size() > limits.maxTracks()) {
            count("too-many-tracks", b.from() + " sent " + offered.size() + " tracks; a partner's batch holds at most " + limits.maxTracks(),
                    "peer " + b.from());
            offered = offered.subList(0, limits.maxTracks());
        }
        List<PeerTrack> tracks = new ArrayList<>(offered.size());
        for (PeerTracks.Track p : offered) {
            Label label;
            try {
                label = labels.parse(p.label());
            } catch (IllegalArgumentException e) { // an InvalidMarkingException among them
                count("bad-label", "a track of " + b.from() + " has a label that does not parse", "peer " + b.from());
                continue;
            }
            if (!kernel.mayHold(label)) {
                count("label-not-held", "a track of " + b.from() + " has a label this node may not hold", "peer " + b.from());
                continue;
            }
            LabelKeys.Marking m = labels.tryIntern(label);
            if (m == null) {
                count("too-many-labels", "the picture holds " + labels.limit() + " distinct labels, its limit", "peer " + b.from());
                continue;
            }
            try {
                tracks.add(new PeerTrack(p.id(), t, Plane.x(p.lon()), Plane.y(p.lat()), p.vEast(), p.vNorth(), p.pee(), p.pev(), p.vee(), p.pnn(), p.pnv(),
                        p.vnn(), m.key()));
            } catch (IllegalArgumentException e) {
                count("not-a-position", "a track of " + b.from() + " has no finite state or covariance", "peer " + b.from());
            }
        }
        tracking.peerTracks(index, t, tracks);
    }

    /** A peer sent observations by agreement: the guard's decision for its nation by label key, and what waits for the next batch. */
    private final class ObservationPeer {
        final String nation;
        /** 0 not yet decided, 1 the guard releases it to the nation, 2 it does not. */
        byte[] decisions = new byte[16];
        List<PeerObservations.Observation> waiting = new ArrayList<>();
        long notQueued;

        ObservationPeer(String nation) {
            this.nation = nation;
        }

        boolean mayRelease(int key) {
            if (key < 0) return false;
            if (key >= decisions.length) decisions = Arrays.copyOf(decisions, Math.max(key + 1, decisions.length * 2));
            byte d = decisions[key];
            if (d == 0) {
                Label label = Objects.requireNonNull(labels.marking(key), "a live report's label key").label();
                // the guard of the link to the nation, as for tracks (not audited per report: see docs/federation.md)
                d = kernel.guard(label, List.of(new Portion("observation", label, "")), nation).allReleased() ? (byte) 1 : (byte) 2;
                decisions[key] = d;
            }
            return d == 1;
        }
    }

    /**
     * An observation of this node's own sensor (never a peer's: those come in by another way and are never queued), for
     * each peer sent observations whose nation the guard releases its label to.
     */
    private void queueForPeers(Observation o, LabelKeys.Marking m) {
        PeerObservations.Observation out = null;
        for (ObservationPeer op : observationPeers.values()) {
            if (!op.mayRelease(m.key())) continue;
            if (op.waiting.size() >= OBSERVATIONS_PER_BATCH) {
                op.notQueued++;
                continue;
            }
            if (out == null) {
                out = new PeerObservations.Observation(o.sensor().id(), o.sensor().surveyed(), epochMs + Math.round(o.t() * 1000), Plane.lat(o.y()),
                        Plane.lon(o.x()), o.sigma(), m.banner());
            }
            op.waiting.add(out);
        }
    }

    /** Sends each peer under the observations agreement what waits for it, and learns which peers those are now. */
    private void sendObservations(long now) {
        TrackExchange x = exchange;
        if (x == null) return;
        List<String> peers;
        try {
            peers = x.observationPeers();
        } catch (RuntimeException e) {
            log.warn("picture: the peers could not be read: {}", e.getMessage());
            return;
        }
        observationPeers.keySet().retainAll(peers);
        for (String nation : peers) {
            if (nation.equals(nodeNation)) continue;
            ObservationPeer op = observationPeers.computeIfAbsent(nation, ObservationPeer::new);
            if (op.waiting.isEmpty()) continue;
            x.offer(new PeerObservations(nodeNation, nation, now, op.waiting));
            op.waiting = new ArrayList<>();
            if (op.notQueued > 0) {
                log.warn("picture: {} observations for {} were not sent: more than {} in {} ms", op.notQueued, nation, OBSERVATIONS_PER_BATCH,
                        OBSERVATION_BATCH_MS);
                op.notQueued = 0;
            }
        }
    }

    /**
     * A peer's observations: the batch's time and each observation's must be within the node's window for events
     * ({@link Limits#acceptPast}, {@link Limits#acceptFuture}), each label must parse, be one this node may hold and fit
     * the peer nation's share of labels (else the observation is dropped and counted); each goes to every audience's
     * engine that may read it, never to one whose tracks go to peers, as a report of the peer's sensor (its own tracking
     * index, {@code NATION:sensor}, surveyed when the peer's registry says so), so the engine fuses it as it fuses this
     * node's own sensors' reports. They come up to a batch interval and the link's latency after their time, often after
     * the engines advanced past it: the engine carries such a report to each track's time (docs/federation.md).
     */
    private void takePeerObservations(PeerObservations b) {
        long now = clock.millis();
        String source = "peer " + b.from();
        if (b.from().equals(nodeNation) || b.timeMs() < now - limits.acceptPast().toMillis() || b.timeMs() > now + limits.acceptFuture().toMillis()) {
            count("peer-time", "observations of " + b.from() + " at " + Instant.ofEpochMilli(b.timeMs()) + " are outside the node's time window", source);
            return;
        }
        List<PeerObservations.Observation> offered = b.observations();
        if (offered.size() > limits.maxTracks()) {
            count("too-many-tracks", b.from() + " sent " + offered.size() + " observations; a partner's batch holds at most " + limits.maxTracks(), source);
            offered = offered.subList(0, limits.maxTracks());
        }
        for (PeerObservations.Observation p : offered) {
            if (p.timeMs() < now - limits.acceptPast().toMillis() || p.timeMs() > now + limits.acceptFuture().toMillis()) {
                count("peer-time", "an observation of " + b.from() + " is outside the node's time window", source);
                continue;
            }
            Label label;
            try {
                label = labels.parse(p.label());
            } catch (IllegalArgumentException e) { // an InvalidMarkingException among them
                count("bad-label", "an observation of " + b.from() + " has a label that does not parse", source);
                continue;
            }
            if (!kernel.mayHold(label)) {
                count("label-not-held", "an observation of " + b.from() + " has a label this node may not hold", source);
                continue;
            }
            if (!withinLabelShare(b.from(), label)) {
                count("too-many-labels", "the observations of " + b.from() + " use " + limits.maxLabels() + " distinct labels", source);
                continue;
            }
            LabelKeys.Marking m = labels.tryIntern(label);
            if (m == null) {
                count("too-many-labels", "the picture holds " + labels.limit() + " distinct labels, its limit", source);
                continue;
            }
            String key = b.from() + ':' + p.sensor();
            Integer index = peerSensorIndex.get(key);
            if (index == null) {
                int held = peerSensorCount.getOrDefault(b.from(), 0);
                if (held >= SENSORS_PER_PEER) {
                    count("too-many-sensors", "the observations of " + b.from() + " name more than " + SENSORS_PER_PEER + " sensors", source);
                    continue;
                }
                peerSensorCount.put(b.from(), held + 1);
                index = newIndex(null, b.from());
                peerSensorIndex.put(key, index);
                tracking.partnerSensor(index);
                if (p.surveyed()) tracking.role(index, SensorRole.SURVEYED);
            }
            trackerLabelsByNation.computeIfAbsent(b.from(), k -> new HashSet<>()).add(m.label());
            tracking.report(seconds(p.timeMs()), index, Plane.x(p.lon()), Plane.y(p.lat()), p.sigma(), m.key());
            peerObservationsTaken.computeIfAbsent(b.from(), k -> new LongAdder()).increment();
        }
    }

    private <T> void answer(Query<T> q) {
        Audience a = audience(q.reader());
        if (a == null) {
            q.answer().completeExceptionally(new IllegalStateException("the picture serves as many distinct readers as it may; try again later"));
        } else {
            q.answer().complete(q.question().apply(a));
        }
    }

    /** The audience's registration estimates of the registered sensors its reader may see (see {@link RegistrationView}). */
    private List<SensorRegistration> registration(Audience a) {
        RegistrationView view = new RegistrationView(i -> i >= 0 && i < sensorByIndex.size() ? sensorByIndex.get(i) : null,
                s -> kernel.mayRead(labels.parse(s.defaultLabel()), a.reader), epochMs);
        tracking.registration(a.trackingPlace, view);
        return view.list();
    }

    private List<TrackState> visible(Audience a) {
        List<TrackState> out = new ArrayList<>(self.size() + a.fusedTracks.length);
        long now = clock.millis();
        for (TrackState s : self.values()) {
            if (s.staleMs >= now && a.mayRead(s.marking.key()) && !shadowed(s, a, now)) out.add(s);
        }
        out.addAll(Arrays.asList(a.fusedTracks));
        return out;
    }

    private void flush() {
        int n = pending.size();
        TrackState[] all = pending.toArray(new TrackState[0]);
        pending.clear();
        lastFlush = System.nanoTime();
        boolean plain = !unauthenticated.isEmpty();
        long now = plain ? clock.millis() : 0;
        Recorder recording = bus == null ? recorder : null; // a replica journals nothing: the fusion workers journal what they publish
        if (recording != null) recording.selfReported(all, n);
        for (Audience a : audiences) {
            if (a.subscribers.isEmpty()) continue;
            TrackState[] mine = new TrackState[n];
            int k = 0;
            for (TrackState s : all) {
                if (a.mayRead(s.marking.key()) && (!plain || !shadowed(s, a, now))) mine[k++] = s;
            }
            if (k == 0) continue;
            Frame f = new Frame(mine, k, false);
            for (Subscriber sub : a.subscribers) sub.deliver(f);
        }
        if (!retired.isEmpty()) {
            for (TrackState r : retired) unauthenticated.remove(r);
            retired.clear();
        }
    }

    /**
     * Whether an unauthenticated source's track stands beside an authenticated source's track of the same
     * uid that this audience may read: that audience sees the authenticated one only, so a plain connection
     * cannot replace it on anyone's map, while an audience that may not read it sees nothing different.
     */
    private boolean shadowed(TrackState s, Audience a, long now) {
        String key = unauthenticated.get(s);
        if (key == null) return false;
        TrackState owner = self.get(key);
        return owner != null && owner.staleMs >= now && a.mayRead(owner.marking.key());
    }

    private void periodic() {
        long now = clock.millis();
        if (now - lastAdvance >= ADVANCE_MS) {
            lastAdvance = now;
            tracking.advance(seconds(now));
            for (var it = self.values().iterator(); it.hasNext();) {
                TrackState s = it.next();
                if (s.staleMs < now - 60_000) {
                    it.remove();
                    tracksByNation.computeIfPresent(s.nations[0], (k, n) -> n > 1 ? n - 1 : null);
                }
            }
            if (!unauthenticated.isEmpty()) unauthenticated.keySet().removeIf(s -> s.staleMs < now - 60_000);
        }
        if (now - lastAudienceSweep >= AUDIENCE_SWEEP_MS) {
            lastAudienceSweep = now;
            dropIdleAudiences(now);
            PictureBus way = bus;
            // a replica announces the audiences it still serves every minute: the fusion workers forget the others
            if (way != null) for (Audience a : audiences) way.audience(a.reader);
        }
        if ((labelsFull && now - lastCompaction >= 1000) || now - lastCompaction >= COMPACT_EVERY_MS) {
            lastCompaction = now;
            labelsFull = false;
            releaseUnusedLabels();
        }
        Recorder recording = bus == null ? recorder : null; // a replica journals nothing: the fusion workers journal what they publish
        if (now - lastFusedPublish >= FUSED_PUBLISH_MS) {
            lastFusedPublish = now;
            // every audience's tracker is asked first, then the tracks are named together (common track numbers)
            Map<Integer, List<Fused>> views = new HashMap<>();
            Map<Integer, List<CommonTrackIds.Seen>> seen = new HashMap<>();
            TrackOutlet out = outlet;
            Set<CommonTrackIds.Seen> provisional = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (Audience a : audiences) {
                List<Fused> view = fusedView(a);
                views.put(a.trackingPlace, view);
                seen.put(a.trackingPlace, view.stream().map(Fused::seen).toList());
                // a fusion worker's track outside its own cells is not its to publish: named as the worker that publishes it names it
                if (out != null) for (Fused f : view) if (!out.owns(Plane.lat(f.y()), Plane.lon(f.x()))) provisional.add(f.seen());
            }
            Map<Integer, Map<Long, String>> uids = common.name(seen, provisional::contains, now);
            boolean replica = bus != null;
            for (Audience a : audiences) {
                List<Fused> view = views.getOrDefault(a.trackingPlace, List.of());
                Map<Long, String> named = uids.getOrDefault(a.trackingPlace, Map.of());
                a.fusedTracks = replica ? remoteView(a, now) : fusedStates(view, named, now);
                if (out != null) {
                    Map<String, long[]> reports = new HashMap<>();
                    for (Fused f : view) {
                        String uid = named.get(f.seen().trackerId());
                        if (uid != null) reports.put(uid, f.seen().reports());
                    }
                    out.fused(a.name, a.fusedTracks, a.fusedTracks.length, uid -> reports.getOrDefault(uid, new long[0]));
                }
                if (recording != null && a.fusedTracks.length > 0) recording.fused(a.name, a.fusedTracks, a.fusedTracks.length);
                if (a.subscribers.isEmpty() || a.fusedTracks.length == 0) continue;
                Frame f = new Frame(a.fusedTracks, a.fusedTracks.length, false);
                for (Subscriber sub : a.subscribers) sub.deliver(f);
            }
            publishToPeers(now);
        }
        if (now - lastObservationBatch >= OBSERVATION_BATCH_MS) {
            lastObservationBatch = now;
            sendObservations(now);
        }
    }

    /** One confirmed track of an audience's tracker, before it is named; {@code shown}: its roll-up is one the audience may read. */
    private record Fused(CommonTrackIds.Seen seen, double t, double x, double y, double vx, double vy, double variance, LabelKeys.Marking marking,
            String[] nations, boolean shown) {
    }

    private List<Fused> fusedView(Audience a) {
        List<Fused> out = new ArrayList<>();
        tracking.view(a.trackingPlace, (id, t, x, y, vx, vy, variance, keys, keyCount, sensorIds, sensorCount, reports, reportCount) -> {
            LabelKeys.Marking marking = rollUp(keys, keyCount);
            String[] nations = Arrays.stream(sensorIds, 0, sensorCount).mapToObj(nationByIndex::get).distinct().sorted().toArray(String[]::new);
            out.add(new Fused(new CommonTrackIds.Seen(id, Arrays.copyOf(reports, reportCount)), t, x, y, vx, vy, variance, marking, nations,
                    a.mayRead(marking.key()))); // never publish a roll-up the audience may not read
        });
        return out;
    }

    /** The audience's fused tracks as they go out, each under its common uid; the ce is the estimate's one-sigma position error. */
    private TrackState[] fusedStates(List<Fused> view, Map<Long, String> uids, long now) {
        List<TrackState> out = new ArrayList<>(view.size());
        for (Fused f : view) {
            String uid = uids.get(f.seen().trackerId());
            if (!f.shown() || uid == null) continue;
            double speed = Plane.speed(f.vx(), f.vy());
            String type = speed > 60 ? "a-u-A" : "a-u-S";
            long timeMs = epochMs + Math.round(f.t() * 1000);
            double ce = Math.min(Math.sqrt(Math.max(f.variance(), 0)), CotEvent.UNKNOWN);
            out.add(new TrackState(uid, type, "m-f", Plane.lat(f.y()), Plane.lon(f.x()), CotEvent.UNKNOWN, ce, CotEvent.UNKNOWN, speed,
                    Plane.course(f.vx(), f.vy()), null, null, f.marking(), timeMs, now + 10_000, f.nations(), false));
        }
        return out.toArray(new TrackState[0]);
    }

    /**
     * Releases the label keys that no self-reported track, queued version, published view or the tracker
     * uses any more, after forgetting every decision cached for them (a released key names the next new
     * label). Labels of commands still queued are checked when they are handled ({@link LabelKeys#isLive}).
     */
    @SuppressWarnings("NonAtomicVolatileUpdate") // labelEpoch: the picture thread is its one writer
    private void releaseUnusedLabels() {
        BitSet inUse = new BitSet();
        for (TrackState s : self.values()) inUse.set(s.marking.key());
        for (TrackState s : pending) inUse.set(s.marking.key());
        for (Audience a : audiences) {
            for (TrackState s : a.fusedTracks) inUse.set(s.marking.key());
            for (TrackState s : a.remote.values()) inUse.set(s.marking.key());
        }
        tracking.labelKeysInUse(inUse);
        rollUps.clear(); // its entries name keys; they are made again from the tracker's keys on the next view
        BitSet released = labels.release(inUse);
        releaseLabelShares();
        if (released.isEmpty()) return;
        labelEpoch = labelEpoch + 1; // only this thread writes it; after the release: an ingest that read the old epoch may hold a released marking, and is checked
        for (Audience a : audiences) {
            for (int k = released.nextSetBit(0); k >= 0 && k < a.decisions.length; k = released.nextSetBit(k + 1)) a.decisions[k] = 0;
        }
        for (PeerAudience pa : peerAudiences.values()) {
            for (int k = released.nextSetBit(0); k >= 0 && k < pa.decisions.length; k = released.nextSetBit(k + 1)) pa.decisions[k] = 0;
        }
        for (ObservationPeer op : observationPeers.values()) {
            for (int k = released.nextSetBit(0); k >= 0 && k < op.decisions.length; k = released.nextSetBit(k + 1)) op.decisions[k] = 0;
        }
    }

    /**
     * Each nation's share of labels becomes what its self-reported tracks and its reports still held by the
     * tracker use. Labels of events still queued leave the share until they are handled (and counted again).
     */
    private void releaseLabelShares() {
        Map<String, Set<Label>> used = new HashMap<>();
        for (TrackState s : self.values()) used.computeIfAbsent(s.nations[0], k -> new HashSet<>()).add(s.marking.label());
        for (TrackState s : pending) used.computeIfAbsent(s.nations[0], k -> new HashSet<>()).add(s.marking.label());
        for (var e : trackerLabelsByNation.entrySet()) {
            e.getValue().removeIf(l -> !labels.isInterned(l)); // released: no report of the tracker has it any more
            used.computeIfAbsent(e.getKey(), k -> new HashSet<>()).addAll(e.getValue());
        }
        for (var e : labelsByNation.entrySet()) {
            Set<Label> keep = used.getOrDefault(e.getKey(), Set.of());
            synchronized (e.getValue()) {
                e.getValue().retainAll(keep);
            }
        }
    }

    private LabelKeys.Marking rollUp(int[] keys, int count) {
        if (count == 1) return Objects.requireNonNull(labels.marking(keys[0]), "a live track's label key");
        int[] sorted = Arrays.copyOf(keys, count);
        Arrays.sort(sorted);
        String k = Arrays.toString(sorted);
        LabelKeys.Marking m = rollUps.get(k);
        if (m == null) {
            List<Label> parts = new ArrayList<>(count);
            for (int key : sorted) parts.add(Objects.requireNonNull(labels.marking(key), "a live track's label key").label());
            m = labels.intern(kernel.rollUp(parts));
            if (rollUps.size() >= ROLL_UP_CACHE) rollUps.clear();
            rollUps.put(k, m);
        }
        return m;
    }

    /** The tracking index of a registered sensor, given out on its first report; a surveyed sensor is a reference. */
    private int sensorIndex(Sensor s) {
        Integer i = sensorIndex.get(s.id());
        if (i == null) {
            i = newIndex(s, s.nation());
            sensorIndex.put(s.id(), i);
            if (s.surveyed()) tracking.role(i, SensorRole.SURVEYED);
        }
        return i;
    }

    /** The tracking index of the pseudo-sensor "self-reports of {@code nation}" (its units' own fixes), given out on its first report. */
    private int selfReportIndex(String nation) {
        Integer i = selfReportIndex.get(nation);
        if (i == null) {
            i = newIndex(null, nation);
            selfReportIndex.put(nation, i);
            tracking.role(i, SensorRole.SELF_REPORTS);
        }
        return i;
    }

    private int newIndex(@Nullable Sensor s, String nation) {
        sensorByIndex.add(s);
        nationByIndex.add(nation);
        return sensorByIndex.size() - 1;
    }

}
