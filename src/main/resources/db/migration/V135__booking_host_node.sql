-- the nation whose node a request filed here was sent to (the host of its facilities, an approved peer), which plans it;
-- null for a request this node plans (docs/booking.md, "Requests to the host's node")
alter table booking_request add column host_node varchar(3);
