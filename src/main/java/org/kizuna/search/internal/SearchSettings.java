package org.kizuna.search.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The search module's settings (prefix {@code kizuna.search}).
 *
 * @param inMemory      keep the index on the heap instead of under the node's data directory ({@code search-index/},
 *                      memory-mapped, rebuilt at every start); for small nodes and tests
 * @param ramBufferMb   the index writer's buffer before it writes a segment, in MB (4 to 512)
 * @param refreshMillis a committed change is findable within this many milliseconds (10 to 1000)
 * @param maxLabels     at most this many distinct labels in the index (100 to 1000000); a record that would add more is
 *                      not indexed, and the node's log says so
 * @param buildThreads  threads that analyse records while the index is built at start (1 to 16)
 */
@Validated
@ConfigurationProperties("kizuna.search")
record SearchSettings(@DefaultValue("false") boolean inMemory,
        @DefaultValue("32") @Min(value = 4, message = "must be 4 to 512") @Max(value = 512, message = "must be 4 to 512") int ramBufferMb,
        @DefaultValue("500") @Min(value = 10, message = "must be 10 to 1000") @Max(value = 1000, message = "must be 10 to 1000") int refreshMillis,
        @DefaultValue("10000") @Min(value = 100, message = "must be 100 to 1000000") @Max(value = 1_000_000, message = "must be 100 to 1000000") int maxLabels,
        @DefaultValue("2") @Min(value = 1, message = "must be 1 to 16") @Max(value = 16, message = "must be 1 to 16") int buildThreads) {

    SearchIndex.Settings index() {
        return new SearchIndex.Settings(ramBufferMb, refreshMillis / 1000.0, maxLabels);
    }
}
