package org.kizuna.audit;

import org.kizuna.testing.H2Node;

@H2Node
class AuditOutageOnH2Tests extends AuditOutageContract {
}
