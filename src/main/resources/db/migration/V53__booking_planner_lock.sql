-- One row that every transaction of the booking planner locks first (select ... for update), so that the replicas of a
-- node that share this database plan one after another, as the threads of one process do.
create table booking_planner_lock (
    id int primary key
);

insert into booking_planner_lock (id) values (1);
