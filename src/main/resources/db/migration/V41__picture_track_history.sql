-- Journal of track versions, written asynchronously in batches (never on the picture's hot path).
-- Every row carries the banner of its label; reads are filtered by the reader.
create table picture_track_history (
    track_id     varchar(256) not null,
    observed_at  timestamp with time zone not null,
    lat          double precision not null,
    lon          double precision not null,
    speed        double precision,
    course       double precision,
    cot_type     varchar(64) not null,
    label        varchar(200) not null,
    self_reported boolean not null
);
create index picture_track_history_track on picture_track_history (track_id, observed_at);
