package org.kizuna.label;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Set;

/**
 * The immutable set of accesses a {@link Reader} holds, which also knows which of them are restrictive
 * controls as a bit set, so rule 3 is one mask test instead of a set look-up per control.
 */
final class HeldAccesses extends AbstractSet<String> {

    private final Set<String> values;
    final long controls;

    private HeldAccesses(Set<String> values) {
        this.values = values;
        long m = 0;
        for (String a : values) {
            int i = Vocabulary.INSTANCE.controlByName(a);
            if (i >= 0) m |= 1L << i;
        }
        this.controls = m;
    }

    static HeldAccesses of(Set<String> accesses) {
        return accesses instanceof HeldAccesses held ? held : new HeldAccesses(Set.copyOf(accesses));
    }

    @Override
    public boolean contains(Object o) {
        return values.contains(o);
    }

    @Override
    public Iterator<String> iterator() {
        return values.iterator();
    }

    @Override
    public int size() {
        return values.size();
    }
}
