/**
 * What starts federated nodes outside a running node: the peering of nodes on one machine ({@code ./kizuna demo},
 * the tests) and the federation benchmark (not yet written).
 */
@NamedInterface("bench")
@NullMarked
package org.kizuna.federation.bench;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
