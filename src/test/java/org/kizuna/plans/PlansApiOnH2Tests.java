package org.kizuna.plans;

import org.kizuna.testing.H2Node;

@H2Node
class PlansApiOnH2Tests extends PlansApiContract {
}
