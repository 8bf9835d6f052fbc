/**
 * Accountability across nations: an append-only Merkle-tree log (RFC 6962 hashing) of every read
 * decision on a labelled item, every release through the guard and every approval, with tree heads
 * signed by the node's key, so that an altered, removed or reordered entry is found by
 * {@code ./kizuna audit verify} and partners can check inclusion proofs against published heads.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"label", "identity", "node"})
package org.kizuna.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
