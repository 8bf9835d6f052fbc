-- Facilities that hold more than one booking at a time (lanes of a range, berths of a pier).
create table booking_capacity (
    facility_id varchar(64) primary key,
    capacity    integer not null check (capacity >= 1)
);
