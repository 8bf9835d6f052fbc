package org.kizuna.testing;

import java.util.Set;

import org.kizuna.label.Reader;

/**
 * The readers tests read for, per nation, in one place. {@code usa()} is the nation's SECRET reader
 * (the clearance of the demo officers); {@code usa(TOP_SECRET, "SI")} is a reader at another level of
 * the nation's own policy, holding the given accesses. Levels are English names of the nation's
 * policy (src/main/resources/label/policies.yaml): GBR and AUS start at OFFICIAL, AUS has
 * OFFICIAL:Sensitive and PROTECTED between OFFICIAL and SECRET.
 */
public final class Readers {

    public static final String UNCLASSIFIED = "UNCLASSIFIED";
    public static final String CONFIDENTIAL = "CONFIDENTIAL";
    public static final String SECRET = "SECRET";
    public static final String TOP_SECRET = "TOP SECRET";
    public static final String OFFICIAL = "OFFICIAL";
    public static final String OFFICIAL_SENSITIVE = "OFFICIAL:Sensitive";
    public static final String PROTECTED = "PROTECTED";

    private Readers() {
    }

    public static Reader usa() {
        return usa(SECRET);
    }

    public static Reader usa(String level, String... accesses) {
        return reader("USA", level, accesses);
    }

    public static Reader jpn() {
        return jpn(SECRET);
    }

    public static Reader jpn(String level, String... accesses) {
        return reader("JPN", level, accesses);
    }

    public static Reader aus() {
        return aus(SECRET);
    }

    public static Reader aus(String level, String... accesses) {
        return reader("AUS", level, accesses);
    }

    public static Reader gbr() {
        return gbr(SECRET);
    }

    public static Reader gbr(String level, String... accesses) {
        return reader("GBR", level, accesses);
    }

    public static Reader kor() {
        return kor(SECRET);
    }

    public static Reader kor(String level, String... accesses) {
        return reader("KOR", level, accesses);
    }

    /** A reader of any nation with a policy, at a level of that policy, holding these accesses and no communities. */
    public static Reader reader(String nation, String level, String... accesses) {
        return Reader.of(nation, level, Set.of(accesses));
    }
}
