/**
 * The audit module: an append-only, RFC 6962 shaped Merkle-tree log of read decisions, releases through
 * the guard and approvals, with tree heads signed by the node's Ed25519 key, inclusion and consistency
 * proofs for partners, and an offline verifier ({@code ./kizuna audit verify}) that names the first
 * altered, removed or reordered entry. Audit records carry a label of their own and are read through a
 * label filter supplied by the caller.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.kizuna.audit;
