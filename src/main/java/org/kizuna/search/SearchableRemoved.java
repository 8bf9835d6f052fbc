package org.kizuna.search;

/** A module removed a searchable record; the search forgets every part of it. */
public record SearchableRemoved(String kind, String id) {
}
