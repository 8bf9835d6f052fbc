package org.kizuna.picture.internal.tracking;

import java.util.Arrays;

/**
 * Sensor reports in columns (time, sensor, position, one-sigma accuracy, label key, the report's identity:
 * the same for every audience's engine, -1 when the caller gave none), grown as needed
 * and reused: the tracker's queue and its seeds, and the reports a labelled picture retains for
 * audiences that arrive later.
 */
final class Reports {

    double[] t = new double[0], x = new double[0], y = new double[0], sigma = new double[0];
    int[] sensor = new int[0], label = new int[0];
    long[] id = new long[0];
    int size;

    void add(double rt, int rsensor, double rx, double ry, double rsigma, int rlabel, long rid) {
        if (size == t.length) grow(Columns.grownCapacity(size));
        id[size] = rid;
        t[size] = rt;
        sensor[size] = rsensor;
        x[size] = rx;
        y[size] = ry;
        sigma[size] = rsigma;
        label[size] = rlabel;
        size++;
    }

    /** Appends report {@code i} of {@code other}. */
    void add(Reports other, int i) {
        add(other.t[i], other.sensor[i], other.x[i], other.y[i], other.sigma[i], other.label[i], other.id[i]);
    }

    /** Overwrites report {@code to} with report {@code from}: for compacting in place. */
    void move(int from, int to) {
        t[to] = t[from];
        sensor[to] = sensor[from];
        x[to] = x[from];
        y[to] = y[from];
        sigma[to] = sigma[from];
        label[to] = label[from];
        id[to] = id[from];
    }

    /** Removes the reports whose flag in {@code marked} is set, keeping the others in their order. */
    void remove(boolean[] marked) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (!marked[i]) {
                if (kept != i) move(i, kept);
                kept++;
            }
        }
        size = kept;
    }

    /** Drops the first {@code n} reports. */
    void dropFirst(int n) {
        int rest = size - n;
        System.arraycopy(t, n, t, 0, rest);
        System.arraycopy(sensor, n, sensor, 0, rest);
        System.arraycopy(x, n, x, 0, rest);
        System.arraycopy(y, n, y, 0, rest);
        System.arraycopy(sigma, n, sigma, 0, rest);
        System.arraycopy(label, n, label, 0, rest);
        System.arraycopy(id, n, id, 0, rest);
        size = rest;
    }

    boolean full() {
        return size == t.length;
    }

    /** Orders the reports by time, then sensor (stable); does nothing when they already are. */
    void sortByTimeAndSensor() {
        boolean sorted = true;
        for (int i = 1; i < size && sorted; i++) sorted = t[i - 1] < t[i] || (t[i - 1] == t[i] && sensor[i - 1] <= sensor[i]);
        if (sorted) return;
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> t[a] != t[b] ? Double.compare(t[a], t[b]) : Integer.compare(sensor[a], sensor[b]));
        Reports s = new Reports();
        s.grow(t.length);
        for (int o : order) s.add(this, o);
        t = s.t;
        sensor = s.sensor;
        x = s.x;
        y = s.y;
        sigma = s.sigma;
        label = s.label;
        id = s.id;
    }

    // the columns are plain fields that callers read by name, so they are grown here rather than held in
    // a Columns; the growth rule is the package's (Columns.grownCapacity)
    private void grow(int n) {
        t = Arrays.copyOf(t, n);
        sensor = Arrays.copyOf(sensor, n);
        x = Arrays.copyOf(x, n);
        y = Arrays.copyOf(y, n);
        sigma = Arrays.copyOf(sigma, n);
        label = Arrays.copyOf(label, n);
        id = Arrays.copyOf(id, n);
    }
}
