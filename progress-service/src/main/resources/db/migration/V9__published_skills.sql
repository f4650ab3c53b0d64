-- What progress-events last said of each skill (ProgressPublisher): the version of its figures, a
-- digest of the stored figures that version published, the time of the change it published, and the
-- highest level and stage it has reached. Not part of the projection: a rebuild keeps it, so a replay
-- publishes only what it changes; the skill's deletion and the user's erasure (what was published
-- before it) delete it.
create table published_skills (
    skill_id      uuid     primary key,
    user_id       uuid     not null,
    version       bigint   not null,
    figures       uuid     not null,
    published_at  timestamptz not null,
    level_reached smallint not null,
    -- 0 beginner, 1 intermediate, 2 advanced
    stage_reached smallint not null
);
create index published_skills_user_idx on published_skills (user_id);

-- The skills figured before: their current figures count as published (version 0), and the levels
-- their sessions reached as reached (sessions 10, 25, 45, 75: levels 2–5), so that their next change
-- announces nothing old. Their stage is a figure of the day it is read: the first one reached from
-- here on is announced.
insert into published_skills (skill_id, user_id, version, figures, published_at, level_reached, stage_reached)
select skill_id, user_id, 0,
       md5(row(total_sessions, total_minutes, first_practiced_at, last_practiced_at, difficulty_sum, difficulty_count,
               confidence_sum, confidence_count, day_dates, day_sessions, day_minutes)::text)::uuid,
       as_of,
       1 + (total_sessions >= 10)::int + (total_sessions >= 25)::int + (total_sessions >= 45)::int + (total_sessions >= 75)::int,
       0
  from skill_progress;

-- When the projection was last emptied to be replayed from the topics (ProjectionRebuild): changes
-- from before then are replays, and publish nothing (one row, kept by the rebuild itself).
create table projection_rebuild (
    singleton  boolean     primary key default true check (singleton),
    started_at timestamptz not null
);
