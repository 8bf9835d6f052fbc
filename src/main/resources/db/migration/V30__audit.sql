-- The append-only audit log: canonical record bytes (base64) and their RFC 6962 leaf hash, plus signed tree heads.
create table audit_entry (
    idx       bigint primary key,
    record    varchar(8000) not null,
    leaf_hash varchar(64) not null,
    label     varchar(200) not null
);

create table audit_tree_head (
    tree_size bigint primary key,
    root_hash varchar(64) not null,
    signed_at bigint not null,
    signature varchar(200) not null
);
