package org.kizuna.picture.internal.distribution;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;

/**
 * Interns labels to small integer keys, so that the picture decides each (audience, label) pair once and
 * then works with arrays. Also caches the parse of CoT label attributes (events repeat a few markings
 * millions of times) and the CoT attributes that write a label back out.
 * <p>
 * Bounded: at most {@code limit} markings are live; {@link #tryIntern} refuses a new label beyond that.
 * The picture's thread {@link #release releases} the keys no track, report or estimate uses any more,
 * and their keys are given to new labels (the picture forgets every decision it cached for a released
 * key first), so label churn cannot grow the heap.
 */
public final class LabelKeys {

    /** A label with its key and the CoT attributes that carry it ({@code access}, {@code caveat}, {@code releasableTo}). */
    public record Marking(int key, Label label, String banner, String access, @Nullable String caveat, @Nullable String releasableTo) {
    }

    private static final int CACHE_LIMIT = 4096;
    /** Distinct labels a picture holds at once unless configured otherwise. */
    public static final int DEFAULT_LIMIT = 16_384;

    private final Map<Label, Marking> byLabel = new HashMap<>();
    private final List<@Nullable Marking> byKey = new ArrayList<>();
    private final BitSet freeKeys = new BitSet();
    private final ConcurrentHashMap<String, Label> parsed = new ConcurrentHashMap<>();
    private final int limit;
    private int live;

    public LabelKeys() {
        this(DEFAULT_LIMIT);
    }

    public LabelKeys(int limit) {
        if (limit < 16) throw new IllegalArgumentException("a picture needs room for at least 16 distinct labels; got " + limit);
        this.limit = limit;
    }

    /** The label of CoT attributes; throws {@link org.kizuna.label.InvalidMarkingException} when it does not parse. */
    public Label fromCot(String access, @Nullable String caveat, @Nullable String releasableTo) {
        String k = access + '\u0000' + (caveat == null ? "" : caveat) + '\u0000' + (releasableTo == null ? "" : releasableTo);
        Label l = parsed.get(k);
        if (l == null) {
            l = Label.fromCot(access, caveat, releasableTo);
            if (parsed.size() < CACHE_LIMIT) parsed.put(k, l);
        }
        return l;
    }

    public Label parse(String banner) {
        Label l = parsed.get(banner);
        if (l == null) {
            l = Label.parse(banner);
            if (parsed.size() < CACHE_LIMIT) parsed.put(banner, l);
        }
        return l;
    }

    /** The marking of the label, interned if new; for labels the picture makes itself (roll-ups), never refused. */
    public synchronized Marking intern(Label label) {
        Marking m = byLabel.get(label);
        return m != null ? m : add(label);
    }

    /** The marking of the label, or null when it is new and {@code limit} labels are live already. */
    public synchronized @Nullable Marking tryIntern(Label label) {
        Marking m = byLabel.get(label);
        if (m != null) return m;
        return live >= limit ? null : add(label);
    }

    /** Whether the label has a live marking. */
    public synchronized boolean isInterned(Label label) {
        return byLabel.containsKey(label);
    }

    /** Whether the marking is still the live marking of its key (it has not been released). */
    @SuppressWarnings("ReferenceEquality") // the very marking: a released key's new marking is another object
    public synchronized boolean isLive(Marking m) {
        return m.key() < byKey.size() && byKey.get(m.key()) == m;
    }

    /**
     * Releases every live key that is not in {@code inUse}; returns the released keys. Called by the
     * picture's thread only, which must forget every decision it cached for them before it uses a key
     * again (a released key is given to the next new label).
     */
    public synchronized BitSet release(BitSet inUse) {
        BitSet released = new BitSet();
        for (int k = 0; k < byKey.size(); k++) {
            Marking m = byKey.get(k);
            if (m == null || inUse.get(k)) continue;
            byKey.set(k, null);
            byLabel.remove(m.label());
            freeKeys.set(k);
            released.set(k);
            live--;
        }
        return released;
    }

    public int limit() {
        return limit;
    }

    private Marking add(Label label) {
        String banner = label.banner();
        int sep = banner.indexOf("//", banner.startsWith("//") ? 2 : 0);
        String access = sep < 0 ? banner : banner.substring(0, sep);
        String rest = sep < 0 ? "" : banner.substring(sep + 2);
        String rel = null;
        int relAt = rest.indexOf("REL TO ");
        if (relAt >= 0) {
            int relEnd = rest.indexOf('/', relAt);
            rel = relEnd < 0 ? rest.substring(relAt) : rest.substring(relAt, relEnd);
            String before = rest.substring(0, relAt), after = relEnd < 0 ? "" : rest.substring(relEnd);
            rest = (trimSlashes(before) + (after.isEmpty() ? "" : "/" + trimSlashes(after))).trim();
        }
        String caveat = trimSlashes(rest);
        int key = freeKeys.nextSetBit(0);
        if (key < 0) key = byKey.size();
        Marking m = new Marking(key, label, banner, access, caveat.isEmpty() ? null : caveat, rel);
        if (key == byKey.size()) {
            byKey.add(m);
        } else {
            byKey.set(key, m);
            freeKeys.clear(key);
        }
        byLabel.put(label, m);
        live++;
        return m;
    }

    /** The live marking of a key; null when the key has been released. */
    public synchronized @Nullable Marking marking(int key) {
        return key < byKey.size() ? byKey.get(key) : null;
    }

    /** Live markings. */
    public synchronized int size() {
        return live;
    }

    private static String trimSlashes(String s) {
        int a = 0, b = s.length();
        while (a < b && s.charAt(a) == '/') a++;
        while (b > a && s.charAt(b - 1) == '/') b--;
        return s.substring(a, b);
    }
}
