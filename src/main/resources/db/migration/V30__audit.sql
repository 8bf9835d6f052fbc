-- Audit log: one row per Merkle leaf. record holds the canonical bytes the leaf hash covers; the
-- index is part of those bytes too, so a row moved to another index no longer matches its position.
create table audit_entry (
    entry_index bigint primary key,
    record      bytea  not null,
    leaf_hash   bytea  not null
);

-- Signed tree heads: the node's Ed25519 signature over (size, timestamp, root).
create table audit_tree_head (
    tree_size  bigint primary key,
    root_hash  bytea not null,
    signed_at  timestamp with time zone not null,
    signature  bytea not null
);
