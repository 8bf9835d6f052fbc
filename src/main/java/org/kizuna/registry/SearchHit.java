package org.kizuna.registry;

/** One search result: an organization or a facility whose name, abbreviation or id matched. */
public record SearchHit(String kind, String id, String name, String nation, String label) {
}
