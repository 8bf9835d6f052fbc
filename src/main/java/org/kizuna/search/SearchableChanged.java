package org.kizuna.search;

/**
 * A module created or changed a searchable record (published in the transaction that changed it; the search module
 * indexes it when that transaction commits). The record replaces whatever the index held under its kind and id.
 */
public record SearchableChanged(Searchable record) {
}
