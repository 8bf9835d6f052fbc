package org.kizuna.federation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.kizuna.label.Label;

/**
 * A record as federation carries it: its kind ({@code report}), id, owner (nation and node), a version that its owner
 * raises with every change, a header of what a replica needs besides its parts (shown with any part, such as the
 * author and creation time), and its labelled parts. Only the owner shares it; a replica is never shared again.
 *
 * @param parts every part of the record (on the way out), or the parts released to this node (on arrival)
 */
public record Shareable(String kind, String id, String ownerNation, String ownerNode, long version, Map<String, String> header, List<Part> parts) {

    public Shareable {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (!kind.matches("[a-z][a-z-]{0,31}")) throw new IllegalArgumentException("a shareable kind is a lower-case word: " + kind);
        if (id.isBlank() || id.length() > 64) throw new IllegalArgumentException("a shareable id is 1 to 64 characters: " + id);
        if (!ownerNation.matches("[A-Z]{3}") || !ownerNode.matches("[A-Z]{3}")) throw new IllegalArgumentException("owner nation and node are trigraphs");
        if (version < 1) throw new IllegalArgumentException("a version starts at 1: " + version);
        header = Map.copyOf(header);
        parts = List.copyOf(parts);
        if (parts.size() > 1000) throw new IllegalArgumentException("a shareable has at most 1000 parts");
    }

    /** The part of this id, where the item has one (on arrival: where it was released to this node). */
    public Optional<Part> findPart(String partId) {
        return parts.stream().filter(p -> p.id().equals(partId)).findFirst();
    }

    /** The part of this id; an IllegalArgumentException where the item has none (it is not a well-formed record of its kind). */
    public Part part(String partId) {
        return findPart(partId).orElseThrow(() -> new IllegalArgumentException("no " + partId + " part"));
    }

    /**
     * One labelled part.
     *
     * @param id      the part's id within the record
     * @param marking the part's label, as a banner or portion mark
     * @param text    what the guard inspects for markings and codewords above the label (the human-readable text)
     * @param content what a replica needs of the part (JSON or text), under the same label
     */
    public record Part(String id, String marking, String text, String content) {

        public Part {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(marking, "marking");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(content, "content");
        }

        /** The part's label. */
        public Label label() {
            return Label.parse(marking);
        }
    }
}
