package org.kizuna.label;

import org.kizuna.node.CodedArgumentException;
import org.kizuna.node.Reason;

/**
 * A marking, label or reader that is not exactly valid; the message says what is wrong. Nothing is guessed. The
 * reason is a code of the {@code label} catalogue ({@code label.invalid.*}) with the parts of the input it names, so
 * the API and the command line tell it in the reader's language; {@link #getMessage()} is its English text.
 */
public class InvalidMarkingException extends CodedArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidMarkingException(Reason reason) {
        super(reason);
    }

    public InvalidMarkingException(Reason reason, Throwable cause) {
        super(reason, cause);
    }

    /** The exception for {@code label.invalid.<key>} ({@code code} is the whole code) with {@code args}. */
    public static InvalidMarkingException of(String code, Object... args) {
        return new InvalidMarkingException(Reason.of(code, args));
    }
}
