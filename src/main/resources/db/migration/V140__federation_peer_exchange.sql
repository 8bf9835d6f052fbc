-- What of the picture goes to a peer, as this node's administrator agreed with it (docs/federation.md, "The picture
-- across nodes"): 'tracks' (this node's fused tracks, the default for a peer without a row) or 'observations' (every
-- report of this node's own sensors the guard releases to the peer's nation). Each node decides what it sends.
create table federation_peer_exchange (
    nation     varchar(3) primary key,
    exchange   varchar(16) not null,
    decided_by varchar(64) not null,
    decided_at timestamp with time zone not null
);
