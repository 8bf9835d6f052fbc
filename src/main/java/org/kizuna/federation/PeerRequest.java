package org.kizuna.federation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A request from a node that holds a replica to the node that owns the item ({@code plan-approval}, {@code comment}):
 * the request's kind and id, the item it is about ({@code aboutKind}, {@code aboutId}, as the owner shared it), a header
 * of unlabelled facts the owner needs (a version, a hash, who asks) and labelled parts (a comment's text). Federation
 * sends it only to the node that sent this node the replica, through the guard of the link to that node, and that node
 * accepts it only about an item it owns and sent to the requesting node. Federation knows no request kind: the owner
 * module decides and answers with {@link PeerRequestAnswered}.
 * <p>
 * An <em>addressed</em> request ({@code to} not null, {@link #addressed}) is about reference data every node holds rather
 * than a shared item: a facility ({@code facility}) or a nation ({@code nation}). Federation sends it to the node of the
 * nation {@code to} while that node is an approved peer; that node accepts it only if it is addressed to it, and its
 * module checks what it is about (that the facility exists and its nation hosts it).
 *
 * @param id    unique among the requests the requesting node sends (the owner ignores a request id it has seen)
 * @param parts every part of the request (on the way out), or the parts released to the owner node (on arrival)
 * @param to    the nation whose node an addressed request goes to; null for a request about a replica (to its owner)
 */
public record PeerRequest(String kind, String id, String aboutKind, String aboutId, Map<String, String> header, List<Shareable.Part> parts,
        @Nullable String to) {

    /** What an addressed request may be about: reference data present on every node. */
    public static final java.util.Set<String> ADDRESSABLE = java.util.Set.of("facility", "nation");

    /** A request about a replica this node holds, to the node the replica came from. */
    public PeerRequest(String kind, String id, String aboutKind, String aboutId, Map<String, String> header, List<Shareable.Part> parts) {
        this(kind, id, aboutKind, aboutId, header, parts, null);
    }

    /** A request addressed to the node of nation {@code to}, about reference data ({@link #ADDRESSABLE}) rather than a shared item. */
    public static PeerRequest addressed(String to, String kind, String id, String aboutKind, String aboutId, Map<String, String> header,
            List<Shareable.Part> parts) {
        return new PeerRequest(kind, id, aboutKind, aboutId, header, parts, to);
    }

    public PeerRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(aboutKind, "aboutKind");
        Objects.requireNonNull(aboutId, "aboutId");
        if (!kind.matches("[a-z][a-z-]{0,31}") || !aboutKind.matches("[a-z][a-z-]{0,31}")) {
            throw new IllegalArgumentException("a request's kind and the kind it is about are lower-case words: " + kind + ", " + aboutKind);
        }
        if (!id.matches("[A-Za-z0-9._-]{1,64}")) throw new IllegalArgumentException("a request id is 1 to 64 letters, digits, '.', '_' or '-': " + id);
        if (aboutId.isBlank() || aboutId.length() > 64) throw new IllegalArgumentException("an item id is 1 to 64 characters: " + aboutId);
        header = Map.copyOf(header);
        parts = List.copyOf(parts);
        if (parts.size() > 100) throw new IllegalArgumentException("a request has at most 100 parts");
        if (to != null && (!to.matches("[A-Z]{3}") || !ADDRESSABLE.contains(aboutKind))) {
            throw new IllegalArgumentException("an addressed request goes to a nation (three capitals) about " + ADDRESSABLE + ": " + to + ", " + aboutKind);
        }
    }
}
