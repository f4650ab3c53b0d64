-- Weekly goals per skill (PUT /progress/skills/{id}/goal), beside the user's own in goals.
create table skill_goals (
    skill_id        uuid primary key,
    user_id         uuid        not null,
    weekly_minutes  integer,
    weekly_sessions integer,
    version         bigint      not null,
    updated_at      timestamptz not null
);
create index skill_goals_user_idx on skill_goals (user_id);

-- Each goal.met.v1 sent: once per goal and week. goal is the skill's id, or the user's own id for
-- their weekly goal across skills.
create table goals_met (
    user_id    uuid        not null,
    goal       uuid        not null,
    week_start date        not null,
    met_at     timestamptz not null,
    primary key (user_id, goal, week_start)
);

-- a skill's goal is part of what the skills cache holds: its changes are notified as the figures' are
-- (V8's function; a database the earlier scripts left unfinished has none, and the platform's check
-- refuses that database once the versioned scripts have run)
do $$
begin
    if exists (select 1 from pg_proc where proname = 'notify_skills_changed') then
        create trigger skill_goals_inserted after insert on skill_goals referencing new table as changed
            for each statement execute function notify_skills_changed();
        create trigger skill_goals_updated after update on skill_goals referencing new table as changed
            for each statement execute function notify_skills_changed();
        create trigger skill_goals_deleted after delete on skill_goals referencing old table as changed
            for each statement execute function notify_skills_changed();
        create trigger skill_goals_truncated after truncate on skill_goals
            for each statement execute function notify_skills_changed();
    end if;
end
$$;
