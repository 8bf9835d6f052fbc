-- The label a user's unlabelled reports take (a CoT client's position reports as ATAK sends them), set by an
-- administrator: a marking the node may hold and the user may read. Null: the user's own nation only.
alter table kizuna_user add column default_label varchar(400);
