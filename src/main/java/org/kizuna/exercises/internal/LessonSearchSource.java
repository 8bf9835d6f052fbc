package org.kizuna.exercises.internal;

import java.util.stream.Stream;
import org.kizuna.search.SearchSource;
import org.kizuna.search.Searchable;
import org.springframework.stereotype.Component;

/** The lessons of every exercise, for the search to build its index from when the node starts. */
@Component
class LessonSearchSource implements SearchSource {

    private final JdbcExercises store;

    LessonSearchSource(JdbcExercises store) {
        this.store = store;
    }

    @Override
    public String kind() {
        return "lesson";
    }

    @Override
    public Stream<Searchable> all() {
        return store.allLessons().map(ExerciseService::searchable);
    }
}
