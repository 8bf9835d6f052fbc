package org.kizuna.label;

/**
 * One classification level of a {@link Policy}: its portion code, its name in the policy's own
 * language, its English name (used in markings and clearances) and its rank (0 = lowest).
 */
public record Level(String code, String nationalName, String englishName, int rank) {

    /** Whether this is an unclassified level (an unmarked unclassified item is releasable to everyone). */
    public boolean classified() {
        return !englishName.contains("UNCLASSIFIED");
    }
}
