package org.kizuna.picture.bench.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.kizuna.picture.bench.ap.ApFiles.States;
import org.kizuna.picture.internal.tracking.Assignment;

/**
 * GOSPA, OSPA and SIAP of a set of tracks against the truth, as Stone Soup defines them: evaluated at
 * every timestamp of either file on positions (GOSPA c = 1000 m, p = 2, alpha = 2; OSPA c = 1000 m,
 * p = 2), and SIAP over track-to-truth associations that need three consecutive matches within 1000 m
 * to form and two misses to end.
 */
public final class PictureMetrics {

    public static final double C = 1000;
    static final int CONFIRM = 3;
    static final int MISSES_END = 2;

    /** The figures of one evaluation. */
    public record Result(double gospaMean, double gospaLocalisation, double gospaMissed, double gospaFalse, double ospaMean,
            double completeness, double ambiguity, double spuriousness, double positionAccuracy,
            double velocityAccuracy, double rateOfTrackNumberChange, double longestTrackSegment) {

        /** The metric part of the benchmark's JSON. */
        public String json() {
            return "\"gospa\": {\"mean\": " + gospaMean + ", \"localisation\": " + gospaLocalisation + ", \"missed\": " + gospaMissed
                    + ", \"false\": " + gospaFalse + "}, \"ospa_mean\": " + ospaMean + ", \"siap\": {\"completeness\": " + completeness
                    + ", \"ambiguity\": " + ambiguity + ", \"spuriousness\": " + spuriousness + ", \"position_accuracy\": " + positionAccuracy
                    + ", \"velocity_accuracy\": " + velocityAccuracy + ", \"rate_of_track_number_change\": " + rateOfTrackNumberChange
                    + ", \"longest_track_segment\": " + longestTrackSegment + "}";
        }
    }

    private PictureMetrics() {
    }

    static long key(double t) {
        return Math.round(t * 1000);
    }

    /** One object's states by timestamp key, in time order. */
    private static final class Path {
        final TreeMap<Long, Integer> states = new TreeMap<>();
    }

    private static Map<String, Path> paths(States s) {
        Map<String, Path> out = new LinkedHashMap<>();
        for (int i = 0; i < s.size(); i++) {
            out.computeIfAbsent(s.id()[i], k -> new Path()).states.put(key(s.t()[i]), i); // the last state at a time wins
        }
        return out;
    }

    private record Association(Path track, Path truth, long start, long end) {
    }

    /**
     * All the time one track is associated with one truth. Stone Soup's association set merges the
     * associations of one track with one truth into a single association over a compound time range (the
     * union of their intervals, touching ones fused), and its SIAP figures read that merged association:
     * its duration (the longest track segment) is the sum of its intervals, and the rate of track number
     * changes orders associations by the end of their last interval. A track that loses its truth and
     * later takes it up again therefore counts both stretches as one segment.
     */
    private record Pair(Path track, Path truth, long[] starts, long[] ends) {
        /** The interval containing {@code t}, or -1. */
        int intervalAt(long t) {
            for (int i = 0; i < starts.length; i++) {
                if (starts[i] <= t && t <= ends[i]) return i;
            }
            return -1;
        }

        boolean contains(long t) {
            return intervalAt(t) >= 0;
        }

        long lastEnd() {
            return ends[ends.length - 1];
        }

        double seconds() {
            long total = 0;
            for (int i = 0; i < starts.length; i++) total += ends[i] - starts[i];
            return total / 1000.0;
        }
    }

    /** The associations merged per track and truth, as Stone Soup's association set does. */
    private static List<Pair> pairs(List<Association> associations) {
        Map<Path, Map<Path, List<long[]>>> byTrack = new LinkedHashMap<>();
        for (Association a : associations) {
            byTrack.computeIfAbsent(a.track, k -> new LinkedHashMap<>()).computeIfAbsent(a.truth, k -> new ArrayList<>())
                    .add(new long[]{a.start, a.end});
        }
        List<Pair> out = new ArrayList<>();
        byTrack.forEach((track, byTruth) -> byTruth.forEach((truthPath, spans) -> {
            List<long[]> union = union(spans);
            out.add(new Pair(track, truthPath, union.stream().mapToLong(x -> x[0]).toArray(), union.stream().mapToLong(x -> x[1]).toArray()));
        }));
        return out;
    }

