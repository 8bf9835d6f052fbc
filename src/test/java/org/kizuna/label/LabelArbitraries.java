package org.kizuna.label;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Labels and readers for the label module's property tests: every policy and level, with controls, releasability and tags. */
final class LabelArbitraries {

    static final List<String> CONTROLS = List.of("HCS", "SI", "TK", "RSEN", "ORCON", "IMCON", "PROPIN");
    static final List<String> NATIONS = List.of("USA", "JPN", "AUS", "GBR", "KOR");
    static final List<String> COMMUNITIES = List.of("BMD", "ISR");

    private LabelArbitraries() {
    }

    /**
     * Labels of every policy: mostly owned by the policy's nation, sometimes by one of {@code otherOwners}; unmarked,
     * NOFORN or REL TO some of {@code relCodes} (the owner always among them, and one other nation), with up to two of
     * {@code missions} and sometimes communities.
     */
    static Arbitrary<Label> labels(List<String> relCodes, List<String> missions, List<String> otherOwners) {
        Arbitrary<Policy> policies = Arbitraries.of(Policy.all());
        return policies.flatMap(policy -> {
            List<Tuple.Tuple2<Integer, String>> owners = new ArrayList<>();
            owners.add(Tuple.of(6, policy.id()));
            for (String o : otherOwners) owners.add(Tuple.of(1, o));
            @SuppressWarnings("unchecked") Tuple.Tuple2<Integer, String>[] frequencies = owners.toArray(Tuple.Tuple2[]::new);
            return Combinators.combine(
                    Arbitraries.integers().between(0, policy.levels().size() - 1),
                    Arbitraries.subsetOf(CONTROLS).ofMaxSize(3),
                    Arbitraries.frequency(frequencies),
                    Arbitraries.integers().between(0, 2),
                    Arbitraries.subsetOf(relCodes).ofMaxSize(5),
                    Arbitraries.subsetOf(missions).ofMaxSize(2).injectNull(0.8),
                    Arbitraries.subsetOf(COMMUNITIES).ofMinSize(1).injectNull(0.8)).as((rank, controls, owner, releasability, rel, mission, cois) -> {
                        Label.Builder b = Label.builder(policy, policy.levels().get(rank).englishName()).owner(owner).controls(controls.toArray(String[]::new));
                        if (releasability == 1) {
                            b.noforn();
                        } else if (releasability == 2) {
                            List<String> codes = new ArrayList<>(rel);
                            codes.add(owner);
                            if (codes.stream().allMatch(owner::equals)) codes.add(owner.equals("USA") ? "JPN" : "USA");
                            b.relTo(codes.toArray(String[]::new));
                        }
                        if (mission != null && !mission.isEmpty()) b.permissive("MISSION", mission.toArray(String[]::new));
                        if (cois != null) b.communities(cois.toArray(String[]::new));
                        return b.build();
                    });
        });
    }

    /** Readers of each of {@link #NATIONS}, at any level of their policy, holding some controls and {@code missions}. */
    static Arbitrary<Reader> readers(List<String> missions) {
        List<String> holdable = new ArrayList<>(CONTROLS);
        holdable.addAll(missions);
        return Arbitraries.of(NATIONS).flatMap(nation -> {
            Policy p = Policy.of(nation);
            return Combinators.combine(
                    Arbitraries.of(p.levels()).map(Level::englishName),
                    Arbitraries.subsetOf(holdable).ofMaxSize(6),
                    Arbitraries.subsetOf(COMMUNITIES)).as((level, accesses, cois) -> new Reader(nation, level, accesses, cois));
        });
    }
}
