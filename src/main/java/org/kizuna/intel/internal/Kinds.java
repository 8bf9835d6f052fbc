package org.kizuna.intel.internal;

/** The kinds of portion. */
final class Kinds {

    static final String TITLE = "title", TEXT = "text", ATTACHMENT = "attachment", TEAR_LINE = "tear-line";

    private Kinds() {
    }
}
