-- What a facility's neighbours accept: noisy half-hours per local month, set by the host nation's range controller.
create table booking_noise_budget (
    facility_id          varchar(64) primary key,
    half_hours_per_month integer not null check (half_hours_per_month >= 0)
);

-- Complaints from neighbours and local governments, with place and time; facilities: the facilities near the place.
create table booking_complaint (
    id           varchar(40) primary key,
    facilities   varchar(1000) not null,
    latitude     double precision,
    longitude    double precision,
    occurred_at  timestamp with time zone not null,
    kind         varchar(20) not null,
    source       varchar(200) not null,
    description  varchar(4000) not null,
    label        varchar(200) not null,
    recorded_by  varchar(64) not null,
    recorded_at  timestamp with time zone not null,
    action       varchar(4000),
    action_by    varchar(64),
    action_at    timestamp with time zone
);
create index booking_complaint_occurred on booking_complaint (occurred_at);
