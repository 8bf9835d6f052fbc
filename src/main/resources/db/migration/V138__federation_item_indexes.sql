-- The way out reads what each peer was last sent of a group of up to 1,000 items, and the way in the replicas held of
-- a batch's items, each with one query by item id (item_id in (...)). H2 uses an index for such a list only on an
-- index's first column, so without these each query read every row of the peer (or of the kind).
create index federation_shared_item on federation_shared (item_id);
create index federation_replica_item on federation_replica (item_id);
