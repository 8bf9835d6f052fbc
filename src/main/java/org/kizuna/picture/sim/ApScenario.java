package org.kizuna.picture.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.kizuna.picture.bench.ap.ApFiles;

/**
 * Generates AP scenarios over a square of side 200 km x sqrt(N / 100), seen for 300 s by the three AP-1
 * sensors (US: every 4 s from 0 s, sigma 50 m, Pd 0.90; JP: 10 s from 1.3 s, 150 m, 0.85; AU: 2 s from
 * 0.7 s, 100 m, 0.80), so that density stays that of the published scenario whatever N. Deterministic for a
 * seed. Two profiles:
 * <ul>
 * <li><b>AP-1</b> ({@link #generate(int, long)}): N constant-velocity targets (100-300 m/s, random heading,
 * white-acceleration noise q = 0.5 m^2/s^3), Poisson clutter of 20 x N / 100 per scan, no registration
 * bias. Its random draws are those of the generator the published figures were made with, and must stay
 * so: a given seed and N give the same files, byte for byte.</li>
 * <li><b>AP-2</b> ({@link #ap2(int, long, double)}), as {@code bench/ap2} was made: each target flies legs
 * of 15-45 s, straight (40%), a coordinated turn at 2-6 degrees a second either way (45%) or a speed
 * change at 3-8 m/s^2 either way (15%); a speed change that reaches the edge of the 80-350 m/s band stops
 * there and holds that speed for the rest of the leg (as AP-2's truth does). Initial speed 100-300 m/s
 * (AP-2's truth starts there too), initial position uniform over the square, heading free: no target is
 * steered back, so some fly out of the square (a fifth of AP-2's targets do, up to 43 km). Motion is
 * integrated in closed form between leg ends and scan times (a turn rotates the velocity at constant rate,
 * a speed change accelerates along it), so truth states are exact, without process noise. Poisson clutter
 * of 30 x N / 100 per scan, uniform over the square. Every sensor but the reference ({@value #REFERENCE})
 * carries a constant registration offset drawn uniformly in [-B, B] per axis, added to all its target
 * reports. Within a scan the rows are in random order.</li>
 * </ul>
 */
final class ApScenario {

    record Sensor(String name, double period, double first, double sigma, double pd) {
    }

    static final List<Sensor> SENSORS = List.of(
            new Sensor("US", 4, 0.0, 50, 0.90), new Sensor("JP", 10, 1.3, 150, 0.85), new Sensor("AU", 2, 0.7, 100, 0.80));
    static final double DURATION = 300;
    static final double Q = 0.5;

    /** AP-2: the surveyed sensor, whose reports carry no registration offset. */
    static final String REFERENCE = "US";
    /** AP-2: the speed band (m/s), and the initial speeds within it. */
    static final double MIN_SPEED = 80, MAX_SPEED = 350, MIN_START_SPEED = 100, MAX_START_SPEED = 300;
    /** AP-2: leg durations (s). */
    static final double MIN_LEG = 15, MAX_LEG = 45;
    /** AP-2: share of straight legs and of turns; the rest are speed changes. */
    static final double STRAIGHT_SHARE = 0.40, TURN_SHARE = 0.45;
    /** AP-2: turn rates (degrees a second) and accelerations of speed changes (m/s^2). */
    static final double MIN_TURN = 2, MAX_TURN = 6, MIN_ACCELERATION = 3, MAX_ACCELERATION = 8;
    /** AP-2: clutter reports per scan per 100 targets (AP-1: 20). */
    static final double AP2_CLUTTER = 30;

    private ApScenario() {
    }

    /** Detections, truth and the sensors' true registration offsets (the reference and AP-1's sensors: 0, 0) of one scenario. */
    record Scenario(ApFiles.Detections detections, ApFiles.States truth, List<ApFiles.Offset> registration) {
    }

