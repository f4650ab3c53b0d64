-- Live sessions: a planned length, pauses (paused time is not practice time), the minutes practised
-- once ended (for the average), and keyset pages of a user's sessions.
alter table practice_sessions
    add column planned_minutes   integer check (planned_minutes between 1 and 1440),
    add column paused_at         timestamptz,
    add column paused_seconds    bigint  not null default 0 check (paused_seconds >= 0),
    add column practised_minutes integer check (practised_minutes between 0 and 1440);

update practice_sessions
   set practised_minutes = least(floor(extract(epoch from ended_at - started_at) / 60), 1440)
 where ended_at is not null;

alter table practice_sessions drop constraint practice_sessions_status_check;
alter table practice_sessions add constraint practice_sessions_status_check
    check (status in ('active', 'paused', 'completed', 'partial', 'abandoned'));
alter table practice_sessions add constraint practice_sessions_paused_check
    check ((status = 'paused') = (paused_at is not null));

-- a paused session is still the skill's live one
drop index practice_sessions_one_active_idx;
create unique index practice_sessions_one_active_idx on practice_sessions (user_id, skill_id) where status in ('active', 'paused');

drop index practice_sessions_user_idx;
create index practice_sessions_user_page_idx on practice_sessions (user_id, started_at desc, id desc);
