package org.kizuna.missions.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.missions.Assignment;
import org.kizuna.missions.MissionArea;
import org.kizuna.missions.MissionRegion;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The missions module's reference data ({@code missions/missions.yaml}): areas, regions, sources and the demo matrix. */
record MissionsReference(int version, String compiled, List<Source> sources, List<MissionArea> areas, List<MissionRegion> regions,
        List<DemoAssignment> assignments) {

    static final String RESOURCE = "/missions/missions.yaml";

    record Source(String id, String url, String publisher, @Nullable String date) {
    }

    record DemoAssignment(String area, String region, String organization, Assignment.Role role, @Nullable String task,
            @Nullable String division, LocalDate validFrom, @Nullable LocalDate validTo, String label, @Nullable String note,
            List<String> sources, String verification) {
    }

    static MissionsReference load() {
        try (InputStream in = MissionsReference.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missions reference data " + RESOURCE + " is missing from the build");
            }
            MissionsReference data = YAMLMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build()
                    .readValue(in, MissionsReference.class);
            data.check();
            return data;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Fails with a message naming the entry when the file contradicts itself (unknown area, region, source, label). */
    void check() {
        Set<String> ids = new HashSet<>();
        sources.forEach(s -> ids.add(s.id()));
        Set<String> areaIds = new HashSet<>();
        areas.forEach(a -> areaIds.add(a.id()));
        Set<String> regionIds = new HashSet<>();
        regions.forEach(r -> regionIds.add(r.id()));
        for (DemoAssignment a : assignments) {
            String where = RESOURCE + ": assignment " + a.area() + "/" + a.region() + "/" + a.organization();
            require(areaIds.contains(a.area()), where + ": unknown area");
            require(regionIds.contains(a.region()), where + ": unknown region");
            require(ids.containsAll(a.sources()), where + ": unknown source in " + a.sources());
            require(List.of("verified", "reported", "unverified").contains(a.verification()), where + ": verification " + a.verification());
            require(a.validTo() == null || a.validTo().isAfter(a.validFrom()), where + ": valid_to must be after valid_from");
            Label.parse(a.label());
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }
}
