-- The alliance's statements and the commitments made in them, with the history of each commitment's changes.
create table commitment_source (
    id        varchar(64) primary key,
    url       varchar(500) not null,
    publisher varchar(200) not null,
    published varchar(40)
);

create table commitment_statement (
    id           varchar(64) primary key,
    stated       varchar(10) not null,
    stated_day   date not null,
    kind         varchar(20) not null,
    forum        varchar(100) not null,
    forum_note   varchar(500),
    title        varchar(300) not null,
    summary      varchar(2000) not null,
    sources      varchar(1000) not null,
    verification varchar(20) not null,
    label        varchar(200) not null
);

create table commitment (
    id                varchar(64) primary key,
    statement_id      varchar(64) not null references commitment_statement (id),
    body              varchar(1000) not null,
    owner_nation      varchar(3) not null,
    organization_id   varchar(64) not null,
    organization_note varchar(500),
    deadline          date,
    deadline_note     varchar(500),
    status            varchar(20) not null,
    evidence          varchar(2000),
    evidence_url      varchar(500),
    sources           varchar(1000) not null,
    verification      varchar(20) not null,
    note              varchar(1000),
    label             varchar(200) not null,
    updated_at        timestamp with time zone not null
);

create table commitment_change (
    commitment_id    varchar(64) not null references commitment (id),
    seq              integer not null,
    changed_at       timestamp with time zone not null,
    dated            varchar(10) not null,
    actor            varchar(64) not null,
    status_from      varchar(20),
    status_to        varchar(20),
    deadline_changed boolean not null,
    deadline_from    date,
    deadline_to      date,
    evidence         varchar(2000),
    evidence_url     varchar(500),
    note             varchar(1000),
    sources          varchar(1000) not null,
    verification     varchar(20),
    primary key (commitment_id, seq)
);
