-- Whether a sensor's position was surveyed: its reports are a reference for the tracker's estimates of the
-- other sensors' registration bias. Sensors registered before were not said to be surveyed.
alter table picture_sensor add column surveyed boolean default false not null;
-- the fixed land radars the demo scenario seeded (registered by 'demo') were surveyed, as the demo now seeds them
update picture_sensor set surveyed = true
 where registered_by = 'demo' and id in ('USA-TPY2-SHARIKI', 'USA-TPY2-KYOGA', 'JPN-FPS5-SADO');
