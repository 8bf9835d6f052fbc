package org.kizuna.label;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kizuna.label.internal.LabelData;

/**
 * The words a marking may use, each given a stable index: countries in canonical order (USA first,
 * then alphabetical) so that a bit set renders in canonical order by walking its bits, tetragraphs
 * alphabetically, and controls in marking order (SCI alphabetically, then dissemination controls).
 */
final class Vocabulary {

    static final Vocabulary INSTANCE = new Vocabulary();

    final String[] countries;
    final String[] tetragraphs;
    final String[] controlNames;
    final String[] controlPortions;
    final boolean[] controlSci;
    /** The bits of the SCI controls among {@link #controlNames}. */
    final long sciMask;
    final String[] codewords;
    final long allTetragraphs;
    final long allCountries;
    /** Policy index of each country's own policy, or -1 when the country has no shipped policy. */
    final int[] countryPolicy;
    private final List<Policy> policies;
    final Policy[] policyArray;
    /** The canonical code strings of nations that have a policy, with their country and policy indices. */
    final String[] policyNations;
    final int[] policyNationCountry;
    final int[] policyNationPolicy;
    private final Map<String, Policy> policyById = new HashMap<>();
    private final Map<String, Integer> countryIndex = new HashMap<>();
    private final Map<String, Integer> tetragraphIndex = new HashMap<>();
    private final Map<String, Integer> controlByName = new HashMap<>();
    private final Map<String, Integer> controlByPortion = new HashMap<>();

    private Vocabulary() {
        List<Policy> ps = new ArrayList<>();
        for (LabelData.PolicyRow row : LabelData.policies()) {
            List<Level> levels = new ArrayList<>();
            for (LabelData.LevelRow l : row.levels()) {
                levels.add(new Level(l.code(), l.national(), l.english(), levels.size()));
            }
            Policy p = new Policy(row.id(), row.name(), ps.size(), levels);
            ps.add(p);
            policyById.put(p.id(), p);
        }
        policies = List.copyOf(ps);

        List<String> cs = new ArrayList<>(LabelData.countries());
        if (!cs.remove("USA")) {
            throw new IllegalStateException("countries.yaml must contain USA");
        }
        cs.sort(Comparator.naturalOrder());
        cs.addFirst("USA");
        if (cs.size() > 64) {
            throw new IllegalStateException("at most 64 countries are supported; countries.yaml has " + cs.size());
        }
        countries = cs.toArray(String[]::new);
        allCountries = countries.length == 64 ? -1L : (1L << countries.length) - 1;
        countryPolicy = new int[countries.length];
        for (int i = 0; i < countries.length; i++) {
            if (countries[i].length() != 3 || !countries[i].chars().allMatch(ch -> ch >= 'A' && ch <= 'Z')) {
                throw new IllegalStateException("country code " + countries[i] + " is not an ISO 3166 alpha-3 code");
            }
            countryIndex.put(countries[i], i);
            Policy p = policyById.get(countries[i]);
            countryPolicy[i] = p == null ? -1 : p.index();
        }

        tetragraphs = LabelData.membership().tetragraphs().stream().map(LabelData.TetragraphRow::code).sorted().toArray(String[]::new);
        if (tetragraphs.length > 64) {
            throw new IllegalStateException("at most 64 tetragraphs are supported");
        }
        long all = 0;
        for (int i = 0; i < tetragraphs.length; i++) {
            tetragraphIndex.put(tetragraphs[i], i);
            all |= 1L << i;
        }
        allTetragraphs = all;

        List<LabelData.ControlRow> controls = new ArrayList<>(LabelData.controls());
        List<LabelData.ControlRow> ordered = new ArrayList<>(controls.stream().filter(LabelData.ControlRow::sci)
                .sorted(Comparator.comparing(LabelData.ControlRow::name)).toList());
        ordered.addAll(controls.stream().filter(c -> !c.sci()).toList());
        if (ordered.size() > 64) {
            throw new IllegalStateException("at most 64 restrictive controls are supported");
        }
        controlNames = new String[ordered.size()];
        controlPortions = new String[ordered.size()];
        controlSci = new boolean[ordered.size()];
        long sci = 0;
        for (int i = 0; i < ordered.size(); i++) {
            LabelData.ControlRow c = ordered.get(i);
            controlNames[i] = c.name();
            controlPortions[i] = c.portion();
            controlSci[i] = c.sci();
            if (c.sci()) sci |= 1L << i;
            controlByName.put(c.name(), i);
            controlByPortion.put(c.portion(), i);
        }
        sciMask = sci;
        codewords = LabelData.codewords().toArray(String[]::new);
        policyArray = policies.toArray(Policy[]::new);
        List<Integer> withPolicy = new ArrayList<>();
        for (int i = 0; i < countries.length; i++) {
            if (countryPolicy[i] >= 0) withPolicy.add(i);
        }
        policyNations = new String[withPolicy.size()];
        policyNationCountry = new int[withPolicy.size()];
        policyNationPolicy = new int[withPolicy.size()];
        for (int i = 0; i < withPolicy.size(); i++) {
            int c = withPolicy.get(i);
            policyNations[i] = countries[c];
            policyNationCountry[i] = c;
            policyNationPolicy[i] = countryPolicy[c];
        }
    }

    @Nullable
    Policy policy(String id) {
        return policyById.get(id);
    }

    List<Policy> policies() {
        return policies;
    }

    List<String> policyIds() {
        return policies.stream().map(Policy::id).toList();
    }

    /** Index of a country code, or -1. */
    int country(String code) {
        return countryIndex.getOrDefault(code, -1);
    }

    int tetragraph(String code) {
        return tetragraphIndex.getOrDefault(code, -1);
    }

    int controlByName(String name) {
        return controlByName.getOrDefault(name, -1);
    }

    int controlByPortion(String portion) {
        return controlByPortion.getOrDefault(portion, -1);
    }
}
