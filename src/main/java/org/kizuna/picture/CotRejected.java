package org.kizuna.picture;

import org.jspecify.annotations.Nullable;
import org.kizuna.node.Reason;

/**
 * A CoT event or frame that was refused, with the reason (logged with the connection, never fatal to it). A refusal
 * by the picture carries its reason as a code ({@link #why()}, {@code picture.refused.*}) so that the API tells it in
 * the reader's language; its message is the English text, made only when asked for.
 */
public final class CotRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient @Nullable Reason why;

    public CotRejected(String reason) {
        super(reason, null, false, false);
        this.why = null;
    }

    public CotRejected(Reason why) {
        super(null, null, false, false);
        this.why = why;
    }

    /** The reason as a code and arguments; null for a refusal told only in English (a malformed frame). */
    public @Nullable Reason why() {
        return why;
    }

    @Override
    public @Nullable String getMessage() {
        return why != null ? why.english() : super.getMessage();
    }
}
