package org.kizuna.audit;

import org.kizuna.testing.PostgresNode;

@PostgresNode
class AuditOutageOnPostgresTests extends AuditOutageContract {
}
