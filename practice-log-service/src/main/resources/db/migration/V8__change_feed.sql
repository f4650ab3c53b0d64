-- The change feed (GET /practice-logs/changes): each user's log changes numbered in commit order.
-- A write takes its numbers from its user's feed row and holds that row locked until it commits,
-- so a user's higher number always commits after every lower one: a reader that sees a number sees
-- every number below it, and a cursor (the last number a client applied) never skips a slow writer.
create table log_feeds (
    user_id        uuid   primary key,
    -- new with each row: a cursor of an earlier feed of the same user (before an erasure) is refused
    feed_id        uuid   not null,
    last_seq       bigint not null check (last_seq > 0),
    -- the highest number of a pruned tombstone: a cursor below it may have missed a deletion
    pruned_through bigint not null default 0
);

-- A live log carries the number of its latest change.
alter table practice_logs add column change_seq bigint;
update practice_logs p
   set change_seq = numbered.seq
  from (select id, row_number() over (partition by user_id order by updated_at, id) as seq from practice_logs) numbered
 where p.id = numbered.id;
insert into log_feeds (user_id, feed_id, last_seq)
select user_id, gen_random_uuid(), max(change_seq) from practice_logs group by user_id;
alter table practice_logs alter column change_seq set not null;
create unique index practice_logs_changes_idx on practice_logs (user_id, change_seq);

-- A deleted log leaves a tombstone with the number of its deletion, pruned once old enough.
create table log_tombstones (
    user_id    uuid        not null,
    seq        bigint      not null,
    log_id     uuid        not null,
    deleted_at timestamptz not null,
    primary key (user_id, seq)
);
create index log_tombstones_deleted_at_idx on log_tombstones (deleted_at);
