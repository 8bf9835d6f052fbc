-- Bilateral plans: the plan, its participating nations with their designated approvers, its versions with their
-- sections (each under its own label), approvals bound to a version's hash, and the change history.
create table plan (
    id           varchar(40) primary key,
    title        varchar(200) not null,
    title_label  varchar(200) not null,
    kind         varchar(30) not null,
    salt         varchar(32) not null,
    next_section integer not null,
    created_by   varchar(64) not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null
);

create table plan_nation (
    plan_id  varchar(40) not null references plan (id),
    position integer not null,
    nation   varchar(3) not null,
    approver varchar(64) not null,
    primary key (plan_id, nation)
);

create table plan_version (
    plan_id    varchar(40) not null references plan (id),
    number     integer not null,
    status     varchar(20) not null,
    hash       varchar(64) not null,
    created_by varchar(64) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    primary key (plan_id, number)
);

create table plan_section (
    plan_id     varchar(40) not null,
    version     integer not null,
    position    integer not null,
    section_key varchar(16) not null,
    heading     varchar(200) not null,
    label       varchar(200) not null,
    body        varchar(20000) not null,
    primary key (plan_id, version, position),
    foreign key (plan_id, version) references plan_version (plan_id, number)
);

create table plan_approval (
    plan_id     varchar(40) not null,
    version     integer not null,
    nation      varchar(3) not null,
    approver    varchar(64) not null,
    hash        varchar(64) not null,
    approved_at timestamp with time zone not null,
    primary key (plan_id, version, nation),
    foreign key (plan_id, version) references plan_version (plan_id, number)
);

create table plan_history (
    plan_id varchar(40) not null references plan (id),
    seq     integer not null,
    changed_at timestamp with time zone not null,
    actor   varchar(64) not null,
    action  varchar(20) not null,
    version integer not null,
    note    varchar(500),
    primary key (plan_id, seq)
);

create table plan_history_section (
    plan_id     varchar(40) not null,
    seq         integer not null,
    position    integer not null,
    section_key varchar(16) not null,
    change      varchar(10) not null,
    heading     varchar(200) not null,
    label       varchar(200) not null,
    primary key (plan_id, seq, position),
    foreign key (plan_id, seq) references plan_history (plan_id, seq)
);
