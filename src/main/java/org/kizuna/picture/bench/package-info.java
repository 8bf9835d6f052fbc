/**
 * The picture's benchmark harnesses, run by the {@code ./kizuna bench} verbs ({@link FusionBench},
 * {@link MetricsBench}, {@link FanoutBench}, {@link AbuseBench}): not part of a running node. The
 * scenario generator is in the {@code sim} named interface.
 */
@NamedInterface("bench")
@NullMarked
package org.kizuna.picture.bench;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