    /** A scenario of the given profile; {@code biasMax} (m) is AP-2's, and must be 0 for AP-1. */
    static Scenario generate(ApSim.Profile profile, int targets, long seed, double biasMax) {
        return switch (profile) {
            case AP1 -> {
                if (biasMax != 0) throw new IllegalArgumentException("the AP-1 profile has no registration bias; got a bias of up to " + biasMax + " m");
                yield generate(targets, seed);
            }
            case AP2 -> ap2(targets, seed, biasMax);
        };
    }

    /** An AP-1 scenario. */
    static Scenario generate(int targets, long seed) {
        checkTargets(targets);
        SplittableRandom rnd = new SplittableRandom(seed);
        double side = 200_000 * Math.sqrt(targets / 100.0);
        double clutterMean = 20.0 * targets / 100.0;
        List<Scan> scans = scans();
        double[] x = new double[targets], y = new double[targets], vx = new double[targets], vy = new double[targets];
        for (int i = 0; i < targets; i++) {
            x[i] = rnd.nextDouble() * side;
            y[i] = rnd.nextDouble() * side;
            double speed = 100 + rnd.nextDouble() * 200, heading = rnd.nextDouble() * 2 * Math.PI;
            vx[i] = speed * Math.cos(heading);
            vy[i] = speed * Math.sin(heading);
        }
        Rows rows = new Rows();
        double now = 0;
        for (Scan scan : scans) {
            double dt = scan.t() - now;
            if (dt > 0) {
                for (int i = 0; i < targets; i++) {
                    // exact discretisation of white-acceleration noise, per axis
                    double[] wx = noise(rnd, dt), wy = noise(rnd, dt);
                    x[i] += vx[i] * dt + wx[0];
                    vx[i] += wx[1];
                    y[i] += vy[i] * dt + wy[0];
                    vy[i] += wy[1];
                }
                now = scan.t();
            }
            if (rows.tru.isEmpty() || rows.tru.getLast()[0] != now) {
                for (int i = 0; i < targets; i++) {
                    rows.tru.add(new double[]{now, x[i], vx[i], y[i], vy[i]});
                    rows.truId.add("T" + i);
                }
            }
            Sensor s = scan.sensor();
            for (int i = 0; i < targets; i++) {
                if (rnd.nextDouble() < s.pd()) rows.detect(now, x[i] + gauss(rnd) * s.sigma(), y[i] + gauss(rnd) * s.sigma(), s, "T" + i);
            }
            rows.clutter(rnd, clutterMean, now, side, s);
        }
        return rows.scenario(SENSORS.stream().map(s -> new ApFiles.Offset(s.name(), 0, 0)).toList());
    }

    /** An AP-2 scenario: manoeuvring targets, registration offsets of up to {@code biasMax} metres per axis. */
    static Scenario ap2(int targets, long seed, double biasMax) {
        checkTargets(targets);
        if (!(biasMax >= 0) || Double.isInfinite(biasMax))
            throw new IllegalArgumentException("the largest bias must be finite and not negative; got " + biasMax);
        SplittableRandom root = new SplittableRandom(seed);
        // motion and reports draw from streams of their own: the truth of a seed does not depend on the sensors
        SplittableRandom motion = root.split(), sensors = root.split();
        double side = 200_000 * Math.sqrt(targets / 100.0);
        double clutterMean = AP2_CLUTTER * targets / 100.0;
        List<ApFiles.Offset> registration = new ArrayList<>();
        for (Sensor s : SENSORS) {
            boolean reference = s.name().equals(REFERENCE);
            double bx = reference ? 0 : (2 * sensors.nextDouble() - 1) * biasMax, by = reference ? 0 : (2 * sensors.nextDouble() - 1) * biasMax;
            registration.add(new ApFiles.Offset(s.name(), bx, by));
        }
        Target[] g = new Target[targets];
        for (int i = 0; i < targets; i++) {
            g[i] = new Target(motion.nextDouble() * side, motion.nextDouble() * side,
                    MIN_START_SPEED + motion.nextDouble() * (MAX_START_SPEED - MIN_START_SPEED), motion.nextDouble() * 2 * Math.PI);
        }
        Rows rows = new Rows();
        for (Scan scan : scans()) {
            double now = scan.t();
            for (Target target : g) target.advance(now, motion);
            if (rows.tru.isEmpty() || rows.tru.getLast()[0] != now) {
                for (int i = 0; i < targets; i++) {
                    Target target = g[i];
                    rows.tru.add(new double[]{now, target.x, target.speed * Math.cos(target.heading), target.y, target.speed * Math.sin(target.heading)});
                    rows.truId.add("T" + i);
                }
            }
            Sensor s = scan.sensor();
            ApFiles.Offset bias = registration.get(SENSORS.indexOf(s));
            int first = rows.det.size();
            for (int i = 0; i < targets; i++) {
                if (sensors.nextDouble() < s.pd()) {
                    rows.detect(now, g[i].x + bias.x() + gauss(sensors) * s.sigma(), g[i].y + bias.y() + gauss(sensors) * s.sigma(), s, "T" + i);
                }
            }
            rows.clutter(sensors, clutterMean, now, side, s);
            rows.shuffleFrom(first, sensors);
        }
        return rows.scenario(registration);
    }

