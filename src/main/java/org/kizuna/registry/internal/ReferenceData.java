package org.kizuna.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The registry's reference data file ({@code registry/alliance-registry.yaml}) as read. */
record ReferenceData(int version, String compiled, List<Source> sources, List<NationEntry> nations,
        List<OrganizationEntry> organizations, List<RelationEntry> relations,
        List<FacilityEntry> facilities, List<PostureEntry> forcePosture, List<AgreementEntry> agreements) {

    static final String RESOURCE = "/registry/alliance-registry.yaml";

    record Source(String id, String url, String publisher, @Nullable String date) {
    }

    record NationEntry(String code, String name, String zone) {
    }

    record OrganizationEntry(String id, String nation, String kind, String zone, @Nullable String componentOf,
            List<VersionEntry> versions) {
    }

    record VersionEntry(@Nullable LocalDate validFrom, @Nullable LocalDate validTo, @Nullable String parent, String name, @Nullable String nameJa,
            String abbreviation, @Nullable String site, @Nullable Double lat, @Nullable Double lon,
            @Nullable String note, List<String> sources, String verification) {
    }

    record RelationEntry(String id, String kind, String from, String to, @Nullable LocalDate validFrom,
            @Nullable LocalDate validTo, @Nullable String note, List<String> sources, String verification) {
    }

    record FacilityEntry(String id, String name, String kind, @Nullable String operator, double lat, double lon, String zone,
            String host, List<String> users, @Nullable String jointUse, @Nullable String jointUseNote,
            @Nullable List<String> hosts, @Nullable String note, @Nullable LocalDate validFrom,
            @Nullable LocalDate validTo, List<String> sources, String verification) {
    }

    record PostureEntry(String metric, double value, @Nullable String unit, LocalDate asOf, @Nullable String note,
            List<String> sources, String verification) {
    }

    record AgreementEntry(String id, List<String> parties, String host, LocalDate entryIntoForce, List<String> sources,
            String verification) {
    }

    static ReferenceData load() {
        try (InputStream in = ReferenceData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("registry reference data " + RESOURCE + " is missing from the build");
            }
            return mapper().readValue(in, ReferenceData.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    static YAMLMapper mapper() {
        return YAMLMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
