-- Federation of commitments (docs/commitments.md, "Shared with partner nodes"): each commitment's share version (raised
-- by every change its owner nation's node shares) and, for a read-only replica, the node whose commitment it is.
alter table commitment add column share_version bigint default 0 not null;
alter table commitment add column replica_of varchar(3);
