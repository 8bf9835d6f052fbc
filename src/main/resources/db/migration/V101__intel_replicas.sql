-- Federation of intelligence reports (docs/federation.md): each report's version (raised by every change the node
-- shares) and whether it is a read-only replica of another node's report.
alter table intel_report add column version bigint default 0 not null;
alter table intel_report add column replica boolean default false not null;
