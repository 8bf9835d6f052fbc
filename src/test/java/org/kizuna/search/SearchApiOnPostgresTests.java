package org.kizuna.search;

import org.kizuna.testing.PostgresNode;

@PostgresNode
class SearchApiOnPostgresTests extends SearchApiContract {
}
