package org.kizuna.label;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The node's guard on the way out: decides which portions of an item may leave on a link to a partner
 * and offers every decision to the {@link ReleaseListener}s (the audit log records each one), so no
 * release happens unaudited. Deny by default; see {@link LabelKernel#guard}.
 */
public final class ReleaseGuard {

    private final LabelKernel kernel;
    private final List<ReleaseListener> listeners;

    public ReleaseGuard(LabelKernel kernel, List<ReleaseListener> listeners) {
        this.kernel = kernel;
        this.listeners = List.copyOf(listeners);
    }

    /** Decides the release of item {@code itemId} on {@code link}, approved by {@code approvers}, by {@code actor}. */
    public GuardResult release(String itemId, String actor, Label declaredBanner, List<Portion> portions, Link link, Set<String> approvers) {
        GuardResult result = kernel.guard(declaredBanner, portions, link, approvers);
        Release release = new Release(itemId, actor, link.nation(), declaredBanner, covering(declaredBanner, portions), result);
        for (ReleaseListener l : listeners) {
            l.released(release);
        }
        return result;
    }

    /**
     * One guard decision: what of an item left for a nation, and what was withheld and why.
     * {@code covering} is the roll-up of the declared banner and every portion, the label under which the
     * decision may be recorded (a declared banner can claim less than the portions hold); null when they
     * have no roll-up.
     */
    public record Release(String itemId, String actor, String toNation, Label declaredBanner, @Nullable Label covering, GuardResult result) {
    }

    private @Nullable Label covering(Label declaredBanner, List<Portion> portions) {
        List<Label> parts = new ArrayList<>(portions.size() + 1);
        parts.add(declaredBanner);
        for (Portion p : portions) parts.add(p.label());
        try {
            return kernel.rollUp(parts);
        } catch (InvalidMarkingException e) {
            return null;
        }
    }

    /** Receives every guard decision; must be fast and must not throw. */
    public interface ReleaseListener {
        void released(Release release);
    }
}
