-- Roles and missions: which organization (a registry organization) leads, supports or is supported in a
-- mission area in a region, during a period of valid time (valid_from inclusive, valid_to exclusive or open).
create table missions_assignment (
    id              varchar(40) primary key,
    area            varchar(64) not null,
    region          varchar(64) not null,
    organization_id varchar(64) not null,
    nation          varchar(3) not null,
    role            varchar(12) not null,
    task            varchar(200),
    division        varchar(500),
    valid_from      date not null,
    valid_to        date,
    note            varchar(500),
    sources         varchar(1000) not null default '',
    verification    varchar(20) not null,
    label           varchar(200) not null,
    recorded_by     varchar(64) not null,
    recorded_at     timestamp with time zone not null
);

create index missions_assignment_cell on missions_assignment (area, region);
