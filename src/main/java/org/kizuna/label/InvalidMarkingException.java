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

    /**
     * This refusal as one of the request's field {@code field} ({@code label: ...}): input that is not valid (400),
     * told in the reader's language, with this exception as its cause.
     */
    public CodedArgumentException inField(String field) {
        return new CodedArgumentException(Reason.of("label.field", field, reason()), this);
    }

    /** The exception for {@code label.invalid.<key>} ({@code code} is the whole code) with {@code args}. */
    public static InvalidMarkingException of(String code, Object... args) {
        return new InvalidMarkingException(Reason.of(code, args));
    }
}
