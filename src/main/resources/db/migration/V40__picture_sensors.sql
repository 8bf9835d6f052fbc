-- Sensors whose reports feed the picture. Reports of a sensor carry uids 'ID.track'; unmarked reports
-- take the sensor's default label (a banner the label module parses).
create table picture_sensor (
    id              varchar(64) primary key,
    nation          varchar(3) not null,
    platform        varchar(120) not null,
    kind            varchar(20) not null,
    default_label   varchar(200) not null,
    accuracy_m      double precision not null,
    lat             double precision not null,
    lon             double precision not null,
    registered_at   timestamp with time zone not null,
    registered_by   varchar(64) not null
);
