package org.kizuna.commitments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kizuna.commitments.CommitmentStatus;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The statements and commitments of {@code commitments/joint-statements.yaml}, as read. */
record ReferenceStatements(List<SourceEntry> sources, List<StatementEntry> statements) {

    static final String RESOURCE = "/commitments/joint-statements.yaml";

    record SourceEntry(String id, String url, String publisher, @Nullable String date) {
    }

    record StatementEntry(String id, String date, String kind, String forum, @Nullable String forumNote, String title, String summary,
            List<String> sources, String verification, List<CommitmentEntry> commitments) {
    }

    record CommitmentEntry(String id, String text, String owner, String organization, @Nullable String organizationNote,
            @Nullable LocalDate deadline, @Nullable String deadlineNote, CommitmentStatus status, List<String> sources, String verification,
            @Nullable String note, @Nullable String label, @Nullable List<Step> history) {
    }

    record EvidenceEntry(String text, @Nullable String url) {
    }

    record Step(String date, @Nullable CommitmentStatus status, @Nullable LocalDate deadline, @Nullable Boolean noDeadline,
            @Nullable EvidenceEntry evidence, @Nullable String note, @Nullable List<String> sources, String verification) {
    }

    /** The first day of a date as the sources give it: {@code 2015-11} is 1 November 2015. */
    static LocalDate day(String date) {
        return LocalDate.parse(date.length() == 7 ? date + "-01" : date);
    }

    static ReferenceStatements load() {
        try (InputStream in = ReferenceStatements.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("commitments reference data " + RESOURCE + " is missing from the build");
            return YAMLMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build().readValue(in, ReferenceStatements.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
