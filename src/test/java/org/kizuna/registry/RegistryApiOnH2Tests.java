package org.kizuna.registry;

import org.kizuna.testing.H2Node;

@H2Node
class RegistryApiOnH2Tests extends RegistryApiContract {
}
