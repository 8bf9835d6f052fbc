package org.kizuna.label;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The read rule applied by every read path: lists keep only what the reader may read, and a single
 * item the reader may not read is "not found", never "forbidden", so its existence does not show.
 */
public final class Readable {

    private Readable() {
    }

    /** The items the reader may read, in their original order. */
    public static <T extends Labelled> List<T> filter(Collection<T> items, Reader reader, LabelKernel kernel) {
        Clearance c = kernel.clearance(reader);
        List<T> out = new ArrayList<>(items.size());
        for (T item : items) {
            if (kernel.mayRead(item.label(), c)) out.add(item);
        }
        return out;
    }

    /** The item if the reader may read it, otherwise empty (answer "not found"). */
    public static <T extends Labelled> Optional<T> require(Optional<T> item, Reader reader, LabelKernel kernel) {
        return item.filter(i -> kernel.mayRead(i.label(), reader));
    }
}
