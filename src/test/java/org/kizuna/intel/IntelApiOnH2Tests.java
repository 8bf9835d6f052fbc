package org.kizuna.intel;

import org.kizuna.testing.H2Node;

@H2Node
class IntelApiOnH2Tests extends IntelApiContract {
}
