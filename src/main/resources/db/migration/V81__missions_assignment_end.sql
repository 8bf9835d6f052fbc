-- Ending an assignment (or correcting its end) sets valid_to and records who did it, when, and why.
alter table missions_assignment add column ended_by varchar(64);
alter table missions_assignment add column ended_at timestamp with time zone;
alter table missions_assignment add column end_note varchar(500);
