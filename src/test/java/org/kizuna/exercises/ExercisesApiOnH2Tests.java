package org.kizuna.exercises;

import org.kizuna.testing.H2Node;

@H2Node
class ExercisesApiOnH2Tests extends ExercisesApiContract {
}
