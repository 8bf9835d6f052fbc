package org.kizuna.exercises;

import org.kizuna.testing.PostgresNode;

@PostgresNode
class ExercisesApiOnPostgresTests extends ExercisesApiContract {
}
