/**
 * The picture's scenario generators, run by the {@code ./kizuna sim} verbs: files for the benchmarks of
 * the {@code bench} named interface, not part of a running node (the live demo feed of a node is the
 * simulator in {@code internal.ingest}).
 */
@NamedInterface("sim")
@NullMarked
package org.kizuna.picture.sim;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
