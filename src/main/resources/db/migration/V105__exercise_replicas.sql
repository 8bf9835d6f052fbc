-- Federation of exercises (docs/exercises.md, "Shared with partner nodes"): whether the node shares an exercise (one
-- planned through its API; not the reference and demo data every node loads), its share version (raised by every
-- write), and, for a read-only replica, the node whose exercise it is.
alter table exercise add column shared boolean default false not null;
alter table exercise add column share_version bigint default 0 not null;
alter table exercise add column replica_of varchar(3);
