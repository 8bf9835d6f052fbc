package org.kizuna.node;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps at most {@code capacity} entries and forgets the least recently used first (read or written): what a
 * module remembers per user, reader or address stays bounded however many come. Not synchronized: its owner guards it.
 */
public final class LeastRecentlyUsed<K, V> extends LinkedHashMap<K, V> {

    private static final long serialVersionUID = 1L;

    private final int capacity;

    /** @param capacity the most entries kept */
    public LeastRecentlyUsed(int capacity) {
        super(64, 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
