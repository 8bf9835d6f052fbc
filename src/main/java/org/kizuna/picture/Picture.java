package org.kizuna.picture;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import org.kizuna.label.InvalidMarkingException;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.picture.cot.CotEvent;
import org.kizuna.picture.cot.CotRejected;
import org.kizuna.picture.stream.Frame;
import org.kizuna.picture.stream.FusedLayer;
import org.kizuna.picture.stream.LabelKeys;
import org.kizuna.picture.stream.Plane;
import org.kizuna.picture.stream.Source;
import org.kizuna.picture.stream.Subscriber;
import org.kizuna.picture.stream.TrackState;
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
 */
public final class Picture implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Picture.class);
    private static final long FLUSH_NANOS = 10_000_000L;
    private static final long ADVANCE_MS = 250, FUSED_PUBLISH_MS = 1000;
    private static final int QUEUE_LIMIT = 200_000;
    private static final long DAY_MS = 86_400_000L;

    private final LabelKernel kernel;
    private final Sensors sensors;
    private final @Nullable FusedLayer fused;
    private final String nodeNation;
    private final LongSupplier clock;
    private final long epochMs;
    private final LabelKeys labels = new LabelKeys();
    private final LinkedBlockingQueue<Object> commands = new LinkedBlockingQueue<>(QUEUE_LIMIT);
    private final Thread thread;
    private volatile boolean running = true;

    // --- state owned by the picture thread ---
    private final Map<String, TrackState> self = new HashMap<>();
    private final List<TrackState> pending = new ArrayList<>();
    /** Self-reported tracks of unauthenticated (plain port) sources, with the key an authenticated source's track of the same uid has. */
    private final Map<TrackState, String> unauthenticated = new java.util.IdentityHashMap<>();
    private final List<TrackState> retired = new ArrayList<>();
    private final List<Audience> audiences = new ArrayList<>();
    private final Map<Reader, Audience> audienceByReader = new HashMap<>();
    private final Map<String, Integer> sensorIndex = new HashMap<>();
    private final List<Sensor> sensorByIndex = new ArrayList<>();
    private final Map<String, LabelKeys.Marking> rollUps = new HashMap<>();
    private long lastFlush = System.nanoTime();
    private volatile long unfusedReports;
    private long lastAdvance, lastFusedPublish;
    private long decisionsUntil;

    public Picture(LabelKernel kernel, Sensors sensors, @Nullable FusedLayer fused, String nodeNation, LongSupplier clock) {
        this.kernel = kernel;
        this.sensors = sensors;
        this.fused = fused;
        this.nodeNation = nodeNation;
        this.clock = clock;
        this.epochMs = clock.getAsLong();
        this.decisionsUntil = nextDay(epochMs);
        this.thread = Thread.ofPlatform().name("kizuna-picture").daemon(true).unstarted(this::loop);
        thread.start();
    }

    public Picture(LabelKernel kernel, Sensors sensors, @Nullable FusedLayer fused, String nodeNation) {
        this(kernel, sensors, fused, nodeNation, System::currentTimeMillis);
    }

    public LabelKeys labels() {
        return labels;
    }

    // ------------------------------------------------------------------ ingest (any thread)

    /** A self-reported track; {@code owner} keys an unauthenticated source's tracks apart from everyone else's ("" for authenticated). */
    private record SelfReport(TrackState state, String owner) {
    }

    private record Observation(Sensor sensor, double t, double x, double y, double sigma, int labelKey) {
    }

    private record Subscribe(Reader reader, Subscriber subscriber) {
    }

    private record Unsubscribe(Subscriber subscriber) {
    }

    private record Query(Reader reader, CompletableFuture<List<TrackState>> answer) {
    }

    /**
     * Takes one CoT event into the picture: a report of a registered sensor (uid {@code SENSOR.track}) from
     * a source of the sensor's nation becomes an observation for the tracker; any other position report is
     * a self-reported track. The
     * label comes from the event's attributes, else from the sensor's, else from the source's default.
     *
     * @throws CotRejected with the reason when the event is not a position report, its label does not
     *                     parse, or it has no label and no default applies
     */
    public void ingest(CotEvent e, Source source) throws CotRejected {
        if (!e.isPosition()) throw new CotRejected("type '" + e.type() + "' is not a position report (a-...)");
        Sensor sensor = null;
        int dot = e.uid().indexOf('.');
        // only a nation's own sources report for its sensors: anything else claiming a sensor's uid is an
        // ordinary self-report, neither credited to the sensor nor given its label
        // (an unauthenticated source, the plain port, reports only for sensors registered by its owner)
        if (dot > 0) sensor = sensors.find(e.uid().substring(0, dot)).filter(x -> x.nation().equals(source.nation())
                && (source.authenticated() || sensors.registeredBy(x.id(), source.owner()))).orElse(null);
        Label label;
        try {
            if (e.access() != null) {
                label = labels.fromCot(e.access(), e.caveat(), e.releasableTo());
            } else if (sensor != null) {
                label = labels.parse(sensor.defaultLabel());
            } else if (source.defaultLabel() != null) {
                label = source.defaultLabel();
            } else {
                throw new CotRejected("event has no label (access, caveat, releasableTo) and its source has no default label");
            }
        } catch (InvalidMarkingException bad) {
            throw new CotRejected("label does not parse: " + bad.getMessage());
        }
        LabelKeys.Marking marking = labels.intern(label);
        Object command;
        if (sensor != null) {
            double sigma = Double.isFinite(e.ce()) && e.ce() > 0 && e.ce() < CotEvent.UNKNOWN ? e.ce() : sensor.accuracyMetres();
            command = new Observation(sensor, seconds(e.timeMs()), Plane.x(e.lon()), Plane.y(e.lat()), sigma, marking.key());
        } else {
            String[] nations = {source.nation()};
            command = new SelfReport(new TrackState(e.uid(), e.type(), e.how().isEmpty() ? "m-g" : e.how(), e.lat(), e.lon(), e.hae(),
                    e.speed(), e.course(), e.callsign(), marking, e.timeMs(), Math.max(e.staleMs(), e.timeMs()), nations, true),
                    source.authenticated() ? "" : '~' + source.owner() + '|');
        }
        if (!commands.offer(command)) throw new CotRejected("picture is overloaded; event dropped");
    }

    /** Subscribes to the frames of the reader's audience; the first frame is the replay of its current picture. */
    public AutoCloseable subscribe(Reader reader, Subscriber subscriber) {
        command(new Subscribe(reader, subscriber));
        return () -> command(new Unsubscribe(subscriber));
    }

    /** The tracks the reader may see now. */
    public List<TrackView> tracks(Reader reader) {
        return states(reader).stream().map(this::view).toList();
    }

    /** The current versions of the tracks the reader may see (self-reported and fused). */
    public List<TrackState> states(Reader reader) {
        CompletableFuture<List<TrackState>> answer = new CompletableFuture<>();
        command(new Query(reader, answer));
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

    private void command(Object c) {
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

    /** Sensor reports dropped because this picture has no tracker. */
    public long unfusedReports() {
        return unfusedReports;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }

    // ------------------------------------------------------------------ the picture thread

    private final class Audience {
        final org.kizuna.label.Clearance clearance;
        final List<Subscriber> subscribers = new ArrayList<>();
        byte[] decisions = new byte[16];
        int fusionId = -1;
        TrackState[] fusedTracks = new TrackState[0];

        Audience(Reader reader) {
            this.clearance = kernel.clearance(reader);
        }

        boolean mayRead(int key) {
            if (key >= decisions.length) decisions = Arrays.copyOf(decisions, Math.max(key + 1, decisions.length * 2));
            byte d = decisions[key];
            if (d == 0) {
                d = kernel.mayRead(labels.marking(key).label(), clearance) ? (byte) 1 : (byte) 2;
                decisions[key] = d;
            }
            return d == 1;
        }
    }

    private Audience audience(Reader reader) {
        Audience a = audienceByReader.get(reader);
        if (a == null) {
            a = new Audience(reader);
            audiences.add(a);
            audienceByReader.put(reader, a);
            if (fused != null) {
                Audience created = a;
                a.fusionId = fused.addAudience(created::mayRead);
            }
        }
        return a;
    }

    private void loop() {
        List<Object> batch = new ArrayList<>(4096);
        while (running) {
            try {
                long now = System.nanoTime();
                long wait = pending.isEmpty() ? 50_000_000L : Math.max(0, lastFlush + FLUSH_NANOS - now);
                Object first = commands.poll(wait, TimeUnit.NANOSECONDS);
                redecideOnNewDay();
                if (first != null) {
                    handle(first);
                    batch.clear();
                    commands.drainTo(batch, 4096);
                    for (Object c : batch) handle(c);
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
        long now = clock.getAsLong();
        if (now < decisionsUntil) return;
        decisionsUntil = nextDay(now);
        rollUps.clear();
        for (Audience a : audiences) {
            Arrays.fill(a.decisions, (byte) 0);
            a.fusedTracks = new TrackState[0];
        }
        if (fused != null) fused.redecide(); // after the audiences' own decisions are cleared: the fused layer asks them
        lastFusedPublish = now - FUSED_PUBLISH_MS;
    }

    private static long nextDay(long ms) {
        return (Math.floorDiv(ms, DAY_MS) + 1) * DAY_MS;
    }

    private void handle(Object c) {
        switch (c) {
            case SelfReport r -> {
                // Keyed by reporting nation and uid: a partner reusing a uid gets a track of its own and can
                // neither overwrite nor hide another nation's track (nor learn that the uid is taken).
                // An unauthenticated (plain port) source's tracks are keyed by their owner too: it can never
                // replace a track an authenticated source owns, nor another plain source's.
                String key = r.owner() + r.state().nations[0] + '|' + r.state().uid;
                TrackState previous = self.get(key);
                if (previous != null && previous.timeMs > r.state().timeMs) return; // out of order: keep the newer
                self.put(key, r.state());
                pending.add(r.state());
                if (!r.owner().isEmpty()) {
                    if (previous != null) retired.add(previous); // forgotten once flushed
                    unauthenticated.put(r.state(), r.state().nations[0] + '|' + r.state().uid);
                }
            }
            case Observation o -> {
                if (fused != null) fused.report(o.t(), sensorIndex(o.sensor()), o.x(), o.y(), o.sigma(), o.labelKey());
                else unfusedReports++;
            }
            case Subscribe s -> {
                Audience a = audience(s.reader());
                List<TrackState> visible = visible(a);
                s.subscriber().deliver(new Frame(visible.toArray(new TrackState[0]), visible.size(), true));
                a.subscribers.add(s.subscriber());
            }
            case Unsubscribe u -> {
                for (Audience a : audiences) a.subscribers.remove(u.subscriber());
            }
            case Query q -> q.answer().complete(visible(audience(q.reader())));
            default -> throw new IllegalStateException("unknown command " + c);
        }
    }

    private List<TrackState> visible(Audience a) {
        List<TrackState> out = new ArrayList<>(self.size() + a.fusedTracks.length);
        long now = clock.getAsLong();
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
        long now = plain ? clock.getAsLong() : 0;
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
        long now = clock.getAsLong();
        if (now - lastAdvance >= ADVANCE_MS) {
            lastAdvance = now;
            if (fused != null) fused.advance(seconds(now));
            self.values().removeIf(s -> s.staleMs < now - 60_000);
            if (!unauthenticated.isEmpty()) unauthenticated.keySet().removeIf(s -> s.staleMs < now - 60_000);
        }
        if (fused != null && now - lastFusedPublish >= FUSED_PUBLISH_MS) {
            lastFusedPublish = now;
            for (Audience a : audiences) {
                a.fusedTracks = fusedView(a, now);
                if (a.subscribers.isEmpty() || a.fusedTracks.length == 0) continue;
                Frame f = new Frame(a.fusedTracks, a.fusedTracks.length, false);
                for (Subscriber sub : a.subscribers) sub.deliver(f);
            }
        }
    }

    private TrackState[] fusedView(Audience a, long now) {
        List<TrackState> out = new ArrayList<>();
        fused.view(a.fusionId, (id, t, x, y, vx, vy, variance, keys, keyCount, sensorIds, sensorCount) -> {
            LabelKeys.Marking marking = rollUp(keys, keyCount);
            if (!a.mayRead(marking.key())) return; // never publish a roll-up the audience may not read
            String[] nations = Arrays.stream(sensorIds, 0, sensorCount).mapToObj(i -> sensorByIndex.get(i).nation()).distinct().sorted().toArray(String[]::new);
            double speed = Plane.speed(vx, vy);
            String type = speed > 60 ? "a-u-A" : "a-u-S";
            long timeMs = epochMs + Math.round(t * 1000);
            out.add(new TrackState("KZ-" + nodeNation + "-" + id, type, "m-f", Plane.lat(y), Plane.lon(x), CotEvent.UNKNOWN,
                    speed, Plane.course(vx, vy), null, marking, timeMs, now + 10_000, nations, false));
        });
        return out.toArray(new TrackState[0]);
    }

    private LabelKeys.Marking rollUp(int[] keys, int count) {
        if (count == 1) return labels.marking(keys[0]);
        int[] sorted = Arrays.copyOf(keys, count);
        Arrays.sort(sorted);
        String k = Arrays.toString(sorted);
        LabelKeys.Marking m = rollUps.get(k);
        if (m == null) {
            List<Label> parts = new ArrayList<>(count);
            for (int key : sorted) parts.add(labels.marking(key).label());
            m = labels.intern(kernel.rollUp(parts));
            rollUps.put(k, m);
        }
        return m;
    }

    private int sensorIndex(Sensor s) {
        Integer i = sensorIndex.get(s.id());
        if (i == null) {
            i = sensorByIndex.size();
            sensorByIndex.add(s);
            sensorIndex.put(s.id(), i);
        }
        return i;
    }

}
