-- Federation of bookings (docs/booking.md, "Shared with partner nodes"): each request's share version (raised by every
-- change the node shares) and, for a read-only replica, the node whose request it is.
alter table booking_request add column share_version bigint default 0 not null;
alter table booking_request add column replica_of varchar(3);
