package org.kizuna.picture.internal.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kizuna.label.Label;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.CotRejected;
import org.kizuna.picture.Sensor;
import org.kizuna.picture.Sensors;
import org.kizuna.picture.Source;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.picture.internal.tracking.Plane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo scenario, in real time: aircraft and ships moving over the Sea of Japan, the East China Sea
 * and the Philippine Sea, seen asynchronously by the demo sensors of USA, JPN and AUS, each with its own
 * period, range, detection probability, noise (its accuracy) and clutter; the sensor platforms that move
 * (ships, the patrol aircraft) also report their own position as friendly units do. Everything enters
 * through {@link LivePicture#ingest}, as CoT from outside would.
 */
public final class Simulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Simulator.class);

    /** A target: position on the plane (m), velocity (m/s), whether it flies, and its box (plane metres). */
    private static final class Target {
        double x, y, vx, vy;
        final boolean air;
        final double minX, maxX, minY, maxY;

        Target(double x, double y, double vx, double vy, boolean air, double minX, double maxX, double minY, double maxY) {
            this.x = x;
            this.y = y;
            this.vx = vx;
            this.vy = vy;
            this.air = air;
            this.minX = minX;
            this.maxX = maxX;
            this.minY = minY;
            this.maxY = maxY;
        }
    }

    private record Area(String name, double south, double north, double west, double east) {
    }

    private static final List<Area> AREAS = List.of(
            new Area("Sea of Japan", 36.5, 42.5, 131.0, 139.0),
            new Area("East China Sea", 26.5, 32.5, 123.5, 129.5),
            new Area("Philippine Sea", 20.0, 30.0, 130.0, 140.0));

    private final LivePicture picture;
    private final Sensors sensors;
    private final SplittableRandom random;
    private final List<Target> targets = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, Thread.ofPlatform().name("kizuna-simulator").daemon(true).factory());
    private final long startMs = System.currentTimeMillis();
    private long lastMoveMs = startMs;
    private long sequence;
    private final java.util.function.Predicate<Sensor> fed;

    public Simulator(LivePicture picture, Sensors sensors, long seed, int targetsPerArea) {
        this(picture, sensors, seed, targetsPerArea, s -> true);
    }

    /** A simulator that feeds only the sensors {@code fed} accepts (those whose reports the node may hold). */
    public Simulator(LivePicture picture, Sensors sensors, long seed, int targetsPerArea, java.util.function.Predicate<Sensor> fed) {
        this.fed = fed;
        this.picture = picture;
        this.sensors = sensors;
        this.random = new SplittableRandom(seed);
        for (Area a : AREAS) {
            double minX = Plane.x(a.west()), maxX = Plane.x(a.east()), minY = Plane.y(a.south()), maxY = Plane.y(a.north());
            for (int i = 0; i < targetsPerArea; i++) {
                boolean air = i % 3 != 0;
                double speed = air ? 180 + random.nextDouble() * 80 : 7 + random.nextDouble() * 8;
                double heading = random.nextDouble() * 2 * Math.PI;
                targets.add(new Target(minX + random.nextDouble() * (maxX - minX), minY + random.nextDouble() * (maxY - minY),
                        speed * Math.sin(heading), speed * Math.cos(heading), air, minX, maxX, minY, maxY));
            }
        }
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the tasks run until the scheduler is shut down with the simulator
    public Simulator start() {
        scheduler.scheduleAtFixedRate(this::move, 100, 100, TimeUnit.MILLISECONDS);
        for (Sensor s : sensors.all()) {
            if (!List.of("USA", "JPN", "AUS").contains(s.nation()) || !fed.test(s)) continue;
            long period = switch (s.kind()) {
                case "radar" -> 4000;
                case "ship" -> 2000;
                default -> 10000;
            };
            long offset = random.nextLong(period);
            scheduler.scheduleAtFixedRate(() -> scan(s), offset, period, TimeUnit.MILLISECONDS);
            if (!s.kind().equals("radar")) scheduler.scheduleAtFixedRate(() -> selfReport(s), offset / 2, 2000, TimeUnit.MILLISECONDS);
        }
        log.info("simulator: {} targets over {} seen by {} sensors", targets.size(), AREAS.stream().map(Area::name).toList(), sensors.all().size());
        return this;
    }

    private synchronized void move() {
        long now = System.currentTimeMillis();
        double dt = (now - lastMoveMs) / 1000.0;
        lastMoveMs = now;
        for (Target t : targets) {
            t.x += t.vx * dt;
            t.y += t.vy * dt;
            if (t.x < t.minX || t.x > t.maxX) t.vx = -t.vx;
            if (t.y < t.minY || t.y > t.maxY) t.vy = -t.vy;
        }
    }

    private double[] platform(Sensor s) {
        // Moving platforms patrol a small circle around their station; radars stay put.
        double x = Plane.x(s.lon()), y = Plane.y(s.lat());
        if (s.kind().equals("radar")) return new double[]{x, y, 0, 0};
        double radius = s.kind().equals("ship") ? 20_000 : 150_000;
        double speed = s.kind().equals("ship") ? 8 : 210;
        double w = speed / radius, a = w * (System.currentTimeMillis() - startMs) / 1000.0;
        return new double[]{x + radius * Math.cos(a), y + radius * Math.sin(a), -speed * Math.sin(a), speed * Math.cos(a)};
    }

    /**
     * The registration error of a demo sensor: a surveyed one has none; any other sits off by a constant
     * offset of up to 300 m per axis, drawn from its id (the same on every run), as partners' radars do,
     * so that the sensors table shows the tracker's estimates converging on something.
     */
    static double[] registrationOffset(Sensor s) {
        if (s.surveyed()) return new double[]{0, 0};
        SplittableRandom r = new SplittableRandom(s.id().hashCode());
        return new double[]{(r.nextDouble() * 2 - 1) * 300, (r.nextDouble() * 2 - 1) * 300};
    }

    private synchronized void scan(Sensor s) {
        try {
            double[] p = platform(s);
            double[] off = registrationOffset(s);
            double range = switch (s.kind()) {
                case "radar" -> 1_000_000;
                case "ship" -> 350_000;
                default -> 500_000;
            };
            long now = System.currentTimeMillis();
            for (Target t : targets) {
                if (Math.hypot(t.x - p[0], t.y - p[1]) > range || (!t.air && s.kind().equals("radar") && Math.hypot(t.x - p[0], t.y - p[1]) > 400_000))
                    continue;
                if (random.nextDouble() > 0.9) continue; // detection probability 0.9
                report(s, t.x + off[0] + gauss() * s.accuracyMetres(), t.y + off[1] + gauss() * s.accuracyMetres(), t.air, now);
            }
            int clutter = poisson(2.0);
            for (int i = 0; i < clutter; i++) {
                double r = range * Math.sqrt(random.nextDouble()), a = random.nextDouble() * 2 * Math.PI;
                report(s, p[0] + r * Math.cos(a), p[1] + r * Math.sin(a), random.nextBoolean(), now);
            }
        } catch (RuntimeException e) {
            log.warn("simulator scan of {} failed: {}", s.id(), e.toString());
        }
    }

    private void report(Sensor s, double x, double y, boolean air, long now) {
        double lat = Plane.lat(y), lon = Plane.lon(x);
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) return;
        sequence += 1;
        CotEvent e = new CotEvent(s.id() + ".r" + sequence, air ? "a-u-A" : "a-u-S", "m-r", now, now, now + 30_000, lat, lon,
                CotEvent.UNKNOWN, s.accuracyMetres(), CotEvent.UNKNOWN, null, null, null, Double.NaN, Double.NaN, null, null);
        ingest(e, s);
    }

    private synchronized void selfReport(Sensor s) {
        double[] p = platform(s);
        long now = System.currentTimeMillis();
        String type = s.kind().equals("ship") ? "a-f-S-C-L-D-D" : "a-f-A-M-F-P";
        String callsign = s.platform().contains(",") ? s.platform().substring(0, s.platform().indexOf(',')) : s.platform();
        CotEvent e = new CotEvent(s.id().substring(4) + "-" + s.nation(), type, "m-g", now, now, now + 10_000, Plane.lat(p[1]), Plane.lon(p[0]),
                s.kind().equals("ship") ? 0 : 8000, 10, 10, null, null, null, Plane.speed(p[2], p[3]), Plane.course(p[2], p[3]), callsign, null);
        ingest(e, s);
    }

    private void ingest(CotEvent e, Sensor s) {
        try {
            picture.ingest(e, new Source("simulator:" + s.id(), s.nation(), Label.parse(s.defaultLabel())));
        } catch (CotRejected r) {
            log.debug("simulated event {} rejected: {}", e.uid(), r.getMessage());
        }
    }

    private double gauss() {
        double u = random.nextDouble(), v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(Math.max(u, 1e-12))) * Math.cos(2 * Math.PI * v);
    }

    private int poisson(double mean) {
        double l = Math.exp(-mean), p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
