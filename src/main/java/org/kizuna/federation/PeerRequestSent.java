package org.kizuna.federation;

/**
 * A module asks the owner of a replica it holds for something (published in the transaction of the user's write, so the
 * event publication registry holds it with the write). Federation sends it to the node the replica came from, with the
 * parts the guard of that link releases; the answer is kept and shown by {@link Federation#requests}.
 */
public record PeerRequestSent(PeerRequest request) {
}