    /** A leg's kind of motion. */
    enum Leg {
        STRAIGHT,
        TURN,
        SPEED_CHANGE
    }

    /**
     * One AP-2 target: position, speed and heading (radians from east, anticlockwise) at time {@code t}, and
     * the leg it flies until {@code legEnd}: its turn rate (rad/s) or acceleration (m/s^2).
     */
    static final class Target {
        double t, x, y, speed, heading;
        Leg leg = Leg.STRAIGHT;
        double legEnd = 0, rate, acceleration;

        Target(double x, double y, double speed, double heading) {
            this.x = x;
            this.y = y;
            this.speed = speed;
            this.heading = heading;
        }

        /** Flies on to {@code to}, starting new legs as legs end (the first at 0). */
        void advance(double to, SplittableRandom rnd) {
            while (t < to || t >= legEnd) {
                if (t >= legEnd) newLeg(rnd);
                double until = Math.min(to, legEnd);
                if (until > t) fly(until - t);
                t = Math.max(t, until);
            }
        }

        private void newLeg(SplittableRandom rnd) {
            double u = rnd.nextDouble();
            legEnd = t + MIN_LEG + rnd.nextDouble() * (MAX_LEG - MIN_LEG);
            if (u < STRAIGHT_SHARE) {
                leg = Leg.STRAIGHT;
            } else if (u < STRAIGHT_SHARE + TURN_SHARE) {
                leg = Leg.TURN;
                rate = Math.toRadians(MIN_TURN + rnd.nextDouble() * (MAX_TURN - MIN_TURN)) * (rnd.nextBoolean() ? 1 : -1);
            } else {
                leg = Leg.SPEED_CHANGE;
                acceleration = (MIN_ACCELERATION + rnd.nextDouble() * (MAX_ACCELERATION - MIN_ACCELERATION)) * (rnd.nextBoolean() ? 1 : -1);
            }
        }

        /** Exact motion over {@code dt} within the current leg. */
        void fly(double dt) {
            switch (leg) {
                case STRAIGHT -> {
                    x += speed * Math.cos(heading) * dt;
                    y += speed * Math.sin(heading) * dt;
                }
                case TURN -> {
                    // the velocity rotates at the constant rate: the integral of speed (cos, sin)(heading + rate t)
                    double h1 = heading + rate * dt;
                    x += speed * (Math.sin(h1) - Math.sin(heading)) / rate;
                    y += speed * (Math.cos(heading) - Math.cos(h1)) / rate;
                    heading = h1 % (2 * Math.PI);
                }
                case SPEED_CHANGE -> {
                    // along the velocity, until the speed reaches the edge of the band; then that speed is held
                    double edge = acceleration > 0 ? MAX_SPEED : MIN_SPEED;
                    double reach = Math.max(0, (edge - speed) / acceleration);
                    double accelerating = Math.min(dt, reach);
                    double distance = speed * accelerating + acceleration * accelerating * accelerating / 2;
                    if (accelerating < dt) {
                        distance += edge * (dt - accelerating);
                        speed = edge;
                    } else {
                        speed = Math.clamp(speed + acceleration * dt, MIN_SPEED, MAX_SPEED);
                    }
                    x += distance * Math.cos(heading);
                    y += distance * Math.sin(heading);
                }
            }
        }
    }

