package org.kizuna.node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Why something was refused or decided, as a message of the node's catalogues ({@link Messages}): a stable code
 * ({@code label.invalid.unknown-classification}) with its arguments, told in the reader's language where it reaches a
 * user (a problem's detail, a page, the command line) and in English where it is logged, audited or compared. The
 * arguments are only what the decision itself looked at; telling a reason in another language adds nothing to it.
 * Arguments that are reasons themselves are told in the same language. A reason kept in the database is kept as
 * {@link #stored()} (JSON: the code and the arguments, as strings or reasons) and read back with {@link #fromStored};
 * the English text is kept beside it, so that a row written before reasons were stored as codes still reads.
 */
public final class Reason implements MessageSourceResolvable {

    private final String code;
    private final Object[] args;
    private volatile @Nullable String english;

    private Reason(String code, Object[] args) {
        this.code = code;
        this.args = args;
    }

    /** The reason {@code code} with {@code args}; numbers are best given as strings, so that no language groups their digits. */
    public static Reason of(String code, Object... args) {
        return new Reason(code, args.clone());
    }

    /** The code of a list: its arguments, told each and joined with the language's separator ({@code , } or {@code 、}). */
    public static final String LIST = "node.list";

    /** The code of a list of sentences: joined with {@code ; } in English and {@code 。} in Japanese. */
    public static final String SENTENCES = "node.sentences";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The reasons {@code items} as one list ({@link #LIST}). */
    public static Reason list(List<?> items) {
        return new Reason(LIST, items.toArray());
    }

    /** The reasons {@code items} as sentences ({@link #SENTENCES}). */
    public static Reason sentences(List<?> items) {
        return new Reason(SENTENCES, items.toArray());
    }

    /** This reason as it is kept in the database: JSON of its code and arguments (strings, or reasons themselves). */
    public String stored() {
        return JSON.writeValueAsString(node(this));
    }

    /** A reason read back from {@link #stored()}; null when {@code stored} is null or not a stored reason. */
    public static @Nullable Reason fromStored(@Nullable String stored) {
        if (stored == null || !stored.startsWith("{")) return null;
        try {
            return reason(JSON.readTree(stored));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static ObjectNode node(Reason r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("code", r.code);
        ArrayNode args = n.putArray("args");
        for (Object a : r.args) {
            if (a instanceof Reason inner) args.add(node(inner));
            else args.add(String.valueOf(a));
        }
        return n;
    }

    private static @Nullable Reason reason(JsonNode n) {
        if (!n.isObject() || !n.path("code").isString()) return null;
        List<Object> args = new ArrayList<>();
        for (JsonNode a : n.path("args")) {
            Object value = a.isObject() ? reason(a) : a.asString("");
            if (value == null) return null;
            args.add(value);
        }
        return new Reason(n.path("code").asString(""), args.toArray());
    }

    /** The message code. */
    public String code() {
        return code;
    }

    /** The arguments, a copy. */
    public Object[] args() {
        return args.clone();
    }

    /**
     * Whether the node's catalogues tell this reason whole, as one that came from a peer must be before it is kept as a
     * code: its code and every code among its arguments is a list, sentences, or a code {@code accepted} takes and the
     * catalogues have.
     */
    public boolean toldByCatalogues(Predicate<String> accepted) {
        boolean told = code.equals(LIST) || code.equals(SENTENCES) || (accepted.test(code) && Messages.shared().keys(Locale.ENGLISH).contains(code));
        if (!told) return false;
        for (Object a : args) {
            if (a instanceof Reason inner && !inner.toldByCatalogues(accepted)) return false;
        }
        return true;
    }

    /** The reason in a language (English for anything but Japanese). */
    public String in(Locale locale) {
        return Messages.shared().text(code, locale, args);
    }

    /** The reason in English: what the node logs and audits. */
    public String english() {
        String e = english;
        if (e == null) {
            e = in(Locale.ENGLISH);
            english = e;
        }
        return e;
    }

    @Override
    public String[] getCodes() {
        return new String[]{code};
    }

    @Override
    public Object[] getArguments() {
        return args.clone();
    }

    @Override
    public String getDefaultMessage() {
        return english();
    }

    /** The English text. */
    @Override
    public String toString() {
        return english();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Reason r && r.code.equals(code) && Arrays.deepEquals(r.args, args);
    }

    @Override
    public int hashCode() {
        return 31 * code.hashCode() + Arrays.deepHashCode(args);
    }
}
