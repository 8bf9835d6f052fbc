-- Exercise series, exercises and their stages, products, master scenario events list (injects), observations,
-- issues and lessons. Every row carries its own label; lists are stored as text (nations and units comma-separated,
-- domains, objectives and sources one a line). Times are UTC instants, dates local to the exercise.
create table exercise_series (
    id           varchar(64) primary key,
    name         varchar(200) not null,
    cadence      varchar(500) not null,
    domain       varchar(500),
    participants varchar(1000),
    sources      varchar(4000) not null,
    verification varchar(20) not null,
    label        varchar(200) not null
);

create table exercise (
    id            varchar(64) primary key,
    series_id     varchar(64) not null references exercise_series (id),
    name          varchar(200) not null,
    template      varchar(10) not null,
    nations       varchar(200) not null,
    units         varchar(2000) not null,
    domains       varchar(2000) not null,
    objectives    varchar(8000) not null,
    lead_planners varchar(2000) not null,
    starts_on     date,
    ends_on       date,
    location      varchar(500),
    notes         varchar(1000),
    sources       varchar(4000) not null,
    verification  varchar(20),
    label         varchar(200) not null,
    created_by    varchar(64) not null,
    created_at    timestamp with time zone not null
);

create table exercise_stage (
    exercise_id   varchar(64) not null references exercise (id),
    stage         varchar(20) not null,
    ordinal       integer not null,
    planned_start date,
    planned_end   date,
    closed_at     timestamp with time zone,
    closed_by     varchar(64),
    primary key (exercise_id, stage)
);

create table exercise_product (
    id          varchar(40) primary key,
    exercise_id varchar(64) not null references exercise (id),
    stage       varchar(20) not null,
    kind        varchar(40) not null,
    title       varchar(200) not null,
    text        varchar(4000),
    reference   varchar(64),
    label       varchar(200) not null,
    added_by    varchar(64) not null,
    added_at    timestamp with time zone not null
);

create table exercise_inject (
    id              varchar(40) primary key,
    exercise_id     varchar(64) not null references exercise (id),
    inject_at       timestamp with time zone not null,
    owner_nation    varchar(3) not null,
    owner           varchar(64) not null,
    audience        varchar(200) not null,
    expected_action varchar(1000) not null,
    text            varchar(4000) not null,
    label           varchar(200) not null,
    created_at      timestamp with time zone not null,
    played_at       timestamp with time zone,
    played_by       varchar(64)
);

create table exercise_observation (
    id          varchar(40) primary key,
    exercise_id varchar(64) not null references exercise (id),
    inject_id   varchar(40),
    text        varchar(4000) not null,
    nation      varchar(3) not null,
    observed_by varchar(64) not null,
    observed_at timestamp with time zone not null,
    label       varchar(200) not null
);

create table exercise_issue (
    id             varchar(40) primary key,
    exercise_id    varchar(64) not null references exercise (id),
    observation_id varchar(40) not null references exercise_observation (id),
    title          varchar(200) not null,
    text           varchar(4000) not null,
    label          varchar(200) not null,
    raised_by      varchar(64) not null,
    raised_at      timestamp with time zone not null
);

create table exercise_lesson (
    id           varchar(40) primary key,
    exercise_id  varchar(64) not null references exercise (id),
    series_id    varchar(64) not null references exercise_series (id),
    issue_id     varchar(40) not null references exercise_issue (id),
    title        varchar(200) not null,
    text         varchar(4000) not null,
    owner        varchar(64) not null,
    owner_nation varchar(3) not null,
    status       varchar(10) not null,
    label        varchar(200) not null,
    recorded_by  varchar(64) not null,
    updated_at   timestamp with time zone not null
);

create index exercise_series_idx on exercise (series_id);
create index exercise_inject_idx on exercise_inject (exercise_id);
create index exercise_lesson_series_idx on exercise_lesson (series_id);
