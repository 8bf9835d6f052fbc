package org.kizuna.exercises;

import java.util.List;

/**
 * An exercise with the products the reader may read and how many of its injects, observations, issues and lessons
 * the reader may read (counted after the read decision).
 */
public record ExerciseView(Exercise exercise, List<Product> products, long injects, long played, long observations, long issues, long lessons) {

    public ExerciseView {
        products = List.copyOf(products);
    }
}
