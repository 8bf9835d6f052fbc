package org.kizuna.label;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one path by which labelled items reach a reader. Every module that hands out labelled items
 * passes them through here (an architecture test enforces it): lists keep only what the reader may
 * read, so counts, totals and search hits never include the rest, and a single item the reader may
 * not read is simply absent, so callers answer "not found", never "forbidden". Every decision is
 * offered to the {@link ReadDecisionListener}s (the audit log is one).
 */
public final class ReadPath {

    private final LabelKernel kernel;
    private final List<ReadDecisionListener> listeners;

    public ReadPath(LabelKernel kernel, List<ReadDecisionListener> listeners) {
        this.kernel = kernel;
        this.listeners = List.copyOf(listeners);
    }

    /** The node's kernel, for callers that need roll-ups or the guard. */
    public LabelKernel kernel() {
        return kernel;
    }

    /** The items the reader may read, in their order. {@code id} names an item in the audit trail. */
    public <T extends Labelled> List<T> readable(Collection<T> items, Reader reader, Function<T, String> id) {
        Clearance c = kernel.clearance(reader);
        List<T> out = new ArrayList<>(items.size());
        for (T item : items) {
            boolean allowed = kernel.mayRead(item.label(), c);
            notify(reader, item, id, allowed);
            if (allowed) {
                out.add(item);
            }
        }
        return out;
    }

    /** The item if the reader may read it; empty both when it does not exist and when it may not be read. */
    public <T extends Labelled> Optional<T> readable(Optional<T> item, Reader reader, Function<T, String> id) {
        if (item.isEmpty()) {
            return item;
        }
        boolean allowed = kernel.mayRead(item.get().label(), reader);
        notify(reader, item.get(), id, allowed);
        return allowed ? item : Optional.empty();
    }

    /** Whether the reader may read the item, decided and offered to the listeners like any other read. */
    public <T extends Labelled> boolean mayRead(T item, Reader reader, Function<T, String> id) {
        boolean allowed = kernel.mayRead(item.label(), reader);
        notify(reader, item, id, allowed);
        return allowed;
    }

    private <T extends Labelled> void notify(Reader reader, T item, Function<T, String> id, boolean allowed) {
        if (listeners.isEmpty()) {
            return;
        }
        ReadDecision decision = new ReadDecision(reader, id.apply(item), item.label(), allowed);
        for (ReadDecisionListener l : listeners) {
            l.decided(decision);
        }
    }

    /** One read decision on one labelled item. */
    public record ReadDecision(Reader reader, String itemId, Label label, boolean allowed) {
    }

    /** Receives every read decision (the audit log records them); must be fast and must not throw. */
    public interface ReadDecisionListener {
        void decided(ReadDecision decision);
    }
}
