package org.kizuna.label;

/**
 * A labelled part of a compound item (a paragraph of a report, a section of a plan, a tear line).
 * {@code content} is the text the guard inspects for markings and codewords above the label.
 */
public record Portion(String id, Label label, String content) implements Labelled {

    public Portion {
        if (id == null || label == null || content == null) {
            throw new IllegalArgumentException("a portion needs an id, a label and content (which may be empty)");
        }
    }

    public Portion(String id, Label label) {
        this(id, label, "");
    }
}
