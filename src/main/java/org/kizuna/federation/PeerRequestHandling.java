package org.kizuna.federation;

/**
 * Which of the peers' requests an owner module answers: each module that listens for {@link PeerRequestReceived} declares,
 * as a bean, the requests it handles (their kind, what they are about, addressed or not), and always answers those
 * ({@link PeerRequestAnswered}). Federation knows no kinds: it hands on a request that some module's declaration accepts,
 * and refuses any other at once, with words that name only the request's own kind and what it is about
 * ({@code federation.answer.not-handled}), so the requesting node is never left waiting on an answer no one gives.
 */
@FunctionalInterface
public interface PeerRequestHandling {

    /** Whether this module answers {@code request}. */
    boolean handles(PeerRequest request);
}
