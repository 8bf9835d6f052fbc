package org.kizuna.plans;

import org.kizuna.testing.PostgresNode;

@PostgresNode
class PlansApiOnPostgresTests extends PlansApiContract {
}
