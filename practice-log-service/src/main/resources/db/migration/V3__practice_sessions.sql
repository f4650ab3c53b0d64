-- Live timed practice sessions: at most one active per user and skill.
create table practice_sessions (
    id         uuid primary key,
    user_id    uuid        not null,
    skill_id   uuid        not null,
    started_at timestamptz not null,
    ended_at   timestamptz,
    status     text        not null check (status in ('active', 'completed', 'partial', 'abandoned')),
    log_id     uuid,
    version    bigint      not null
);
create unique index practice_sessions_one_active_idx on practice_sessions (user_id, skill_id) where status = 'active';
create index practice_sessions_user_idx on practice_sessions (user_id, started_at desc);

-- activity_type as the API spells it
update practice_logs set activity_type = lower(activity_type);
alter table practice_logs add constraint practice_logs_activity_type_check
    check (activity_type in ('practice', 'project', 'reading', 'video', 'course', 'exercise'));
