-- Practice logs: what a user practised, when, for how long, and how it felt.
create table practice_logs (
    id                uuid primary key,
    user_id           uuid        not null,
    skill_id          uuid        not null,
    date_practiced    timestamptz not null,
    local_date        date        not null,
    zone              text        not null,
    duration          integer     not null check (duration between 1 and 1440),
    description       text        not null,
    difficulty_rating smallint check (difficulty_rating between 1 and 5),
    confidence_rating smallint check (confidence_rating between 1 and 5),
    activity_type     text        not null,
    milestone_id      text,
    version           bigint      not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);

-- History, newest first, keyset on (date_practiced, id): one index scan per page at any depth.
-- It leads with user_id, so it also serves every lookup by user (the seed's (user_id) index).
create index practice_logs_user_history_idx on practice_logs (user_id, date_practiced desc, id desc);
-- The seed's (skill_id, date_practiced), extended by id for the ?skill_id= keyset.
create index practice_logs_skill_history_idx on practice_logs (skill_id, date_practiced desc, id desc);
-- The seed's (date_practiced): date-range scans across users (operations, retention).
create index practice_logs_date_idx on practice_logs (date_practiced);

-- What this service knows of skills, from skill-events (or the skills-service when too new).
create table known_skills (
    id            uuid primary key,
    user_id       uuid    not null,
    name          text    not null,
    milestone_ids text[]  not null default '{}',
    version       bigint  not null,
    deleted       boolean not null default false
);
create index known_skills_user_idx on known_skills (user_id);
