package org.kizuna.search;

/**
 * The search index is still being built from the node's records (after the node started); the search answers
 * nothing until it is complete, rather than a partial answer. The API answers 503.
 */
public class SearchNotReadyException extends RuntimeException {

    /** What the API says. */
    public static final String MESSAGE = "the search index is being built; try again in a few seconds";

    public SearchNotReadyException() {
        super(MESSAGE);
    }
}
