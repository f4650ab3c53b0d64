-- The platform's tables, in every service's database: the outbox (OutboxRelay), the Idempotency-Key
-- records (IdempotentCreates) and the erased users (ErasedUsers). The platform owns them, so this one
-- script defines them for all four services.
--
-- A repeatable migration: Flyway runs it after the service's versioned ones whenever its text changes.
-- Every statement is idempotent (databases created before the platform owned these tables already have
-- them), and a change is made by adding a statement that is idempotent too, never by editing one.

-- Events waiting for the relay; seq is the publication order.
create table if not exists outbox (
    seq         bigint generated always as identity primary key,
    event_id    uuid        not null unique,
    topic       text        not null,
    type        text        not null,
    subject     text        not null,
    user_id     uuid        not null,
    occurred_at timestamptz not null,
    payload     text        not null
);
-- The W3C traceparent of the write that queued the event: the relay publishes the event in that trace
-- and passes it on in the record's headers (null for events written outside any trace).
alter table outbox add column if not exists traceparent text;

-- First responses to creates sent with an Idempotency-Key (replayed for 24 h).
create table if not exists idempotency_keys (
    user_id         uuid        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    status          integer     not null,
    location        text,
    version         bigint      not null,
    body            text        not null,
    created_at      timestamptz not null,
    primary key (user_id, idempotency_key)
);

-- Users erased (by a hash of their id) and when, so late events cannot bring their data back.
create table if not exists erased_users (
    user_hash bytea primary key,
    erased_at timestamptz not null
);
