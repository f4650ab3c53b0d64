-- First responses to creates sent with an Idempotency-Key (replayed for 24 h).
create table idempotency_keys (
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
