package org.kizuna.audit.internal;

import org.kizuna.audit.AuditEntry;

/** How audit entries are named in read decisions; reads of the audit trail itself are not audited again. */
final class AuditLogIds {

    static final String PREFIX = "audit/";

    private AuditLogIds() {
    }

    static String of(AuditEntry e) {
        return PREFIX + "entry/" + e.index();
    }
}
