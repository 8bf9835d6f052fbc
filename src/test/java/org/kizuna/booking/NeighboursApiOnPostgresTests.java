package org.kizuna.booking;

import org.kizuna.testing.PostgresNode;

@PostgresNode
class NeighboursApiOnPostgresTests extends NeighboursApiContract {
}
