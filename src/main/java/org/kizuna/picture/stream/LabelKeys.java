package org.kizuna.picture.stream;

import java.util.ArrayList;
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
 */
public final class LabelKeys {

    /** A label with its key and the CoT attributes that carry it ({@code access}, {@code caveat}, {@code releasableTo}). */
    public record Marking(int key, Label label, String banner, String access, @Nullable String caveat, @Nullable String releasableTo) {
    }

    private static final int CACHE_LIMIT = 4096;

    private final Map<Label, Marking> byLabel = new HashMap<>();
    private final List<Marking> byKey = new ArrayList<>();
    private final ConcurrentHashMap<String, Label> parsed = new ConcurrentHashMap<>();

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

    public synchronized Marking intern(Label label) {
        Marking m = byLabel.get(label);
        if (m == null) {
            String banner = label.banner();
            int sep = banner.indexOf("//", banner.startsWith("//") ? 2 : 0);
            String access = sep < 0 ? banner : banner.substring(0, sep);
            String rest = sep < 0 ? "" : banner.substring(sep + 2);
            String rel = null, caveat = null;
            int relAt = rest.indexOf("REL TO ");
            if (relAt >= 0) {
                int relEnd = rest.indexOf('/', relAt);
                rel = relEnd < 0 ? rest.substring(relAt) : rest.substring(relAt, relEnd);
                String before = rest.substring(0, relAt), after = relEnd < 0 ? "" : rest.substring(relEnd);
                rest = (trimSlashes(before) + (after.isEmpty() ? "" : "/" + trimSlashes(after))).trim();
            }
            caveat = trimSlashes(rest);
            m = new Marking(byKey.size(), label, banner, access, caveat.isEmpty() ? null : caveat, rel);
            byKey.add(m);
            byLabel.put(label, m);
        }
        return m;
    }

    public synchronized Marking marking(int key) {
        return byKey.get(key);
    }

    public synchronized int size() {
        return byKey.size();
    }

    private static String trimSlashes(String s) {
        int a = 0, b = s.length();
        while (a < b && s.charAt(a) == '/') a++;
        while (b > a && s.charAt(b - 1) == '/') b--;
        return s.substring(a, b);
    }
}
