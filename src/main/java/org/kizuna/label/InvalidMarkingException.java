package org.kizuna.label;

/** A marking, label or reader that is not exactly valid; the message says what is wrong. Nothing is guessed. */
public class InvalidMarkingException extends IllegalArgumentException {

    public InvalidMarkingException(String message) {
        super(message);
    }

    public InvalidMarkingException(String message, Throwable cause) {
        super(message, cause);
    }
}
