package org.kizuna.search.internal;

import java.util.Arrays;

/**
 * The records a query's matching parts belong to, as they are collected: per record its best part score, how many
 * of its parts matched and the newest change among those parts (never among parts the reader may not read). Open addressing on the record number, no boxing.
 */
final class RecordTally {

    private long[] keys;
    private int[] slotOf;
    private int mask;
    long[] record = new long[64];
    float[] best = new float[64];
    int[] matched = new int[64];
    long[] updated = new long[64];
    int size;

    RecordTally() {
        keys = new long[128];
        slotOf = new int[128];
        Arrays.fill(slotOf, -1);
        mask = 127;
    }

    /** Counts one matching part of record {@code recno}; answers the record's slot, or {@code -1 - slot} for a record seen first (set its {@link #updated}; the caller keeps the newest of its parts' changes there). */
    int add(long recno, float score) {
        int h = mix(recno) & mask;
        while (slotOf[h] >= 0) {
            if (keys[h] == recno) {
                int s = slotOf[h];
                if (score > best[s]) best[s] = score;
                matched[s]++;
                return s;
            }
            h = (h + 1) & mask;
        }
        if (size == record.length) {
            int n = size * 2;
            record = Arrays.copyOf(record, n);
            best = Arrays.copyOf(best, n);
            matched = Arrays.copyOf(matched, n);
            updated = Arrays.copyOf(updated, n);
        }
        int s = size++;
        record[s] = recno;
        best[s] = score;
        matched[s] = 1;
        keys[h] = recno;
        slotOf[h] = s;
        if (size * 2 > keys.length) grow();
        return -1 - s;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldSlots = slotOf;
        keys = new long[oldKeys.length * 2];
        slotOf = new int[oldKeys.length * 2];
        Arrays.fill(slotOf, -1);
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldSlots[i] < 0) continue;
            int h = mix(oldKeys[i]) & mask;
            while (slotOf[h] >= 0) h = (h + 1) & mask;
            keys[h] = oldKeys[i];
            slotOf[h] = oldSlots[i];
        }
    }

    private static int mix(long x) {
        x *= 0x9E3779B97F4A7C15L;
        return (int) (x ^ (x >>> 32));
    }

    /** Whether slot {@code a} ranks before slot {@code b}: best score, then more matching parts, then the newer change among the matching parts, then the older record. */
    int compare(int a, int b) {
        int c = Float.compare(best[b], best[a]);
        if (c != 0) return c;
        c = Integer.compare(matched[b], matched[a]);
        if (c != 0) return c;
        c = Long.compare(updated[b], updated[a]);
        if (c != 0) return c;
        return Long.compare(record[a], record[b]);
    }
}
