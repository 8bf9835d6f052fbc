package org.kizuna.exercises.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The exercise reference data file ({@code exercises/reference-exercises.yaml}) as read: series with their latest instance and sources. */
record ReferenceExercises(int version, String compiled, List<Source> sources, List<SeriesEntry> series) {

    static final String RESOURCE = "/exercises/reference-exercises.yaml";

    record Source(String id, String url, @Nullable String publisher, @Nullable String date) {
    }

    record SeriesEntry(String id, String name, String participants, List<String> nations, String domain, String cadence, Latest latest,
            List<String> sources, String verification) {
    }

    /** @param start a date, or a month ({@code 2025-02}) where the facts give no day */
    record Latest(String name, String start, @Nullable String end, @Nullable String size, @Nullable String locations, @Nullable String notes) {
    }

    static ReferenceExercises load() {
        try (InputStream in = ReferenceExercises.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("exercise reference data " + RESOURCE + " is missing from the build");
            return YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build().readValue(in, ReferenceExercises.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
