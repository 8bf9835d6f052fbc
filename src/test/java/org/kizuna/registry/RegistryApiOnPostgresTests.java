package org.kizuna.registry;

import org.kizuna.testing.PostgresNode;

@PostgresNode
class RegistryApiOnPostgresTests extends RegistryApiContract {
}
