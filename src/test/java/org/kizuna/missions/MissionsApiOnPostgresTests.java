package org.kizuna.missions;

import org.kizuna.testing.PostgresNode;

@PostgresNode
class MissionsApiOnPostgresTests extends MissionsApiContract {
}
