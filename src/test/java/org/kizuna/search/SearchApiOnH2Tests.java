package org.kizuna.search;

import org.kizuna.testing.H2Node;

@H2Node
class SearchApiOnH2Tests extends SearchApiContract {
}
