package org.kizuna.search;

import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A module that holds searchable records declares one of these as a bean, so the search can build its index from
 * the database when the node starts (the database is the record; the index is derived from it and rebuilt).
 */
public interface SearchSource {

    /** The kind of records this source holds, as in {@link Searchable#kind()}. */
    String kind();

    /** Every record of the kind, as it stands now; the caller closes the stream. */
    Stream<Searchable> all();

    /** The source of the records of {@code kind} that {@code all} lists, each time it is asked. */
    static SearchSource of(String kind, Supplier<Stream<Searchable>> all) {
        return new SearchSource() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Stream<Searchable> all() {
                return all.get();
            }
        };
    }
}
