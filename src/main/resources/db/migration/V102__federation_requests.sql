-- Requests between nodes (docs/federation.md, "Requests to the owner"): what each peer was last sent of an item, and
-- the requests this node sent to the owners of its replicas ('out') or received about the items it owns ('in').

-- The header and the ids of the parts the guard released to the peer with the item's last version (JSON), so that an
-- owner can check a request against what the requester was sent; null after a withdrawal.
alter table federation_shared add column released text;

-- header: the request's unlabelled facts (JSON); state: pending, accepted, refused or not-sent; reason: the owner's
-- words for a refusal (or why it was not sent).
create table federation_request (
    direction   varchar(3) not null,
    peer        varchar(3) not null,
    id          varchar(64) not null,
    kind        varchar(32) not null,
    about_kind  varchar(32) not null,
    about_id    varchar(64) not null,
    header      text not null,
    state       varchar(10) not null,
    reason      varchar(1000),
    created_at  timestamp with time zone not null,
    answered_at timestamp with time zone,
    primary key (direction, peer, id)
);

create index federation_request_about on federation_request (about_kind, about_id);
