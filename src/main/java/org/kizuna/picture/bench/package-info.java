/**
 * The picture's harnesses and generators, run by the {@code ./kizuna bench} and {@code ./kizuna sim} verbs:
 * not part of a running node.
 */
@NamedInterface("bench")
@NullMarked
package org.kizuna.picture.bench;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
