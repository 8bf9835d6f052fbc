/**
 * One search across the node's records (intelligence reports, plans, commitments), in English and Japanese:
 * modules offer their records as {@link org.kizuna.search.Searchable}s, each part under its own label; a query
 * matches, counts, ranks and highlights only the parts the reader may read, so a hit, a total or a snippet never
 * depends on a part the reader may not read.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"label", "identity", "console", "node"})
package org.kizuna.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
