-- Federation (docs/federation.md): peers, the per-peer durable outbox, the link cursors and the replicas received.

-- A partner node: its nation, where it listens, its CA certificate (PEM) and that certificate's SHA-256 fingerprint.
-- state: pending (known, not admitted), approved (an administrator approved the fingerprint), revoked (link cut).
create table federation_peer (
    nation         varchar(3) primary key,
    address        varchar(255) not null,
    ca_certificate varchar(8000) not null,
    fingerprint    varchar(100) not null,
    state          varchar(10) not null,
    decided_by     varchar(64),
    decided_at     timestamp with time zone,
    created_at     timestamp with time zone not null
);

-- The items waiting to leave for a peer, in sequence order; a row is deleted once the peer acknowledged its sequence.
-- data: the signed envelope's canonical JSON; banner: the label bound to it; digest and signature: the binding.
create table federation_outbox (
    peer       varchar(3) not null,
    seq        bigint not null,
    kind       varchar(32) not null,
    item_id    varchar(64) not null,
    version    bigint not null,
    data       text not null,
    banner     varchar(400) not null,
    digest     varchar(200) not null,
    signature  varchar(400) not null,
    created_at timestamp with time zone not null,
    primary key (peer, seq)
);

-- Per peer: the next sequence to give an outgoing item, the highest the peer acknowledged, and the highest sequence
-- received from the peer and applied here (in the transaction that applied it).
create table federation_cursor (
    peer     varchar(3) primary key,
    next_seq bigint not null,
    acked    bigint not null,
    received bigint not null
);

-- The last version of each owned item sent to each peer (so that an item that stops being releasable is withdrawn).
create table federation_shared (
    peer    varchar(3) not null,
    kind    varchar(32) not null,
    item_id varchar(64) not null,
    version bigint not null,
    primary key (peer, kind, item_id)
);

-- Replicas held here: the verified envelope of another node's item, its version and where it came from.
create table federation_replica (
    kind        varchar(32) not null,
    item_id     varchar(64) not null,
    owner_node  varchar(3) not null,
    version     bigint not null,
    banner      varchar(400) not null,
    data        text not null,
    signer      varchar(64) not null,
    received_at timestamp with time zone not null,
    primary key (kind, item_id)
);
