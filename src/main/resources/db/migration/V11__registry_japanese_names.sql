-- The name Japanese staffs use for an organization version (reference data's name_ja); null where none is given.
alter table registry_organization add column name_ja varchar(200);
