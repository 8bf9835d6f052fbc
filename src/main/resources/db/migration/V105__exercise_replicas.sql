-- Federation of exercises (docs/exercises.md, "Shared with partner nodes"): whether the node shares an exercise (one
-- planned through its API; not the reference and demo data every node loads), its share version (raised by every
-- write), and, for a read-only replica, the node whose exercise it is.
alter table exercise add column shared boolean default false not null;
alter table exercise add column share_version bigint default 0 not null;
alter table exercise add column replica_of varchar(3);

-- exercises planned through the API before this migration (their ids are EX- and 8 hex digits; the reference and demo
-- exercises have readable ids) are shared from their next write on
update exercise set shared = true where id like 'EX-%';
