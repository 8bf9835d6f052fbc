-- TAK data packages (the tak module): files TAK clients share through /Marti/sync, each under a label.
-- hash is the SHA-256 of the content in hex, as TAK clients name packages; the same content uploaded under
-- another label (or by another user) is another row, so an upload never shows whether someone else holds it.
create table tak_data_package (
    id              varchar(36) primary key,
    hash            varchar(64) not null,
    name            varchar(255) not null,
    mime_type       varchar(100) not null,
    keywords        varchar(1000) not null default '',
    creator_uid     varchar(256),
    submitted_by    varchar(64) not null,
    submitted_at    timestamp with time zone not null,
    size_bytes      bigint not null,
    label           varchar(1000) not null,
    content         bytea not null
);

create index tak_data_package_hash on tak_data_package (hash);
create index tak_data_package_submitted on tak_data_package (submitted_at);
