/**
 * Federation: each nation's node linked to its partners' nodes through its guard. Owner modules publish
 * {@link org.kizuna.federation.ShareableChanged} in the transaction of a change to a record they own; federation runs
 * the label module's guard for each approved peer, binds and signs what may leave, queues it durably per peer and
 * sends it over mutual TLS; on arrival it verifies the binding and the labels again and publishes
 * {@link org.kizuna.federation.ShareableReceived}, from which owner modules keep read-only replicas. A module that
 * holds a replica asks its owner for a change ({@link org.kizuna.federation.PeerRequestSent}); federation sends it only
 * to the node the replica came from, through the guard, and that node hands it to its owner module
 * ({@link org.kizuna.federation.PeerRequestReceived}) only about an item it sent the requester, and sends the answer
 * back ({@link org.kizuna.federation.PeerRequestAnswered}). A request may instead be addressed to the node of a nation
 * about reference data every node holds ({@link org.kizuna.federation.PeerRequest#addressed}: a booking request to the
 * host's node, a support request to the supporting nation's node); the module that asked is told where its request came
 * to rest ({@link org.kizuna.federation.PeerAnswerReceived}). Federation knows nothing of the kinds it carries. See
 * docs/federation.md.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"label", "identity", "console", "node"})
package org.kizuna.federation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
