/** The audit log's storage, Merkle tree, signing keys, verification and HTTP API: the audit module's implementation. */
@NullMarked
package org.kizuna.audit.internal;

import org.jspecify.annotations.NullMarked;
