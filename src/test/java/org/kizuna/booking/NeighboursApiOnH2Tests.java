package org.kizuna.booking;

import org.kizuna.testing.H2Node;

@H2Node
class NeighboursApiOnH2Tests extends NeighboursApiContract {
}
