package org.kizuna.registry;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;
import org.kizuna.node.Messages;

/**
 * A base, range, pier, airspace block or training area that forces share. {@code jointUse} is its
 * SOFA Article II category (II-1(a), II-4(a), II-4(b)) where one applies.
 */
public record Facility(String id, String name, Kind kind, @Nullable String operator, Organization.Location location,
        String zone, String hostNation, List<String> users, @Nullable String jointUse,
        @Nullable String jointUseNote, List<String> hosts, Organization.Validity validity,
        Organization.Provenance provenance, Label label) implements Labelled {

    /**
     * This facility with its name in {@code language}: the name Japanese staffs use ({@code registry.facility.<id>} in the
     * catalogues) for a Japanese reader where there is one, else the registry's. The registry's API answers facilities
     * so; other modules that show a facility's name to a user call this.
     */
    public Facility in(Locale language) {
        String localized = Messages.shared().name("registry.facility." + id, name, language);
        return localized.equals(name)
                ? this
                : new Facility(id, localized, kind, operator, location, zone, hostNation, users, jointUse, jointUseNote, hosts, validity, provenance, label);
    }

    public enum Kind {
        BASE("base"),
        RANGE("range"),
        PIER("pier"),
        AIRSPACE("airspace"),
        TRAINING_AREA("training-area");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Kind of(String code) {
            for (Kind k : values()) {
                if (k.code.equals(code)) return k;
            }
            throw new IllegalArgumentException("unknown facility kind '" + code + "'");
        }
    }
}
