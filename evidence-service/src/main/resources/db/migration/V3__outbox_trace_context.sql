-- The W3C traceparent of the write that queued the event: the relay publishes the event in that
-- trace and passes it on in the record's headers (null for events written outside any trace).
alter table outbox add column traceparent text;
