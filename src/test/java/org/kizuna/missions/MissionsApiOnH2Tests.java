package org.kizuna.missions;

import org.kizuna.testing.H2Node;

@H2Node
class MissionsApiOnH2Tests extends MissionsApiContract {
}
