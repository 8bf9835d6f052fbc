package org.kizuna.audit;

/** What an audit record is about; the name, not the ordinal, is what the log stores. */
public enum AuditKind {
    /** A reader was allowed or denied an item. */
    READ_DECISION,
    /** An item went through (or was stopped at) the guard towards a partner. */
    RELEASE,
    /** A person approved a release, a plan or a booking. */
    APPROVAL,
    /** A sign-in, successful or not. */
    AUTHENTICATION,
    /** A change of policy, equivalence tables, users or keys. */
    ADMINISTRATION,
    /** Data left the node by a route other than the guard, such as a calendar or file export. */
    EXPORT
}
