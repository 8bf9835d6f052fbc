/**
 * Verification of a stored audit log from outside the node, as {@code ./kizuna audit verify} and the
 * audit benchmark do it: the node's public key and its database, nothing else.
 */
@NamedInterface("verify")
@NullMarked
package org.kizuna.audit.verify;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