    private static void checkTargets(int targets) {
        if (targets < 1 || targets > 1_000_000) {
            throw new IllegalArgumentException("targets must be between 1 and 1,000,000; got " + targets);
        }
    }

    /** A scan: the reports of one sensor at one time. */
    private record Scan(double t, Sensor sensor) {
    }

    /** The scan times of all sensors, in time order. */
    private static List<Scan> scans() {
        List<Scan> scans = new ArrayList<>();
        for (Sensor s : SENSORS) {
            for (int k = 0;; k++) {
                double t = Math.round((s.first() + k * s.period()) * 10) / 10.0;
                if (t > DURATION) break;
                scans.add(new Scan(t, s));
            }
        }
        scans.sort(Comparator.comparingDouble(Scan::t));
        return scans;
    }

    /** Detection and truth rows as they are generated. */
    private static final class Rows {
        final List<double[]> det = new ArrayList<>();
        final List<String> detSensor = new ArrayList<>(), detTruth = new ArrayList<>();
        final List<double[]> tru = new ArrayList<>();
        final List<String> truId = new ArrayList<>();

        /** A detection by {@code s} at time {@code t}, of the truth of this id ({@code ""} for clutter). */
        void detect(double t, double x, double y, Sensor s, String truth) {
            det.add(new double[]{t, x, y, s.sigma()});
            detSensor.add(s.name());
            detTruth.add(truth);
        }

        /** The clutter of one scan: a Poisson number (of this mean) of detections anywhere in the square of this side. */
        void clutter(SplittableRandom rnd, double mean, double t, double side, Sensor s) {
            int n = poisson(rnd, mean);
            for (int c = 0; c < n; c++) detect(t, rnd.nextDouble() * side, rnd.nextDouble() * side, s, "");
        }

        /** Puts the detections from {@code first} on (one scan's) in random order. */
        void shuffleFrom(int first, SplittableRandom rnd) {
            for (int k = det.size() - 1; k > first; k--) {
                int j = first + rnd.nextInt(k - first + 1);
                det.set(j, det.set(k, det.get(j)));
                detTruth.set(j, detTruth.set(k, detTruth.get(j)));
                detSensor.set(j, detSensor.set(k, detSensor.get(j)));
            }
        }

        Scenario scenario(List<ApFiles.Offset> registration) {
            int n = det.size();
            ApFiles.Detections d = new ApFiles.Detections(n, new double[n], new String[n], new double[n], new double[n], new double[n], new String[n]);
            for (int k = 0; k < n; k++) {
                double[] r = det.get(k);
                d.t()[k] = r[0];
                d.x()[k] = r[1];
                d.y()[k] = r[2];
                d.sigma()[k] = r[3];
                d.sensor()[k] = detSensor.get(k);
                d.truthIds()[k] = detTruth.get(k);
            }
            return new Scenario(d, ApFiles.states(tru, truId), List.copyOf(registration));
        }
    }

    /** Position and velocity increments of white-acceleration noise over dt (correlated, per axis). */
    private static double[] noise(SplittableRandom rnd, double dt) {
        double p = Q * dt * dt * dt / 3, c = Q * dt * dt / 2, v = Q * dt;
        double l00 = Math.sqrt(p), l10 = c / l00, l11 = Math.sqrt(Math.max(0, v - l10 * l10));
        double z0 = gauss(rnd), z1 = gauss(rnd);
        return new double[]{l00 * z0, l10 * z0 + l11 * z1};
    }

    private static double gauss(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble(), w = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
    }

    private static int poisson(SplittableRandom rnd, double mean) {
        if (mean > 50) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gauss(rnd)));
        }
        // Knuth: how many uniform draws multiply to more than e^-mean
        double limit = Math.exp(-mean);
        int k = 0;
        for (double product = rnd.nextDouble(); product > limit; product *= rnd.nextDouble()) k++;
        return k;
    }
}
