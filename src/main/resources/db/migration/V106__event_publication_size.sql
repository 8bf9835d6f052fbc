-- The event publication registry (Spring Modulith) keeps each event published in a module's transaction, serialized,
-- until its listeners complete: a record shared with partner nodes (ShareableChanged) or indexed for the search
-- (SearchableChanged) travels whole in it. Its H2 schema holds at most 4,000 characters, so a plan or an exercise of
-- more than a page failed the user's write on the default database. 10,485,760 characters (more than a federation frame
-- carries) is the most a varchar holds on PostgreSQL, whose text column it replaces, and fits H2's index.
-- The table is created here if the registry's own initialization has not run yet (the benchmarks migrate without it),
-- with the registry's columns.
create table if not exists event_publication (
    id                     uuid not null,
    completion_date        timestamp with time zone,
    event_type             varchar(512) not null,
    listener_id            varchar(512) not null,
    publication_date       timestamp with time zone not null,
    serialized_event       varchar(10485760) not null,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp with time zone,
    primary key (id)
);

alter table event_publication alter column serialized_event set data type varchar(10485760);
