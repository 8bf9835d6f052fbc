package org.kizuna.label;

import java.util.List;

/**
 * A versioned bilateral equivalence table between two policies, with its source and whether the
 * pairing is the project's assumption rather than the agreement's text.
 */
public record EquivalenceTable(String policyA, String policyB, String version, String source, String note, boolean assumption,
        List<List<String>> rows) {
}
