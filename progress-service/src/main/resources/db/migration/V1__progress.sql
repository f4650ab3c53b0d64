-- The progress read model: built only from events, rebuildable from the topics.

-- What this service knows of skills, from skill-events.
create table skills (
    id           uuid primary key,
    user_id      uuid    not null,
    name         text    not null,
    target_hours integer,
    version      bigint  not null,
    deleted      boolean not null default false
);
create index skills_user_idx on skills (user_id);

-- One row per practice log ever seen: its latest version's facts. A deleted log stays as a
-- tombstone so a late, older event cannot bring it back.
create table log_facts (
    log_id         uuid primary key,
    user_id        uuid        not null,
    skill_id       uuid        not null,
    date_practiced timestamptz not null,
    local_date     date        not null,
    minutes        integer     not null,
    difficulty     smallint,
    confidence     smallint,
    milestone_id   text,
    version        bigint      not null,
    deleted        boolean     not null default false
);
create index log_facts_skill_idx on log_facts (skill_id);
create index log_facts_user_day_idx on log_facts (user_id, local_date) where not deleted;

-- Cached analytics per (user, skill), recomputed whenever one of its logs changes.
create table skill_progress (
    skill_id           uuid primary key,
    user_id            uuid        not null,
    total_sessions     integer     not null,
    total_minutes      bigint      not null,
    first_practiced_at timestamptz,
    last_practiced_at  timestamptz,
    as_of              timestamptz not null,
    updated_at         timestamptz not null
);
create index skill_progress_user_idx on skill_progress (user_id);
