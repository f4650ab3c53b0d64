-- Progress through a skill's roadmap, one row per milestone that has left not_started.
create table milestone_progress (
    skill_id     uuid        not null references skills (id) on delete cascade,
    milestone_id text        not null,
    user_id      uuid        not null,
    status       text        not null check (status in ('not_started', 'in_progress', 'completed', 'failed')),
    notes        text,
    started_at   timestamptz,
    completed_at timestamptz,
    version      bigint      not null,
    updated_at   timestamptz not null,
    primary key (skill_id, milestone_id)
);
create index milestone_progress_user_idx on milestone_progress (user_id);

-- Minutes practised per milestone, from practice-log events: one row per log that named a
-- milestone (latest version; deleted logs stay as tombstones so late events cannot revive them).
create table milestone_logs (
    log_id       uuid    primary key,
    user_id      uuid    not null,
    skill_id     uuid    not null references skills (id) on delete cascade,
    milestone_id text,
    minutes      integer not null,
    version      bigint  not null,
    deleted      boolean not null default false
);
create index milestone_logs_skill_idx on milestone_logs (skill_id, milestone_id) where not deleted;
create index milestone_logs_user_idx on milestone_logs (user_id);
