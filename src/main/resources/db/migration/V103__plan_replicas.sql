-- Federation of plans (docs/plans.md, "Shared with partner nodes"): each plan's share version (raised by every change,
-- approval and comment the node shares), the node whose plan a read-only replica is, and whether a replica's title was
-- released to this node; and comments on plans, each under its own label.
alter table plan add column share_version bigint default 0 not null;
alter table plan add column replica_of varchar(3);
alter table plan add column title_held boolean default true not null;

-- nation and author: who wrote the comment (a user of that nation, on this node or, when via is set, on that peer node)
create table plan_comment (
    plan_id    varchar(40) not null references plan (id),
    id         varchar(64) not null,
    nation     varchar(3) not null,
    author     varchar(64) not null,
    label      varchar(200) not null,
    body       varchar(4000) not null,
    via        varchar(3),
    created_at timestamp with time zone not null,
    primary key (plan_id, id)
);
