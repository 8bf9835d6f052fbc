package org.kizuna.intel;

import org.kizuna.testing.PostgresNode;

@PostgresNode
class IntelApiOnPostgresTests extends IntelApiContract {
}
