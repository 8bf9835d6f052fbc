package org.kizuna.picture.internal.distribution;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Common track numbers: one uid for one physical fused track, the same for every audience that sees it and
 * for the track's whole life, however the audiences' estimates of it differ.
 * <p>
 * Every audience has a tracker of its own, fed only the reports it may read, so one target is a different
 * track in each tracker, with the tracker's own number. What the trackers share is the reports: a report is
 * given, with one identity, to every tracker that may read it. A tracker's track is therefore named by the
 * reports it took: the first time it is shown, it takes the uid that the tracks of other audiences that took
 * the same reports already carry (the uid most of its recent reports are known under), and a new uid when
 * none does; from then on it keeps its uid for as long as its tracker keeps the track. Each named track
 * lends its uid to the reports it takes, which is how a track formed later (in an audience that arrives
 * later, after a new day, after a tracker is rebuilt) finds the same uid.
 * <p>
 * No leak: an audience learns a uid only through reports its own tracker took, which it may read, so an
 * audience that may read none of a track's contributions never sees the track's uid. Uids are random (six
 * characters, 30 bits, never one in use), so they carry no count or order of tracks an audience may not see.
 * What an audience may infer is what it sees: that a track it sees again, with reports it may read, is the
 * track it saw before.
 * <p>
 * Bounded: a report's uid is kept {@link #REPORT_MEMORY_MS} (longer than the trackers' replay window), the
 * names of tracks as long as the tracks are shown. Not thread-safe: the picture's thread makes every call.
 */
final class CommonTrackIds {

    /** How long a report keeps the uid of the track that took it: beyond the trackers' replay window (60 s). */
    static final long REPORT_MEMORY_MS = 120_000;
    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

    /** One audience's track in one view: the tracker's number and its latest reports' identities. */
    record Seen(long trackerId, long[] reports) {
    }

    private final String prefix;
    private final RandomGenerator random;
    /** Per audience place: the tracker's number of each named track, and its uid. */
    private final Map<Integer, Map<Long, String>> names = new HashMap<>();
    private final Map<Long, String> reportUid = new HashMap<>();
    /** Reports in the order they were given a uid, with when: {report, time}. */
    private final ArrayDeque<long[]> reportOrder = new ArrayDeque<>();
    /** How many names and reports use each uid: a uid in use is never issued again. */
    private final Map<String, Integer> inUse = new HashMap<>();

    CommonTrackIds(String nodeNation) {
        this(nodeNation, new SecureRandom());
    }

    CommonTrackIds(String nodeNation, RandomGenerator random) {
        this.prefix = "KZ-" + nodeNation + "-";
        this.random = random;
    }

    /**
     * Names the tracks of every audience's view at once: {@code views} maps an audience's place to the tracks its
     * tracker holds now. Returns, per place, each track's uid by its tracker number. Tracks no longer in an
     * audience's view lose their names.
     */
    Map<Integer, Map<Long, String>> name(Map<Integer, List<Seen>> views, long now) {
        return name(views, s -> false, now);
    }

