-- Requests for shared facilities and the bookings that answer them; times are UTC instants.
create table booking_request (
    id               varchar(40) primary key,
    unit_id          varchar(64) not null,
    nation           varchar(3) not null,
    requester_zone   varchar(64) not null,
    facilities       varchar(1000) not null,
    duration_minutes integer not null,
    earliest_start   timestamp with time zone not null,
    latest_start     timestamp with time zone not null,
    preferred_start  timestamp with time zone not null,
    priority         integer not null,
    noisy            boolean not null,
    label            varchar(200) not null,
    state            varchar(20) not null,
    reason           varchar(2000),
    facility_id      varchar(64),
    starts_at        timestamp with time zone,
    ends_at          timestamp with time zone,
    confirmed        boolean not null default false,
    requested_by     varchar(64) not null,
    created_at       timestamp with time zone not null
);

-- Maintenance and closure windows of a facility.
create table booking_closure (
    facility_id varchar(64) not null,
    starts_at   timestamp with time zone not null,
    ends_at     timestamp with time zone not null,
    reason      varchar(200) not null
);

-- Periods agreed for US use of a II-4(b) facility (a Japanese facility US forces may use for limited periods).
create table booking_agreed_period (
    facility_id varchar(64) not null,
    starts_at   timestamp with time zone not null,
    ends_at     timestamp with time zone not null
);
