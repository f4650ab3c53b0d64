-- The full cached analytics: per (user, skill) and per user, each with its per-day series, so a
-- read is one indexed lookup plus arithmetic for "today".

alter table skills add column milestone_ids text[] not null default '{}';

-- Status per roadmap milestone, from milestone.updated.v1 (newest version wins).
create table milestone_status (
    skill_id     uuid   not null,
    milestone_id text   not null,
    user_id      uuid   not null,
    status       text   not null,
    version      bigint not null,
    primary key (skill_id, milestone_id)
);
create index milestone_status_user_idx on milestone_status (user_id);

alter table skill_progress
    add column difficulty_sum   bigint  not null default 0,
    add column difficulty_count integer not null default 0,
    add column confidence_sum   bigint  not null default 0,
    add column confidence_count integer not null default 0,
    add column day_dates        date[]  not null default '{}',
    add column day_sessions     integer[] not null default '{}',
    add column day_minutes      integer[] not null default '{}';

-- The same across all of a user's (live) skills: user-level streaks, windows, calendars, goals.
create table user_progress (
    user_id        uuid primary key,
    total_sessions integer     not null,
    total_minutes  bigint      not null,
    day_dates      date[]      not null,
    day_sessions   integer[]   not null,
    day_minutes    integer[]   not null,
    as_of          timestamptz not null,
    updated_at     timestamptz not null
);

-- Weekly goals: the one thing users write here (kept by a rebuild).
create table goals (
    user_id         uuid primary key,
    weekly_minutes  integer,
    weekly_sessions integer,
    version         bigint      not null,
    updated_at      timestamptz not null
);
