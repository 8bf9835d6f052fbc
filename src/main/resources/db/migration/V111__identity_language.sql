-- The language a user chose for the console (en or ja); null: the browser's language decides.
alter table kizuna_user add column language varchar(8);
