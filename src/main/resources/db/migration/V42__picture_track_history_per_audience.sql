-- Track history per audience (issue 10, point 7). A self-reported version is the same for every
-- audience: it is journalled once, under the nation that reported it (owner_nation), with audience ''
-- and filtered by its label when read. A fused track is each audience's own estimate: it is journalled
-- under the audience that sees it (audience = SHA-256 name of the reader) and read by that audience only.
-- The fused versions journalled before this migration were the node's top audience's estimates, and the
-- self-reported ones have no owner: neither can be attributed, so they are dropped (the retention would
-- drop them within days anyway).
delete from picture_track_history;
alter table picture_track_history add column owner_nation varchar(3) default '' not null;
alter table picture_track_history add column audience varchar(64) default '' not null;
drop index picture_track_history_track;
create index picture_track_history_track on picture_track_history (track_id, audience, owner_nation, observed_at);
-- the retention job deletes by age
create index picture_track_history_observed on picture_track_history (observed_at);
