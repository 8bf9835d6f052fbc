package org.kizuna.exercises;

import java.util.List;

/**
 * An exercise with the products the reader may read and how many of its injects, observations, issues and lessons
 * the reader may read (counted after the read decision).
 *
 * @param originator the partner node whose exercise this is, for a read-only replica; null for this node's exercise
 */
public record ExerciseView(Exercise exercise, List<Product> products, long injects, long played, long observations, long issues, long lessons,
        @org.jspecify.annotations.Nullable String originator) {

    public ExerciseView {
        products = List.copyOf(products);
    }
}
