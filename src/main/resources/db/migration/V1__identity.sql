-- Users of this node. Passwords are bcrypt hashes; clearance is a level of the user's nation's policy.
create table kizuna_user (
    username      varchar(64)  primary key,
    password_hash varchar(100) not null,
    nation        varchar(3)   not null,
    clearance     varchar(40)  not null,
    accesses      varchar(400) not null default '',
    roles         varchar(200) not null,
    zone          varchar(64)  not null,
    created_at    timestamp with time zone not null
);
