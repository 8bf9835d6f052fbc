-- A refused or cancelled request's reason as a message code with its arguments (JSON), told in each reader's language
-- when read; null for rows written before (their English reason is shown as it is) and where it would not fit.
alter table booking_request add column reason_code varchar(4000);
