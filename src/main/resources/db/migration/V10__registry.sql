-- The registry of the alliance's structure, valid-time versioned (valid_to is exclusive; null = open).
-- Every row carries the banner of its label; reads go through the label module.
create table registry_source (
    id        varchar(64) primary key,
    url       varchar(500) not null,
    publisher varchar(200) not null,
    published varchar(40),
    label     varchar(200) not null
);

create table registry_nation (
    code  varchar(3) primary key,
    name  varchar(100) not null,
    zone  varchar(64) not null,
    label varchar(200) not null
);

create table registry_organization (
    id           varchar(64) not null,
    valid_from   date,
    valid_to     date,
    nation       varchar(3) not null references registry_nation (code),
    kind         varchar(20) not null,
    parent_id    varchar(64),
    component_of varchar(64),
    name         varchar(200) not null,
    abbreviation varchar(60) not null,
    site         varchar(200),
    lat          double precision,
    lon          double precision,
    zone         varchar(64) not null,
    note         varchar(1000),
    sources      varchar(1000) not null,
    verification varchar(20) not null,
    label        varchar(200) not null,
    primary key (id, valid_from)
);

create table registry_relation (
    id           varchar(64) primary key,
    kind         varchar(20) not null,
    from_id      varchar(64) not null,
    to_id        varchar(64) not null,
    valid_from   date,
    valid_to     date,
    note         varchar(1000),
    sources      varchar(1000) not null,
    verification varchar(20) not null,
    label        varchar(200) not null
);

create table registry_facility (
    id             varchar(64) primary key,
    name           varchar(200) not null,
    kind           varchar(20) not null,
    operator       varchar(200),
    lat            double precision not null,
    lon            double precision not null,
    zone           varchar(64) not null,
    host_nation    varchar(3) not null,
    users          varchar(200) not null,
    joint_use      varchar(10),
    joint_use_note varchar(500),
    hosts          varchar(500) not null,
    note           varchar(1000),
    valid_from     date,
    valid_to       date,
    sources        varchar(1000) not null,
    verification   varchar(20) not null,
    label          varchar(200) not null
);

create table registry_force_posture (
    id           bigint primary key,
    metric       varchar(64) not null,
    amount       double precision not null,
    unit         varchar(40),
    as_of        date not null,
    note         varchar(1000),
    sources      varchar(1000) not null,
    verification varchar(20) not null,
    label        varchar(200) not null
);

create table registry_agreement (
    id               varchar(64) primary key,
    parties          varchar(100) not null,
    host_nation      varchar(3) not null,
    entry_into_force date not null,
    sources          varchar(1000) not null,
    verification     varchar(20) not null,
    label            varchar(200) not null
);
