/** GOSPA, OSPA and SIAP of a set of tracks against the truth, for the fusion benchmarks. */
@NullMarked
package org.kizuna.picture.bench.metrics;

import org.jspecify.annotations.NullMarked;
