package org.kizuna.federation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request from a node that holds a replica to the node that owns the item ({@code plan-approval}, {@code comment}):
 * the request's kind and id, the item it is about ({@code aboutKind}, {@code aboutId}, as the owner shared it), a header
 * of unlabelled facts the owner needs (a version, a hash, who asks) and labelled parts (a comment's text). Federation
 * sends it only to the node that sent this node the replica, through the guard of the link to that node, and that node
 * accepts it only about an item it owns and sent to the requesting node. Federation knows no request kind: the owner
 * module decides and answers with {@link PeerRequestAnswered}.
 *
 * @param id    unique among the requests the requesting node sends (the owner ignores a request id it has seen)
 * @param parts every part of the request (on the way out), or the parts released to the owner node (on arrival)
 */
public record PeerRequest(String kind, String id, String aboutKind, String aboutId, Map<String, String> header, List<Shareable.Part> parts) {

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
    }
}
