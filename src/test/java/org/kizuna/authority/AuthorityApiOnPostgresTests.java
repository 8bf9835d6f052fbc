package org.kizuna.authority;

import org.kizuna.testing.PostgresNode;

@PostgresNode
class AuthorityApiOnPostgresTests extends AuthorityApiContract {
}