    /** The union of intervals as disjoint intervals in time order; overlapping and touching ones are fused. */
    private static List<long[]> union(List<long[]> spans) {
        List<long[]> sorted = new ArrayList<>(spans);
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] s : sorted) {
            long[] last = out.isEmpty() ? null : out.getLast();
            if (last != null && s[0] <= last[1]) {
                last[1] = Math.max(last[1], s[1]);
            } else {
                out.add(new long[]{s[0], s[1]});
            }
        }
        return out;
    }

    public static Result evaluate(States truth, States tracks) {
        Map<String, Path> truths = paths(truth);
        Map<String, Path> trackPaths = paths(tracks);
        TreeMap<Long, List<Integer>> truthAt = new TreeMap<>();
        TreeMap<Long, List<Integer>> trackAt = new TreeMap<>();
        for (Path p : truths.values()) p.states.forEach((k, i) -> truthAt.computeIfAbsent(k, x -> new ArrayList<>()).add(i));
        for (Path p : trackPaths.values()) p.states.forEach((k, i) -> trackAt.computeIfAbsent(k, x -> new ArrayList<>()).add(i));
        java.util.TreeSet<Long> timestamps = new java.util.TreeSet<>(truthAt.keySet());
        timestamps.addAll(trackAt.keySet());

        Assignment assignment = new Assignment();
        double gospaSum = 0, locSum = 0, missedSum = 0, falseSum = 0, ospaSum = 0;
        for (long t : timestamps) {
            List<Integer> x = truthAt.getOrDefault(t, List.of());
            List<Integer> y = trackAt.getOrDefault(t, List.of());
            List<int[][]> comps = components(truth, x, tracks, y); // pairs within the cut-off, shared by both metrics
            double[] g = gospa(truth, x, tracks, y, comps, assignment);
            gospaSum += Math.sqrt(g[0] + g[1] + g[2]);
            locSum += g[0];
            missedSum += g[1];
            falseSum += g[2];
            ospaSum += ospa(truth, x, tracks, y, comps, assignment);
        }
        int nt = timestamps.size();

        List<Pair> associations = pairs(associate(trackPaths.values(), truths.values(), truth, tracks));
        double jSum = 0, jtSum = 0, naSum = 0, nSum = 0, paSum = 0, vaSum = 0;
        for (long t : timestamps) {
            jSum += truthAt.getOrDefault(t, List.of()).size();
            nSum += trackAt.getOrDefault(t, List.of()).size();
            java.util.Set<Path> jt = new java.util.HashSet<>();
            java.util.Set<Path> na = new java.util.HashSet<>();
            for (Pair a : associations) {
                if (!a.contains(t)) continue;
                jt.add(a.truth);
                na.add(a.track);
                Integer ti = a.track.states.get(t);
                Integer gi = a.truth.states.get(t);
                if (ti != null && gi != null) {
                    paSum += Math.hypot(tracks.x()[ti] - truth.x()[gi], tracks.y()[ti] - truth.y()[gi]);
                    vaSum += Math.hypot(tracks.vx()[ti] - truth.vx()[gi], tracks.vy()[ti] - truth.vy()[gi]);
                }
            }
            jtSum += jt.size();
            naSum += na.size();
        }
        Map<Path, List<Pair>> byTruth = new HashMap<>();
        associations.forEach(a -> byTruth.computeIfAbsent(a.truth, x -> new ArrayList<>()).add(a));
        double changes = 0, tracked = 0, longest = 0, lifetime = 0;
        for (Path truthPath : truths.values()) {
            List<Pair> assocs = byTruth.getOrDefault(truthPath, List.of());
            long[] times = truthPath.states.keySet().stream().mapToLong(Long::longValue).toArray();
            changes += tracksNeeded(times, assocs) - 1;
            tracked += timeTracked(times, assocs);
            // a truth no track ever held adds no segment (Stone Soup's longest segment of an empty set is 0)
            longest += assocs.stream().mapToDouble(Pair::seconds).max().orElse(0);
            lifetime += (times[times.length - 1] - times[0]) / 1000.0;
        }
        return new Result(gospaSum / nt, locSum / nt, missedSum / nt, falseSum / nt, ospaSum / nt,
                jSum == 0 ? 0 : jtSum / jSum, jtSum == 0 ? 1 : naSum / jtSum, nSum == 0 ? 0 : (nSum - naSum) / nSum,
                naSum == 0 ? 0 : paSum / naSum, naSum == 0 ? 0 : vaSum / naSum,
                tracked == 0 ? 0 : changes / tracked, lifetime == 0 ? 0 : longest / lifetime);
    }

    /**
     * Pairs closer than the cut-off split the problem into independent components (a pair at or beyond
     * c costs the same assigned or not), so each timestamp is solved component by component: exact, and
     * fast enough for ten thousand objects. Returns per component: rows, columns and local costs.
     */
    private static List<int[][]> components(States truth, List<Integer> x, States tracks, List<Integer> y) {
        Map<Long, List<Integer>> grid = new HashMap<>();
        for (int c = 0; c < y.size(); c++) {
            int ti = y.get(c);
            grid.computeIfAbsent(cell(tracks.x()[ti], tracks.y()[ti]), k -> new ArrayList<>()).add(c);
        }
        int n = x.size() + y.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        boolean any = false;
        for (int r = 0; r < x.size(); r++) {
            int gi = x.get(r);
            long cx = (long) Math.floor(truth.x()[gi] / C), cy = (long) Math.floor(truth.y()[gi] / C);
            for (long gx = cx - 1; gx <= cx + 1; gx++) {
                for (long gy = cy - 1; gy <= cy + 1; gy++) {
                    List<Integer> cand = grid.get((gx << 32) ^ (gy & 0xffffffffL));
                    if (cand == null) continue;
                    for (int c : cand) {
                        int ti = y.get(c);
                        if (Math.hypot(truth.x()[gi] - tracks.x()[ti], truth.y()[gi] - tracks.y()[ti]) < C) {
                            int a = root(parent, r), b = root(parent, x.size() + c);
                            if (a != b) parent[a] = b;
                            any = true;
                        }
                    }
                }
            }
        }
        List<int[][]> out = new ArrayList<>();
        if (!any) return out;
        Map<Integer, List<Integer>> rowsOf = new HashMap<>(), colsOf = new HashMap<>();
        for (int r = 0; r < x.size(); r++) rowsOf.computeIfAbsent(root(parent, r), k -> new ArrayList<>()).add(r);
        for (int c = 0; c < y.size(); c++) colsOf.computeIfAbsent(root(parent, x.size() + c), k -> new ArrayList<>()).add(c);
        for (Map.Entry<Integer, List<Integer>> e : rowsOf.entrySet()) {
            List<Integer> cols = colsOf.get(e.getKey());
            if (cols == null) continue;
            out.add(new int[][]{e.getValue().stream().mapToInt(Integer::intValue).toArray(), cols.stream().mapToInt(Integer::intValue).toArray()});
        }
        return out;
    }

    private static int root(int[] parent, int a) {
        while (parent[a] != a) {
            parent[a] = parent[parent[a]];
            a = parent[a];
        }
        return a;
    }

    private static long cell(double px, double py) {
        long cx = (long) Math.floor(px / C), cy = (long) Math.floor(py / C);
        return (cx << 32) ^ (cy & 0xffffffffL);
    }

    /** Optimal assignment of one component; returns the chosen cut-off distances of its smaller side. */
    private static double[] solveComponent(States truth, List<Integer> x, States tracks, List<Integer> y, int[] truthRows, int[] trackCols,
            boolean squared, Assignment assignment) {
        boolean truthSide = truthRows.length <= trackCols.length;
        int rows = truthSide ? truthRows.length : trackCols.length, cols = truthSide ? trackCols.length : truthRows.length;
        double[] cost = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int gi = x.get(truthSide ? truthRows[r] : truthRows[c]);
                int ti = y.get(truthSide ? trackCols[c] : trackCols[r]);
                double d = Math.min(Math.hypot(truth.x()[gi] - tracks.x()[ti], truth.y()[gi] - tracks.y()[ti]), C);
                cost[r * cols + c] = squared ? d * d : d;
            }
        }
        int[] match = new int[rows];
        assignment.solve(cost, rows, cols, match);
        double[] chosen = new double[rows];
        for (int r = 0; r < rows; r++) {
            double v = cost[r * cols + match[r]];
            chosen[r] = squared ? Math.sqrt(v) : v;
        }
        return chosen;
    }

    /** Localisation, missed and false parts at one time (alpha = 2, so a capped pair counts as one missed and one false). */
    static double[] gospa(States truth, List<Integer> x, States tracks, List<Integer> y, List<int[][]> components, Assignment assignment) {
        double half = C * C / 2;
        double[] close = withinCutOff(truth, x, tracks, y, components, true, assignment);
        int assigned = (int) close[1];
        return new double[]{close[0], (x.size() - assigned) * half, (y.size() - assigned) * half};
    }

    /** OSPA at one time; the assignment minimises the sum of cut-off distances, as Stone Soup's does. */
    static double ospa(States truth, List<Integer> x, States tracks, List<Integer> y, List<int[][]> components, Assignment assignment) {
        int n = Math.max(x.size(), y.size());
        if (n == 0) return 0;
        double[] close = withinCutOff(truth, x, tracks, y, components, false, assignment);
        return Math.sqrt((close[0] + (n - close[1]) * C * C) / n);
    }

    /**
     * The pairs the assignment of each component makes closer than the cut-off C: the sum of their squared
     * distances, and how many there are. {@code squared}: the assignment minimises squared distances (GOSPA)
     * rather than distances (OSPA).
     */
    private static double[] withinCutOff(States truth, List<Integer> x, States tracks, List<Integer> y, List<int[][]> components,
            boolean squared, Assignment assignment) {
        double sum = 0;
        int count = 0;
        for (int[][] comp : components) {
            for (double d : solveComponent(truth, x, tracks, y, comp[0], comp[1], squared, assignment)) {
                if (d < C) {
                    sum += d * d;
                    count++;
                }
            }
        }
        return new double[]{sum, count};
    }

    /** Track-to-truth association: the nearest truth within the threshold, confirmed after three times, ended after two misses. */
    private static List<Association> associate(Iterable<Path> trackPaths, Iterable<Path> truthPaths, States truth, States tracks) {
        List<Association> out = new ArrayList<>();
        Map<Long, Map<Long, List<Path>>> gridAt = new HashMap<>();
        for (Path p : truthPaths) {
            p.states.forEach((t, gi) -> gridAt.computeIfAbsent(t, k -> new HashMap<>())
                    .computeIfAbsent(cell(truth.x()[gi], truth.y()[gi]), k -> new ArrayList<>()).add(p));
        }
        for (Path track : trackPaths) {
            Path current = null, potential = null;
            int successes = 0, failures = 0;
            long potentialStart = 0, start = 0, end = 0;
            for (Map.Entry<Long, Integer> e : track.states.entrySet()) {
                long t = e.getKey();
                int ti = e.getValue();
                double minDist = Double.NaN;
                Path min = null;
                Map<Long, List<Path>> grid = gridAt.getOrDefault(t, Map.of());
                long cx = (long) Math.floor(tracks.x()[ti] / C), cy = (long) Math.floor(tracks.y()[ti] / C);
                List<Path> near = new ArrayList<>();
                for (long gx = cx - 1; gx <= cx + 1; gx++) {
                    for (long gy = cy - 1; gy <= cy + 1; gy++) {
                        List<Path> c = grid.get((gx << 32) ^ (gy & 0xffffffffL));
                        if (c != null) near.addAll(c);
                    }
                }
                for (Path candidate : near) {
                    Integer gi = candidate.states.get(t);
                    if (gi == null) continue;
                    double d = Math.hypot(tracks.x()[ti] - truth.x()[gi], tracks.y()[ti] - truth.y()[gi]);
                    if (!Double.isNaN(minDist) && d < minDist) {
                        minDist = d;
                        min = candidate;
                    } else if (Double.isNaN(minDist) && d < C) {
                        minDist = d;
                        min = candidate;
                    }
                }
                if (current == null) {
                    if (min == null) {
                        successes = 0;
                        potential = null;
                    } else if (potential != min) {
                        potential = min;
                        successes = 1;
                        potentialStart = t;
                    } else {
                        successes++;
                    }
                    if (successes >= CONFIRM) {
                        current = min;
                        start = potentialStart;
                        end = t;
                        potential = null;
                        successes = 0;
                    }
                } else {
                    if (min == current) {
                        failures = 0;
                        end = t;
                    } else {
                        failures++;
                        if (min != null && min == potential) {
                            successes++;
                        } else {
                            potential = min;
                            potentialStart = t;
                            successes = 1;
                        }
                    }
                    if (failures >= MISSES_END) {
                        out.add(new Association(track, current, start, end));
                        if (successes >= CONFIRM) {
                            current = potential;
                            start = potentialStart;
                            end = t;
                        } else {
                            current = null;
                        }
                        // Stone Soup keeps both counters across an ended association; so do we, to give its figures.
                    }
                }
            }
            if (current != null) {
                out.add(new Association(track, current, start, end));
            }
        }
        return out;
    }

    private static int tracksNeeded(long[] times, List<Pair> assocs) {
        if (assocs.isEmpty()) return 0;
        List<Pair> sorted = new ArrayList<>(assocs);
        sorted.sort((a, b) -> Long.compare(b.lastEnd(), a.lastEnd()));
        int needed = 0;
        int i = 0;
        while (i < times.length) {
            long now = times[i];
            long end = 0;
            boolean found = false;
            for (Pair a : sorted) {
                int k = a.intervalAt(now);
                if (k >= 0) {
                    end = a.ends[k];
                    found = true;
                    break;
                }
            }
            if (!found) {
                i++;
            } else {
                needed++;
                int next = -1;
                for (int j = i + 1; j < times.length; j++) {
                    if (times[j] == end) {
                        next = j;
                        break;
                    }
                }
                if (next < 0) break;
                i = next + 1;
            }
        }
        return needed;
    }

    /** The part of each step between the truth's consecutive timestamps that some association covers. */
    private static double timeTracked(long[] times, List<Pair> assocs) {
        if (assocs.isEmpty()) return 0;
        List<long[]> spans = new ArrayList<>();
        for (Pair a : assocs) {
            for (int k = 0; k < a.starts.length; k++) spans.add(new long[]{a.starts[k], a.ends[k]});
        }
        List<long[]> covered = union(spans);
        long total = 0;
        int c = 0;
        for (int i = 0; i + 1 < times.length; i++) {
            long from = times[i], to = times[i + 1];
            while (c < covered.size() && covered.get(c)[1] <= from) c++;
            for (int k = c; k < covered.size() && covered.get(k)[0] < to; k++) {
                total += Math.min(to, covered.get(k)[1]) - Math.max(from, covered.get(k)[0]);
            }
        }
        return total / 1000.0;
    }
}
