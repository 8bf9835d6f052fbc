package org.kizuna.picture.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.kizuna.picture.bench.ap.ApFiles;

/**
 * Generates AP scenarios: N constant-velocity targets (100-300 m/s, random heading, white-acceleration
 * noise q = 0.5 m^2/s^3) over a square of side 200 km x sqrt(N / 100), seen for 300 s by the three AP-1
 * sensors (US: every 4 s from 0 s, sigma 50 m, Pd 0.90; JP: 10 s from 1.3 s, 150 m, 0.85; AU: 2 s from
 * 0.7 s, 100 m, 0.80) with Poisson clutter of 20 x N / 100 per scan, so density stays that of AP-1.
 * Deterministic for a seed.
 */
final class ApScenario {

    record Sensor(String name, double period, double first, double sigma, double pd) {
    }

    static final List<Sensor> SENSORS = List.of(
            new Sensor("US", 4, 0.0, 50, 0.90), new Sensor("JP", 10, 1.3, 150, 0.85), new Sensor("AU", 2, 0.7, 100, 0.80));
    static final double DURATION = 300;
    static final double Q = 0.5;

    private ApScenario() {
    }

    /** Detections and truth of one generated scenario. */
    record Scenario(ApFiles.Detections detections, ApFiles.States truth) {
    }

    static Scenario generate(int targets, long seed) {
        if (targets < 1 || targets > 1_000_000) {
            throw new IllegalArgumentException("targets must be between 1 and 1,000,000; got " + targets);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double side = 200_000 * Math.sqrt(targets / 100.0);
        double clutterMean = 20.0 * targets / 100.0;
        // scan times of all sensors, in time order
        record Scan(double t, Sensor sensor) {
        }
        List<Scan> scans = new ArrayList<>();
        for (Sensor s : SENSORS) {
            for (int k = 0;; k++) {
                double t = Math.round((s.first() + k * s.period()) * 10) / 10.0;
                if (t > DURATION) break;
                scans.add(new Scan(t, s));
            }
        }
        scans.sort(Comparator.comparingDouble(Scan::t));
        double[] x = new double[targets], y = new double[targets], vx = new double[targets], vy = new double[targets];
        for (int i = 0; i < targets; i++) {
            x[i] = rnd.nextDouble() * side;
            y[i] = rnd.nextDouble() * side;
            double speed = 100 + rnd.nextDouble() * 200, heading = rnd.nextDouble() * 2 * Math.PI;
            vx[i] = speed * Math.cos(heading);
            vy[i] = speed * Math.sin(heading);
        }
        List<double[]> det = new ArrayList<>();
        List<String> detSensor = new ArrayList<>(), detTruth = new ArrayList<>();
        List<double[]> tru = new ArrayList<>();
        List<String> truId = new ArrayList<>();
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
            if (tru.isEmpty() || tru.getLast()[0] != now) {
                for (int i = 0; i < targets; i++) {
                    tru.add(new double[]{now, x[i], vx[i], y[i], vy[i]});
                    truId.add("T" + i);
                }
            }
            Sensor s = scan.sensor();
            for (int i = 0; i < targets; i++) {
                if (rnd.nextDouble() < s.pd()) {
                    det.add(new double[]{now, x[i] + gauss(rnd) * s.sigma(), y[i] + gauss(rnd) * s.sigma(), s.sigma()});
                    detSensor.add(s.name());
                    detTruth.add("T" + i);
                }
            }
            int clutter = poisson(rnd, clutterMean);
            for (int c = 0; c < clutter; c++) {
                det.add(new double[]{now, rnd.nextDouble() * side, rnd.nextDouble() * side, s.sigma()});
                detSensor.add(s.name());
                detTruth.add("");
            }
        }
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
        int m = tru.size();
        ApFiles.States t = new ApFiles.States(m, new double[m], new String[m], new double[m], new double[m], new double[m], new double[m]);
        for (int k = 0; k < m; k++) {
            double[] r = tru.get(k);
            t.t()[k] = r[0];
            t.id()[k] = truId.get(k);
            t.x()[k] = r[1];
            t.vx()[k] = r[2];
            t.y()[k] = r[3];
            t.vy()[k] = r[4];
        }
        return new Scenario(d, t);
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