    /**
     * {@link #name(Map, long)}, where the {@code provisional} tracks are a fusion worker's tracks outside its own cells,
     * which another worker publishes (docs/scaling.md): each is named afresh every time by the uid most of its reports are
     * known under (reports another worker's tracks took, {@link #learn}), else keeps the name it had, else is given one;
     * it lends its name to no report. A track that stops being provisional keeps the name it had.
     */
    Map<Integer, Map<Long, String>> name(Map<Integer, List<Seen>> views, java.util.function.Predicate<Seen> provisional, long now) {
        forgetOldReports(now);
        // named tracks first: each lends its uid to the reports it took since
        for (var v : views.entrySet()) {
            Map<Long, String> named = names.getOrDefault(v.getKey(), Map.of());
            for (Seen s : v.getValue()) {
                String uid = named.get(s.trackerId());
                if (uid != null && !provisional.test(s)) lend(uid, s.reports(), now);
            }
        }
        Map<Integer, Map<Long, String>> out = new HashMap<>();
        for (var v : views.entrySet()) {
            Map<Long, String> before = names.getOrDefault(v.getKey(), Map.of());
            Map<Long, String> now2 = new HashMap<>();
            Set<String> taken = new HashSet<>();
            for (Seen s : v.getValue()) {
                String uid = before.get(s.trackerId());
                if (uid != null && !provisional.test(s)) {
                    now2.put(s.trackerId(), uid);
                    taken.add(uid);
                }
            }
            for (Seen s : v.getValue()) {
                if (now2.containsKey(s.trackerId())) continue;
                String uid = adopted(s.reports(), taken);
                if (provisional.test(s)) {
                    String had = before.get(s.trackerId());
                    if (uid == null) uid = had != null && !taken.contains(had) ? had : issue();
                    now2.put(s.trackerId(), uid);
                    taken.add(uid);
                    continue;
                }
                if (uid == null) uid = issue();
                now2.put(s.trackerId(), uid);
                taken.add(uid);
                lend(uid, s.reports(), now);
            }
            for (var e : now2.entrySet()) if (!e.getValue().equals(before.get(e.getKey()))) use(e.getValue(), 1);
            for (var e : before.entrySet()) if (!e.getValue().equals(now2.get(e.getKey()))) use(e.getValue(), -1);
            if (now2.isEmpty()) names.remove(v.getKey());
            else names.put(v.getKey(), now2);
            out.put(v.getKey(), now2);
        }
        return out;
    }

    /**
     * Another fusion worker published a track of {@code uid} that took these reports: each report not known under a uid
     * here is known under this one, as if a track of this picture had taken it (kept as long, {@link #REPORT_MEMORY_MS}).
     */
    void learn(long[] reports, String uid, long now) {
        if (!uid.startsWith(prefix)) return; // a uid of another node's making is never issued here
        lend(uid, reports, now);
    }

    /** Forgets the names of an audience's tracks: its tracker is gone or starts again (its numbers start again). */
    void forget(int place) {
        Map<Long, String> named = names.remove(place);
        if (named != null) for (String uid : named.values()) use(uid, -1);
    }

    /** Forgets the names of every audience's tracks (every tracker starts again); the reports keep theirs. */
    void forgetAll() {
        for (Integer place : List.copyOf(names.keySet())) forget(place);
    }

    /** Uids in use now (for tests and figures). */
    int uidsInUse() {
        return inUse.size();
    }

    /** The uid most of these reports are known under, among those not {@code taken} in the audience already; null when none. */
    private @Nullable String adopted(long[] reports, Set<String> taken) {
        Map<String, Integer> votes = new HashMap<>();
        Map<String, Long> latest = new HashMap<>();
        for (long r : reports) {
            String uid = reportUid.get(r);
            if (uid == null || taken.contains(uid)) continue;
            votes.merge(uid, 1, Integer::sum);
            latest.merge(uid, r, Math::max);
        }
        String best = null;
        int bestVotes = 0;
        long bestLatest = -1;
        for (var e : votes.entrySet()) {
            int v = e.getValue();
            long l = latest.getOrDefault(e.getKey(), -1L);
            if (best == null || v > bestVotes || (v == bestVotes && l > bestLatest)) {
                best = e.getKey();
                bestVotes = v;
                bestLatest = l;
            }
        }
        return best;
    }

    /** The first uid a report is known under stays its uid. */
    private void lend(String uid, long[] reports, long now) {
        for (long r : reports) {
            if (reportUid.putIfAbsent(r, uid) == null) {
                reportOrder.add(new long[]{r, now});
                use(uid, 1);
            }
        }
    }

    private void forgetOldReports(long now) {
        while (!reportOrder.isEmpty() && reportOrder.peekFirst()[1] < now - REPORT_MEMORY_MS) {
            long r = reportOrder.pollFirst()[0];
            String uid = reportUid.remove(r);
            if (uid != null) use(uid, -1);
        }
    }

    private void use(String uid, int delta) {
        inUse.merge(uid, delta, (a, b) -> a + b == 0 ? null : a + b);
    }

    private String issue() {
        while (true) {
            char[] c = new char[6];
            for (int i = 0; i < c.length; i++) c[i] = ALPHABET[random.nextInt(ALPHABET.length)];
            String uid = prefix + new String(c);
            if (!inUse.containsKey(uid)) return uid;
        }
    }
}
