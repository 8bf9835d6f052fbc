-- A request's reason (a refusal, or why it was not sent) as a message code with its arguments (JSON), told in each
-- reader's language when read; null for rows written before, for an older peer's answer that carries no code, and
-- where it would not fit (their English reason is shown as it is).
alter table federation_request add column reason_code varchar(4000);
