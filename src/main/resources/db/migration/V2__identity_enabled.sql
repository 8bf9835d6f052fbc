-- A user an administrator disabled can no longer sign in, and the node refuses its client certificate.
alter table kizuna_user add column enabled boolean not null default true;
