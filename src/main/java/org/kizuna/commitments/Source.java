package org.kizuna.commitments;

import org.jspecify.annotations.Nullable;

/** A public source of a fact: its id in the reference data, where it is, who published it and when. */
public record Source(String id, String url, String publisher, @Nullable String date) {
}
