package org.kizuna.label.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.kizuna.label.Label;
import org.kizuna.label.Policy;
import org.kizuna.label.Reader;

/**
 * A reproducible mix of read decisions like a coalition picture's fan-out: mostly US labels with REL TO
 * lists, NOFORN, FVEY and SCI controls, some Japanese and NATO labels, readers of five nations.
 */
public record LabelDecisionWorkload(Label[] labels, Reader[] readers) {

    private static final String[] PARTNERS = {"AUS", "CAN", "GBR", "JPN", "KOR", "NZL"};
    private static final String[] NATIONS = {"USA", "JPN", "AUS", "GBR", "KOR"};

    public static LabelDecisionWorkload create(int size, long seed) {
        Random random = new Random(seed);
        Label[] labels = new Label[size];
        Reader[] readers = new Reader[size];
        for (int i = 0; i < size; i++) {
            labels[i] = label(random);
            readers[i] = reader(random);
        }
        return new LabelDecisionWorkload(labels, readers);
    }

    private static Label label(Random r) {
        int kind = r.nextInt(100);
        if (kind < 12) {
            Policy jpn = Policy.of("JPN");
            Label.Builder b = Label.builder(jpn, jpn.levels().get(1 + r.nextInt(3)).englishName());
            return (r.nextBoolean() ? b.relTo("USA", "JPN") : b.relTo("USA", "AUS", "JPN")).build();
        }
        if (kind < 17) {
            Policy nato = Policy.of("NATO");
            return Label.builder(nato, nato.levels().get(1 + r.nextInt(4)).englishName()).relTo("USA", "NATO").build();
        }
        Policy usa = Policy.of("USA");
        Label.Builder b = Label.builder(usa, usa.levels().get(r.nextInt(4)).englishName());
        if (r.nextInt(5) == 0) b.controls("SI");
        if (r.nextInt(10) == 0) b.controls("TK");
        if (r.nextInt(10) == 0) b.controls("ORCON");
        int releasability = r.nextInt(10);
        if (releasability < 3) {
            b.noforn();
        } else if (releasability < 8) {
            List<String> rel = new ArrayList<>(List.of("USA"));
            for (String p : PARTNERS) {
                if (r.nextInt(3) == 0) rel.add(p);
            }
            if (r.nextInt(4) == 0 || rel.size() == 1) rel.add("FVEY");
            b.relTo(rel.toArray(String[]::new));
        }
        if (r.nextInt(10) == 0) b.communities("BMD");
        return b.build();
    }

    private static Reader reader(Random r) {
        String nation = NATIONS[r.nextInt(NATIONS.length)];
        Policy p = Policy.of(nation);
        String level = p.levels().get(Math.max(0, p.levels().size() - 1 - r.nextInt(3))).englishName();
        Set<String> accesses = new TreeSet<>();
        if (r.nextBoolean()) accesses.add("SI");
        if (r.nextInt(3) == 0) accesses.add("TK");
        if (r.nextInt(4) == 0) accesses.add("ORCON");
        return new Reader(nation, level, accesses, r.nextBoolean() ? Set.of("BMD") : Set.of());
    }
}
