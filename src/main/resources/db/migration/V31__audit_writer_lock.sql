-- One row that every replica of the node locks (select ... for update) for each batch it appends, so that the replicas
-- sharing this database append to one log, one batch after the other.
create table audit_writer_lock (
    id int primary key
);

insert into audit_writer_lock (id) values (1);
