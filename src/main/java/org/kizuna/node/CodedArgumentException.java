package org.kizuna.node;

import org.springframework.context.MessageSourceResolvable;

/**
 * Input that is not valid, told by a {@link Reason}: its message is the English text (logs, tests, callers inside the
 * node), and as a {@link MessageSourceResolvable} the API answers it in the reader's language (problem+json, 400).
 */
public class CodedArgumentException extends IllegalArgumentException implements MessageSourceResolvable {

    private static final long serialVersionUID = 1L;

    private final transient Reason reason;

    public CodedArgumentException(Reason reason) {
        super(reason.english());
        this.reason = reason;
    }

    public CodedArgumentException(Reason reason, Throwable cause) {
        super(reason.english(), cause);
        this.reason = reason;
    }

    /** What was wrong, as a code and its arguments. */
    public Reason reason() {
        return reason;
    }

    @Override
    public String[] getCodes() {
        return reason.getCodes();
    }

    @Override
    public Object[] getArguments() {
        return reason.getArguments();
    }

    @Override
    public String getDefaultMessage() {
        return reason.english();
    }
}
